"""The benchmarks still run: `benchmarks/run.py --quick` prints every figure in its table (no timing is judged)."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
RUN = BENCHMARKS / "run.py"
AMOUNT = r"-?\d+\.\d+ (ms|MB)"
VALUE = AMOUNT + "!?"                    # a ! marks a missed target
WITH_RATIO = AMOUNT + r" \d+\.\d\dx!?"
FIGURES_ALONE = ("home screen data, cold cache (rebuild)", "home screen data, warm cache",
                 "last performance of one exercise", "session start: last 3 sessions of 6 exercises",
                 "save a set (in-progress, its setup and 20 events)", "yardstick (20-row Rich table)",
                 "bare Textual app, one Static", "rest ended late by (drift)", "digits behind the time left, worst tick",
                 "re-opened rest (begun 0.2 s before) ended late")
SCREEN_FIGURES = ("History screen (h), Sessions tab", "Trends tab (2), first paint", "Trends tab, next exercise highlighted",
                  "Weeks tab (3)", "Charts tab (4), first paint", "back to the Sessions tab (1)",
                  "summary screen, first paint")
SCREEN_READS = ("Trends tab, every exercise read and drawn", "Charts tab, charts drawn", "summary screen, recap added up")
FIGURES_WITH_RATIO = ("strongstride history", "strongstride stats", "strongstride home screen")
SECTIONS = ("history store, in one process, median of 1",
            "review commands, stdout to a pipe, median of 1, bytecode cached",
            "start-up to first paint, headless 80x24, median of 1, bytecode cached",
            "screens, key press to first paint, headless 80x24, median of 1",
            "rest timer, a real 2 s rest in the headless app",
            "peak memory (max RSS), median of 1")


def test_a_quick_run_prints_every_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATA", "CONFIG", "CACHE"):
        monkeypatch.setenv(f"STRONGSTRIDE_{name}_DIR", str(tmp_path / name.lower()))
    done = subprocess.run([sys.executable, str(RUN), "--quick", "--years", "1"], capture_output=True, text=True,
                          env=os.environ, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"^machine: \d+ cores, .+, Python 3\.\d+", out, re.M)
    assert re.search(r"^\s+1 year  target$", out, re.M)
    assert re.search(r"^  sessions in the history\s+156$", out, re.M)
    assert [line for line in out.splitlines() if not line.startswith((" ", "machine:"))] == list(SECTIONS)
    for label in FIGURES_ALONE:
        assert re.search(rf"^  {re.escape(label)}\s+{VALUE}(  [<>=].*)?$", out, re.M), label
    for label in FIGURES_WITH_RATIO:
        assert len(re.findall(rf"^  {re.escape(label)}\s+{WITH_RATIO}  (<= 1\.5x|< 120 MB): (ok|missed at 1 year)$",
                              out, re.M)) == 2, label
    for label, target in (("rest ended late by (drift)", "< 50 ms"), ("re-opened rest (begun 0.2 s before) ended late", "< 50 ms"),
                          ("save a set (in-progress, its setup and 20 events)", "< 20 ms"), ("home screen data, warm cache", "< 150 ms")):
        assert re.search(rf"^  {re.escape(label)}\s+{VALUE}  {target}: (ok|missed at 1 year)$", out, re.M), label
    for label in SCREEN_FIGURES:
        assert re.search(rf"^  {re.escape(label)}\s+{VALUE}  < 50 ms: (ok|missed at 1 year)$", out, re.M), label
    for label in SCREEN_READS:
        assert re.search(rf"^  {re.escape(label)}\s+{VALUE}$", out, re.M), label
    assert not any((tmp_path / name).exists() for name in ("data", "config", "cache"))


def benchmark_report() -> ModuleType:
    """benchmarks/report.py, loaded under a name of its own (the benchmarks are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("strongstride_benchmark_report", BENCHMARKS / "report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_several_sizes_give_a_column_each_with_the_growth() -> None:
    report = benchmark_report()
    Figure, Target = report.Figure, report.Target
    section = "start-up"
    by_size = {years: [Figure(section, "bare app", 200.0 + years),
                        Figure(section, "home screen", ratio * (200.0 + years), ratio=ratio,
                               target=Target(1.5, of_ratio=True))]
               for years, ratio in ((1, 1.2), (30, 1.8))}
    lines = report.table(by_size, {1: 156, 30: 4680})
    assert re.fullmatch(r"\s+1 year\s+30 years\s+growth  target", lines[0])
    assert re.fullmatch(r"  sessions in the history\s+156\s+4680", lines[1])
    assert lines[2] == section
    assert re.fullmatch(r"  bare app\s+201\.0 ms\s+230\.0 ms\s+1\.14x", lines[3])
    assert re.fullmatch(r"  home screen\s+241\.2 ms 1\.20x\s+414\.0 ms 1\.80x!\s+1\.50x  <= 1\.5x: missed at 30 years",
                        lines[4])
