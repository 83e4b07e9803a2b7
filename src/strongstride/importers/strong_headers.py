"""Strong's column names in the languages it exports in, field by field, as in `strong.COLUMNS`.

Confirmed: French, from a real export and from a public parser's test fixture that holds a French Strong
header (in another column order, without `Notes de l'entraînement`); Portuguese, from public code that reads
Strong's Portuguese exports (its header written out in a comment). Unconfirmed: German, Spanish, Italian and
Dutch are Strong's words for the same screens, best guesses. A search of public code, issue threads and web
pages for `Trainingsname`, `Übungsname`, `Satzreihenfolge`, `Nombre del entrenamiento`, `Orden de la serie`,
`Nome dell'allenamento`, `Ordine della serie`, `Naam training`, `Setvolgorde` and the like found no Strong
export or parser in those languages, so nothing here could be checked against one. A header compares without
accents, case or curly apostrophes, so a near spelling still matches.
"""

from __future__ import annotations

LOCALISED_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("Data", "Datum", "Fecha"),
    "workout": (
        "Nom de l'entraînement", "Nome do treino", "Trainingsname", "Name des Trainings",
        "Nombre del entrenamiento", "Nome allenamento", "Nome dell'allenamento", "Trainingsnaam", "Naam training",
    ),
    "duration": ("Durée", "Duração", "Dauer", "Duración", "Durata", "Duur"),
    "exercise": (
        "Nom de l'exercice", "Nome do exercício", "Übungsname", "Name der Übung", "Nombre del ejercicio",
        "Nome esercizio", "Nome dell'esercizio", "Oefeningnaam", "Naam oefening",
    ),
    "set_order": (
        "Ordre de la série", "Ordem da série", "Satzreihenfolge", "Satz-Reihenfolge", "Reihenfolge",
        "Orden de la serie", "Orden de serie", "Ordine della serie", "Ordine serie", "Setvolgorde", "Volgorde set",
    ),
    "weight": ("Poids", "Peso", "Gewicht"),
    "reps": ("Réps", "Répétitions", "Wdh.", "Wdh", "Wiederholungen", "Repeticiones", "Ripetizioni", "Herhalingen"),
    "distance": ("Distância", "Distanz", "Distancia", "Distanza", "Afstand"),
    "seconds": ("Secondes", "Segundos", "Sekunden", "Secondi", "Seconden"),
    "notes": ("Notas", "Notizen", "Note", "Notities"),
    "workout_notes": (
        "Notes de l'entraînement", "Notas do treino", "Trainingsnotizen", "Notas del entrenamiento",
        "Note allenamento", "Note dell'allenamento", "Trainingsnotities",
    ),
}
