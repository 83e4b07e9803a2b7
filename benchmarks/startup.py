"""How long strongstride takes to paint its home screen on years of history, against a bare Textual app.

Usage: python benchmarks/startup.py [--years N] [--runs N] [--bytecode cached|off|both]

Each app runs headless at 80x24 in its own process and exits right after its first paint
(launch_home_screen.py, launch_bare_app.py), printing the moment of that paint; the parent times each
process from its start to its first paint, the two taking turns, with a warm history index. The target is
1.5x the bare app or less, 1.2x at 30 years.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import Figure  # noqa: E402
from timing import (bench_environment, condition, ratio_figures, run_process, side_by_side,  # noqa: E402
                    standalone_main)

HERE = Path(__file__).resolve().parent
RUNS = 11
YARDSTICK_LABEL = "bare Textual app, one Static"
APPS: dict[str, list[str]] = {
    YARDSTICK_LABEL: [sys.executable, str(HERE / "launch_bare_app.py")],
    "strongstride home screen": [sys.executable, str(HERE / "launch_home_screen.py")],
}


def until_first_paint(command: list[str], env: Mapping[str, str]) -> float:
    """Seconds from starting the app's process to its first paint, as the app printed it."""
    start, _, printed = run_process(command, env)
    return float(printed.split()[-1]) - start


def measure(root: Path, runs: int, bytecode_cached: bool) -> list[Figure]:
    """Start to first paint for each app on the history under root, and the ratio to the bare app's."""
    medians = side_by_side(APPS, bench_environment(root, bytecode_cached), runs, until_first_paint)
    return ratio_figures(medians, YARDSTICK_LABEL,
                         f"start-up to first paint, headless 80x24, median of {runs}, {condition(bytecode_cached)}")


def main(argv: list[str] | None = None) -> int:
    return standalone_main(__doc__.splitlines()[0], measure, RUNS, argv)


if __name__ == "__main__":
    raise SystemExit(main())
