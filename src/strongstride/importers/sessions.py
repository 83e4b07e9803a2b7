"""Rows of an export gathered into sessions: exercises matched, cardio left out, sets numbered."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from strongstride.importers.exercise_matching import ExerciseMatcher, is_cardio_name
from strongstride.importers.rows import BadRow, RestTimer, RowOutcome, RowSet, SkippedRow, Workout
from strongstride.model.exercise import Exercise
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.moments import chronological
from strongstride.model.toml_file import MAX_FILE_BYTES
from strongstride.model.units import MAX_LOAD_KG, Unit, clean, convert
from strongstride.store.history_codec import (
    REPS_LIMITS, SECONDS_LIMITS, SET_NUMBER_LIMITS, session_to_toml,
)

IMPORTED_PLAN_ID = "imported"
SOURCE_TITLES = {"strong": "Strong", "hevy": "Hevy", "fitnotes": "FitNotes", "csv": "CSV"}

SKIP_CARDIO = "cardio"
SKIP_REST_TIMER = "rest timer"
SKIP_NOTHING_DONE = "no reps or time"
SKIP_DISTANCE_ONLY = "distance without reps or time"


@dataclass
class ImportResult:
    """Sessions read from one export, and every row that did not become a set, with why."""

    source: str
    sessions: list[SessionLog] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    bad_rows: list[BadRow] = field(default_factory=list)
    unknown_columns: tuple[str, ...] = ()
    assumed_unit: Unit | None = None
    workouts_without_sets: int = 0


def sets_fingerprint(sets: Sequence[SetLog]) -> str:
    """A digest of what was done, the same however the sets travelled (TOML, CSV, Strong's CSV)."""
    digest = hashlib.sha256()
    for s in sets:
        load = "" if s.load is None else f"{clean(s.load):g}"
        rpe = "" if s.rpe is None else f"{s.rpe:g}"
        digest.update(
            f"{s.exercise_id}|{s.kind}|{s.side}|{s.reps}|{load}|{s.unit}|{s.hold_seconds}|{rpe}|{s.skipped}\n".encode()
        )
    return digest.hexdigest()


def imported_session_id(source: str, started_at: datetime, sets: Sequence[SetLog]) -> str:
    """A file-stem id like a live session's, but its suffix a hash: the same workout always gets the same id."""
    digest = hashlib.sha256(f"{source}|{started_at.isoformat()}|{sets_fingerprint(sets)}".encode()).hexdigest()
    return f"{started_at:%Y-%m-%dT%H-%M-%S}_{source}-{digest[:10]}"


def session_slug(name: str, fallback: str) -> str:
    """A workout name as a session id: `Evening Workout` -> `evening-workout`."""
    slug = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())
    return slug or fallback


class _Workouts:
    """Sets gathered per workout as rows stream in (rows of one workout need not be adjacent)."""

    def __init__(self) -> None:
        self.by_key: dict[str, tuple[Workout, list[RowSet]]] = {}

    def add(self, row: RowSet) -> None:
        """File a set under its workout."""
        self.by_key.setdefault(row.workout.key, (row.workout, []))[1].append(row)

    def rest_after_last_set(self, timer: RestTimer) -> None:
        """A rest timer's seconds become the rest taken after the set just before it."""
        sets = self.by_key.get(timer.workout.key, (timer.workout, []))[1]
        if sets and timer.seconds:
            sets[-1] = replace(sets[-1], rest_seconds=timer.seconds)


def _skip_reason(row: RowSet, exercise: Exercise | None) -> str | None:
    """Why a row is not a strength set, or None when it is one."""
    if exercise is None and (row.cardio_category or is_cardio_name(row.exercise_name)):
        return SKIP_CARDIO
    if row.skipped or row.reps is not None or row.seconds is not None:
        return None
    return SKIP_DISTANCE_ONLY if row.distance else SKIP_NOTHING_DONE


def _beyond_history_limits(row: RowSet) -> str | None:
    """Why a set could not be kept in a history file (a typo or a broken export), or None."""
    max_load = convert(MAX_LOAD_KG, "kg", row.unit)
    for name, reps in (("reps", row.reps), ("target reps", row.target_reps)):
        if reps is not None and reps > REPS_LIMITS[1]:
            return f"{name} {reps} is more than {REPS_LIMITS[1]}"
    for name, load in (("weight", row.load), ("target load", row.target_load)):
        if load is not None and load > max_load:
            return f"{name} {load:g} {row.unit} is more than {clean(max_load):g} {row.unit}"
    for name, rpe in (("RPE", row.rpe), ("target RPE", row.target_rpe)):
        if rpe is not None and not float(rpe * 2).is_integer():
            return f"{name} {rpe:g} is not in half steps (7, 7.5, 8)"
    for name, seconds in (("seconds", row.seconds), ("rest", row.rest_seconds), ("target hold", row.target_hold)):
        if seconds is not None and seconds > SECONDS_LIMITS[1]:
            return f"{name} {seconds} s is more than a day"
    return None


# Bounds on a history file's bytes: each set's keys and numbers, the session's own, and a character of text
# (a control character is written as a six-byte escape such as \u001b; anything else as at most 4 UTF-8 bytes).
SET_BYTES_AT_MOST = 1_000
SESSION_BYTES_AT_MOST = 1_000
TEXT_CHAR_BYTES_AT_MOST = 6


def fits_in_a_history_file(session: SessionLog) -> bool:
    """True when the session's file stays within the size the history loader reads (1 MiB).

    A bound from its length decides almost every session; only one near the limit is written out to measure.
    """
    texts = [session.id, session.plan_id, session.session_id, session.plan_name, session.session_name, session.note,
             session.source, *session.extra.keys(), *session.extra.values(),
             *(text for s in session.sets for text in (s.exercise_id, s.exercise_name, s.reason, s.note))]
    bound = (SESSION_BYTES_AT_MOST + SET_BYTES_AT_MOST * len(session.sets)
             + TEXT_CHAR_BYTES_AT_MOST * sum(len(text) for text in texts))
    return bound <= MAX_FILE_BYTES or len(session_to_toml(session).encode("utf-8")) <= MAX_FILE_BYTES


def _set_log(row: RowSet, exercise_id: str, exercise: Exercise | None, set_number: int) -> SetLog:
    is_hold = row.seconds is not None and (row.reps is None or (exercise is not None and exercise.kind == "hold"))
    return SetLog(
        exercise_id=exercise_id, set_number=set_number, at=row.at or row.workout.started_at, unit=row.unit,
        kind=row.kind, side=row.side, exercise_name=row.exercise_name, target_reps=row.target_reps,
        target_load=row.target_load, target_hold=row.target_hold, target_rpe=row.target_rpe, reps=row.reps,
        load=row.load, rpe=row.rpe, hold_seconds=row.seconds if is_hold else None,
        rest_seconds=row.rest_seconds, reason=row.reason, note=row.note, skipped=row.skipped,
    )


def _session_unit(sets: Sequence[SetLog], fallback: Unit) -> Unit:
    loaded = Counter(s.unit for s in sets if s.load is not None)
    return loaded.most_common(1)[0][0] if loaded else fallback


def _session(source: str, workout: Workout, sets: tuple[SetLog, ...], fallback_unit: Unit) -> SessionLog:
    return SessionLog(
        id=imported_session_id(source, workout.started_at, sets),
        plan_id=IMPORTED_PLAN_ID,
        session_id=session_slug(workout.name, source),
        started_at=workout.started_at,
        finished_at=workout.finished_at,
        plan_name=f"Imported from {SOURCE_TITLES.get(source, source)}",
        session_name=workout.name,
        unit=_session_unit(sets, fallback_unit),
        sets=sets,
        note=workout.note,
        source=source,
    )


def build_sessions(
    outcomes: Iterable[RowOutcome], result: ImportResult, library: Mapping[str, Exercise], fallback_unit: Unit
) -> ImportResult:
    """Fold a stream of row outcomes into `result`: sessions oldest first, skips counted, bad rows kept."""
    matcher = ExerciseMatcher(library)
    workouts = _Workouts()
    for outcome in outcomes:
        if isinstance(outcome, RowSet):
            workouts.add(outcome)
        elif isinstance(outcome, RestTimer):
            result.skipped[SKIP_REST_TIMER] += 1
            workouts.rest_after_last_set(outcome)
        elif isinstance(outcome, SkippedRow):
            result.skipped[outcome.reason] += 1
        else:
            result.bad_rows.append(outcome)
    for workout, rows in workouts.by_key.values():
        numbers: Counter[tuple[str, str, str | None]] = Counter()
        sets: list[SetLog] = []
        for row in rows:
            exercise = library.get(row.exercise_id) if row.exercise_id else matcher.match(row.exercise_name)
            reason = _skip_reason(row, exercise)
            if reason is not None:
                result.skipped[reason] += 1
                continue
            problem = _beyond_history_limits(row)
            if problem is not None:
                result.bad_rows.append(BadRow(row.line, problem))
                continue
            exercise_id = row.exercise_id or (exercise.id if exercise else matcher.exercise_id(row.exercise_name))
            number = numbers[exercise_id, row.kind, row.side] + 1
            if number > SET_NUMBER_LIMITS[1]:
                result.bad_rows.append(BadRow(row.line, f"more than {SET_NUMBER_LIMITS[1]} sets of one exercise in a workout"))
                continue
            numbers[exercise_id, row.kind, row.side] = number
            sets.append(_set_log(row, exercise_id, exercise, number))
        if not sets:
            result.workouts_without_sets += 1
            continue
        session = _session(result.source, workout, tuple(sets), fallback_unit)
        if fits_in_a_history_file(session):
            result.sessions.append(session)
        else:
            result.bad_rows.append(BadRow(rows[0].line, f"workout of {len(sets)} sets is too large for a history file (1 MiB)"))
    result.sessions.sort(key=lambda session: chronological(session.started_at))
    result.bad_rows.sort(key=lambda bad: bad.line)
    return result
