"""How fast the store is with years of history: the home screen's data, a look-up, and saving a set.

Usage: python benchmarks/history_store.py [--years N] [--runs N]
Targets: the home screen's data with a warm cache under 150 ms; saving a set under 20 ms.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import Figure, Target  # noqa: E402
from synthetic_history import EXERCISES  # noqa: E402
from timing import add_options, median_seconds, print_on_history  # noqa: E402

from strongstride.model.session_header import SessionHeader  # noqa: E402
from strongstride.store.history import HistoryStore  # noqa: E402
from strongstride.store.in_progress import InProgressStore  # noqa: E402

HOME_TARGET_MS = 150
SAVE_SET_TARGET_MS = 20
EVENTS_IN_A_SESSION = 20
RUNS = 7


def live_session(started_at: datetime) -> tuple[SessionHeader, list[dict[str, Any]]]:
    """A realistic in-progress header and 20 events, as the live session saves them (its setup aside)."""
    header = SessionHeader("2026-11-22T18-05-12_runner-foundation_A_k3f9x2", "runner-foundation", "A", started_at,
                           plan_path="/home/runner/.config/strongstride/plans/runner-foundation.toml")
    events: list[dict[str, Any]] = [{"type": "WarmupDone", "at": started_at}]
    at = started_at
    while len(events) < EVENTS_IN_A_SESSION:
        at += timedelta(minutes=2)
        events.append({"type": "SetLogged", "at": at, "reps": 8, "load": 42.5, "rpe": 8.0})
        events.append({"type": "RestEnded", "at": at + timedelta(seconds=90)})
    return header, events[:EVENTS_IN_A_SESSION]


def session_setup(store: HistoryStore) -> dict[str, Any]:
    """The setup a runner-foundation session keeps beside its events, from this history's last sessions."""
    from strongstride.services.keeper import build_setup
    from strongstride.model.exercise_library import load_library
    from strongstride.model.config import Config
    from strongstride.model.plan_parser import load_plan_file
    from strongstride.resources import bundled_dir, exercise_library_file
    from strongstride.store.session_snapshot import exercises_for, setup_snapshot

    library, _ = load_library(exercise_library_file())   # the bundled one: nothing read or kept in the runner's folders
    path = bundled_dir("sample_plans") / "runner-foundation.toml"
    plan = load_plan_file(path, library)
    setup = build_setup(plan, "A", exercises_for(plan, library), store, Config(), datetime(2026, 11, 22, 18, 5, 12))
    return setup_snapshot(setup, path.read_text(encoding="utf-8"))


def home_screen_data(store: HistoryStore) -> None:
    """What the home screen reads: the index and the last few sessions."""
    store.index().recent(5)


def measure(root: Path, runs: int) -> list[Figure]:
    """The store's figures on the history under root, each a median of several runs in this process."""
    data_dir, cache_dir = root / "data", root / "cache"
    store = HistoryStore(data_dir, cache_dir)
    cold = median_seconds(lambda: home_screen_data(store), max(3, runs // 2),
                          before=lambda: store.index_file.unlink(missing_ok=True))
    warm = median_seconds(lambda: home_screen_data(store), runs)
    index = store.index()
    lookup = median_seconds(lambda: index.last_performance("back_squat"), runs * 10)
    session_start = median_seconds(lambda: store.recent_sessions_with([e[0] for e in EXERCISES]), runs)
    in_progress = InProgressStore(data_dir / "in-progress.toml")
    header, events = live_session(datetime(2026, 11, 22, 18, 5, 12))
    setup = session_setup(store)
    save_set = median_seconds(lambda: in_progress.save(header, events, setup), runs * 3)
    in_progress.clear()
    section = f"history store, in one process, median of {runs}"
    return [
        Figure(section, "home screen data, cold cache (rebuild)", cold * 1000),
        Figure(section, "home screen data, warm cache", warm * 1000, target=Target(HOME_TARGET_MS)),
        Figure(section, "last performance of one exercise", lookup * 1000),
        Figure(section, "session start: last 3 sessions of 6 exercises", session_start * 1000),
        Figure(section, f"save a set (in-progress, its setup and {EVENTS_IN_A_SESSION} events)", save_set * 1000,
               target=Target(SAVE_SET_TARGET_MS)),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_options(parser, RUNS)
    args = parser.parse_args(argv)
    figures = print_on_history(args.years, lambda root: measure(root, args.runs))
    return 0 if all(figure.target.met(figure) for figure in figures if figure.target) else 1


if __name__ == "__main__":
    raise SystemExit(main())
