"""The benchmarks still run: `benchmarks/run.py --quick` on one year of history prints every figure (no timing is judged)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"
FIGURE = r"\s+\d+\.\d+ ms"
RATIO = FIGURE + r"\s+\d+\.\d\dx"


def test_a_quick_run_prints_every_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATA", "CONFIG", "CACHE"):
        monkeypatch.setenv(f"STRONGSTRIDE_{name}_DIR", str(tmp_path / name.lower()))
    done = subprocess.run([sys.executable, str(RUN), "--quick", "--years", "1"], capture_output=True, text=True,
                          env=os.environ, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"^machine: \d+ cores, .+, Python 3\.\d+", out, re.M)
    assert "156 sessions over 1 years" in out
    for label in ("home screen data, cold cache (rebuild)", "home screen data, warm cache",
                  "last performance of one exercise", "session start: last 3 sessions of 6 exercises",
                  "save a set (in-progress, 20 events)"):
        assert re.search(rf"^  {re.escape(label)}{FIGURE}", out, re.M), label
    for label in ("yardstick (20-row Rich table)", "strongstride history", "strongstride stats",
                  "bare Textual app, one Static", "strongstride home screen"):
        assert re.search(rf"^  {re.escape(label)}{RATIO}$", out, re.M), label
    assert len(re.findall(r"^  target: 1\.5x the yardstick or less - (within|over)$", out, re.M)) == 2
    assert not any((tmp_path / name).exists() for name in ("data", "config", "cache"))
