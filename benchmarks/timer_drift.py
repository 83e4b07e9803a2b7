"""How late a real rest ends in the headless app, and how far the digits run behind the true time left.

Usage: python benchmarks/timer_drift.py [--years N] [--seconds S]

launch_rest_timer.py runs the real RestTimer on the real clock in the real app, in a process of its own,
for a rest of S seconds (60 by default): a rest begun as its timer opens (a set just logged), and beside
it one begun 0.2 s before (a resumed session re-opening a running rest). The target: a rest ends less
than 50 ms after it is due.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import Figure, Target  # noqa: E402
from timing import add_options, bench_environment, print_on_history  # noqa: E402

LAUNCHER = Path(__file__).resolve().parent / "launch_rest_timer.py"
REST_SECONDS = 60.0
DRIFT_TARGET_MS = 50


def measure(root: Path, seconds: float) -> list[Figure]:
    """Real rests of the given length on the history under root: how late each ended, and the digits' worst lag."""
    done = subprocess.run([sys.executable, str(LAUNCHER), f"{seconds:g}"], env=bench_environment(root),
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{LAUNCHER.name} failed ({done.returncode}):\n{done.stderr}")
    rests = json.loads(done.stdout.splitlines()[-1])
    section = f"rest timer, a real {seconds:g} s rest in the headless app"
    fresh, reopened = rests["fresh"], rests["reopened"]
    return [Figure(section, "rest ended late by (drift)", fresh["drift_ms"], target=Target(DRIFT_TARGET_MS)),
            Figure(section, "digits behind the time left, worst tick", fresh["digits_lag_ms"]),
            Figure(section, "re-opened rest (begun 0.2 s before) ended late", reopened["drift_ms"],
                   target=Target(DRIFT_TARGET_MS))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_options(parser, None)
    parser.add_argument("--seconds", type=float, default=REST_SECONDS,
                        help=f"length of the rest (default {REST_SECONDS:g})")
    options = parser.parse_args(argv)
    print_on_history(options.years, lambda root: measure(root, options.seconds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
