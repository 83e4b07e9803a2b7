"""Our own CSV: one row per set, every field of the set, so an export imports back unchanged."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from strongstride.importers.cells import (
    BadCell, parse_amount, parse_datetime, parse_distance, parse_rpe, parse_unit, parse_whole,
)
from strongstride.importers.csv_source import Columns, CsvRows
from strongstride.importers.layout import read_layout
from strongstride.importers.rows import BadRow, ParsedFile, RowOutcome, RowSet, Workout
from strongstride.model.log import ActivityKind, SetKind, Side
from strongstride.model.units import Unit

LAYOUT = "strongstride CSV"
# Field -> header names; the first name of each is what `export --format csv` writes, in this order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date",),                      # when the session started
    "finished": ("finished",),
    "session": ("session",),                # the session's id: rows of one session share it
    "session_name": ("session_name",),
    "exercise_id": ("exercise_id",),
    "exercise": ("exercise_name", "exercise"),
    "set_number": ("set_number",),          # written for reading; sets are numbered again on import
    "kind": ("kind",),
    "side": ("side",),
    "target_reps": ("target_reps",),
    "reps": ("reps",),
    "target_load": ("target_load",),
    "weight": ("load", "weight"),
    "weight_unit": ("unit",),
    "target_rpe": ("target_rpe",),
    "rpe": ("rpe",),
    "target_hold": ("target_hold",),
    "seconds": ("hold_seconds",),
    "rest_seconds": ("rest_seconds",),
    "skipped": ("skipped",),
    "logged_at": ("logged_at",),
    "reason": ("reason",),
    "notes": ("note", "notes"),
    "activity": ("activity",),              # an activity's kind (cardio, mobility, warm-up, other); empty for a set
    "distance_m": ("distance_m",),
    "session_note": ("session_note",),      # the session's own note, on each of its rows
}
CSV_HEADER: tuple[str, ...] = tuple(names[0] for names in COLUMNS.values())
REQUIRED = ("date", "exercise")

KINDS: dict[str, SetKind] = {"": "work", "work": "work", "warmup": "warmup", "warm-up": "warmup", "warm up": "warmup"}
SIDES: dict[str, Side | None] = {"": None, "left": "left", "right": "right"}
T = TypeVar("T")
ACTIVITY_KINDS: dict[str, ActivityKind | None] = {
    "": None, "cardio": "cardio", "mobility": "mobility", "warm-up": "warm-up", "other": "other",
}
FLAGS = {"": False, "no": False, "false": False, "0": False, "yes": True, "true": True, "1": True}


def _choice(text: str, column: str, choices: Mapping[str, T], meaning: str) -> T:
    """The value a cell names from a small set of choices (any case)."""
    key = text.strip().lower()
    if key not in choices:
        raise BadCell(f"{column} {text.strip()!r} is not {meaning}")
    return choices[key]


def _workout(columns: Columns, row: list[str]) -> Workout:
    date = columns.cell(row, "date")
    started = parse_datetime(date, "date")
    finished = columns.cell(row, "finished")
    name = columns.cell(row, "session_name") or "Imported session"
    return Workout(
        key=columns.cell(row, "session") or f"{started.isoformat()}|{name}",
        started_at=started,
        name=name,
        finished_at=parse_datetime(finished, "finished") if finished else None,
        note=columns.cell(row, "session_note"),
    )


def _row_outcome(line: int, row: list[str], columns: Columns, unit: Unit) -> RowOutcome:
    try:
        exercise = columns.cell(row, "exercise")
        exercise_id = columns.cell(row, "exercise_id")
        if not exercise and not exercise_id:
            raise BadCell("exercise_name and exercise_id are empty")
        logged_at = columns.cell(row, "logged_at")
        return RowSet(
            line=line, workout=_workout(columns, row), exercise_name=exercise, exercise_id=exercise_id,
            unit=parse_unit(columns.cell(row, "weight_unit"), "unit") or unit,
            kind=_choice(columns.cell(row, "kind"), "kind", KINDS, "work or warmup"),
            side=_choice(columns.cell(row, "side"), "side", SIDES, "left or right"),
            at=parse_datetime(logged_at, "logged_at") if logged_at else None,
            target_reps=parse_whole(columns.cell(row, "target_reps"), "target_reps"),
            reps=parse_whole(columns.cell(row, "reps"), "reps"),
            target_load=parse_amount(columns.cell(row, "target_load"), "target_load"),
            load=parse_amount(columns.cell(row, "weight"), "load"),
            target_rpe=parse_rpe(columns.cell(row, "target_rpe"), "target_rpe"),
            rpe=parse_rpe(columns.cell(row, "rpe"), "rpe"),
            target_hold=parse_whole(columns.cell(row, "target_hold"), "target_hold"),
            seconds=parse_whole(columns.cell(row, "seconds"), "hold_seconds"),
            rest_seconds=parse_whole(columns.cell(row, "rest_seconds"), "rest_seconds"),
            skipped=_choice(columns.cell(row, "skipped"), "skipped", FLAGS, "yes or no"),
            reason=columns.cell(row, "reason"),
            note=columns.cell(row, "notes"),
            activity_kind=_choice(
                columns.cell(row, "activity"), "activity", ACTIVITY_KINDS, "cardio, mobility, warm-up or other"
            ),
            distance_m=parse_distance(columns.cell(row, "distance_m"), "distance_m", "m"),
        )
    except BadCell as problem:
        return BadRow(line, str(problem))


def read_ours(rows: CsvRows, default_unit: Unit) -> ParsedFile:
    """Every row of our own CSV export as a set or a bad row, streamed."""
    return read_layout(rows, LAYOUT, COLUMNS, REQUIRED, default_unit, _row_outcome)
