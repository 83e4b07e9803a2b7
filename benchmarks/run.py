"""Every benchmark in one go, on each size of history asked for: one table, a row per figure, a column per size.

Usage: python benchmarks/run.py [--years N [N ...]] [--runs N] [--rest S] [--quick] [--only SECTION [SECTION ...]]

Figures: the store (saving a set among them); `history` and `stats` beside the 20-row Rich table;
start-up to the first painted home screen beside a bare Textual app; the History screen's tabs and the
summary screen from the key press to their first paint; a real rest on the rest timer
(60 s); and each process's peak memory. The process benchmarks are shown with bytecode cached (as
installed) and with bytecode off (a checkout run with PYTHONDONTWRITEBYTECODE=1). Each history is
written once and every figure is measured on it. --quick is a smoke run: one repetition, bytecode
cached only, a 2 s rest. --only measures some sections alone (store, commands, startup, screens, timer,
memory), to try a change quickly. Only ratios measured in the same run are comparable.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import history_store  # noqa: E402
import peak_memory  # noqa: E402
import review_commands  # noqa: E402
import screen_paint  # noqa: E402
import startup  # noqa: E402
import timer_drift  # noqa: E402
from report import Figure, table, years_heading  # noqa: E402
from timing import BYTECODE_CHOICES, write_history  # noqa: E402

QUICK_REST_SECONDS = 2.0


def machine_line() -> str:
    """The machine the figures come from: cores, CPU model and Python version."""
    model = next((line.split(":", 1)[1].strip() for line in _cpuinfo() if line.startswith("model name")), "unknown CPU")
    return f"machine: {_cores()} cores, {model}, Python {platform.python_version()}"


def _cpuinfo() -> list[str]:
    try:
        return Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


Sections = Sequence[str]
SECTIONS = ("store", "commands", "startup", "screens", "timer", "memory")


def every_figure(root: Path, runs: int | None, conditions: tuple[bool, ...], rest_seconds: float,
                 sections: Sections = SECTIONS) -> list[Figure]:
    """The figures of the sections asked for (all by default) on the history under root, in the table's order."""
    figures: list[Figure] = []
    if "store" in sections:
        figures += history_store.measure(root, runs or history_store.RUNS)
    for cached in conditions if "commands" in sections else ():
        figures += review_commands.measure(root, runs or review_commands.RUNS, cached)
    for cached in conditions if "startup" in sections else ():
        figures += startup.measure(root, runs or startup.RUNS, cached)
    if "screens" in sections:
        figures += screen_paint.measure(root, runs or screen_paint.RUNS)
    if "timer" in sections:
        figures += timer_drift.measure(root, rest_seconds)
    if "memory" in sections:
        figures += peak_memory.measure(root, runs or peak_memory.RUNS)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[10],
                        help="years of history, 156 sessions each; several give a column each: 1 5 10 30 (default 10)")
    parser.add_argument("--runs", type=int, help="repetitions of each measurement (default: each benchmark's own)")
    parser.add_argument("--rest", type=float, help=f"length of the timed rest in seconds "
                        f"(default {timer_drift.REST_SECONDS:g}, {QUICK_REST_SECONDS:g} with --quick)")
    parser.add_argument("--quick", action="store_true",
                        help=f"a smoke run: one repetition, bytecode cached only, a {QUICK_REST_SECONDS:g} s rest")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=SECTIONS, metavar="SECTION",
                        help=f"measure only these sections: {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--bytecode", choices=BYTECODE_CHOICES, help="the process benchmarks with compiled modules "
                        "kept, compiled every run, or both (default both; cached with --quick)")
    options = parser.parse_args(argv)
    if any(years < 1 for years in options.years):
        parser.error("--years: each size must be 1 year or more")
    if options.rest is not None and options.rest <= 0:
        parser.error("--rest: a rest lasts more than 0 seconds")
    runs = 1 if options.quick else options.runs
    conditions = BYTECODE_CHOICES[options.bytecode or ("cached" if options.quick else "both")]
    rest_seconds = options.rest or (QUICK_REST_SECONDS if options.quick else timer_drift.REST_SECONDS)
    sizes = sorted(set(options.years))
    print(machine_line(), flush=True)
    by_size: dict[int, list[Figure]] = {}
    sessions: dict[int, int] = {}
    with tempfile.TemporaryDirectory(prefix="strongstride-bench-") as folder:
        for years in sizes:
            root = Path(folder) / f"{years}-years"
            sessions[years] = write_history(root, years)
            print(f"measuring on {sessions[years]} sessions, {years_heading(years)}", file=sys.stderr, flush=True)
            by_size[years] = every_figure(root, runs, conditions, rest_seconds, options.only)
    print("\n".join(table(by_size, sessions)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
