"""How fast `strongstride history` and `strongstride stats` answer on ten years of history, against a yardstick.

Usage: python benchmarks/review_commands.py [--years N] [--runs N]

The yardstick (rich_table_yardstick.py) prints a 20-row Rich table and nothing else: Python and Rich
starting up, which every plain command pays. Both commands run as subprocesses with stdout to a pipe,
side by side in one run, after the index has been warmed once; the target is 1.5x the yardstick or less.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_history import write_synthetic_history  # noqa: E402

TARGET_RATIO = 1.5
YARDSTICK = Path(__file__).resolve().parent / "rich_table_yardstick.py"
COMMANDS: dict[str, list[str]] = {
    "yardstick (20-row Rich table)": [sys.executable, str(YARDSTICK)],
    "strongstride history": [sys.executable, "-m", "strongstride", "history"],
    "strongstride stats": [sys.executable, "-m", "strongstride", "stats"],
}


def run_once(command: list[str], env: dict[str, str]) -> float:
    """Wall time of one run, stdout to a pipe; a failing command stops the benchmark with its stderr."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr.decode(errors='replace')}")
    return elapsed


def median_times(env: dict[str, str], runs: int) -> dict[str, float]:
    """The median time of each command; the commands take turns so a busy moment hits them all alike."""
    times: dict[str, list[float]] = {label: [] for label in COMMANDS}
    for _ in range(runs):
        for label, command in COMMANDS.items():
            times[label].append(run_once(command, env))
    return {label: statistics.median(samples) for label, samples in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="strongstride-bench-") as folder:
        root = Path(folder)
        env = {**os.environ, "STRONGSTRIDE_DATA_DIR": str(root / "data"),
               "STRONGSTRIDE_CONFIG_DIR": str(root / "config"), "STRONGSTRIDE_CACHE_DIR": str(root / "cache")}
        env.pop("FORCE_COLOR", None)
        files = write_synthetic_history(root / "data", years=options.years)
        print(f"{len(files)} sessions over {options.years} years; warming the index ...")
        run_once(COMMANDS["strongstride history"], env)
        medians = median_times(env, options.runs)
    yardstick = medians["yardstick (20-row Rich table)"]
    print(f"median of {options.runs} runs each, stdout to a pipe:")
    worst = 0.0
    for label, seconds in medians.items():
        ratio = seconds / yardstick
        worst = max(worst, ratio)
        print(f"  {label:<30} {seconds * 1000:7.1f} ms  {ratio:4.2f}x")
    verdict = "within" if worst <= TARGET_RATIO else "over"
    print(f"target: {TARGET_RATIO}x the yardstick or less - {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
