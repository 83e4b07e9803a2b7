"""`strongstride export --format fit`: one FIT activity a session in a folder, chosen by date or id."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from strongstride.cli import main
from strongstride.model.log import SessionLog, SetLog
from strongstride.store.history import HistoryStore
from tests.unit.fit_reading import read_fit


def session(started_at: datetime, suffix: str) -> SessionLog:
    sets = (SetLog("back_squat", 1, started_at + timedelta(minutes=5), reps=5, load=100.0, rpe=8.0, rest_seconds=120),
            SetLog("back_squat", 2, started_at + timedelta(minutes=9), reps=5, load=100.0, rpe=8.5))
    return SessionLog(f"{started_at:%Y-%m-%dT%H-%M-%S}_heavy-strength_A_{suffix}", "heavy-strength", "A", started_at,
                      finished_at=started_at + timedelta(minutes=30), session_name="Squat day", sets=sets)


@pytest.fixture
def history(folders: Path) -> list[SessionLog]:
    logs = [session(datetime(2026, 3, day, 18, 0), f"s{day:05d}") for day in (2, 9, 16)]
    store = HistoryStore.default()
    for log in logs:
        store.save(log)
    return logs


def test_every_session_becomes_a_fit_activity_named_by_its_id(folders, history, capsys):
    out = folders / "fit"
    assert main(["export", "--format", "fit", "--out", str(out)]) == 0
    assert sorted(path.name for path in out.iterdir()) == [f"{log.id}.fit" for log in history]
    assert f"Wrote 3 FIT activities to {out}" in capsys.readouterr().err
    messages = read_fit((out / f"{history[0].id}.fit").read_bytes())
    assert [m.get("repetitions") for m in messages["set_mesgs"]] == [5, None, 5]


def test_since_and_session_choose_which_sessions_are_written(folders, history):
    out = folders / "fit"
    assert main(["export", "--format", "fit", "--since", "2026-03-09", "--out", str(out)]) == 0
    assert sorted(path.stem for path in out.iterdir()) == [history[1].id, history[2].id]
    only = folders / "one"
    assert main(["export", "--format", "fit", "--session", history[0].id, "--out", str(only)]) == 0
    assert [path.stem for path in only.iterdir()] == [history[0].id]


def test_exporting_again_replaces_the_file_with_the_same_bytes(folders, history):
    out = folders / "fit"
    assert main(["export", "--format", "fit", "--out", str(out)]) == 0
    first = {path.name: path.read_bytes() for path in out.iterdir()}
    assert main(["export", "--format", "fit", "--out", str(out)]) == 0
    assert {path.name: path.read_bytes() for path in out.iterdir()} == first, "Garmin Connect and Strava see a duplicate"


def test_since_and_session_choose_for_the_other_formats_too(folders, history, capsys):
    assert main(["export", "--format", "csv", "--session", history[2].id]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert len(rows) == 2 and all(history[2].id in row for row in rows)


def test_bad_choices_are_named(folders, history, capsys):
    assert main(["export", "--format", "fit"]) == 2
    assert "give the folder with --out DIR" in capsys.readouterr().err
    assert main(["export", "--format", "fit", "--since", "March", "--out", str(folders / "x")]) == 2
    assert "--since must be a date such as 2026-01-31, not 'March'" in capsys.readouterr().err
    assert main(["export", "--format", "fit", "--session", "nope", "--out", str(folders / "x")]) == 1
    assert "no session 'nope' in history" in capsys.readouterr().err
    assert not (folders / "x").exists()


def test_a_session_fit_cannot_hold_is_named_and_the_rest_are_written(folders, history, capsys):
    old = session(datetime(1994, 5, 1, 18, 0), "old001")
    HistoryStore.default().save(old)
    out = folders / "fit"
    assert main(["export", "--format", "fit", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"session {old.id}: FIT holds dates from 1998-07-03 to 2126-02-05" in err and "Wrote 3 FIT activities" in err
    assert len(list(out.iterdir())) == 3
