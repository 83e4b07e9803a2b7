"""A session run from standard input, one event a line, so a test can kill it between events.

Usage: python session_driver.py PLAN_FILE SESSION_ID   (data dirs from STRONGSTRIDE_* variables)
Lines: `next` does what the current step asks (ends the warm-up or the rest, or does the set on
target at RPE 8); `finish` ends the session. Prints `started` or `resumed EVENTS SETS` first, then
`saved EVENTS SETS STEP` once each event is on disk (STEP is `done` when every set is done).
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from strongstride.engine.events import Event, HoldCompleted, RestEnded, SetLogged, WarmupDone
from strongstride.engine.session_state import SessionState
from strongstride.engine.session import LiveSession
from strongstride.keeper import SessionKeeper, build_setup, restore_events
from strongstride.library import load_exercise_library
from strongstride.model.config import Config
from strongstride.model.plan_parser import load_plan_file
from strongstride.store import paths
from strongstride.store.history import HistoryStore
from strongstride.store.in_progress import InProgressStore

START = datetime(2026, 11, 23, 18, 0, 0)


def next_event(state: SessionState, at: datetime) -> Event:
    """What a runner who does every set on target would press next."""
    if state.step == "warmup":
        return WarmupDone(at)
    if state.step == "rest":
        return RestEnded(at)
    target = state.card.target
    if state.card.is_hold and state.card.kind == "work":
        return HoldCompleted(at, target.hold_seconds, 8.0)
    return SetLogged(at, target.reps, target.load, 8.0)


def main(plan_file: str, session_id: str) -> None:
    library, _ = load_exercise_library()
    plan = load_plan_file(Path(plan_file), library)
    history = HistoryStore.default()
    in_progress = InProgressStore(paths.in_progress_file())
    saved = in_progress.load()
    if saved is None:
        started_at = START + timedelta(days=len(history.index().summaries))
        setup = build_setup(plan, session_id, library, history, Config(), started_at, uid=f"crash-test-{started_at:%Y%m%d}")
        session = LiveSession(setup)
        print("started", flush=True)
    else:
        header, raw_events = saved
        setup = build_setup(plan, header["session_id"], library, history, Config(), header["started_at"], uid=header["uid"])
        session = LiveSession(setup, restore_events(raw_events, in_progress.path))
        print(f"resumed {len(session.events)} {len(session.state.logged)}", flush=True)
    keeper = SessionKeeper(session, in_progress, history)
    for number, line in enumerate(sys.stdin, start=len(session.events) + 1):
        at = START + timedelta(minutes=number)
        if line.strip() == "finish":
            keeper.finish(at)
        else:
            keeper.apply(next_event(keeper.state, at))
        print(f"saved {len(keeper.session.events)} {len(keeper.state.logged)} {keeper.state.step}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
