"""`benchmarks/import_speed.py` still runs: a small export read by the csv module, a dry run and an import that
saves, each a line of seconds, rows a second, CPU seconds and peak memory (no timing is judged)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "import_speed.py"
NUMBER = r"\s+[\d,]+(\.\d)?"


def test_a_small_run_prints_each_reading_beside_the_csv_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATA", "CONFIG", "CACHE"):
        monkeypatch.setenv(f"STRONGSTRIDE_{name}_DIR", str(tmp_path / name.lower()))
    done = subprocess.run([sys.executable, str(SCRIPT), "--megabytes", "0.2", "--runs", "1"], capture_output=True,
                          text=True, env=os.environ, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    written = re.search(r"^Strong export: 0\.2 MB, ([\d,]+) rows", out, re.M)
    assert written is not None and int(written.group(1).replace(",", "")) > 1000
    for label in ("csv module, rows only (yardstick)", "strongstride import --dry-run", "strongstride import (saving)"):
        assert re.search(rf"^{re.escape(label)}{NUMBER * 7}$", out, re.M), label
    assert re.search(r"^targets: >= 50,000 rows/s and < 200 MB peak: (met|MISSED)$", out, re.M)
    assert not any((tmp_path / name).exists() for name in ("data", "config", "cache"))
