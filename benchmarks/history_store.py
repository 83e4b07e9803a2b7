"""How fast the store is with years of history: the home screen's data, a look-up, and saving a set.

Usage: python benchmarks/history_store.py [--years N] [--runs N]
Targets: the home screen's data with a warm cache under 0.15 s; saving a set under 20 ms.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_history import EXERCISES  # noqa: E402
from timing import median_seconds, write_history  # noqa: E402

from strongstride.store.history import HistoryStore  # noqa: E402
from strongstride.store.in_progress import InProgressStore  # noqa: E402

HOME_TARGET_SECONDS = 0.15
SAVE_SET_TARGET_SECONDS = 0.020
EVENTS_IN_A_SESSION = 20


def live_session(started_at: datetime) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A realistic in-progress header and 20 events, as the live session saves them."""
    header = {"uid": "2026-11-22T18-05-12_runner-foundation_A_k3f9x2", "plan_id": "runner-foundation",
              "session_id": "A", "started_at": started_at, "volume_factor": 1.0,
              "plan_path": "/home/runner/.config/strongstride/plans/runner-foundation.toml"}
    events: list[dict[str, Any]] = [{"type": "WarmupDone", "at": started_at}]
    at = started_at
    while len(events) < EVENTS_IN_A_SESSION:
        at += timedelta(minutes=2)
        events.append({"type": "SetLogged", "at": at, "reps": 8, "load": 42.5, "rpe": 8.0})
        events.append({"type": "RestEnded", "at": at + timedelta(seconds=90)})
    return header, events[:EVENTS_IN_A_SESSION]


def home_screen_data(store: HistoryStore) -> None:
    """What the home screen reads: the index and the last few sessions."""
    store.index().recent(5)


def measure(root: Path, runs: int) -> tuple[list[str], bool]:
    """The report's lines for the history under root, and whether every target was met."""
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
    save_set = median_seconds(lambda: in_progress.save(header, events), runs * 3)
    in_progress.clear()
    rows = [
        ("home screen data, cold cache (rebuild)", cold, None),
        ("home screen data, warm cache", warm, HOME_TARGET_SECONDS),
        ("last performance of one exercise", lookup, None),
        ("session start: last 3 sessions of 6 exercises", session_start, None),
        (f"save a set (in-progress, {EVENTS_IN_A_SESSION} events)", save_set, SAVE_SET_TARGET_SECONDS),
    ]
    lines = [f"history store, in one process, median of {runs}:"]
    met = True
    for label, seconds, target in rows:
        verdict = ""
        if target is not None:
            verdict = f"  (target < {target * 1000:.0f} ms: {'ok' if seconds < target else 'MISSED'})"
            met &= seconds < target
        lines.append(f"  {label:<48} {seconds * 1000:10.3f} ms{verdict}")
    return lines, met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10, help="years of history, 156 sessions each (default 10)")
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement; the median is shown (default 7)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="strongstride-bench-") as folder:
        print(f"{write_history(Path(folder), args.years)} sessions over {args.years} years")
        lines, met = measure(Path(folder), args.runs)
    print("\n".join(lines))
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
