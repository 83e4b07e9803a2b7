"""Every benchmark in one go, on one synthetic history: the store, the review commands and start-up.

Usage: python benchmarks/run.py [--years N] [--runs N] [--quick]

Prints each figure; the process benchmarks are shown with bytecode cached (as installed) and with
bytecode off (as in a checkout run with PYTHONDONTWRITEBYTECODE=1). --quick is a smoke run: one
repetition of each, bytecode cached only. Only ratios measured in the same run are comparable.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import history_store  # noqa: E402
import review_commands  # noqa: E402
import startup  # noqa: E402
from timing import BYTECODE_CHOICES, write_history  # noqa: E402


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10, help="years of history, 156 sessions each (default 10)")
    parser.add_argument("--runs", type=int, help="repetitions of each measurement (default: each benchmark's own)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: one repetition, bytecode cached only")
    options = parser.parse_args(argv)
    runs = 1 if options.quick else options.runs
    conditions = BYTECODE_CHOICES["cached" if options.quick else "both"]
    print(machine_line())
    with tempfile.TemporaryDirectory(prefix="strongstride-bench-") as folder:
        root = Path(folder)
        print(f"{write_history(root, options.years)} sessions over {options.years} years")
        lines, _ = history_store.measure(root, runs or 7)
        print("\n".join(lines), flush=True)
        for cached in conditions:
            print("\n".join(review_commands.measure(root, runs or review_commands.RUNS, cached)), flush=True)
        for cached in conditions:
            print("\n".join(startup.measure(root, runs or startup.RUNS, cached)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
