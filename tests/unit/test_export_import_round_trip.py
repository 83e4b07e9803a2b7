"""Property: whatever history holds, our export read back by our import is exactly what was written, for every
format we write (our CSV, JSON, Strong's CSV): sets, activities and the session around them."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from strongstride.importers.exercise_matching import ExerciseMatcher
from strongstride.importers.export import write_csv, write_json, write_strong
from strongstride.importers.reading import read_export
from strongstride.services.library import load_exercise_library
from strongstride.model.log import ActivityLog, SessionLog, SetLog
from strongstride.store.history_codec import session_from_dict

LIBRARY, _ = load_exercise_library()
MATCHER = ExerciseMatcher(LIBRARY)
START = datetime(2026, 5, 4, 18, 0)
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12).map(str.strip)
NOTE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=20).map(str.strip)
REPS_NAMES = ["Squat (Barbell)", "Bench Press (Barbell)", "Triceps Rope Pushdown", "Rope Cable Curl", "Snatch"]
HOLD_NAMES = ["Plank", "Dead Hang", "Side Plank"]
ACTIVITIES = [("Running", "cardio"), ("Battle Ropes", "cardio"), ("Couch Stretch", "mobility"), ("Warm Up", "warm-up")]
RPES = st.none() | st.sampled_from([6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0])


@st.composite
def lifted_set(draw: st.DrawFn, started: datetime) -> SetLog:
    """A set Strong's layout can carry: reps (any name) or a hold (a hold's name), load in kg or none."""
    if draw(st.booleans()):
        name, reps, hold = draw(st.sampled_from(REPS_NAMES)), draw(st.integers(1, 30)), None
    else:
        name, reps, hold = draw(st.sampled_from(HOLD_NAMES)), None, draw(st.integers(1, 600))
    load = draw(st.none() | st.integers(1, 4000).map(lambda quarter: quarter / 4))
    return SetLog(
        exercise_id=MATCHER.exercise_id(name), set_number=1, at=started, exercise_name=name, reps=reps,
        hold_seconds=hold, load=load, rpe=draw(RPES), kind=draw(st.sampled_from(["work", "warmup"])),
        note=draw(NOTE),
    )


@st.composite
def activity(draw: st.DrawFn) -> ActivityLog:
    name, kind = draw(st.sampled_from(ACTIVITIES))
    return ActivityLog(name=name, at=START, kind=kind, seconds=draw(st.integers(1, 7200)),
                       distance_m=draw(st.none() | st.integers(1, 99_999).map(float)), note=draw(NOTE))


def numbered(sets: list[SetLog]) -> tuple[SetLog, ...]:
    """Sets numbered as an import numbers them: from 1 per exercise, kind and side."""
    seen: Counter[tuple[str, str, str | None]] = Counter()
    out = []
    for s in sets:
        seen[s.exercise_id, s.kind, s.side] += 1
        out.append(SetLog(**{**s.__dict__, "set_number": seen[s.exercise_id, s.kind, s.side]}))
    return tuple(out)


@st.composite
def history(draw: st.DrawFn, one_set: Callable[[datetime], st.SearchStrategy[SetLog]] = lifted_set) -> list[SessionLog]:
    """One to three sessions of sets drawn by `one_set`, with activities, a name, a note and maybe an end."""
    sessions = []
    for day in range(draw(st.integers(1, 3))):
        started = START + timedelta(days=day)
        sets = numbered([draw(one_set(started)) for _ in range(draw(st.integers(1, 8)))])
        finished = draw(st.none() | st.integers(1, 300).map(lambda minutes: started + timedelta(minutes=minutes)))
        activities = tuple(ActivityLog(**{**a.__dict__, "at": started}) for a in draw(st.lists(activity(), max_size=3)))
        sessions.append(SessionLog(
            id=f"s{day}", plan_id="imported", session_id=f"day-{day}", started_at=started, finished_at=finished,
            session_name=draw(TEXT) or f"Day {day}", note=draw(NOTE), sets=sets, activities=activities,
        ))
    return sessions


def read_back(text: str, source: str) -> list[SessionLog]:
    result = read_export(io.StringIO(text, newline=""), source, LIBRARY, "kg")
    assert result.bad_rows == [] and sum(result.row_counts().values()) == result.rows
    return result.sessions


@settings(max_examples=60, deadline=None)
@given(history())
def test_our_csv_reads_back_exactly(sessions: list[SessionLog]) -> None:
    out = io.StringIO()
    write_csv(sessions, out, {})
    back = read_back(out.getvalue(), "csv")
    assert [(s.started_at, s.finished_at, s.session_name, s.note, s.sets, s.activities) for s in back] == [
        (s.started_at, s.finished_at, s.session_name, s.note, s.sets, s.activities) for s in sessions]


@settings(max_examples=60, deadline=None)
@given(history())
def test_json_reads_back_exactly(sessions: list[SessionLog]) -> None:
    out = io.StringIO()
    write_json(sessions, out)
    back = [session_from_dict(_with_moments(data), "export.json") for data in json.loads(out.getvalue())]
    assert back == sessions


def _with_moments(data: dict) -> dict:
    """JSON carries moments as ISO text; history's reader takes them as the TOML date-times they were."""
    def moment(value):
        return datetime.fromisoformat(value) if isinstance(value, str) else value
    data = {**data, "started_at": moment(data["started_at"])}
    if "finished_at" in data:                   # an unfinished session has none
        data["finished_at"] = moment(data["finished_at"])
    data["sets"] = [{**s, "at": moment(s["at"])} for s in data["sets"]]
    data["activities"] = [{**a, "at": moment(a["at"])} for a in data.get("activities", [])]
    return data


def strong_view(session: SessionLog) -> tuple:
    """What Strong's layout carries of a session: its name, start, length, note, each set and each activity."""
    sets = tuple((s.exercise_name, s.kind, s.load, s.reps, s.hold_seconds, s.rpe, s.note) for s in session.sets)
    activities = tuple((a.name, a.kind, a.seconds, a.distance_m, a.note) for a in session.activities)
    return (session.session_name, session.started_at, session.duration_seconds, session.note, sets, activities)


@settings(max_examples=60, deadline=None)
@given(history())
def test_strongs_csv_reads_back_everything_strongs_layout_carries(sessions: list[SessionLog]) -> None:
    out = io.StringIO()
    write_strong(sessions, out, "kg", {})
    back = read_back(out.getvalue(), "auto")
    assert [strong_view(s) for s in back] == [strong_view(s) for s in sessions]


# The app's own sets carry more than an import makes: targets, sides, rest, skipped sets, the reason for a target,
# a moment of their own, either unit, and the session's own note. Our CSV carries every field of a set and the
# session around it, so each must come back.
LIBRARY_EXERCISES = sorted(LIBRARY.values(), key=lambda exercise: exercise.id)
AMOUNT = st.none() | st.integers(1, 4000).map(lambda quarter: quarter / 4)
SECONDS = st.none() | st.integers(1, 600)


@st.composite
def coached_set(draw: st.DrawFn, started: datetime) -> SetLog:
    """A set as the coach logs it: a library exercise by id and name, its target, what was done or skipped."""
    exercise = draw(st.sampled_from(LIBRARY_EXERCISES))
    holds = exercise.kind == "hold"
    skipped = draw(st.booleans())
    done_reps = None if holds or skipped else draw(st.integers(1, 30))
    done_hold = draw(st.integers(1, 600)) if holds and not skipped else None
    return SetLog(
        exercise_id=exercise.id, exercise_name=exercise.name, set_number=1,
        at=started + timedelta(seconds=draw(st.integers(0, 3 * 3600)), microseconds=draw(st.integers(0, 999_999))),
        unit=draw(st.sampled_from(["kg", "lb"])), kind=draw(st.sampled_from(["work", "warmup"])),
        side=draw(st.sampled_from([None, "left", "right"])),
        target_reps=None if holds else draw(st.none() | st.integers(1, 30)), target_load=draw(AMOUNT),
        target_hold=draw(SECONDS) if holds else None, target_rpe=draw(RPES), reps=done_reps,
        load=None if skipped else draw(AMOUNT), rpe=None if skipped else draw(RPES), hold_seconds=done_hold,
        rest_seconds=draw(SECONDS), reason=draw(NOTE), note=draw(NOTE), skipped=skipped,
    )


@settings(max_examples=80, deadline=None)
@given(history(coached_set))
def test_our_csv_reads_back_every_field_of_the_coachs_own_sets(sessions: list[SessionLog]) -> None:
    out = io.StringIO()
    write_csv(sessions, out, {exercise.id: exercise.name for exercise in LIBRARY_EXERCISES})
    back = read_back(out.getvalue(), "auto")
    assert [(s.started_at, s.finished_at, s.session_name, s.note, s.sets, s.activities) for s in back] == [
        (s.started_at, s.finished_at, s.session_name, s.note, s.sets, s.activities) for s in sessions]
