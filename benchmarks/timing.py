"""What every benchmark shares: a history to measure on, its folders, and medians taken side by side.

Commands are timed as whole processes from the parent (start to exit), taking turns run by run, so
a busy moment on the machine hits every command alike; only ratios measured in one run are compared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import Figure, Target, table  # noqa: E402
from synthetic_history import write_synthetic_history  # noqa: E402

TARGET_RATIO = 1.5
BYTECODE_CHOICES = {"cached": (True,), "off": (False,), "both": (True, False)}


def write_history(root: Path, years: int) -> int:
    """Years of synthetic history in root/data; how many sessions were written."""
    return len(write_synthetic_history(root / "data", years=years))


def bench_environment(root: Path, bytecode_cached: bool = True) -> dict[str, str]:
    """The environment for timed processes: strongstride's folders under root, no forced colour.

    With bytecode_cached, compiled modules are kept in a folder of their own under root, as an
    installed copy keeps them; without, every process compiles strongstride's modules again
    (what PYTHONDONTWRITEBYTECODE=1 does to a source checkout).
    """
    env = {**os.environ, "STRONGSTRIDE_DATA_DIR": str(root / "data"),
           "STRONGSTRIDE_CONFIG_DIR": str(root / "config"), "STRONGSTRIDE_CACHE_DIR": str(root / "cache")}
    for variable in ("FORCE_COLOR", "TTY_COMPATIBLE", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"):
        env.pop(variable, None)
    if bytecode_cached:
        env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def add_options(parser: argparse.ArgumentParser, runs: int | None) -> None:
    """The options a benchmark run on its own takes: years of history and, if it repeats, how many runs."""
    parser.add_argument("--years", type=int, default=10, help="years of history, 156 sessions each (default 10)")
    if runs is not None:
        parser.add_argument("--runs", type=int, default=runs,
                            help=f"runs of each measurement; the median is shown (default {runs})")


def print_on_history(years: int, measure: Callable[[Path], list[Figure]]) -> list[Figure]:
    """Write years of history in a folder of its own, measure on it, and print the figures as a table."""
    with tempfile.TemporaryDirectory(prefix="strongstride-bench-") as folder:
        sessions = write_history(Path(folder), years)
        figures = measure(Path(folder))
    print("\n".join(table({years: figures}, {years: sessions})))
    return figures


def repeated_main(description: str, measure: Callable[[Path, int], list[Figure]], runs: int,
                  argv: list[str] | None) -> int:
    """A benchmark run on its own that repeats its measurement: write the history, measure it, print the table."""
    parser = argparse.ArgumentParser(description=description)
    add_options(parser, runs)
    options = parser.parse_args(argv)
    print_on_history(options.years, lambda root: measure(root, options.runs))
    return 0


Measure = Callable[[Path, int, bool], list[Figure]]   # (history root, runs, bytecode cached) -> figures


def standalone_main(description: str, measure: Measure, runs: int, argv: list[str] | None) -> int:
    """A process benchmark run on its own: write the history, then measure it in each bytecode condition asked for."""
    parser = argparse.ArgumentParser(description=description)
    add_options(parser, runs)
    parser.add_argument("--bytecode", choices=BYTECODE_CHOICES, default="both",
                        help="compiled modules kept between runs, or compiled every run (default both)")
    options = parser.parse_args(argv)
    print_on_history(options.years, lambda root: [figure for cached in BYTECODE_CHOICES[options.bytecode]
                                                  for figure in measure(root, options.runs, cached)])
    return 0


def condition(bytecode_cached: bool) -> str:
    """The bytecode condition in words, for a report's heading."""
    return "bytecode cached" if bytecode_cached else "bytecode off (PYTHONDONTWRITEBYTECODE=1)"


def median_seconds(action: Callable[[], Any], runs: int, before: Callable[[], Any] | None = None) -> float:
    """The median wall time of the action over several runs (before each, the optional set-up)."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_process(command: list[str], env: Mapping[str, str]) -> tuple[float, float, str]:
    """One process run with stdout to a pipe: when it started and ended (time.monotonic) and what it printed;
    a failing command stops the benchmark with its stderr."""
    start = time.monotonic()
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    end = time.monotonic()
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr.decode(errors='replace')}")
    return start, end, done.stdout.decode(errors="replace")


def run_once(command: list[str], env: Mapping[str, str]) -> float:
    """Wall time of one process, from its start to its exit."""
    start, end, _ = run_process(command, env)
    return end - start


Timed = Callable[[list[str], Mapping[str, str]], float]     # (command, environment) -> seconds


def side_by_side(commands: Mapping[str, list[str]], env: Mapping[str, str], runs: int,
                 timed: Timed = run_once) -> dict[str, float]:
    """The median time of each command (start to exit unless `timed` says otherwise); each is run once first
    (warming caches), then they take turns."""
    for command in commands.values():
        timed(command, env)
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            times[label].append(timed(command, env))
    return {label: statistics.median(samples) for label, samples in times.items()}


def ratio_figures(medians: Mapping[str, float], yardstick: str, section: str) -> list[Figure]:
    """Each median in ms; beside the yardstick's, each other's multiple of it, held to TARGET_RATIO."""
    return [Figure(section, label, seconds * 1000) if label == yardstick else
            Figure(section, label, seconds * 1000, ratio=seconds / medians[yardstick],
                   target=Target(TARGET_RATIO, of_ratio=True))
            for label, seconds in medians.items()]
