"""The live session as a fold of events: steps, sides, supersets, holds, ranges, undo and replay."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from strongstride.engine.events import (
    ExerciseSkipped, Finished, HoldCompleted, RestChanged, RestEnded, SetEdited, SetLogged, SetSkipped,
    VariationSwapped, WarmupDone,
)
from strongstride.engine.rpe import predicted_rpe
from strongstride.engine.session import InvalidEvent, LiveSession
from strongstride.model.config import Config
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.plan import Load, NumberRange, Warmup

from .session_fixtures import START, Clock, block, setup_of

SIXTY = Load("absolute", weight=60.0)


def test_warmup_comes_first_then_the_first_set():
    session = LiveSession(setup_of(block("push_up", sets=1), warmup=Warmup("Stationary bike", 8)))
    assert session.state.step == "warmup"
    assert session.state.warmup == Warmup("Stationary bike", 8)
    session.apply(WarmupDone(START))
    assert session.state.step == "set"
    assert session.state.card.exercise.id == "push_up"


def test_each_set_is_followed_by_the_blocks_rest_and_the_rest_taken_is_recorded():
    clock = Clock()
    session = LiveSession(setup_of(block("push_up", sets=2, rest=75), block("band_row", sets=1)))
    card = session.state.card
    assert (card.set_number, card.set_count, card.exercise_number, card.exercise_count) == (1, 2, 1, 2)
    assert card.position == "set 1 of 2 · exercise 1 of 2"
    logged_at = clock()
    state = session.apply(SetLogged(logged_at, reps=10, rpe=8))
    assert state.step == "rest"
    assert state.rest.seconds == 75 and state.rest.started_at == logged_at
    assert state.card.set_number == 2, "during the rest the card shows the next set"
    session.apply(RestEnded(logged_at + timedelta(seconds=80)))
    assert session.state.logged[0].rest_seconds == 80
    session.apply(SetLogged(clock(), reps=9, rpe=9))
    session.apply(RestEnded(clock()))
    assert session.state.card.exercise.id == "band_row"
    session.apply(SetLogged(clock(), reps=12, rpe=7))
    state = session.state
    assert state.step == "done" and state.rest is None, "no rest after the last set"
    assert state.progress.sets_done == state.progress.sets_planned == 3


def test_rest_can_be_lengthened_and_shortened_but_not_below_zero():
    clock = Clock()
    session = LiveSession(setup_of(block("push_up", sets=2, rest=60)))
    session.apply(SetLogged(clock(), reps=10, rpe=8))
    session.apply(RestChanged(clock(1), 15))
    assert session.state.rest.seconds == 75
    session.apply(RestChanged(clock(1), -200))
    assert session.state.rest.seconds == 0
    with pytest.raises(InvalidEvent):
        LiveSession(setup_of(block("push_up"))).apply(RestChanged(START, 15))


def test_unilateral_sets_go_left_then_right_with_the_rest_after_both():
    clock = Clock()
    session = LiveSession(setup_of(block("split_squat", sets=2, load=Load("absolute", weight=10.0))))
    assert session.state.card.side == "left"
    assert "left side" in session.state.card.position
    state = session.apply(SetLogged(clock(), reps=10, load=10, rpe=8))
    assert state.step == "set" and state.card.side == "right" and state.card.set_number == 1
    state = session.apply(SetLogged(clock(), reps=10, load=10, rpe=8))
    assert state.step == "rest" and state.card.side == "left" and state.card.set_number == 2
    assert [s.side for s in state.logged] == ["left", "right"]
    assert state.progress.sets_planned == 4


def test_superset_alternates_its_exercises_and_rests_after_each_round():
    clock = Clock()
    session = LiveSession(setup_of(
        block("push_up", sets=2, superset="a", rest=60), block("band_row", sets=2, superset="a", rest=90),
        block("plank", sets=1, hold=30),
    ))
    order = []
    for _ in range(4):
        state = session.state
        if state.step == "rest":
            session.apply(RestEnded(clock()))
            state = session.state
        order.append(state.card.exercise.id)
        state = session.apply(SetLogged(clock(), reps=10, rpe=8))
        order.append(state.step)
    assert order == ["push_up", "set", "band_row", "rest", "push_up", "set", "band_row", "rest"]
    assert session.state.rest.seconds == 90, "a round's rest is the longest of its exercises"
    session.apply(RestEnded(clock()))
    assert session.state.card.exercise.id == "plank"


def test_holds_are_logged_in_seconds_and_reps_are_refused():
    session = LiveSession(setup_of(block("plank", sets=1, hold=30)))
    assert session.state.card.is_hold
    with pytest.raises(InvalidEvent, match="hold"):
        session.apply(SetLogged(START, reps=10))
    session.apply(HoldCompleted(START, seconds=35, rpe=7))
    logged = session.state.logged[0]
    assert (logged.hold_seconds, logged.reps, logged.target_hold) == (35, None, 30)
    with pytest.raises(InvalidEvent, match="reps"):
        LiveSession(setup_of(block("push_up"))).apply(HoldCompleted(START, seconds=30))


@pytest.mark.parametrize("event, reason", [
    (SetLogged(START, reps=101), "reps"),
    (SetLogged(START, reps=-1), "reps"),
    (SetLogged(START, reps=8, rpe=8.3), "RPE"),
    (SetLogged(START, reps=8, rpe=11), "RPE"),
    (SetLogged(START, reps=8, load=1500), "load"),
    (SetLogged(START, reps=8, load=-5), "load"),
    (SetLogged(START, reps=8, note="x" * 1001), "note"),
])
def test_out_of_range_entries_are_refused_and_change_nothing(event, reason):
    session = LiveSession(setup_of(block("push_up")))
    before = session.state
    with pytest.raises(InvalidEvent, match=reason):
        session.apply(event)
    assert session.state == before and session.events == ()


def test_undo_last_set_takes_back_the_set_and_its_rest():
    clock = Clock()
    session = LiveSession(setup_of(block("push_up", sets=3)))
    session.apply(SetLogged(clock(), reps=10, rpe=8))
    session.apply(RestEnded(clock()))
    session.apply(SetLogged(clock(), reps=8, rpe=9))
    session.apply(RestChanged(clock(), 15))
    undone = session.undo_last_set()
    assert isinstance(undone, SetLogged) and undone.reps == 8
    state = session.state
    assert state.step == "set" and state.card.set_number == 2 and len(state.logged) == 1
    assert session.undo_last_set().reps == 10
    assert session.undo_last_set() is None and session.state.logged == ()


def test_skipping_a_set_logs_it_as_skipped_and_skipping_an_exercise_moves_on():
    clock = Clock()
    session = LiveSession(setup_of(block("push_up", sets=3), block("band_row", sets=1)))
    state = session.apply(SetSkipped(clock()))
    assert state.step == "set" and state.card.set_number == 2
    assert state.logged[0].skipped and not state.logged[0].counts_as_work
    state = session.apply(ExerciseSkipped(clock()))
    assert state.card.exercise.id == "band_row"
    assert state.progress.exercises_done == 1


def test_swapping_to_an_easier_variation_keeps_the_sets_done():
    clock = Clock()
    session = LiveSession(setup_of(block("split_squat", sets=2, load=Load("absolute", weight=10.0)), block("plank", sets=1, hold=30)))
    with pytest.raises(InvalidEvent, match="no easier"):
        session.apply(VariationSwapped(clock(), "easier"))
    session.apply(VariationSwapped(clock(), "harder"))
    card = session.state.card
    assert card.exercise.id == "bench_split_squat" and card.set_number == 1


def test_a_range_of_sets_offers_one_more_while_effort_stays_at_target():
    clock = Clock()
    session = LiveSession(setup_of(block("push_up", sets=(2, 4), rpe=8), block("band_row", sets=1)))
    assert session.state.card.position.startswith("set 1 of 2-4")
    for _ in range(2):
        session.apply(SetLogged(clock(), reps=10, rpe=7.5))
        session.apply(RestEnded(clock()))
    card = session.state.card
    assert card.exercise.id == "push_up" and card.extra_set and card.set_number == 3
    session.apply(SetLogged(clock(), reps=10, rpe=9.5))
    session.apply(RestEnded(clock()))
    assert session.state.card.exercise.id == "band_row", "a hard extra set ends the block"


def test_an_offered_extra_set_can_be_declined():
    clock = Clock()
    session = LiveSession(setup_of(block("push_up", sets=(1, 3), rpe=8), block("band_row", sets=1)))
    session.apply(SetLogged(clock(), reps=10, rpe=7))
    session.apply(RestEnded(clock()))
    assert session.state.card.extra_set
    session.apply(SetSkipped(clock()))
    assert session.state.card.exercise.id == "band_row"
    assert all(not s.skipped for s in session.state.logged), "declining an offer is not a skipped set"


def test_the_phase_volume_factor_scales_the_sets():
    session = LiveSession(setup_of(block("push_up", sets=4), volume_factor=0.5))
    assert session.state.card.set_count == 2
    session = LiveSession(setup_of(block("push_up", sets=1), volume_factor=0.5))
    assert session.state.card.set_count == 1, "never below one set"


def test_loaded_work_adjusts_the_next_load_with_a_reason():
    clock = Clock()
    session = LiveSession(setup_of(block("back_squat", sets=3, reps=(5, 5), load=SIXTY, rpe=8, warmup_sets=False)))
    assert session.state.card.target.load == 60
    assert session.state.card.plates is not None
    state = session.apply(SetLogged(clock(), reps=5, load=60, rpe=9.5))
    assert state.card.target.load < 60
    assert "->" in state.card.target.reason and "9.5" in state.card.target.reason
    logged = state.logged[0]
    assert (logged.target_load, logged.load, logged.target_rpe) == (60, 60, 8)


def test_heavy_barbell_work_starts_with_warmup_sets_that_never_count_as_work():
    history = [SessionLog(
        id="past", plan_id="test-plan", session_id="A", started_at=START - timedelta(days=3),
        sets=tuple(SetLog("back_squat", n, START - timedelta(days=3), reps=5, load=100.0, rpe=8) for n in (1, 2, 3)),
    )]
    clock = Clock()
    heavy = Load("percent_rm", percent=NumberRange(80, 100), rep_max=5)
    session = LiveSession(setup_of(block("back_squat", sets=3, reps=(3, 5), load=heavy, rpe=8), history=history))
    card = session.state.card
    assert card.kind == "warmup" and card.position.startswith("warm-up 1 of")
    ramp = card.set_count
    for _ in range(ramp):
        state = session.apply(SetLogged(clock(), reps=session.state.card.target.reps, load=session.state.card.target.load))
        session.apply(RestEnded(clock()))
    state = session.state
    assert state.card.kind == "work" and state.card.set_number == 1
    assert [s.kind for s in state.logged] == ["warmup"] * ramp
    assert state.progress.sets_done == 0
    assert not session.to_log().work_sets


def test_finish_ends_the_session_and_later_events_are_refused():
    clock = Clock()
    session = LiveSession(setup_of(block("push_up", sets=3)))
    session.apply(SetLogged(clock(), reps=10, rpe=8))
    session.apply(Finished(clock(), note="felt strong"))
    state = session.state
    assert state.finished and state.step == "done" and state.rest is None
    log = session.to_log()
    assert log.note == "felt strong" and log.finished_at == clock.now and len(log.sets) == 1
    with pytest.raises(InvalidEvent, match="over"):
        session.apply(SetLogged(clock(), reps=10))


def test_a_session_folded_again_from_its_events_is_the_same():
    clock = Clock()
    setup = setup_of(block("split_squat", sets=2, load=Load("absolute", weight=12.0)), block("plank", sets=2, hold=30))
    session = LiveSession(setup)
    for event in [SetLogged(clock(), 10, 12.0, 8), SetLogged(clock(), 9, 12.0, 9), RestChanged(clock(), 15),
                  RestEnded(clock()), SetSkipped(clock()), SetSkipped(clock()), HoldCompleted(clock(), 40, 8)]:
        session.apply(event)
    replayed = LiveSession(setup, session.events)
    assert replayed.state == session.state
    assert replayed.to_log() == session.to_log()


def test_up_next_names_what_follows():
    session = LiveSession(setup_of(block("push_up", sets=1), block("band_row", sets=1)))
    assert session.state.up_next == "then Band row, set 1 of 1 · exercise 2 of 2"
    session.apply(SetLogged(START, reps=10))
    session.apply(RestEnded(START + timedelta(seconds=60)))
    assert session.state.up_next == "then the session is done"


def test_starting_sets_ends_the_general_warmup():
    session = LiveSession(setup_of(block("push_up", sets=2), warmup=Warmup("Bike", 5)))
    session.apply(SetLogged(datetime(2026, 11, 23, 18, 5), reps=10))
    assert session.state.warmup is None
    with pytest.raises(InvalidEvent):
        session.apply(WarmupDone(START))


def test_a_rest_left_running_for_days_is_kept_at_a_day():
    session = LiveSession(setup_of(block("push_up", sets=2)))
    session.apply(SetLogged(START, reps=10))
    session.apply(RestEnded(START + timedelta(hours=25)))
    assert session.state.logged[0].rest_seconds == 24 * 3600


def test_a_block_without_a_rest_takes_the_runners_default_rest():
    plain = block("push_up", sets=2)
    no_rest = dataclasses.replace(plain, prescription=dataclasses.replace(plain.prescription, rest_seconds=None))
    session = LiveSession(setup_of(no_rest, config=Config(default_rest_seconds=150)))
    assert session.state.card.rest_seconds == 150
    assert session.apply(SetLogged(START, reps=10)).rest.seconds == 150


def test_a_first_set_logged_heavier_than_the_test_set_steers_the_next_from_what_was_lifted():
    percent = Load("percent_1rm", percent=NumberRange(80, 90))
    session = LiveSession(setup_of(block("back_squat", sets=3, reps=(3, 5), load=percent)))
    assert session.state.card.target.load == 20 and "log the load you know" in session.state.card.target.reason
    session.apply(SetLogged(Clock()(), reps=3, load=100.0, rpe=7))
    assert session.state.card.target.load == 102.5
    assert session.state.card.target.reason == "RPE 7 at target 8: 100 -> 102.5 kg"


def test_band_work_carries_the_plans_band_level_to_the_card():
    session = LiveSession(setup_of(block("band_row", sets=1, load=Load("band", band="medium")), block("push_up", sets=1)))
    assert session.state.card.band == "medium" and session.state.card.target.load is None
    session.apply(SetLogged(Clock()(), reps=10, rpe=8))
    assert session.state.card.exercise.id == "push_up" and session.state.card.band is None


def test_a_holds_card_says_its_rpe_in_time_and_a_rep_cards_in_reps():
    session = LiveSession(setup_of(block("plank", sets=1, reps=None, hold=(30, 45)), block("push_up", sets=1)))
    assert session.state.card.is_hold and session.state.card.rpe_meaning.endswith("could hold a little longer")
    session.apply(HoldCompleted(Clock()(), seconds=30, rpe=8))
    session.apply(RestEnded(Clock()()))
    assert session.state.card.rpe_meaning == "RPE 8 = 2 reps left"


def _log_side(session: LiveSession, clock: Clock, load: float, rpe: float = 7) -> None:
    if session.state.step == "rest":
        session.apply(RestEnded(clock()))
    session.apply(SetLogged(clock(), reps=10, load=load, rpe=rpe))


def test_a_one_legged_extra_set_asks_for_the_right_side_before_moving_on():
    clock = Clock()
    session = LiveSession(setup_of(
        block("split_squat", sets=(3, 5), reps=(10, 10), load=Load("absolute", weight=10.0), rpe=8), block("push_up", sets=1),
    ))
    for _ in range(3 * 2):
        _log_side(session, clock, 10)
    card = session.state.card
    assert (card.exercise.id, card.extra_set, card.set_number, card.side) == ("split_squat", True, 4, "left")
    _log_side(session, clock, 10)
    card = session.state.card
    assert (card.exercise.id, card.set_number, card.side) == ("split_squat", 4, "right")
    assert session.state.step == "set", "no rest between the two sides"
    _log_side(session, clock, 10)
    assert [(s.set_number, s.side) for s in session.state.logged][-2:] == [(4, "left"), (4, "right")]


def test_one_legged_warmups_are_done_and_labelled_for_each_side():
    history = [SessionLog(
        id="past", plan_id="test-plan", session_id="A", started_at=START - timedelta(days=3),
        sets=tuple(SetLog("split_squat", n, START - timedelta(days=3), reps=5, load=30.0, rpe=8, side=side)
                   for n in (1, 2, 3) for side in ("left", "right")),
    )]
    clock = Clock()
    heavy = Load("percent_rm", percent=NumberRange(80, 100), rep_max=5)
    session = LiveSession(setup_of(block("split_squat", sets=2, reps=(3, 5), load=heavy, rpe=8), history=history))
    ramp = session.state.card.set_count
    assert session.state.card.kind == "warmup" and ramp >= 1
    seen = []
    while session.state.card.kind == "warmup":
        card = session.state.card
        seen.append((card.set_number, card.side))
        assert f"{card.side} side" in card.position
        _log_side(session, clock, card.target.load)
    assert seen == [(n, side) for n in range(1, ramp + 1) for side in ("left", "right")]
    warmups = [s for s in session.state.logged if s.kind == "warmup"]
    assert [s.side for s in warmups] == ["left", "right"] * ramp
    assert session.state.card.side == "left" and session.state.card.set_number == 1


def test_the_right_side_of_a_test_set_is_asked_at_the_load_just_logged_on_the_left():
    clock = Clock()
    percent = Load("percent_1rm", percent=NumberRange(70, 80))
    session = LiveSession(setup_of(block("split_squat", sets=2, reps=(8, 8), load=percent)))
    assert session.state.card.target.load == 2, "a test set on the lightest dumbbell"
    _log_side(session, clock, 16)
    card = session.state.card
    assert (card.side, card.target.load) == ("right", 16)
    assert card.target.reason == "Right side at the left side's 16 kg"


def _log_triple(session: LiveSession, clock: Clock, load: float, rpe: float) -> None:
    if session.state.step == "rest":
        session.apply(RestEnded(clock()))
    session.apply(SetLogged(clock(), reps=3, load=load, rpe=rpe))


def test_a_test_ramp_rises_before_the_plans_sets_and_is_not_counted_among_them():
    clock = Clock()
    percent = Load("percent_1rm", percent=NumberRange(80, 90))
    session = LiveSession(setup_of(block("back_squat", sets=3, reps=(3, 5), load=percent), block("push_up", sets=1)))
    card = session.state.card
    assert card.target.test and (card.target.load, card.target.reps) == (20, 10)
    assert card.position == "test ramp set 1 · exercise 1 of 2"
    session.apply(SetLogged(clock(), reps=10, load=20, rpe=4))
    card = session.state.card
    # 10 reps easier than 5: at least 16 to failure, e1RM 34.9 kg at the least; 3 reps to failure from it is 32.2 kg
    assert card.target.test and card.target.reps == 3
    assert card.target.reason.startswith("Test ramp: RPE 4 at target 8: 20 -> 30 kg")
    assert card.position == "test ramp set 2 · exercise 1 of 2", "the plan's first set is still to come"
    _log_triple(session, clock, card.target.load, rpe=4)
    _log_triple(session, clock, 100, rpe=7)             # the runner loads what they know: the effort tells the e1RM
    card = session.state.card
    assert not card.target.test and card.set_number == 1 and card.target.load == 102.5
    assert card.position == "set 1 of 3 · exercise 1 of 2"
    for _ in range(3):
        _log_triple(session, clock, session.state.card.target.load, rpe=8)
    assert session.state.card.exercise.id == "push_up"
    squats = [s for s in session.state.logged if s.exercise_id == "back_squat"]
    assert [s.set_number for s in squats] == [1, 2, 3, 4, 5, 6]
    assert [s.reason.startswith("Test ramp") for s in squats] == [False, True, True, False, False, False]
    assert [s.target_reps for s in squats[:3]] == [None, None, None], "a test set's reps are a guide it cannot miss"


def _chart_rpe_reported(one_rm: float, load: float, reps: int) -> float:
    """What an honest runner picks for a set: the chart's RPE for their 1RM, "easier than 5" (4) below RPE 5."""
    rpe = predicted_rpe(one_rm, load, reps)
    return 4.0 if rpe < 4.5 else min(10.0, round(rpe * 2) / 2)


def test_a_strong_runners_test_ramp_reaches_the_working_load_in_few_sets_without_a_missed_rep():
    # A 140 kg 1RM (a strong deadlift), no history and nothing known: the ramp took 13 sets from the empty bar
    clock = Clock()
    percent = Load("percent_rm", percent=NumberRange(80, 100), rep_max=5)
    session = LiveSession(setup_of(block("back_squat", sets=3, reps=(3, 5), load=percent, rpe=8)))
    ramp = []
    while session.state.card.target.test:
        target = session.state.card.target
        assert target.reps is not None and target.load is not None
        assert predicted_rpe(140, target.load, target.reps) <= 10, "no rep missed"
        if session.state.step == "rest":
            session.apply(RestEnded(clock()))
        session.apply(SetLogged(clock(), target.reps, target.load, _chart_rpe_reported(140, target.load, target.reps)))
        ramp.append(target.load)
    first = session.state.card.target
    assert len(ramp) <= 10, ramp
    assert first.load is not None and abs(predicted_rpe(140, first.load, first.reps or 0) - 8) <= 1, "work at target"


def test_a_test_set_logged_rpe_5_ends_the_ramp_and_aims_the_work_from_its_5_reps_left():
    clock = Clock()
    percent = Load("percent_1rm", percent=NumberRange(70, 90))
    session = LiveSession(setup_of(block("back_squat", sets=3, reps=(3, 5), load=percent, rpe=8)))
    session.apply(SetLogged(clock(), reps=10, load=20, rpe=4))
    session.apply(RestEnded(clock()))
    session.apply(SetLogged(clock(), reps=3, load=30, rpe=5))     # 5 reps left: 8 to failure, e1RM 38.2 kg
    card = session.state.card
    assert not card.target.test and card.position.startswith("set 1 of 3")
    assert card.target.load == 32.5                               # 3 reps @8 is 86.3%: 33 kg, the step under it
    assert "aimed from 5 reps left, the least RPE 5 says" in card.target.reason


def test_the_state_is_worked_out_once_per_event() -> None:
    session = LiveSession(setup_of(block("push_up", sets=2, reps=8)))
    first = session.state
    assert session.state is first
    session.apply(SetLogged(START, 8, None, 8.0))
    after_set = session.state
    assert after_set is not first and after_set.logged and session.state is after_set
    session.undo()
    assert session.state is not after_set and not session.state.logged


def test_an_edit_corrects_a_logged_set_in_the_log_and_in_what_goes_to_history() -> None:
    clock = Clock()
    session = LiveSession(setup_of(block("goblet_squat", sets=3, reps=8, load=Load("absolute", 20.0))))
    session.apply(SetLogged(clock(), 8, 20.0, 8.0))
    session.apply(RestEnded(clock()))
    session.apply(SetLogged(clock(), 8, 20.0, 8.0))
    session.apply(SetEdited(clock(), 0, 6, 22.5, 9.5, "heavier than I thought"))
    first = session.state.logged[0]
    assert (first.reps, first.load, first.rpe, first.note) == (6, 22.5, 9.5, "heavier than I thought")
    assert first.rest_seconds is not None                       # the rest taken after it is kept
    assert session.to_log().sets[0].reps == 6
    assert session.state.step == "rest"                         # the edit leaves the session where it was


def test_an_edit_of_a_hold_changes_its_seconds_and_an_edit_survives_a_replay() -> None:
    clock = Clock()
    setup = setup_of(block("plank", sets=2, hold=30))
    session = LiveSession(setup)
    session.apply(HoldCompleted(clock(), 30, 8.0))
    session.apply(SetEdited(clock(), 0, 25, None, 9.0))
    assert (session.state.logged[0].hold_seconds, session.state.logged[0].reps) == (25, None)
    replayed = LiveSession(setup, session.events)
    assert replayed.state.logged == session.state.logged


@pytest.mark.parametrize("edit, reason", [
    (SetEdited(START, 5, 8), "no logged set there"),
    (SetEdited(START, 0, 500), "reps must be 0-"),
    (SetEdited(START, 0, 8, None, 11.0), "RPE must be"),
])
def test_an_edit_that_does_not_fit_is_refused_and_changes_nothing(edit, reason) -> None:
    session = LiveSession(setup_of(block("push_up", sets=2, reps=8)))
    session.apply(SetLogged(START, 8, None, 8.0))
    before = session.state
    with pytest.raises(InvalidEvent, match=reason):
        session.apply(edit)
    assert session.state.logged == before.logged and len(session.events) == 1


def test_a_skipped_set_cannot_be_edited_and_u_takes_back_the_edit_first() -> None:
    session = LiveSession(setup_of(block("push_up", sets=3, reps=8)))
    session.apply(SetSkipped(START))
    with pytest.raises(InvalidEvent):
        session.apply(SetEdited(START, 0, 8))
    session.apply(SetLogged(START, 8, None, 8.0))
    session.apply(SetEdited(START, 1, 7, None, 8.0))
    assert isinstance(session.undo_last_set(), SetEdited)
    assert session.state.logged[1].reps == 8


def test_progress_names_the_sets_left_per_exercise_and_counts_skipped_exercises() -> None:
    session = LiveSession(setup_of(block("push_up", sets=3, reps=8), block("split_squat", sets=2, reps=8),
                                   block("plank", sets=2, hold=30)))
    session.apply(SetLogged(START, 8, None, 8.0))
    session.apply(RestEnded(START))
    progress = session.state.progress
    assert progress.left == (("Push up", 2), ("Split squat", 4), ("Plank", 2)) and progress.sets_left == 8
    session.apply(ExerciseSkipped(START))
    session.apply(SetLogged(START, 8, None, 8.0))                  # split squat, left side
    progress = session.state.progress
    assert progress.left == (("Split squat", 3), ("Plank", 2)) and progress.exercises_skipped == 1
