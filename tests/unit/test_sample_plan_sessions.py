"""Every session of every sample plan, walked through the engine set by set with an injected clock."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from strongstride.engine.events import HoldCompleted, RestEnded, SetLogged, WarmupDone
from strongstride.engine.session import LiveSession, SessionSetup
from strongstride.model.config import Config
from strongstride.model.log import SessionLog, SetLog
from tests.unit.sample_walks import LIBRARY, PLANS, SESSIONS, START, walk

@pytest.mark.parametrize("plan_id, session_id", SESSIONS)
def test_every_sample_session_runs_to_the_end_with_a_reason_for_every_set(plan_id, session_id):
    log = walk(plan_id, session_id, (), START, random.Random(f"{plan_id}{session_id}"))
    template = PLANS[plan_id].session(session_id)
    done_exercises = {s.exercise_id for s in log.work_sets}
    assert done_exercises == {block.exercise_id for block in template.blocks}
    for block in template.blocks:
        exercise = LIBRARY[block.exercise_id]
        sides = 2 if (exercise.unilateral if block.per_side is None else block.per_side) else 1
        sets = [s for s in log.work_sets if s.exercise_id == block.exercise_id]
        low, high = block.prescription.sets.low, block.prescription.sets.high
        assert low * sides <= len(sets) <= high * sides, f"{block.exercise_id}: {len(sets)} sets"
        assert all(s.reason for s in sets)


def test_heavy_strength_ramps_up_to_its_first_work_set_and_counts_only_work():
    last_week = START - timedelta(days=7)
    squats = tuple(SetLog("back_squat", n, last_week, reps=5, load=100.0, rpe=8.0) for n in (1, 2, 3))
    history = (SessionLog("last-week", "heavy-strength", "A", last_week, sets=squats),)
    log = walk("heavy-strength", "A", history, START, random.Random(1))
    warmups = [s for s in log.sets if s.kind == "warmup"]
    assert warmups and {w.exercise_id for w in warmups} == {"back_squat"}, "80-100% of 5RM is heavy: ramp up first"
    first_work = next(s for s in log.sets if s.kind == "work" and s.exercise_id == "back_squat")
    assert log.sets.index(warmups[-1]) < log.sets.index(first_work)
    assert [w.load for w in warmups] == sorted(w.load for w in warmups)
    assert all(w.load < first_work.load for w in warmups)
    assert all(w not in log.work_sets for w in warmups)


def test_the_next_session_progresses_from_the_last_one():
    first = walk("runner-foundation", "A", (), START, random.Random(2))
    second_start = START + timedelta(days=7)
    plan = PLANS["runner-foundation"]
    setup = SessionSetup(plan, plan.session("A"), LIBRARY, (first,), Config(), second_start, "second")
    card = LiveSession(setup).state.card
    assert card.last_time.startswith(f"Last time ({START:%d %b})")
    assert card.target.reason and "No history" not in card.target.reason


def test_a_block_without_an_rpe_keeps_the_plans_rpe_on_every_set():
    """The beginner plan's balance hold has no RPE of its own: every set asks the plan's RPE 6, not a default 8."""
    plan = PLANS["bodyweight-beginner"]
    setup = SessionSetup(plan, plan.session("A"), LIBRARY, (), Config(), START, "hold-rpe")
    session, at = LiveSession(setup), START
    asked = []
    while (state := session.state).step != "done":
        at += timedelta(seconds=45)
        if state.step != "set":
            session.apply(WarmupDone(at) if state.step == "warmup" else RestEnded(at))
            continue
        card = state.card
        if card.exercise.id == "single_leg_stand" and card.kind == "work":
            asked.append(card.target.rpe)
        if card.is_hold and card.kind == "work":
            session.apply(HoldCompleted(at, card.target.hold_seconds, 6.0))
        else:
            session.apply(SetLogged(at, card.target.reps, card.target.load, 6.0))
    assert len(asked) >= 2 and set(asked) == {6.0}
