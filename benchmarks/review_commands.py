"""How fast `strongstride history` and `strongstride stats` answer on years of history, against a yardstick.

Usage: python benchmarks/review_commands.py [--years N] [--runs N] [--bytecode cached|off|both]

The yardstick (rich_table_yardstick.py) prints a 20-row Rich table and nothing else: Python and Rich
starting up, which every plain command pays. Both commands run as processes with stdout to a pipe,
side by side in one run, after the index has been warmed once; the target is 1.5x the yardstick or less.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import Figure  # noqa: E402
from timing import bench_environment, condition, ratio_figures, side_by_side, standalone_main  # noqa: E402

RUNS = 15
YARDSTICK_LABEL = "yardstick (20-row Rich table)"
YARDSTICK = Path(__file__).resolve().parent / "rich_table_yardstick.py"
COMMANDS: dict[str, list[str]] = {
    YARDSTICK_LABEL: [sys.executable, str(YARDSTICK)],
    "strongstride history": [sys.executable, "-m", "strongstride", "history"],
    "strongstride stats": [sys.executable, "-m", "strongstride", "stats"],
}


def measure(root: Path, runs: int, bytecode_cached: bool) -> list[Figure]:
    """Each command's median on the history under root, and its ratio to the yardstick's."""
    medians = side_by_side(COMMANDS, bench_environment(root, bytecode_cached), runs)
    return ratio_figures(medians, YARDSTICK_LABEL,
                         f"review commands, stdout to a pipe, median of {runs}, {condition(bytecode_cached)}")


def main(argv: list[str] | None = None) -> int:
    return standalone_main(__doc__.splitlines()[0], measure, RUNS, argv)


if __name__ == "__main__":
    raise SystemExit(main())
