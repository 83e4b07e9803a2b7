"""Hevy's CSV export: one row per set, newest workout first, weights in kg or lb by column name."""

from __future__ import annotations

from collections.abc import Sequence

from strongstride.importers.cells import (
    BadCell, distance_unit_in_header, note_text, parse_amount, parse_datetime, parse_distance, parse_duration,
    parse_rpe, parse_whole,
)
from strongstride.importers.csv_source import Columns, CsvRows
from strongstride.importers.rows import BadRow, ParsedFile, RowOutcome, RowSet, Workout
from strongstride.importers.layout import LastWorkout, read_layout
from strongstride.model.log import SetKind
from strongstride.model.units import Unit

LAYOUT = "Hevy"
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "start_time": ("start_time",),
    "end_time": ("end_time",),
    "description": ("description",),
    "exercise": ("exercise_title",),
    "superset_id": ("superset_id",),     # known, not kept: sets stay in the order they were done
    "exercise_notes": ("exercise_notes",),
    "set_index": ("set_index",),         # known, not kept: sets are numbered again per exercise
    "set_type": ("set_type",),
    "weight": ("weight_kg", "weight_lbs", "weight_lb"),
    "reps": ("reps",),
    "distance": ("distance_km", "distance_miles", "distance_meters"),
    "seconds": ("duration_seconds",),
    "rpe": ("rpe",),
}
REQUIRED = ("start_time", "exercise", "reps")

SET_TYPES: dict[str, tuple[SetKind, str]] = {
    "": ("work", ""), "normal": ("work", ""), "warmup": ("warmup", ""),
    "dropset": ("work", "drop set"), "failure": ("work", "failure set"),
}


WORKOUT_FIELDS = ("start_time", "end_time", "title", "description")


def _workout(cells: Sequence[str]) -> Workout:
    """A workout from its cells, in the order of WORKOUT_FIELDS."""
    start, end, title, description = cells
    started = parse_datetime(start, "start_time")
    name = title or "Hevy workout"
    return Workout(
        key=f"{started.isoformat()}|{name}",
        started_at=started,
        name=name,
        finished_at=parse_datetime(end, "end_time") if end else None,
        note=note_text(description, literal_breaks=True),
    )


def _set_type(text: str) -> tuple[SetKind, str]:
    key = text.strip().lower()
    if key not in SET_TYPES:
        raise BadCell(f"set_type {text.strip()!r} is not normal, warmup, dropset or failure")
    return SET_TYPES[key]


class _HevyRows:
    """Reads Hevy rows one by one, putting each exercise note on the first set it stands beside.

    Hevy repeats an exercise's note on every set; an exercise done twice in a workout has a note each time,
    and each different note is kept.
    """

    def __init__(self, columns: Columns, distance_unit: str) -> None:
        self.noted: set[tuple[str, str, str]] = set()
        self.distance_unit = distance_unit
        self.last = LastWorkout()
        self.workout_cells = columns.cells_of(WORKOUT_FIELDS)

    def __call__(self, line: int, row: list[str], columns: Columns, unit: Unit) -> RowOutcome:
        try:
            workout = self.last.of(self.workout_cells(row), _workout)
            exercise = columns.cell(row, "exercise")
            if not exercise:
                raise BadCell("exercise_title is empty")
            kind, marker_note = _set_type(columns.cell(row, "set_type"))
            exercise_note = note_text(columns.cell(row, "exercise_notes"), literal_breaks=True)
            if (workout.key, exercise, exercise_note) in self.noted:
                exercise_note = ""
            else:
                self.noted.add((workout.key, exercise, exercise_note))
            return RowSet(
                line=line, workout=workout, exercise_name=exercise, unit=unit, kind=kind,
                reps=parse_whole(columns.cell(row, "reps"), "reps"),
                load=parse_amount(columns.cell(row, "weight"), "weight"),
                rpe=parse_rpe(columns.cell(row, "rpe"), "rpe"),
                seconds=parse_duration(columns.cell(row, "seconds"), "duration_seconds"),
                distance_m=parse_distance(columns.cell(row, "distance"), "distance", self.distance_unit),
                note="; ".join(part for part in (marker_note, exercise_note) if part),
            )
        except BadCell as problem:
            return BadRow(line, str(problem))


def read_hevy(rows: CsvRows, default_unit: Unit) -> ParsedFile:
    """Every row of a Hevy export as a set or a bad row, streamed."""
    columns = Columns.from_header(rows.header, COLUMNS, REQUIRED, LAYOUT)
    reader = _HevyRows(columns, distance_unit_in_header(columns.header_of(rows.header, "distance")))
    return read_layout(rows, LAYOUT, COLUMNS, REQUIRED, default_unit, reader)
