"""How soon the History screen, each of its tabs and the summary screen are painted after the key press, on years of history.

Usage: python benchmarks/screen_paint.py [--years N] [--runs N]

Runs launch_screen_paint.py once in a fresh process for each run (a fresh app, headless at 80x24, whose
screens are imported by its own thread while home is shown, as `strongstride` does) and reports medians:
each screen or tab from its key press to its first paint (target: under 50 ms), and for what a worker
thread reads while the screen is already up (the newest session's detail, the Trends list, the charts,
the summary's recap), the time until that is painted too.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import Figure, Target  # noqa: E402
from timing import bench_environment, repeated_main  # noqa: E402

RUNS = 5
PAINT_TARGET_MS = 50
LAUNCHER = Path(__file__).resolve().parent / "launch_screen_paint.py"
FIGURES = (   # (the launcher's label, the row's label, held to the target)
    ("history", "History screen (h), Sessions tab", True),
    ("history, read", "History screen, newest session's detail read", False),
    ("trends", "Trends tab (2), first paint", True),
    ("trends, read", "Trends tab, every exercise read and drawn", False),
    ("highlight", "Trends tab, next exercise highlighted", True),
    ("weeks", "Weeks tab (3)", True),
    ("charts", "Charts tab (4), first paint", True),
    ("charts, read", "Charts tab, charts drawn", False),
    ("sessions", "back to the Sessions tab (1)", True),
    ("summary", "summary screen, first paint", True),
    ("summary, read", "summary screen, recap added up", False),
)


def one_process(root: Path) -> dict[str, float]:
    """Every figure of one fresh app in a new process, in ms."""
    done = subprocess.run([sys.executable, str(LAUNCHER), "1"], env=bench_environment(root),
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{LAUNCHER.name} failed ({done.returncode}):\n{done.stderr}")
    figures: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return figures


def measure(root: Path, runs: int) -> list[Figure]:
    """The medians of `runs` fresh apps, each in a process of its own, on the history under root."""
    samples = [one_process(root) for _ in range(runs)]
    medians = {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}
    section = f"screens, key press to first paint, headless 80x24, median of {runs}"
    return [Figure(section, label, medians[key], target=Target(PAINT_TARGET_MS) if held else None)
            for key, label, held in FIGURES]


def main(argv: list[str] | None = None) -> int:
    return repeated_main(__doc__.splitlines()[0], measure, RUNS, argv)


if __name__ == "__main__":
    raise SystemExit(main())
