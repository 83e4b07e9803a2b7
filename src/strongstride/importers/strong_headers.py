"""Strong's column names in the languages it exports in, field by field, as in `strong.COLUMNS`.

French is from a real export; Portuguese from public code that reads Strong's Portuguese exports. German,
Spanish, Italian and Dutch are Strong's words for the same screens, not yet seen in an export: a header
compares without accents, case or curly apostrophes, so a near spelling still matches.
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
