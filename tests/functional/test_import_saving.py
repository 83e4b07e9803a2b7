"""`strongstride import` saving sessions while it reads: each session counted once its save ends, in file order,
a refused save stopping the import with what was saved kept, and every save waited for before the report."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest

from strongstride.cli import main
from strongstride.model.log import SessionLog
from strongstride.store.history import HistoryStore

WORKOUTS = 40
REAL_SAVE = HistoryStore.save
HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"


def strong_export(path: Path, workouts: int = WORKOUTS, tail: str = "") -> Path:
    rows = [f"2026-01-{1 + n // 2:02d} {8 + 10 * (n % 2):02d}:00:00,Day {n},45m,Squat (Barbell),1,{60 + n},5,0,0,,,\n"
            for n in range(workouts)]
    path.write_text(HEADER + "".join(rows) + tail, encoding="utf-8")
    return path


def history_files(folders: Path) -> list[Path]:
    return sorted((folders / "data" / "history").glob("*/*.toml"))


def fail_save_number(monkeypatch: pytest.MonkeyPatch, failing: int, error: OSError) -> None:
    """HistoryStore.save raises `error` for the `failing`-th session it is given (counting from 1)."""
    lock, given = threading.Lock(), [0]

    def save(store: HistoryStore, log: SessionLog) -> Path:
        with lock:
            given[0] += 1
            number = given[0]
        if number == failing:
            raise error
        return REAL_SAVE(store, log)

    monkeypatch.setattr(HistoryStore, "save", save)


def test_every_session_is_saved_and_counted(folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(strong_export(folders / "strong.csv")), "--from", "strong", "--unit", "kg"]) == 0
    out = capsys.readouterr().out
    assert f"Sessions added: {WORKOUTS} (skipped: 0 already in history)" in out
    assert f"Rows read: {WORKOUTS} = {WORKOUTS} set" in out
    assert len(history_files(folders)) == WORKOUTS
    loaded = HistoryStore.default().load_all()
    assert loaded.problems == [] and [s.sets[0].load for s in loaded.sessions] == [60 + n for n in range(WORKOUTS)]


def test_a_save_the_history_folder_refuses_stops_the_import_and_importing_again_adds_the_rest(
    folders: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    export = strong_export(folders / "strong.csv")
    fail_save_number(monkeypatch, 5, OSError(errno.ENOSPC, "No space left on device"))
    assert main(["import", str(export), "--from", "strong", "--unit", "kg"]) == 1
    err = capsys.readouterr().err
    assert "cannot save to the history folder: No space left on device" in err
    assert "sessions saved before it stay saved; importing again adds the rest" in err
    saved = len(history_files(folders))
    assert 4 <= saved < WORKOUTS
    monkeypatch.setattr(HistoryStore, "save", REAL_SAVE)
    assert main(["import", str(export), "--from", "strong", "--unit", "kg"]) == 0
    assert f"Sessions added: {WORKOUTS - saved} (skipped: {saved} already in history)" in capsys.readouterr().out
    assert len(history_files(folders)) == WORKOUTS


def test_a_session_file_that_appears_while_saving_counts_as_already_in_history(
    folders: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_save_number(monkeypatch, 7, FileExistsError(errno.EEXIST, "File exists"))
    assert main(["import", str(strong_export(folders / "strong.csv")), "--from", "strong", "--unit", "kg"]) == 0
    out = capsys.readouterr().out
    assert f"Sessions added: {WORKOUTS - 1} (skipped: 1 already in history)" in out
    assert f"Rows read: {WORKOUTS} = {WORKOUTS - 1} set + 1 duplicate" in out
    assert len(history_files(folders)) == WORKOUTS - 1


def test_a_file_that_breaks_after_sessions_were_saved_says_they_stay_saved(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = strong_export(folders / "strong.csv", tail='2026-03-01 08:00:00,"' + "x" * 200_000 + "\n")
    assert main(["import", str(broken), "--from", "strong", "--unit", "kg"]) == 1
    err = capsys.readouterr().err
    assert "field larger than field limit" in err
    assert "sessions saved before it stay saved; importing again adds the rest" in err
    assert history_files(folders)
