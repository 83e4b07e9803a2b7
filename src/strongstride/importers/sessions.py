"""Rows of an export gathered into sessions: exercises matched, activities kept apart, sets numbered."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from strongstride.importers.activities import activity_of, row_kind
from strongstride.importers.exercise_matching import ExerciseMatcher
from strongstride.importers.kept import keep
from strongstride.importers.rows import BadRow, HeadingRow, NoteRow, RestTimer, RowOutcome, RowSet, Workout
from strongstride.model.exercise import Exercise
from strongstride.model.log import ActivityLog, SessionLog, SetLog
from strongstride.model.moments import chronological
from strongstride.model.toml_file import MAX_FILE_BYTES
from strongstride.model.units import MAX_LOAD_KG, Unit, clean, convert
from strongstride.store.history_codec import (
    MAX_DISTANCE_M, REPS_LIMITS, SECONDS_LIMITS, SET_NUMBER_LIMITS, session_to_toml,
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
OUT_OF_ORDER = "a row of a workout whose rows ended many workouts earlier: the file is not in workout order"
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


class _LastDigest:
    """The sets digested last and their digest: an imported session's id and its check against history digest
    the same (immutable) tuple of sets one after the other, and it is worked out once."""

    pair: tuple[Sequence[SetLog], str] | None = None     # one attribute, read and written whole


def sets_fingerprint(sets: Sequence[SetLog]) -> str:
    """A digest of what was done, the same however the sets travelled (TOML, CSV, Strong's CSV)."""
    last = _LastDigest.pair
    if last is not None and last[0] is sets and isinstance(sets, tuple):
        return last[1]
    digest = _digest_of(sets)
    _LastDigest.pair = (sets, digest)
    return digest


def _digest_of(sets: Sequence[SetLog]) -> str:
    """Each set's line hashed in turn, the lines kept by what they are made of: an export repeats the same few sets
    (exercise, reps, load) workout after workout, and writing a line out costs three times looking it up."""
    digest = hashlib.sha256()
    lines = DigestLines.kept
    for s in sets:
        key = (s.exercise_id, s.kind, s.side, s.reps, type(s.reps), s.load, s.unit, s.hold_seconds,
               type(s.hold_seconds), s.rpe, s.skipped, type(s.skipped))    # 5 and 5.0 are equal, but written apart
        line = lines.get(key)
        if line is None:
            line = keep(lines, key, digest_line(s), DigestLines.MOST_KEPT)
        digest.update(line)
    return digest.hexdigest()


def digest_line(s: SetLog) -> bytes:
    """What a set adds to its session's fingerprint."""
    load = "" if s.load is None else f"{clean(s.load):g}"
    rpe = "" if s.rpe is None else f"{s.rpe:g}"
    return f"{s.exercise_id}|{s.kind}|{s.side}|{s.reps}|{load}|{s.unit}|{s.hold_seconds}|{rpe}|{s.skipped}\n".encode()


class DigestLines:
    """Sets' fingerprint lines, kept by the fields they are written from; past MOST_KEPT they start afresh."""

    MOST_KEPT = 8_192
    kept: dict[tuple[object, ...], bytes] = {}


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


# Workouts kept open at once: one no row has named while this many others began is finished and handed on,
# so a file of any size is read in flat memory (exports list each workout's rows together).
OPEN_WORKOUTS = 32


@dataclass
class _OpenWorkout:
    """One workout's rows so far, its exercise notes, and its rows counted by outcome."""

    workout: Workout
    rows: list[RowSet] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    def with_notes(self) -> tuple[list[RowSet], str]:
        """The rows with each exercise's notes on its first row, and the notes of exercises with no row."""
        pending = dict(self.notes)
        noted: list[RowSet] = []
        for row in self.rows:
            notes = pending.pop(row.exercise_name, None)
            noted.append(replace(row, note="; ".join([*notes, row.note] if row.note else notes)) if notes else row)
        leftover = "\n".join(f"{name}: {'; '.join(notes)}" for name, notes in pending.items())
        return noted, leftover


class _Workouts:
    """Rows gathered per workout as they stream in; the longest-idle workout is finished once too many are open."""

    def __init__(self) -> None:
        self.open: dict[str, _OpenWorkout] = {}
        self.finished: set[str] = set()
        self.latest: str | None = None      # the key of the most recent open workout

    def take(self, outcome: RowSet | RestTimer | NoteRow) -> _OpenWorkout | None:
        """The open workout a row belongs to (now the most recent), or None when it was already finished."""
        key = outcome.workout.key
        if key == self.latest:          # most rows follow one of their own workout's
            return self.open[key]
        if key in self.finished:
            return None
        found = self.open.pop(key, None) or _OpenWorkout(outcome.workout)
        self.open[key] = found
        self.latest = key
        return found

    def idle(self) -> Iterator[_OpenWorkout]:
        """The workouts to finish now: the longest idle, while too many are open."""
        while len(self.open) > OPEN_WORKOUTS:
            yield self._finish(next(iter(self.open)))

    def remaining(self) -> Iterator[_OpenWorkout]:
        """Every workout still open, at the end of the file."""
        while self.open:
            yield self._finish(next(iter(self.open)))

    def _finish(self, key: str) -> _OpenWorkout:
        self.finished.add(key)
        if key == self.latest:
            self.latest = None
        return self.open.pop(key)


def _take_row(found: _OpenWorkout, outcome: RowSet | RestTimer | NoteRow) -> None:
    """A row filed in its workout: a set as it is, a rest timer onto the set before it, a note for later."""
    if isinstance(outcome, RowSet):
        found.rows.append(outcome)
    elif isinstance(outcome, RestTimer):
        found.counts[REST_TIMER] += 1
        if found.rows and outcome.seconds:
            found.rows[-1].rest_seconds = outcome.seconds     # each row's RowSet is its own
    else:
        found.counts[NOTE] += 1
        if outcome.note:
            found.notes.setdefault(outcome.exercise_name, []).append(outcome.note)


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


def _activity_beyond_history_limits(row: RowSet) -> str | None:
    """Why an activity could not be kept in a history file, or None."""
    if row.seconds is not None and row.seconds > SECONDS_LIMITS[1]:
        return f"seconds {row.seconds} s is more than a day"
    if row.distance_m is not None and row.distance_m > MAX_DISTANCE_M:
        return f"distance {row.distance_m:g} m is more than {MAX_DISTANCE_M:g} m"
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
             *[s.exercise_id + s.exercise_name + s.reason + s.note for s in session.sets],
             *[a.name + a.note for a in session.activities]]
    bound = (SESSION_BYTES_AT_MOST + SET_BYTES_AT_MOST * (len(session.sets) + len(session.activities))
             + TEXT_CHAR_BYTES_AT_MOST * sum(map(len, texts)))
    return bound <= MAX_FILE_BYTES or len(session_to_toml(session).encode("utf-8")) <= MAX_FILE_BYTES


def _set_log(row: RowSet, exercise_id: str, exercise: Exercise | None, set_number: int) -> SetLog:
    """The history set a row becomes, its fields filled in at once.

    SetLog is a frozen dataclass: its own __init__ sets each of its 19 fields through object.__setattr__, which
    was a sixth of a dry run's time, once a set. Every field is given here, so the set is the one SetLog(...)
    would make (tests/unit/test_import_sessions.py compares the two).
    """
    is_hold = row.seconds is not None and (row.reps is None or (exercise is not None and exercise.kind == "hold"))
    made: SetLog = object.__new__(SetLog)
    made.__dict__.update(
        exercise_id=exercise_id, set_number=set_number, at=row.at or row.workout.started_at, unit=row.unit,
        kind=row.kind, side=row.side, exercise_name=row.exercise_name, target_reps=row.target_reps,
        target_load=row.target_load, target_hold=row.target_hold, target_rpe=row.target_rpe, reps=row.reps,
        load=row.load, rpe=row.rpe, hold_seconds=row.seconds if is_hold else None,
        rest_seconds=row.rest_seconds, reason=row.reason, note=row.note, skipped=row.skipped,
    )
    return made


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


_WORKOUT_ROWS = (RowSet, RestTimer, NoteRow)     # the rows that belong to a workout


def build_sessions(
    outcomes: Iterable[RowOutcome], result: ImportResult, library: Mapping[str, Exercise], fallback_unit: Unit,
    sink: Callable[[SessionLog], None] | None = None,
) -> ImportResult:
    """Fold a stream of row outcomes into sessions, every row counted by outcome in `result`.

    Each session goes to `sink` as soon as its workout is finished (so nothing need be held); without a sink
    they are kept in `result.sessions`, oldest first.
    """
    matcher = ExerciseMatcher(library)
    workouts = _Workouts()

    def finish(found: _OpenWorkout) -> None:
        session = _build_session(found, result, library, matcher, fallback_unit)
        if session is not None:
            (sink or result.sessions.append)(session)

    rows = 0
    for outcome in outcomes:
        rows += 1
        if isinstance(outcome, _WORKOUT_ROWS):
            found = workouts.take(outcome)
            if found is None:
                result.bad_rows.append(BadRow(outcome.line, OUT_OF_ORDER))
                continue
            _take_row(found, outcome)
            if len(workouts.open) > OPEN_WORKOUTS:
                for idle in workouts.idle():
                    finish(idle)
        elif isinstance(outcome, HeadingRow):
            result.outcomes[HEADING] += 1
        else:
            result.bad_rows.append(outcome)
    result.rows += rows
    for found in workouts.remaining():
        finish(found)
    if sink is None:
        result.sessions.sort(key=lambda session: chronological(session.started_at))
    result.bad_rows.sort(key=lambda bad: bad.line)
    return result


def _build_session(
    found: _OpenWorkout, result: ImportResult, library: Mapping[str, Exercise], matcher: ExerciseMatcher,
    fallback_unit: Unit,
) -> SessionLog | None:
    """One workout's rows as a session, or None (its rows counted where they went) when it adds none."""
    workout, counts = found.workout, found.counts
    if workout.warning:
        result.warnings[workout.warning] += 1
    rows, unplaced_notes = found.with_notes()
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
            problem = _activity_beyond_history_limits(row)
            if problem is not None:
                result.bad_rows.append(BadRow(row.line, problem))
                continue
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
        return None
    session = _session(result.source, workout, tuple(sets), tuple(activities), fallback_unit)
    if not fits_in_a_history_file(session):
        reason = f"workout of {len(sets)} sets is too large for a history file (1 MiB)"
        result.bad_rows.extend(BadRow(line, reason) for line in kept_lines)
        result.outcomes.update({k: v for k, v in counts.items() if k not in (SET, WARM_UP, ACTIVITY)})
        return None
    result.session_rows.setdefault(session.id, Counter()).update(counts)
    return session
