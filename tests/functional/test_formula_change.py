"""A changed e1RM formula shows at once in every view of history, with the caches left where they are."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from strongstride import cli
from strongstride.engine import rpe
from tests.functional.saved_history import save_session

DAY = date.today() - timedelta(days=3)


def best_e1rm_shown(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The best e1RM figure `stats` prints for back squat."""
    assert cli.main(["stats", *argv]) == 0
    found = re.search(r"best e1RM\s+(\S+) kg", capsys.readouterr().out)
    assert found is not None
    return found.group(1)


def e1rm_column(capsys: pytest.CaptureFixture[str]) -> str:
    """The best e1RM column `history --exercise back_squat` prints for the one session."""
    assert cli.main(["history", "--exercise", "back_squat"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith(f"{DAY}"))
    return row.split()[-1]


def test_a_changed_formula_is_seen_without_deleting_any_cache(folders: Path, capsys, monkeypatch) -> None:
    save_session(folders, datetime.combine(DAY, time(7, 30)), (("back_squat", 5, 100.0, 8.0, None),))
    before = best_e1rm_shown(capsys), e1rm_column(capsys)
    caches = sorted(path.name for path in (folders / "cache").iterdir())
    assert "records.json" in caches and before == (before[0], before[0])

    real = rpe.estimate_1rm_from_set
    monkeypatch.setattr(rpe, "estimate_1rm_from_set", lambda load, reps, logged: (real(load, reps, logged) or 0) + 10)

    after = best_e1rm_shown(capsys), e1rm_column(capsys)
    assert after == (f"{float(before[0]) + 10:g}", f"{float(before[0]) + 10:g}")
    assert sorted(path.name for path in (folders / "cache").iterdir()) == caches


def test_the_records_cache_is_still_reused_while_no_formula_changes(folders: Path, capsys, monkeypatch) -> None:
    save_session(folders, datetime.combine(DAY, time(7, 30)), (("back_squat", 5, 100.0, 8.0, None),))
    best_e1rm_shown(capsys)
    cache = folders / "cache" / "records.json"
    written = cache.stat().st_mtime_ns
    best_e1rm_shown(capsys)
    assert cache.stat().st_mtime_ns == written
