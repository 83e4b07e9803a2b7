"""Rows of an export gathered into sessions: exercises matched, activities kept apart, sets numbered."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from strongstride.importers.activities import activity_of, row_kind
from strongstride.importers.exercise_matching import ExerciseMatcher
from strongstride.importers.rows import BadRow, HeadingRow, NoteRow, RestTimer, RowOutcome, RowSet, Workout
from strongstride.model.exercise import Exercise
from strongstride.model.log import ActivityLog, SessionLog, SetLog
from strongstride.model.moments import chronological
from strongstride.model.toml_file import MAX_FILE_BYTES
from strongstride.model.units import MAX_LOAD_KG, Unit, clean, convert
from strongstride.store.history_codec import (
    REPS_LIMITS, SECONDS_LIMITS, SET_NUMBER_LIMITS, session_to_toml,
)

IMPORTED_PLAN_ID = "imported"
SOURCE_TITLES = {
    "strong": "Strong", "hevy": "Hevy", "fitnotes": "FitNotes", "csv": "CSV", "stronglifts": "StrongLifts 5x5",
    "alpha": "Alpha Progression", "jefit": "JEFIT",
}

# What each row of a file became; the report's counts of these add up to the rows read.
SET = "set"
WARM_UP = "warm-up"
ACTIVITY = "activity"
REST_TIMER = "rest timer"
NOTE = "note"
HEADING = "heading"
EMPTY = "nothing done"
DUPLICATE = "duplicate"
REFUSED = "refused"
OUTCOMES = (SET, WARM_UP, ACTIVITY, REST_TIMER, NOTE, HEADING, EMPTY, DUPLICATE, REFUSED)


@dataclass
class ImportResult:
    """Sessions read from one export, what became of every row, and what the file left us to assume."""

    source: str
    sessions: list[SessionLog] = field(default_factory=list)
    rows: int = 0                                           # rows (entries) read, headers and blank lines aside
    outcomes: Counter[str] = field(default_factory=Counter)   # rows outside any session, by outcome
    session_rows: dict[str, Counter[str]] = field(default_factory=dict)   # each session's rows, by outcome
    bad_rows: list[BadRow] = field(default_factory=list)
    warnings: Counter[str] = field(default_factory=Counter)
    unknown_columns: tuple[str, ...] = ()
    assumed_unit: Unit | None = None
    workouts_without_sets: int = 0

    def row_counts(self, duplicate_ids: Iterable[str] = ()) -> Counter[str]:
        """Every row by outcome, a session history already has counted as duplicate; adds up to `rows`."""
        duplicates = set(duplicate_ids)
        counts = Counter(self.outcomes)
        for session_id, rows in self.session_rows.items():
            if session_id in duplicates:
                counts[DUPLICATE] += sum(rows.values())
            else:
                counts.update(rows)
        counts[REFUSED] += len(self.bad_rows)
        return +counts


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


def activities_fingerprint(activities: Sequence[ActivityLog]) -> str:
    """A digest of a session's activities ("" for none, so sessions without any keep the ids they had)."""
    if not activities:
        return ""
    text = "".join(f"{a.name}|{a.kind}|{a.seconds}|{a.distance_m}\n" for a in activities)
    return "|" + hashlib.sha256(text.encode()).hexdigest()


def imported_session_id(
    source: str, started_at: datetime, sets: Sequence[SetLog], activities: Sequence[ActivityLog] = ()
) -> str:
    """A file-stem id like a live session's, but its suffix a hash: the same workout always gets the same id."""
    key = f"{source}|{started_at.isoformat()}|{sets_fingerprint(sets)}{activities_fingerprint(activities)}"
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"{started_at:%Y-%m-%dT%H-%M-%S}_{source}-{digest[:10]}"


def session_slug(name: str, fallback: str) -> str:
    """A workout name as a session id: `Evening Workout` -> `evening-workout`."""
    slug = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())
    return slug or fallback


class _Workouts:
    """Rows gathered per workout as they stream in (rows of one workout need not be adjacent)."""

    def __init__(self) -> None:
        self.by_key: dict[str, tuple[Workout, list[RowSet]]] = {}
        self.counts: dict[str, Counter[str]] = {}
        self.notes: dict[tuple[str, str], list[str]] = {}

    def _rows(self, workout: Workout) -> list[RowSet]:
        self.counts.setdefault(workout.key, Counter())
        return self.by_key.setdefault(workout.key, (workout, []))[1]

    def add(self, row: RowSet) -> None:
        """File a set under its workout."""
        self._rows(row.workout).append(row)

    def rest_after_last_set(self, timer: RestTimer) -> None:
        """A rest timer's seconds become the rest taken after the set just before it."""
        sets = self._rows(timer.workout)
        self.counts[timer.workout.key][REST_TIMER] += 1
        if sets and timer.seconds:
            sets[-1] = replace(sets[-1], rest_seconds=timer.seconds)

    def note(self, row: NoteRow) -> None:
        """An exercise's note, put on its first set of the workout once every row is in."""
        self._rows(row.workout)
        self.counts[row.workout.key][NOTE] += 1
        if row.note:
            self.notes.setdefault((row.workout.key, row.exercise_name), []).append(row.note)

    def with_notes(self, workout: Workout, rows: list[RowSet]) -> tuple[list[RowSet], str]:
        """The rows with each exercise's notes on its first row, and the notes of exercises with no row."""
        pending = {name: notes for (key, name), notes in self.notes.items() if key == workout.key}
        noted: list[RowSet] = []
        for row in rows:
            notes = pending.pop(row.exercise_name, None)
            noted.append(replace(row, note="; ".join([*notes, row.note] if row.note else notes)) if notes else row)
        leftover = "\n".join(f"{name}: {'; '.join(notes)}" for name, notes in pending.items())
        return noted, leftover


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
             *(text for s in session.sets for text in (s.exercise_id, s.exercise_name, s.reason, s.note)),
             *(text for a in session.activities for text in (a.name, a.note))]
    bound = (SESSION_BYTES_AT_MOST + SET_BYTES_AT_MOST * (len(session.sets) + len(session.activities))
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


def _session(
    source: str, workout: Workout, sets: tuple[SetLog, ...], activities: tuple[ActivityLog, ...], fallback_unit: Unit
) -> SessionLog:
    return SessionLog(
        id=imported_session_id(source, workout.started_at, sets, activities),
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
        activities=activities,
    )


def build_sessions(
    outcomes: Iterable[RowOutcome], result: ImportResult, library: Mapping[str, Exercise], fallback_unit: Unit
) -> ImportResult:
    """Fold a stream of row outcomes into `result`: sessions oldest first, every row counted by outcome."""
    matcher = ExerciseMatcher(library)
    workouts = _Workouts()
    for outcome in outcomes:
        result.rows += 1
        if isinstance(outcome, RowSet):
            workouts.add(outcome)
        elif isinstance(outcome, RestTimer):
            workouts.rest_after_last_set(outcome)
        elif isinstance(outcome, NoteRow):
            workouts.note(outcome)
        elif isinstance(outcome, HeadingRow):
            result.outcomes[HEADING] += 1
        else:
            result.bad_rows.append(outcome)
    for workout, rows in workouts.by_key.values():
        _build_session(workout, rows, workouts, result, library, matcher, fallback_unit)
    result.sessions.sort(key=lambda session: chronological(session.started_at))
    result.bad_rows.sort(key=lambda bad: bad.line)
    return result


def _build_session(
    workout: Workout, rows: list[RowSet], workouts: _Workouts, result: ImportResult,
    library: Mapping[str, Exercise], matcher: ExerciseMatcher, fallback_unit: Unit,
) -> None:
    """One workout's rows as a session (or counted where they went when it adds none)."""
    counts = workouts.counts[workout.key]
    if workout.warning:
        result.warnings[workout.warning] += 1
    rows, unplaced_notes = workouts.with_notes(workout, rows)
    if unplaced_notes:
        workout = replace(workout, note="\n".join(part for part in (workout.note, unplaced_notes) if part))
    numbers: Counter[tuple[str, str, str | None]] = Counter()
    sets: list[SetLog] = []
    activities: list[ActivityLog] = []
    kept_lines: list[int] = []
    for row in rows:
        exercise = library.get(row.exercise_id) if row.exercise_id else matcher.match(row.exercise_name)
        kind = row_kind(row, exercise)
        if kind == "empty":
            counts[EMPTY] += 1
            continue
        if kind == "activity":
            activities.append(activity_of(row))
            counts[ACTIVITY] += 1
            kept_lines.append(row.line)
            continue
        exercise_id = row.exercise_id or (exercise.id if exercise else matcher.exercise_id(row.exercise_name))
        number = numbers[exercise_id, row.kind, row.side] + 1
        problem = _beyond_history_limits(row)
        if problem is None and number > SET_NUMBER_LIMITS[1]:
            problem = f"more than {SET_NUMBER_LIMITS[1]} sets of one exercise in a workout"
        if problem is not None:
            result.bad_rows.append(BadRow(row.line, problem))
            continue
        numbers[exercise_id, row.kind, row.side] = number
        sets.append(_set_log(row, exercise_id, exercise, number))
        counts[WARM_UP if row.kind == "warmup" else SET] += 1
        kept_lines.append(row.line)
    if not sets and not activities:
        result.workouts_without_sets += 1
        result.outcomes.update(counts)
        return
    session = _session(result.source, workout, tuple(sets), tuple(activities), fallback_unit)
    if not fits_in_a_history_file(session):
        reason = f"workout of {len(sets)} sets is too large for a history file (1 MiB)"
        result.bad_rows.extend(BadRow(line, reason) for line in kept_lines)
        result.outcomes.update({k: v for k, v in counts.items() if k not in (SET, WARM_UP, ACTIVITY)})
        return
    result.sessions.append(session)
    result.session_rows.setdefault(session.id, Counter()).update(counts)
