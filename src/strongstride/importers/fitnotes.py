"""FitNotes' CSV export: a date with no time, one session per date, Category `Cardio` for cardio."""

from __future__ import annotations

from datetime import datetime

from strongstride.importers.cells import (
    BadCell, note_text, parse_amount, parse_datetime, parse_duration, parse_unit, parse_whole,
)
from strongstride.importers.csv_source import Columns, CsvRows
from strongstride.importers.rows import BadRow, ParsedFile, RowOutcome, RowSet, Workout
from strongstride.importers.layout import read_layout
from strongstride.model.units import Unit

LAYOUT = "FitNotes"
WORKOUT_NAME = "FitNotes workout"
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("Date",),
    "exercise": ("Exercise",),
    "category": ("Category",),
    "weight": ("Weight", "Weight (kg)", "Weight (kgs)", "Weight (lb)", "Weight (lbs)"),
    "weight_unit": ("Weight Unit",),
    "reps": ("Reps",),
    "distance": ("Distance",),
    "distance_unit": ("Distance Unit",),
    "seconds": ("Time",),
    "notes": ("Comment", "Notes"),
}
REQUIRED = ("date", "exercise", "reps")
CARDIO_CATEGORY = "cardio"


def _row_outcome(line: int, row: list[str], columns: Columns, unit: Unit) -> RowOutcome:
    try:
        day = parse_datetime(columns.cell(row, "date"), "Date").date()
        workout = Workout(key=day.isoformat(), started_at=datetime.combine(day, datetime.min.time()), name=WORKOUT_NAME)
        exercise = columns.cell(row, "exercise")
        if not exercise:
            raise BadCell("Exercise is empty")
        return RowSet(
            line=line, workout=workout, exercise_name=exercise,
            unit=parse_unit(columns.cell(row, "weight_unit"), "Weight Unit") or unit,
            reps=parse_whole(columns.cell(row, "reps"), "Reps"),
            load=parse_amount(columns.cell(row, "weight"), "Weight"),
            seconds=parse_duration(columns.cell(row, "seconds"), "Time"),
            distance=parse_amount(columns.cell(row, "distance"), "Distance"),
            note=note_text(columns.cell(row, "notes")),
            cardio_category=columns.cell(row, "category").lower() == CARDIO_CATEGORY,
        )
    except BadCell as problem:
        return BadRow(line, str(problem))


def read_fitnotes(rows: CsvRows, default_unit: Unit) -> ParsedFile:
    """Every row of a FitNotes export as a set or a bad row, streamed."""
    return read_layout(rows, LAYOUT, COLUMNS, REQUIRED, default_unit, _row_outcome)
