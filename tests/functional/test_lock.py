"""One session at a time on a data folder, checked against a real second process; stale locks taken over."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import tomli_w

from strongstride.store.lock import LOCK_FILE_NAME, SessionLock, SessionLocked

HOLDER = """
import sys
from pathlib import Path
from strongstride.store.lock import SessionLock
lock = SessionLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A second strongstride process holding the session lock on tmp_path until told to let go."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline() == "locked\n"
    yield process
    if process.poll() is None:
        process.kill()
    process.wait(timeout=10)


def write_lock_file(folder: Path, **owner: object) -> None:
    details = {"host": socket.gethostname(), "since": datetime(2026, 11, 22, 18, 5), "flock": False, **owner}
    (folder / LOCK_FILE_NAME).write_text(tomli_w.dumps(details))


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait(timeout=10)
    return process.pid


def test_a_second_process_is_refused_while_the_first_runs(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    with pytest.raises(SessionLocked) as raised:
        SessionLock(tmp_path).acquire()
    message = str(raised.value)
    assert message.startswith(f"another strongstride (pid {holder.pid} on host {socket.gethostname()}, since ")
    assert message.endswith(f"is running a session on {tmp_path}; close it first")


def test_the_lock_is_free_once_the_other_process_releases_it(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.stdout.readline() == "released\n"
    assert not (tmp_path / LOCK_FILE_NAME).exists()
    with SessionLock(tmp_path) as lock:
        assert lock.held


def test_a_crashed_process_leaves_a_lock_file_that_is_taken_over(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    assert (tmp_path / LOCK_FILE_NAME).exists()
    lock = SessionLock(tmp_path)
    lock.acquire()
    assert f"pid = {os.getpid()}" in (tmp_path / LOCK_FILE_NAME).read_text()
    lock.release()


def test_a_lock_of_a_process_that_is_gone_is_taken_over(tmp_path: Path) -> None:
    write_lock_file(tmp_path, pid=dead_pid())
    with SessionLock(tmp_path):
        assert f"pid = {os.getpid()}" in (tmp_path / LOCK_FILE_NAME).read_text()
    assert not (tmp_path / LOCK_FILE_NAME).exists()


def test_a_lock_without_an_os_lock_whose_process_lives_is_respected(tmp_path: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        write_lock_file(tmp_path, pid=sleeper.pid)
        with pytest.raises(SessionLocked, match=f"pid {sleeper.pid} "):
            SessionLock(tmp_path).acquire()
    finally:
        sleeper.kill()
        sleeper.wait(timeout=10)


def test_a_lock_from_another_host_is_never_taken_over(tmp_path: Path) -> None:
    write_lock_file(tmp_path, pid=dead_pid(), host="the-other-laptop")
    with pytest.raises(SessionLocked) as raised:
        SessionLock(tmp_path).acquire()
    message = str(raised.value)
    assert "on host the-other-laptop, since 18:05)" in message
    assert f"delete {tmp_path / LOCK_FILE_NAME}" in message


def test_a_second_lock_in_the_same_process_is_refused(tmp_path: Path) -> None:
    moment = datetime(2026, 11, 22, 18, 5).astimezone()
    with SessionLock(tmp_path, now=lambda: moment):
        with pytest.raises(SessionLocked, match=f"pid {os.getpid()} .*since 18:05"):
            SessionLock(tmp_path).acquire()


def test_an_empty_lock_file_is_respected_while_young_and_taken_over_when_old(tmp_path: Path) -> None:
    (tmp_path / LOCK_FILE_NAME).write_text("")
    written = datetime.fromtimestamp((tmp_path / LOCK_FILE_NAME).stat().st_mtime).astimezone()
    with pytest.raises(SessionLocked, match="unknown pid"):
        SessionLock(tmp_path, now=lambda: written + timedelta(seconds=2)).acquire()
    with SessionLock(tmp_path, now=lambda: written + timedelta(minutes=5)) as lock:
        assert lock.held


def test_release_without_acquire_and_acquire_twice_are_harmless(tmp_path: Path) -> None:
    lock = SessionLock(tmp_path / "data")
    lock.release()
    lock.acquire()
    lock.acquire()
    assert lock.held and (tmp_path / "data" / LOCK_FILE_NAME).exists()
    lock.release()
    assert not lock.held and not (tmp_path / "data" / LOCK_FILE_NAME).exists()


def test_a_lock_that_cannot_be_written_raises_and_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("strongstride.store.lock.os.fsync", disk_full)
    with pytest.raises(OSError):
        SessionLock(tmp_path).acquire()
    assert not (tmp_path / LOCK_FILE_NAME).exists()
