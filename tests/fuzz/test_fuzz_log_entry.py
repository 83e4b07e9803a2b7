"""Whatever the runner types into a set's fields, the live session takes it or refuses it and stays as it was.

And the session a run of such entries leaves behind replays to the same state from its events (so a
resume is exact) and files as a history file that reads back unchanged.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride import resources
from strongstride.engine.events import (
    Abandoned, Event, ExerciseSkipped, Finished, HoldCompleted, RestChanged, RestEnded, SetLogged, SetSkipped,
    VariationSwapped, WarmupDone,
)
from strongstride.engine.session import InvalidEvent, LiveSession, SessionSetup
from strongstride.engine.session_state import SessionState
from strongstride.model.config import Config, Equipment
from strongstride.model.exercise_library import load_library
from strongstride.model.plan import Load
from strongstride.model.plan_parser import load_plan_file
from strongstride.store.history_codec import session_from_toml, session_to_toml
from tests.unit.session_fixtures import EXERCISES, block, setup_of

FUZZ_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
START = datetime(2026, 11, 23, 18, 0, 0)
LIBRARY, _ = load_library(resources.exercise_library_file())


def sample_setups() -> list[SessionSetup]:
    """Every session of every bundled plan, as a first session with no history."""
    setups = []
    for path in sorted(resources.bundled_dir("sample_plans").glob("*.toml")):
        plan = load_plan_file(path, LIBRARY)
        for template in plan.sessions:
            setups.append(SessionSetup(plan, template, LIBRARY, (), Config(), START, f"fuzz-{plan.id}-{template.id}"))
    return setups


SETUPS = [
    *sample_setups(),
    setup_of(
        block("back_squat", sets=(2, 4), reps=(3, 5), load=Load("absolute", weight=995.0), rpe=6.0),
        block("split_squat", sets=2, reps=8, load=Load("absolute", weight=12.0), superset="a"),
        block("plank", sets=2, hold=(5, 10), superset="a"),
        block("push_up", sets=1, reps=(8, 12)),
    ),
]

# Mostly what a runner types, often enough what no runner would.
reps = st.one_of(st.integers(0, 20), st.integers(0, 20), st.integers(0, 20), st.integers(-(2**63), 2**63))
loads = st.one_of(
    st.none(), st.floats(0, 1000), st.sampled_from([0.0, -0.0, 1000.0, 1000.0001, 5e-324, 2.5, 42.5, 995.0]),
    st.floats(allow_nan=True, allow_infinity=True),
)
good_rpes = st.sampled_from([None, 6.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0])
rpes = st.one_of(good_rpes, good_rpes, good_rpes, st.sampled_from([0.0, 10.5, 7.3]),
                 st.floats(allow_nan=True, allow_infinity=True))
notes = st.one_of(st.just(""), st.just(""), st.text(max_size=40), st.text(min_size=995, max_size=1005),
                  st.sampled_from(["[red]x[/red]", "\x1b[31mred\x1b[0m", "\x1b]0;title\x07", "a\nb", "\x00"]))
seconds = st.one_of(st.integers(0, 120), st.integers(0, 120), st.integers(0, 120), st.integers(-(2**63), 2**63))
set_logged = st.builds(lambda r, l, p, n: ("SetLogged", r, l, p, n), reps, loads, rpes, notes)
hold_completed = st.builds(lambda s, p, n: ("HoldCompleted", s, p, n), seconds, rpes, notes)
# "Next" does what the session asks now, with the typed values: the way deep into a session.
next_step = st.builds(lambda r, l, p, n, s: ("Next", r, l, p, n, s), reps,
                      st.one_of(st.just("target"), st.just("target"), loads), rpes,
                      notes, seconds)
entries = st.one_of(
    next_step, next_step, next_step, set_logged, hold_completed,
    st.sampled_from([("SetSkipped",), ("ExerciseSkipped",), ("RestEnded",), ("WarmupDone",), ("Undo",),
                     ("VariationSwapped", "easier"), ("VariationSwapped", "harder")]),
    st.builds(lambda delta: ("RestChanged", delta), st.integers(-(10**6), 10**6)),
)


def next_event(state: SessionState, entry: tuple, at: datetime) -> Event:
    """What the current step asks for, with the entry's values typed into the set's fields."""
    _, count, load, rpe, note, held = entry
    if state.step == "warmup":
        return WarmupDone(at)
    if state.step != "set" or state.card is None:
        return RestEnded(at)
    if state.card.is_hold and state.card.kind == "work":
        return HoldCompleted(at, held, rpe, note)
    return SetLogged(at, count, state.card.target.load if load == "target" else load, rpe, note)


def event_at(session: LiveSession, entry: tuple, at: datetime) -> Event:
    """The event an entry stands for, stamped at a time."""
    kind, *values = entry
    if kind == "Next":
        return next_event(session.state, entry, at)
    return {
        "SetLogged": lambda: SetLogged(at, *values), "HoldCompleted": lambda: HoldCompleted(at, *values),
        "SetSkipped": lambda: SetSkipped(at), "ExerciseSkipped": lambda: ExerciseSkipped(at),
        "RestEnded": lambda: RestEnded(at), "WarmupDone": lambda: WarmupDone(at),
        "VariationSwapped": lambda: VariationSwapped(at, *values), "RestChanged": lambda: RestChanged(at, *values),
    }[kind]()


def apply_or_refuse(session: LiveSession, event: Event) -> None:
    """The property for one event: it is folded in, or refused with the session exactly as it was."""
    before, events_before = session.state, session.events
    try:
        after = session.apply(event)
    except InvalidEvent as refused:
        assert str(refused)
        assert session.state == before and session.events == events_before
        return
    assert session.events == (*events_before, event) and after == session.state


@FUZZ_SETTINGS
@given(setup=st.sampled_from(SETUPS), entries=st.lists(entries, min_size=3, max_size=30),
       gaps=st.lists(st.integers(1, 900), min_size=31, max_size=31), end=st.sampled_from(["finish", "abandon"]),
       note=notes)
def test_random_entries_are_taken_or_refused_and_the_session_files_and_replays(setup, entries, gaps, end, note):
    session = LiveSession(setup)
    at = START
    for entry, gap in zip(entries, gaps):
        at += timedelta(seconds=gap)
        if entry == ("Undo",):
            session.undo_last_set()
        else:
            apply_or_refuse(session, event_at(session, entry, at))
    at += timedelta(seconds=gaps[-1])
    apply_or_refuse(session, Finished(at, note) if end == "finish" else Abandoned(at))

    assert LiveSession(setup, session.events).state == session.state
    log = session.to_log()
    assert session_from_toml(session_to_toml(log), f"{log.id}.toml") == log


@pytest.mark.parametrize("field, value", [("reps", 101), ("reps", -1), ("load", float("nan")), ("load", 1000.5),
                                          ("rpe", 10.5), ("rpe", float("inf")), ("note", "x" * 1001)])
def test_values_out_of_range_are_refused_with_nothing_changed(field, value):
    session = LiveSession(SETUPS[-1])
    entry = dataclasses.replace(SetLogged(START + timedelta(seconds=5), 4, 995.0, 8.0), **{field: value})
    with pytest.raises(InvalidEvent):
        session.apply(entry)
    assert session.events == () and session.state == LiveSession(SETUPS[-1]).state


def test_the_fixture_library_has_what_the_fuzzed_plan_swaps_to():
    """The hand-built plan's ladders exist, so swaps are sometimes accepted, not always refused."""
    assert {"goblet_squat", "bench_split_squat", "kneeling_plank"} <= set(EXERCISES)


HEAVY_SQUAT = block("back_squat", sets=3, reps=(3, 5), load=Load("absolute", weight=1000.0), rpe=8.0, warmup_sets=False)


def test_a_very_easy_set_at_the_limit_never_targets_more_than_a_history_file_holds():
    """Found by fuzzing: 995 kg at RPE 6 made the next target 1027.5 kg, and the filed session unreadable."""
    session = LiveSession(setup_of(HEAVY_SQUAT))
    state = session.apply(SetLogged(START + timedelta(minutes=1), 5, 1000.0, 6.0))
    assert state.card is not None and state.card.target.load == 1000.0
    log = session.to_log(finished_at=START + timedelta(minutes=5))
    assert session_from_toml(session_to_toml(log), "heavy.toml") == log


@pytest.mark.parametrize("progression", ["linear", "double", "rpe"])
def test_the_next_session_never_starts_above_the_limit(progression):
    past = setup_of(dataclasses.replace(HEAVY_SQUAT, progression=progression))
    session = LiveSession(past)
    at = START
    for _ in range(3):
        at += timedelta(minutes=3)
        session.apply(SetLogged(at, 5, session.state.card.target.load, 6.0))
        if session.state.rest is not None:
            session.apply(RestEnded(at))
    history = [session.to_log(finished_at=at)]
    later = dataclasses.replace(past, history=tuple(history), started_at=START + timedelta(days=3))
    assert LiveSession(later).state.card.target.load == 1000.0


def test_a_plan_load_at_the_limit_in_kg_stays_within_it_in_pounds():
    """1000 kg is 2204.6 lb; the nearest bar load, 2205 lb, is beyond what a history file holds."""
    setup = setup_of(HEAVY_SQUAT, config=Config(units="lb", equipment=Equipment.defaults("lb")))
    assert LiveSession(setup).state.card.target.load == 2200.0
