"""Power loss: every folder made and every file removed is synced into its parent; temp files of killed writes swept."""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import pytest

from strongstride.model.session_header import SessionHeader
from strongstride.store import atomic
from strongstride.store.atomic import atomic_write_text, remove_file, sweep_stale_temp_files
from strongstride.store.history import HistoryStore
from strongstride.store.in_progress import InProgressStore
from strongstride.store.lock import SessionLock
from tests.unit.history_builders import make_session, make_set

DAY = 86_400


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders fsynced, in order: os.open and os.fsync watched together."""
    opened: dict[int, Path] = {}
    folders: list[Path] = []
    real_open, real_fsync = os.open, os.fsync

    def watching_open(path, flags, *args, **kwargs):
        handle = real_open(path, flags, *args, **kwargs)
        opened[handle] = Path(path)
        return handle

    def watching_fsync(handle):
        if handle in opened and opened[handle].is_dir():
            folders.append(opened[handle])
        return real_fsync(handle)

    monkeypatch.setattr(atomic.os, "open", watching_open)
    monkeypatch.setattr(atomic.os, "fsync", watching_fsync)
    return folders


def test_each_new_folder_is_synced_into_its_parent(tmp_path: Path, synced: list[Path]) -> None:
    data = tmp_path / "data"
    store = HistoryStore(data, tmp_path / "cache")
    path = store.save(make_session(make_set("back_squat"), started_at=datetime(2026, 11, 2, 18), id="s1"))
    year = path.parent
    # The data dir into its parent, history into the data dir, the year into history, then the new file's entry.
    assert synced[:3] == [tmp_path, data, data / "history"]
    assert synced[-1] == year


def test_a_folder_already_there_is_not_synced_again(tmp_path: Path, synced: list[Path]) -> None:
    atomic_write_text(tmp_path / "a.toml", "a = 1\n")
    assert synced == [tmp_path]   # only the new file's entry


def test_clearing_the_in_progress_file_syncs_its_folder(tmp_path: Path, synced: list[Path]) -> None:
    store = InProgressStore(tmp_path / "in-progress.toml")
    store.save(SessionHeader("x", "plan", "A", datetime(2026, 11, 2, 18)), [])
    synced.clear()
    store.clear()
    assert not store.path.exists()
    assert synced == [tmp_path]


def test_removing_a_file_already_gone_syncs_nothing(tmp_path: Path, synced: list[Path]) -> None:
    remove_file(tmp_path / "gone.toml")
    assert synced == []


def test_releasing_the_session_lock_syncs_the_data_folder(tmp_path: Path, synced: list[Path]) -> None:
    lock = SessionLock(tmp_path / "data")
    lock.acquire()
    synced.clear()
    lock.release()
    assert synced == [tmp_path / "data"]


def make_temp(folder: Path, target: str, age_seconds: float, now: float) -> Path:
    """A temp file as atomic.py names them (`.NAME.XXXXXXXX.tmp`), last written `age_seconds` before now."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f".{target}.k3_f9x2a.tmp"
    path.write_text("half a write", encoding="utf-8")
    os.utime(path, (now - age_seconds, now - age_seconds))
    return path


def test_temp_files_older_than_a_day_are_swept_and_fresh_ones_and_others_kept(tmp_path: Path) -> None:
    now = time.time()
    old = make_temp(tmp_path, "in-progress.toml", DAY + 60, now)
    fresh = make_temp(tmp_path, "in-progress.toml".replace("in", "on"), DAY - 60, now)
    old_in_a_year = make_temp(tmp_path / "history" / "2026", "2026-11-02_x.toml", 3 * DAY, now)
    lookalikes = [tmp_path / ".notes.tmp", tmp_path / "in-progress.toml", tmp_path / "history" / "2026" / "x.tmp"]
    for path in lookalikes:
        path.write_text("keep", encoding="utf-8")
        os.utime(path, (now - 9 * DAY, now - 9 * DAY))
    swept = sweep_stale_temp_files([tmp_path, tmp_path / "history", tmp_path / "history" / "2026"], now)
    assert sorted(swept) == sorted([old, old_in_a_year])
    assert not old.exists() and not old_in_a_year.exists()
    assert fresh.exists() and all(path.exists() for path in lookalikes)


def test_a_session_start_sweeps_the_data_folder_and_history(tmp_path: Path) -> None:
    data = tmp_path / "data"
    now = time.time()
    stale = [make_temp(data, "in-progress.toml", 2 * DAY, now),
             make_temp(data / "history" / "2019", "2019-05-06_x.toml", 2 * DAY, now)]
    with SessionLock(data):
        assert not any(path.exists() for path in stale)


def test_the_app_start_sweeps_unless_another_process_holds_the_lock(tmp_path: Path) -> None:
    data = tmp_path / "data"
    now = time.time()
    stale = make_temp(data, "in-progress.toml", 2 * DAY, now)
    (data / "session.lock").write_text(f"pid = {os.getppid()}\nhost = 'elsewhere'\n", encoding="utf-8")
    SessionLock(data).sweep_stale_temp_files()
    assert stale.exists()   # another process's session: its folder is left alone
    (data / "session.lock").unlink()
    SessionLock(data).sweep_stale_temp_files()
    assert not stale.exists()
