"""Sessions and sets to test history with: made by hand with defaults, or drawn by Hypothesis."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import strategies as st

from strongstride.model.log import SessionLog, SetLog
from strongstride.store.history_codec import MAX_LOAD_KG

START = datetime(2026, 11, 22, 18, 5, 12)


def make_set(exercise_id: str = "back_squat", number: int = 1, minutes: int = 5, **fields) -> SetLog:
    """A work set logged a few minutes into the session."""
    defaults = dict(target_reps=8, target_load=60.0, target_rpe=8.0, reps=8, load=60.0, rpe=8.0)
    return SetLog(exercise_id, number, START + timedelta(minutes=minutes), **{**defaults, **fields})


def make_session(*sets: SetLog, started_at: datetime = START, **fields) -> SessionLog:
    """A session of the runner-foundation plan with the given sets."""
    defaults = dict(id=f"{started_at:%Y-%m-%dT%H-%M-%S}_runner-foundation_A_test01", plan_id="runner-foundation",
                    session_id="A", plan_name="Runner foundation", session_name="Strength A")
    return SessionLog(started_at=started_at, sets=sets, **{**defaults, **fields})


OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
MOMENTS = st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1), timezones=st.none() | OFFSETS)
NAMES = st.text(min_size=1).filter(str.strip)
RPES = st.integers(2, 20).map(lambda halves: halves / 2)
SECONDS = st.integers(0, 86_400)


def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


@st.composite
def set_logs(draw: st.DrawFn) -> SetLog:
    unit = draw(st.sampled_from(["kg", "lb"]))
    loads = st.floats(0, MAX_LOAD_KG if unit == "kg" else 2204.6, allow_nan=False, allow_infinity=False)
    return SetLog(
        exercise_id=draw(NAMES), set_number=draw(st.integers(1, 1000)), at=draw(MOMENTS), unit=unit,
        kind=draw(st.sampled_from(["work", "warmup"])), side=draw(st.sampled_from([None, "left", "right"])),
        exercise_name=draw(st.text()), target_reps=draw(maybe(st.integers(0, 100))),
        target_load=draw(maybe(loads)), target_hold=draw(maybe(SECONDS)), target_rpe=draw(maybe(RPES)),
        reps=draw(maybe(st.integers(0, 100))), load=draw(maybe(loads)), rpe=draw(maybe(RPES)),
        hold_seconds=draw(maybe(SECONDS)), rest_seconds=draw(maybe(SECONDS)), reason=draw(st.text()),
        note=draw(st.text()), skipped=draw(st.booleans()),
    )


SESSION_LOGS = st.builds(
    SessionLog, id=NAMES, plan_id=NAMES, session_id=NAMES, started_at=MOMENTS, finished_at=maybe(MOMENTS),
    plan_name=st.text(), session_name=st.text(), unit=st.sampled_from(["kg", "lb"]),
    sets=st.lists(set_logs(), max_size=6).map(tuple), note=st.text(), source=NAMES, abandoned=st.booleans(),
    extra=st.dictionaries(st.text(), st.text(), max_size=3),
)
