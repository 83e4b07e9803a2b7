"""Saving sessions as a batch (what an import does): each file synced under a temp name before it takes its own
name, a name already taken left alone, each folder synced once a batch, and the bytes those of a single save."""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

from strongstride.model.log import SessionLog
from strongstride.store import atomic
from strongstride.store.history import HistoryStore
from strongstride.store.history_codec import PlainSession, plain_session
from tests.unit.history_builders import make_session, make_set


def sessions_in(years: tuple[int, ...]) -> list[SessionLog]:
    """Two sessions a year, each with its own id."""
    return [make_session(make_set("back_squat", load=60.0 + n), started_at=datetime(year, 3, 1 + n, 18),
                         id=f"{year}-03-0{1 + n}_test_{n}")
            for year in years for n in range(2)]


def plain(sessions: list[SessionLog]) -> list[PlainSession]:
    return [plain_session(session) for session in sessions]


@pytest.fixture
def syncs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Path]]:
    """Every fsync and syncfs, in order, as ("fsync" or "syncfs", the path its handle was opened or made with)."""
    opened: dict[int, Path] = {}
    seen: list[tuple[str, Path]] = []
    real_open, real_make_temp_file, real_fsync = os.open, atomic.make_temp_file, os.fsync

    def watching_open(path, flags, *args, **kwargs):
        handle = real_open(path, flags, *args, **kwargs)
        opened[handle] = Path(path)
        return handle

    def watching_make_temp_file(path: Path) -> tuple[int, str]:
        handle, temp = real_make_temp_file(path)
        opened[handle] = Path(temp)
        return handle, temp

    def watching_fsync(handle: int) -> None:
        seen.append(("fsync", opened[handle]))
        real_fsync(handle)

    def watching_syncfs(handle: int) -> int:
        seen.append(("syncfs", opened[handle]))
        return 0

    monkeypatch.setattr(atomic.os, "open", watching_open)
    monkeypatch.setattr(atomic, "make_temp_file", watching_make_temp_file)
    monkeypatch.setattr(atomic.os, "fsync", watching_fsync)
    monkeypatch.setattr(atomic, "_syncfs", lambda: watching_syncfs)
    return seen


def test_a_batch_writes_each_file_byte_for_byte_as_a_single_save_does(tmp_path: Path) -> None:
    sessions = sessions_in((2025, 2026))
    one_by_one, batched = HistoryStore(tmp_path / "a", tmp_path / "c"), HistoryStore(tmp_path / "b", tmp_path / "c")
    paths = [one_by_one.save(session) for session in sessions]
    assert batched.save_many(plain(sessions)) == [True] * len(sessions)
    for session, path in zip(sessions, paths, strict=True):
        assert batched.path_for(session).read_bytes() == path.read_bytes()
    assert sorted(os.listdir(batched.history_dir / "2026")) == sorted(os.listdir(one_by_one.history_dir / "2026"))


def saved_in_two_years(tmp_path: Path) -> tuple[HistoryStore, list[SessionLog]]:
    store = HistoryStore(tmp_path / "data", tmp_path / "cache")
    (store.history_dir / "2025").mkdir(parents=True)
    (store.history_dir / "2026").mkdir()
    sessions = sessions_in((2025, 2026))
    assert store.save_many(plain(sessions)) == [True] * len(sessions)
    return store, sessions


def test_a_batch_is_synced_once_a_file_system_before_its_files_take_their_names_then_each_folder_once(
    tmp_path: Path, syncs: list[tuple[str, Path]]
) -> None:
    store, _ = saved_in_two_years(tmp_path)
    assert len(syncs) == 3 and syncs[0][0] == "syncfs" and atomic.TEMP_FILE.fullmatch(syncs[0][1].name)
    assert syncs[1:] == [("fsync", store.history_dir / "2025"), ("fsync", store.history_dir / "2026")]


def test_without_syncfs_each_file_is_synced_before_it_takes_its_name(
    tmp_path: Path, syncs: list[tuple[str, Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "_syncfs", lambda: None)
    store, sessions = saved_in_two_years(tmp_path)
    files = syncs[:len(sessions)]
    assert all(how == "fsync" and atomic.TEMP_FILE.fullmatch(path.name) for how, path in files)
    assert syncs[len(sessions):] == [("fsync", store.history_dir / "2025"), ("fsync", store.history_dir / "2026")]


def test_syncfs_is_what_linux_offers() -> None:
    assert (atomic._syncfs() is not None) == sys.platform.startswith("linux")


def test_a_name_already_taken_is_left_alone_and_said_so_and_the_others_saved(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "data", tmp_path / "cache")
    sessions = sessions_in((2026,))
    taken = store.path_for(sessions[1])
    taken.parent.mkdir(parents=True)
    taken.write_bytes(b"someone else's\n")
    assert store.save_many(plain(sessions)) == [True, False]
    assert taken.read_bytes() == b"someone else's\n"
    assert sorted(os.listdir(taken.parent)) == sorted([taken.name, store.path_for(sessions[0]).name])


def test_a_folder_that_cannot_be_made_stops_the_batch_as_an_error_never_as_a_name_taken(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "data", tmp_path / "cache")
    store.history_dir.mkdir(parents=True)
    (store.history_dir / "2026").write_text("a file where the year's folder goes\n", encoding="utf-8")
    with pytest.raises(OSError) as raised:
        store.save_many(plain(sessions_in((2025, 2026))))
    assert not isinstance(raised.value, FileExistsError)
    assert "history/2026" in str(raised.value)
    assert [name for name in os.listdir(store.history_dir / "2025") if name.endswith(".tmp")] == []


def test_a_failed_sync_removes_every_temp_file_and_moves_nothing_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = HistoryStore(tmp_path / "data", tmp_path / "cache")

    def no_space(_handle: int) -> int:
        ctypes.set_errno(errno.ENOSPC)
        return -1

    monkeypatch.setattr(atomic, "_syncfs", lambda: no_space)
    with pytest.raises(OSError) as raised:
        store.save_many(plain(sessions_in((2026,))))
    assert raised.value.errno == errno.ENOSPC and raised.value.strerror == "No space left on device"
    assert os.listdir(store.history_dir / "2026") == []
