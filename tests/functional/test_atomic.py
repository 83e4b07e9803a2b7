"""A write either lands whole or leaves the old file as it was, with no temp file left behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from strongstride.store import atomic
from strongstride.store.atomic import atomic_create_text, atomic_write_text


def no_space(*_args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_writes_the_text_and_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "file.toml"
    atomic_write_text(target, "schema = 1\nnote = \"\u00e9\"\n")
    assert target.read_text(encoding="utf-8") == "schema = 1\nnote = \"\u00e9\"\n"
    assert os.listdir(target.parent) == ["file.toml"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "file.toml"
    target.write_text("old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"


@pytest.mark.parametrize("step", ["replace", "fsync"])
def test_a_failed_write_keeps_the_old_file_removes_the_temp_and_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str,
) -> None:
    target = tmp_path / "file.toml"
    target.write_bytes(b"old contents\n")
    monkeypatch.setattr(atomic.os, step, no_space)
    with pytest.raises(OSError) as raised:
        atomic_write_text(target, "new contents\n")
    assert raised.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old contents\n"
    assert os.listdir(tmp_path) == ["file.toml"]


def test_a_folder_that_refuses_new_files_raises_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "file.toml"
    target.write_bytes(b"old\n")

    real_open = os.open

    def read_only(path: str, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "open", read_only)
    with pytest.raises(PermissionError):
        atomic_write_text(target, "new\n")
    assert target.read_bytes() == b"old\n"


def test_create_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "session.toml"
    atomic_create_text(target, "first")
    with pytest.raises(FileExistsError):
        atomic_create_text(target, "second")
    assert target.read_text() == "first"
    assert os.listdir(tmp_path) == ["session.toml"]


def test_create_without_hard_links_still_refuses_to_overwrite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*_args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    target = tmp_path / "session.toml"
    atomic_create_text(target, "first")
    assert target.read_text() == "first"
    with pytest.raises(FileExistsError):
        atomic_create_text(target, "second")
    assert target.read_text() == "first"
    assert os.listdir(tmp_path) == ["session.toml"]


def test_create_passes_on_other_errors_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic.os, "link", no_space)
    with pytest.raises(OSError) as raised:
        atomic_create_text(tmp_path / "session.toml", "text")
    assert raised.value.errno == errno.ENOSPC
    assert os.listdir(tmp_path) == []


def test_a_temp_name_already_taken_is_passed_over_and_the_file_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "file.toml"
    taken = tmp_path / ".file.toml.aaaaaaaa.tmp"
    taken.write_bytes(b"another write's\n")
    draws = iter([b"\xaa" * 4, b"\xbb" * 4])
    monkeypatch.setattr(atomic.os, "urandom", lambda size: next(draws))
    atomic_create_text(target, "new\n")
    assert target.read_bytes() == b"new\n"
    assert taken.read_bytes() == b"another write's\n"
    assert sorted(os.listdir(tmp_path)) == [".file.toml.aaaaaaaa.tmp", "file.toml"]


def test_temp_names_all_taken_raise_and_write_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "file.toml"
    (tmp_path / ".file.toml.aaaaaaaa.tmp").write_bytes(b"")
    monkeypatch.setattr(atomic.os, "urandom", lambda size: b"\xaa" * size)
    with pytest.raises(FileExistsError):
        atomic_create_text(target, "new\n")
    assert os.listdir(tmp_path) == [".file.toml.aaaaaaaa.tmp"]


def test_a_file_named_without_its_folder_is_written_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    synced: list[str] = []
    monkeypatch.setattr(atomic, "_sync_folder", lambda folder: synced.append(os.fspath(folder)))
    atomic_create_text(Path("file.toml"), "new\n")
    assert (tmp_path / "file.toml").read_bytes() == b"new\n" and os.listdir(tmp_path) == ["file.toml"]
    assert synced == [os.curdir]       # the folder it was written in, synced once
