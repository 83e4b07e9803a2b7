"""Strong's CSV exports, in every layout it has written: comma or semicolon, with or without units."""

from __future__ import annotations

from datetime import timedelta

from strongstride.importers.cells import (
    BadCell, note_text, parse_amount, parse_datetime, parse_duration, parse_rpe, parse_unit, parse_whole,
)
from strongstride.importers.csv_source import Columns, CsvRows
from strongstride.importers.rows import BadRow, ParsedFile, RestTimer, RowOutcome, RowSet, Workout
from strongstride.importers.layout import read_layout
from strongstride.model.log import SetKind
from strongstride.model.units import Unit

LAYOUT = "Strong"
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("Date",),
    "workout_number": ("Workout #",),
    "workout": ("Workout Name",),
    "duration": ("Duration", "Duration (sec)", "Workout Duration"),
    "exercise": ("Exercise Name",),
    "set_order": ("Set Order",),
    "weight": ("Weight", "Weight (kg)", "Weight (kgs)", "Weight (lb)", "Weight (lbs)"),
    "weight_unit": ("Weight Unit",),
    "reps": ("Reps",),
    "rpe": ("RPE",),
    "distance": ("Distance", "Distance (meters)", "Distance (km)", "Distance (miles)"),
    "distance_unit": ("Distance Unit",),
    "seconds": ("Seconds",),
    "notes": ("Notes",),
    "workout_notes": ("Workout Notes",),
}
REQUIRED = ("date", "exercise", "set_order", "reps")

# Strong's Set Order markers: W warm-up (not work), D drop set and F failure set (both work).
SET_MARKERS: dict[str, tuple[SetKind, str]] = {
    "w": ("warmup", ""), "d": ("work", "drop set"), "f": ("work", "failure set"),
}
REST_TIMER = "rest timer"


def _set_order(text: str) -> tuple[SetKind, str]:
    """The set's kind and a note for its marker, from a Set Order of `3`, `3.0`, `W`, `D` or `F`."""
    marker = text.strip().lower()
    if marker in SET_MARKERS:
        return SET_MARKERS[marker]
    try:
        float(marker)
    except ValueError:
        raise BadCell(f"Set Order {text.strip()!r} is not a number, W, D, F or Rest Timer") from None
    return "work", ""


def _workout(columns: Columns, row: list[str]) -> Workout:
    started = parse_datetime(columns.cell(row, "date"), "Date")
    duration = parse_duration(columns.cell(row, "duration"), "Duration")
    name = columns.cell(row, "workout") or "Strong workout"
    number = columns.cell(row, "workout_number")
    return Workout(
        key=f"#{number}" if number else f"{started.isoformat()}|{name}",
        started_at=started,
        name=name,
        finished_at=started + timedelta(seconds=duration) if duration else None,
        note=note_text(columns.cell(row, "workout_notes")),
    )


def _row_outcome(line: int, row: list[str], columns: Columns, unit: Unit) -> RowOutcome:
    try:
        workout = _workout(columns, row)
        order = columns.cell(row, "set_order")
        if order.lower() == REST_TIMER:
            return RestTimer(line, workout, parse_duration(columns.cell(row, "seconds"), "Seconds"))
        exercise = columns.cell(row, "exercise")
        if not exercise:
            raise BadCell("Exercise Name is empty")
        kind, marker_note = _set_order(order)
        note = note_text(columns.cell(row, "notes"))
        return RowSet(
            line=line, workout=workout, exercise_name=exercise,
            unit=parse_unit(columns.cell(row, "weight_unit"), "Weight Unit") or unit,
            kind=kind,
            reps=parse_whole(columns.cell(row, "reps"), "Reps"),
            load=parse_amount(columns.cell(row, "weight"), "Weight"),
            rpe=parse_rpe(columns.cell(row, "rpe"), "RPE"),
            seconds=parse_duration(columns.cell(row, "seconds"), "Seconds"),
            distance=parse_amount(columns.cell(row, "distance"), "Distance"),
            note="; ".join(part for part in (marker_note, note) if part),
        )
    except BadCell as problem:
        return BadRow(line, str(problem))


def read_strong(rows: CsvRows, default_unit: Unit) -> ParsedFile:
    """Every row of a Strong export as a set, a rest timer or a bad row, streamed."""
    return read_layout(rows, LAYOUT, COLUMNS, REQUIRED, default_unit, _row_outcome)
