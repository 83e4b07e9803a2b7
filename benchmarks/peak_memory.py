"""The most memory each process holds at once (peak RSS): the app to its first painted home screen and the
review commands, beside the bare Textual app and the 20-row Rich table.

Usage: python benchmarks/peak_memory.py [--years N] [--runs N]

Each process runs on its own, stdout thrown away, and reads its own peak RSS as it ends (peak_of.py).
The target: every strongstride process under 120 MB, with 30 years of history.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import review_commands  # noqa: E402
import startup  # noqa: E402
from report import Figure, Target  # noqa: E402
from timing import bench_environment, repeated_main  # noqa: E402

RUNS = 3
PEAK_TARGET_MB = 120
YARDSTICKS = {startup.YARDSTICK_LABEL: startup.APPS, review_commands.YARDSTICK_LABEL: review_commands.COMMANDS}
PEAK_OF = Path(__file__).resolve().parent / "peak_of.py"


def peak_rss_mb(command: list[str], env: Mapping[str, str]) -> float:
    """The peak resident memory of one run of the Python command, in MB; a failing command stops the benchmark."""
    with tempfile.TemporaryDirectory(prefix="strongstride-peak-") as folder:
        peak_file = Path(folder) / "peak"
        done = subprocess.run([sys.executable, str(PEAK_OF), str(peak_file), *command[1:]], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        if done.returncode != 0:
            why = done.stderr.decode(errors="replace")
            raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{why}")
        return float(peak_file.read_text(encoding="ascii"))


def measure(root: Path, runs: int) -> list[Figure]:
    """Each process's peak memory on the history under root (median of runs), and its multiple of its yardstick's."""
    env = bench_environment(root)
    section = f"peak memory (max RSS), median of {runs}"
    figures = []
    for yardstick, commands in YARDSTICKS.items():
        for command in commands.values():   # a first run compiles the modules, which would swell the figure
            peak_rss_mb(command, env)
        peaks = {label: statistics.median(peak_rss_mb(command, env) for _ in range(runs))
                 for label, command in commands.items()}
        figures += [Figure(section, label, peak, "MB") if label == yardstick else
                    Figure(section, label, peak, "MB", ratio=peak / peaks[yardstick], target=Target(PEAK_TARGET_MB))
                    for label, peak in peaks.items()]
    return figures


def main(argv: list[str] | None = None) -> int:
    return repeated_main(__doc__.splitlines()[0], measure, RUNS, argv)


if __name__ == "__main__":
    raise SystemExit(main())
