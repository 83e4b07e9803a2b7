"""What one row of an export turned out to be: a set or activity, a rest timer, a note, or a bad row."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from strongstride.model.log import ActivityKind, SetKind, Side
from strongstride.model.units import Unit


@dataclass(frozen=True)
class Workout:
    """The session a row belongs to, as the file names it; `key` groups rows into one session."""

    key: str
    started_at: datetime
    name: str
    finished_at: datetime | None = None
    note: str = ""
    warning: str = ""                   # a cell of the workout's that was left out, and why


@dataclass(slots=True)   # not frozen: a frozen dataclass of this many fields is slow to make, once a row
class RowSet:
    """A set as the file wrote it, before its exercise is matched to the library."""

    line: int
    workout: Workout
    exercise_name: str
    unit: Unit
    exercise_id: str = ""               # our own CSV names the id; other apps only the name
    kind: SetKind = "work"
    reps: int | None = None
    load: float | None = None
    rpe: float | None = None
    seconds: int | None = None
    distance_m: float | None = None
    note: str = ""
    cardio_category: bool = False       # the file itself files it under cardio (FitNotes' Category)
    activity_kind: ActivityKind | None = None   # our own CSV says it is an activity, and of which kind
    side: Side | None = None
    at: datetime | None = None
    target_reps: int | None = None
    target_load: float | None = None
    target_hold: int | None = None
    target_rpe: float | None = None
    rest_seconds: int | None = None
    reason: str = ""
    skipped: bool = False


@dataclass(frozen=True)
class RestTimer:
    """Strong's `Rest Timer` row: not a set, but the rest taken after the set before it."""

    line: int
    workout: Workout
    seconds: int | None


@dataclass(frozen=True)
class NoteRow:
    """Strong's `Note` row: the note of an exercise in a workout, not a set."""

    line: int
    workout: Workout
    exercise_name: str
    note: str


@dataclass(frozen=True)
class BadRow:
    """A row that could not be read; reported with its line, the rest of the file still imported."""

    line: int
    reason: str


@dataclass(frozen=True)
class HeadingRow:
    """A line of a block export that names the workout or exercise of the rows below it."""

    line: int


RowOutcome = RowSet | RestTimer | NoteRow | HeadingRow | BadRow


@dataclass
class ParsedFile:
    """One layout's reading of a file: row outcomes as a stream, plus what its header told us."""

    outcomes: Iterator[RowOutcome]
    unknown_columns: tuple[str, ...]
    assumed_unit: Unit | None       # the unit weights were taken to be in, when the file names none
