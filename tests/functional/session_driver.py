"""A session run from standard input, one event a line, so a test can kill it between events.

Usage: python session_driver.py PLAN_FILE SESSION_ID   (data dirs from STRONGSTRIDE_* variables)
Lines: `next` does what the current step asks (ends the warm-up or the rest, or does the set on
target at RPE 8), printing each set's kind and unit; `finish` ends the session; `file-then-die` files it and dies before in-progress.toml
is cleared, as a power cut between the two would leave it. Prints `started` or `resumed EVENTS SETS` first, then
`saved EVENTS SETS STEP` once each event is on disk (STEP is `done` when every set is done).
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

from strongstride.engine.events import Event, HoldCompleted, RestEnded, SetLogged, WarmupDone
from strongstride.engine.session_state import SessionState
from strongstride.services.keeper import build_setup, resume_session, start_session
from strongstride.services.library import load_exercise_library
from strongstride.store.config import load_config
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


def _kinds(state: SessionState) -> str:
    """Each logged set as a letter (w work, u warm-up, s skipped) and its unit: what a resume must keep."""
    return "".join(("s" if s.skipped else "w" if s.kind == "work" else "u") + s.unit[0] for s in state.logged) or "-"


def main(plan_file: str, session_id: str) -> None:
    library, _ = load_exercise_library()
    plan = load_plan_file(Path(plan_file), library)
    config, _ = load_config(paths.config_file())
    history = HistoryStore.default()
    in_progress = InProgressStore(paths.in_progress_file())
    saved = in_progress.load()
    if saved is None:
        started_at = START + timedelta(days=len(history.index().summaries))
        keeper = start_session(plan, session_id, library, history, config, started_at, in_progress)
        print("started", flush=True)
    else:
        def today_setup(saved):   # only for a file written before sessions kept their setup
            header = saved.header
            return build_setup(plan, header.session_id, library, history, config, header.started_at, uid=header.uid)

        keeper = resume_session(saved, in_progress, history, today_setup)
        print(f"resumed {len(keeper.session.events)} {len(keeper.state.logged)} {_kinds(keeper.state)}", flush=True)
    for number, line in enumerate(sys.stdin, start=len(keeper.session.events) + 1):
        at = START + timedelta(minutes=number)
        if line.strip() == "file-then-die":
            keeper.in_progress.clear = lambda: os._exit(9)
            keeper.finish(at)
        if line.strip() == "finish":
            keeper.finish(at)
        else:
            keeper.apply(next_event(keeper.state, at))
        print(f"saved {len(keeper.session.events)} {len(keeper.state.logged)} {keeper.state.step} {_kinds(keeper.state)}",
              flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
