"""FitNotes' CSV export: a date with no time, one session per date, Category `Cardio` for cardio.

FitNotes does not quote a name with a comma in it (`Overhead Press (Each Side, Dumbbells)`), so such a row
has more cells than the header: the extra cells are put back into the exercise name (or, when that does not
read, into the comment at the end).
"""

from __future__ import annotations

from datetime import datetime

from strongstride.importers.cells import (
    BadCell, note_text, parse_amount, parse_datetime, parse_distance, parse_duration, parse_unit, parse_whole,
)
from strongstride.importers.csv_source import Columns, CsvRows
from strongstride.importers.layout import read_layout
from strongstride.importers.rows import BadRow, ParsedFile, RowOutcome, RowSet, Workout
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


def _read_row(line: int, row: list[str], columns: Columns, unit: Unit) -> RowSet:
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
        distance_m=parse_distance(columns.cell(row, "distance"), "Distance", columns.cell(row, "distance_unit")),
        note=note_text(columns.cell(row, "notes"), literal_breaks=True),
        cardio_category=columns.cell(row, "category").lower() == CARDIO_CATEGORY,
    )


def repairs(row: list[str], width: int, name_at: int) -> list[list[str]]:
    """The ways to put a row with unquoted commas back to `width` cells: the name first, then the last cell."""
    extra = len(row) - width
    if extra <= 0:
        return [row]
    in_name = row[:name_at] + [",".join(row[name_at:name_at + extra + 1])] + row[name_at + extra + 1:]
    in_last = row[:width - 1] + [",".join(row[width - 1:])]
    return [in_name, in_last]


class _FitNotesRows:
    """Reads FitNotes rows, repairing those that an unquoted comma split."""

    def __init__(self, width: int) -> None:
        self.width = width

    def __call__(self, line: int, row: list[str], columns: Columns, unit: Unit) -> RowOutcome:
        first_problem = None
        for candidate in repairs(row, self.width, columns.index["exercise"]):
            try:
                return _read_row(line, candidate, columns, unit)
            except BadCell as problem:
                first_problem = first_problem or problem
        return BadRow(line, str(first_problem))


def read_fitnotes(rows: CsvRows, default_unit: Unit) -> ParsedFile:
    """Every row of a FitNotes export as a set or a bad row, streamed."""
    return read_layout(rows, LAYOUT, COLUMNS, REQUIRED, default_unit, _FitNotesRows(len(rows.header)))
