"""Importing a 100 MB Strong export, beside the plain `csv` module reading the same file.

Usage: python benchmarks/import_speed.py [--megabytes N] [--runs N]

The file is written once (workouts of warm-ups, work sets, a rest timer, a run, notes with commas and
quoted line breaks); then, in processes of their own, taking turns run by run: the `csv` module reads every
row (the yardstick); `strongstride import FILE --dry-run` reads the whole export, builds every session and
checks each against history, writing nothing; and `strongstride import FILE` does the same and saves every
session into an empty history folder, as a runner's first import does. Each process times its own work
(wall clock and CPU time: on a shared machine the CPU time shows what the wall clock lost to others) and
reports its own peak memory (peak_of.py); an import that saves also reports the CPU time and the largest peak
memory of the processes that wrote its session files.

The targets: at least 50,000 rows a second, and under 200 MB peak memory for all its processes together (the
import's peak and each writer's counted at the largest writer's), flat however large the file.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

PEAK_OF = Path(__file__).resolve().parent / "peak_of.py"
ROWS_PER_SECOND_TARGET = 50_000
PEAK_TARGET_MB = 200
MODES = {"csv": "csv module, rows only (yardstick)", "dry-run": "strongstride import --dry-run",
         "import": "strongstride import (saving)"}
HEADER = ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
          "Workout Notes,RPE\n")
FIRST_DAY = datetime(1990, 1, 1, 6, 30)
EXERCISES = ("Squat (Barbell)", "Bench Press (Barbell)", "Triceps Rope Pushdown", "Romanian Deadlift (Barbell)",
             "Overhead Press (Each Side, Dumbbells)", "Plank")


def workout_rows(number: int) -> list[str]:
    """One workout's rows as Strong writes them."""
    day = (FIRST_DAY + timedelta(hours=11 * number)).strftime("%Y-%m-%d %H:%M:%S")
    head = f'{day},"Workout {number % 7}",1h {number % 60}min,'
    rows = []
    for index, exercise in enumerate(EXERCISES):
        if exercise == "Plank":
            rows.append(f'{head}"{exercise}",1,0,0,0,{30 + number % 60},"","",\n')
            continue
        rows.append(f'{head}"{exercise}",W,{20 + index * 5}.0,8.0,0,0,"","",\n')
        for order in (1, 2, 3):
            note = '"felt good, fast"' if order == 2 else '"line one\nline two"' if order == 3 else '""'
            rows.append(f'{head}"{exercise}",{order},{40 + index * 10 + order * 2.5},5.0,0,0,{note},"",8.5\n')
        rows.append(f'{head}"{exercise}",Rest Timer,0,0,0,120,"","",\n')
    rows.append(f'{head}"Running",1,0,0,{3 + number % 5}.2,1500,"","",\n')
    return rows


def write_export(path: Path, megabytes: float) -> int:
    """A Strong export of about the given size; how many rows it holds."""
    rows = 0
    number = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        while out.tell() < megabytes * 1_000_000:
            lines = workout_rows(number)
            out.write("".join(lines))
            rows += len(lines)
            number += 1
    return rows


def read_with_csv(path: Path) -> int:
    """The yardstick: every row through the csv module, nothing else; how many rows."""
    with path.open(encoding="utf-8", newline="") as stream:
        return sum(1 for _ in csv.reader(stream)) - 1


def run_import(path: Path, dry_run: bool) -> None:
    """`strongstride import FILE` (with `--dry-run` or not) in this process, its report thrown away."""
    from strongstride.cli import main

    with open(os.devnull, "w", encoding="utf-8") as devnull:
        stdout, sys.stdout = sys.stdout, devnull
        try:
            code = main(["import", str(path), "--from", "strong", "--unit", "kg", *(["--dry-run"] if dry_run else [])])
        finally:
            sys.stdout = stdout
    if code:
        raise SystemExit(f"the import failed ({code})")


def child(mode: str, path: Path, seconds_file: Path) -> None:
    """Run one reading in this process and write how long it took (wall clock, then CPU time) and the CPU time
    and largest peak memory (MB) of the processes it started (the writers of an import that saves)."""
    start, cpu_start = time.perf_counter(), time.process_time()
    read_with_csv(path) if mode == "csv" else run_import(path, dry_run=mode == "dry-run")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    ended = os.times()
    writers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / (1e6 if sys.platform == "darwin" else 1e3)
    seconds_file.write_text(f"{seconds} {cpu} {ended.children_user + ended.children_system} {writers_peak}\n",
                            encoding="ascii")


def run_child(mode: str, path: Path, folder: Path) -> tuple[float, ...]:
    """(seconds, CPU seconds, writers' CPU seconds, peak MB, largest writer's peak MB) of one reading in a process
    of its own, into an empty history."""
    peak_file, seconds_file, data = folder / f"{mode}.peak", folder / f"{mode}.seconds", folder / "data"
    shutil.rmtree(data, ignore_errors=True)
    env = {**os.environ, "STRONGSTRIDE_DATA_DIR": str(data),
           "STRONGSTRIDE_CONFIG_DIR": str(folder / "config"), "STRONGSTRIDE_CACHE_DIR": str(folder / "cache")}
    subprocess.run([sys.executable, str(PEAK_OF), str(peak_file), __file__, "--child", mode, str(path),
                    str(seconds_file)], env=env, check=True)
    seconds, cpu, writers_cpu, writers_peak = (float(n) for n in seconds_file.read_text(encoding="ascii").split())
    return seconds, cpu, writers_cpu, float(peak_file.read_text(encoding="ascii")), writers_peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "SECONDS_FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, path, seconds_file = args.child
        child(mode, Path(path), Path(seconds_file))
        return
    with tempfile.TemporaryDirectory(prefix="strongstride-import-") as name:
        folder = Path(name)
        export = folder / "strong.csv"
        rows = write_export(export, args.megabytes)
        size = export.stat().st_size / 1e6
        print(f"Strong export: {size:.1f} MB, {rows:,} rows; median of {args.runs} runs, taking turns")
        runs: dict[str, list[tuple[float, ...]]] = {mode: [] for mode in MODES}
        for _ in range(args.runs):
            for mode in runs:
                runs[mode].append(run_child(mode, export, folder))
        print(f"{'':36}{'seconds':>9}{'rows/s':>10}{'CPU s':>8}{'writers':>9}{'rows/CPU s':>12}{'peak MB':>9}"
              f"{'writer':>8}")
        from strongstride.commands.import_ import SessionSaver

        met = True
        for mode, label in MODES.items():
            seconds, cpu, writers_cpu, peak, writer_peak = (statistics.median(run[n] for run in runs[mode])
                                                            for n in range(5))
            print(f"{label:36}{seconds:9.1f}{rows / seconds:10,.0f}{cpu:8.1f}{writers_cpu:9.1f}"
                  f"{rows / (cpu + writers_cpu):12,.0f}{peak:9.1f}{writer_peak:8.1f}")
            if mode != "csv":
                every_process = peak + SessionSaver.WRITERS * writer_peak
                met = met and rows / seconds >= ROWS_PER_SECOND_TARGET and every_process < PEAK_TARGET_MB
        print("CPU s: the import's own; writers: its writer processes'; rows/CPU s: over both. peak MB: the import's; "
              "writer: the largest writer's")
        print(f"targets: >= {ROWS_PER_SECOND_TARGET:,} rows/s and < {PEAK_TARGET_MB} MB peak: {'met' if met else 'MISSED'}")


if __name__ == "__main__":
    main()
