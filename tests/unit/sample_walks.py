"""Every session of every sample plan, and a walk through one set by set as a runner would do it."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from strongstride.engine.events import HoldCompleted, RestEnded, SetLogged, WarmupDone
from strongstride.engine.loading import nearest_available_load
from strongstride.engine.session import LiveSession, SessionSetup
from strongstride.model.config import Config
from strongstride.model.log import SessionLog
from strongstride.model.plan_parser import load_plan_file
from strongstride.resources import bundled_dir
from strongstride.services.library import load_exercise_library

LIBRARY, _ = load_exercise_library()
PLANS = {path.stem: load_plan_file(path, LIBRARY) for path in sorted(bundled_dir("sample_plans").glob("*.toml"))}
SESSIONS = [(plan_id, template.id) for plan_id, plan in PLANS.items() for template in plan.sessions]
START = datetime(2026, 11, 23, 18, 0)


def walk(plan_id: str, session_id: str, history: tuple[SessionLog, ...], started_at: datetime, rpes: random.Random,
         config: Config = Config()) -> SessionLog:
    """Do the whole session as a runner would: every set near its target, each felt a little differently."""
    plan = PLANS[plan_id]
    setup = SessionSetup(plan, plan.session(session_id), LIBRARY, history, config, started_at, f"{plan_id}-{started_at:%j}")
    session, at = LiveSession(setup), started_at
    while (state := session.state).step != "done":
        at += timedelta(seconds=45)
        if state.step == "warmup":
            session.apply(WarmupDone(at))
        elif state.step == "rest":
            session.apply(RestEnded(at))
        else:
            card = state.card
            assert card.target.reason, f"{card.exercise.id}: every target says why"
            if card.target.load is not None:
                assert card.target.load == nearest_available_load(card.target.load, card.exercise, config.equipment)
            rpe = rpes.choice([7.0, 7.5, 8.0, 8.5, 9.0, 9.5]) if card.kind == "work" else None
            if card.is_hold and card.kind == "work":
                session.apply(HoldCompleted(at, card.target.hold_seconds, rpe))
            else:
                session.apply(SetLogged(at, card.target.reps, card.target.load, rpe))
    return session.to_log(finished_at=at)
