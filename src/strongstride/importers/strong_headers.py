"""Strong's column names and Set Order words in the languages it exports in, field by field, as in `strong.COLUMNS`.

Confirmed headers were seen in public examples of Strong's exports; each is written out below in Strong's own
column order, its source named beside it. Guessed names are Strong's words for the same screens in languages whose
export no public example shows: a search of public code, issue threads and web pages for `Nombre del ejercicio`,
`Orden de la serie`, `Nome esercizio`, `Ordine della serie`, `Oefeningnaam`, `Setvolgorde`, whole header lines such
as `Fecha,Nombre del entrenamiento` and `Distanza,Secondi,Note`, and Russian, Japanese, Chinese and Korean names for
Set Order found no Strong export or parser in those languages. Exports from phones in Italian (GB1609/GymBookToStrong,
strong.csv, 2025: `Allenamento del mattino`), Spanish (amigo163/gym_monitoring, SampleStrongFIle.csv: `Entrenamiento
por la tarde noche`) and Russian (andrewgrinko/strongcharts, strong.csv, 2019: `Воркаут после полудня`) were found
with English headers, only their workout names in the phone's language. A header compares without accents, case or
curly apostrophes, so a near spelling still matches.
"""

from __future__ import annotations

# The fields of Strong's current header, in the order Strong writes them.
STRONG_ORDER = (
    "date", "workout", "duration", "exercise", "set_order", "weight", "reps", "distance", "seconds", "notes",
    "workout_notes", "rpe",
)

CONFIRMED_HEADERS: dict[str, tuple[str, ...]] = {
    # A real export as first reported, and a public parser's test file holding the same names in another order
    # (RPE before Notes, no workout notes).
    "French": (
        "Date", "Nom de l'entraînement", "Durée", "Nom de l'exercice", "Ordre de la série", "Poids", "Réps",
        "Distance", "Secondes", "Notes", "Notes de l'entraînement", "RPE",
    ),
    # SebastienRdgs/stronger, strong.csv: a real French export (CRLF, no BOM, durations `1h 2min`), its workout
    # notes under `Notes d'entraînement`.
    "French, workout notes as Notes d'entraînement": (
        "Date", "Nom de l'entraînement", "Durée", "Nom de l'exercice", "Ordre de la série", "Poids", "Réps",
        "Distance", "Secondes", "Notes", "Notes d'entraînement", "RPE",
    ),
    # Public code that reads Strong's Portuguese exports, its header written out in a comment.
    "Portuguese": (
        "Data", "Nome do treino", "Duração", "Nome do exercício", "Ordem da série", "Peso", "Reps", "Distância",
        "Segundos", "Notas", "Notas do treino", "RPE",
    ),
    # anes7374/gymtracker, tests/strong-csv.test.js ("Export der deutschen Strong-App", with `Ruhezeit` rows), and
    # JonathanContrerasM/StrongInsight, docs/ingest.md and src/ingest/headerMap.ts (measured from a real German
    # export of 6,517 rows: CRLF, no BOM, no line end after the last row, `Ruhezeit` rest rows, durations
    # `1h 5min` / `54min`, distances in km), and Eliah3/sports-tracking, strong_workouts.csv (a real German export:
    # 364 rows, 180 of them `Ruhezeit`). Strong keeps `Workout` and writes Set Order as `Reihenfolge festlegen`.
    "German": (
        "Datum", "Workout-Name", "Dauer", "Name der Übung", "Reihenfolge festlegen", "Gewicht", "Wiederh.",
        "Entfernung", "Sekunden", "Notizen", "Workout-Notizen", "RPE",
    ),
}

# Guesses, kept so that a near header still reads; none is seen in a real export.
GUESSED_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("Fecha",),
    "workout": (
        "Trainingsname", "Name des Trainings", "Nombre del entrenamiento", "Nome allenamento",
        "Nome dell'allenamento", "Trainingsnaam", "Naam training",
    ),
    "duration": ("Duración", "Durata", "Duur"),
    "exercise": (
        "Übungsname", "Nombre del ejercicio", "Nome esercizio", "Nome dell'esercizio", "Oefeningnaam",
        "Naam oefening",
    ),
    "set_order": (
        "Satzreihenfolge", "Satz-Reihenfolge", "Reihenfolge", "Orden de la serie", "Orden de serie",
        "Ordine della serie", "Ordine serie", "Setvolgorde", "Volgorde set",
    ),
    "reps": ("Répétitions", "Wdh.", "Wdh", "Wiederholungen", "Repeticiones", "Ripetizioni", "Herhalingen"),
    "distance": ("Distanz", "Distancia", "Distanza", "Afstand"),
    "seconds": ("Secondi", "Seconden"),
    "notes": ("Note", "Notities"),
    "workout_notes": (
        "Trainingsnotizen", "Notas del entrenamiento", "Note allenamento", "Note dell'allenamento",
        "Trainingsnotities",
    ),
}


def _localised_columns() -> dict[str, tuple[str, ...]]:
    """Every field's names in other languages: the confirmed ones first, then the guesses, each once."""
    names: dict[str, list[str]] = {field: [] for field in STRONG_ORDER}
    for header in CONFIRMED_HEADERS.values():
        for field, name in zip(STRONG_ORDER, header, strict=True):
            names[field].append(name)
    for field, guesses in GUESSED_COLUMNS.items():
        names[field].extend(guesses)
    return {field: tuple(dict.fromkeys(found)) for field, found in names.items()}


LOCALISED_COLUMNS = _localised_columns()

# Set Order's rest-timer row in other languages, as the sources above show it (`Rest Timer` in English).
LOCALISED_REST_TIMER_WORDS = ("ruhezeit",)     # German: every German source above
