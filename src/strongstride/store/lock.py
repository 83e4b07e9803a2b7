"""One live session at a time: a lock file in the data folder that a crashed process cannot leave behind.

The lock is `<data>/session.lock`, created exclusively and holding the owner's pid, host and start
time. Where the system has `flock`, the owner also holds an OS lock on it, which the OS drops when
the process dies however it dies; a lock file whose OS lock is free is therefore stale. Without
`flock`, a lock from this host whose process is gone is stale. Locks from another host are never
taken over: that process cannot be checked from here.
"""

from __future__ import annotations

import contextlib
import os
import socket
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

import tomli_w

from strongstride.model.toml_file import open_plain_file
from strongstride.store.atomic import make_folders, remove_file, sweep_stale_temp_files

try:
    import fcntl
except ImportError:  # not on this platform: the pid check alone decides
    fcntl = None  # type: ignore[assignment]

LOCK_FILE_NAME = "session.lock"
_CREATION_GRACE_SECONDS = 10     # an empty lock file this young is still being written by its owner
_LARGEST_PID = 2**31 - 1         # a pid outside 1..this is not a process: os.kill would refuse or mean a group
_ATTEMPTS = 5                    # retries when the lock file changes under us


def _now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class LockOwner:
    """Who holds the lock, as its file says."""

    pid: int | None
    host: str
    since: datetime | None
    flock: bool


class SessionLocked(Exception):
    """Another strongstride is running a session on the same data folder."""

    def __init__(self, data_dir: Path, owner: LockOwner, lock_file: Path) -> None:
        self.owner = owner
        pid = f"pid {owner.pid}" if owner.pid is not None else "unknown pid"
        since = f", since {owner.since:%H:%M}" if owner.since is not None else ""
        message = (f"another strongstride ({pid} on host {owner.host or 'unknown'}{since}) "
                   f"is running a session on {data_dir}; close it first")
        if owner.host and owner.host != socket.gethostname():
            message += f" (if it is not running any more, delete {lock_file})"
        super().__init__(message)


class SessionLock:
    """The data folder's session lock: acquire() or SessionLocked; release() when the session ends."""

    def __init__(self, data_dir: Path, now: Callable[[], datetime] = _now) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILE_NAME
        self._now = now
        self._handle: int | None = None

    @property
    def held(self) -> bool:
        """Whether this lock object holds the lock now."""
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock, taking over a stale one; SessionLocked if a live process holds it."""
        if self._handle is not None:
            return
        make_folders(self.data_dir)
        for _ in range(_ATTEMPTS):
            handle = self._create() or self._take_over_stale()
            if handle is not None:
                self._handle = handle
                self.sweep_stale_temp_files()
                return
        raise SessionLocked(self.data_dir, self._owner(), self.path)

    def release(self) -> None:
        """Remove the lock file (before dropping the OS lock, so nobody takes over a file being removed)."""
        if self._handle is None:
            return
        if _same_file(self._handle, self.path):
            remove_file(self.path)
        os.close(self._handle)
        self._handle = None

    def sweep_stale_temp_files(self) -> None:
        """Remove what killed writes left in the data and history folders, unless another process's session runs."""
        if not self.held and self.path.exists():
            return   # a session lock not ours: its owner may be alive, so its folders are left alone
        history = self.data_dir / "history"
        try:
            with os.scandir(history) as found:
                years = [Path(entry.path) for entry in found if entry.is_dir(follow_symlinks=False)]
        except OSError:
            years = []
        sweep_stale_temp_files([self.data_dir, history, *years])

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.release()

    # -- inside -------------------------------------------------------------------------

    def _create(self) -> int | None:
        """A new lock file, ours; None if one exists already."""
        try:
            handle = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
        except FileExistsError:
            return None
        try:
            self._write_owner(handle, _try_flock(handle) == "ours")
        except OSError:
            self.path.unlink(missing_ok=True)
            os.close(handle)
            raise
        return handle

    def _take_over_stale(self) -> int | None:
        """The existing lock file, ours now if its owner is gone; SessionLocked if the owner is alive."""
        try:
            handle = os.open(self.path, os.O_RDWR)
        except FileNotFoundError:
            return None   # released meanwhile: try creating again
        try:
            flock = _try_flock(handle)
            if flock == "busy":
                raise SessionLocked(self.data_dir, self._owner(), self.path)
            if not _same_file(handle, self.path):
                os.close(handle)
                return None   # replaced meanwhile: look again
            owner = self._owner()
            if not self._is_stale(owner, flock == "ours"):
                raise SessionLocked(self.data_dir, owner, self.path)
            self._write_owner(handle, flock == "ours")
            return handle
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(handle)
            raise

    def _is_stale(self, owner: LockOwner, got_flock: bool) -> bool:
        if owner.pid is None:
            return self._abandoned_while_being_written()
        if owner.host != socket.gethostname():
            return False
        if owner.flock and got_flock:
            return True   # the owner held an OS lock and it is free: the owner is gone
        return not _pid_alive(owner.pid)

    def _abandoned_while_being_written(self) -> bool:
        """An owner writes its details at once; an empty file older than a few seconds was left by a crash."""
        try:
            age = self._now().timestamp() - self.path.stat().st_mtime
        except FileNotFoundError:
            return True
        return age > _CREATION_GRACE_SECONDS

    def _owner(self) -> LockOwner:
        """The lock file's details, as far as they can be read."""
        try:
            with open_plain_file(self.path) as stream:
                data = tomllib.loads(stream.read().decode("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
            data = {}
        pid, host, since = data.get("pid"), data.get("host"), data.get("since")
        return LockOwner(
            pid=pid if isinstance(pid, int) and not isinstance(pid, bool) and 0 < pid <= _LARGEST_PID else None,
            host=host if isinstance(host, str) else "",
            since=since if isinstance(since, datetime) else None,
            flock=data.get("flock") is True,
        )

    def _write_owner(self, handle: int, holds_flock: bool) -> None:
        text = tomli_w.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                              "since": self._now().replace(microsecond=0), "flock": holds_flock})
        os.ftruncate(handle, 0)
        os.pwrite(handle, text.encode("utf-8"), 0)
        os.fsync(handle)


def _try_flock(handle: int) -> str:
    """An exclusive OS lock without waiting: "ours", "busy" (another process holds it) or "unsupported"."""
    if fcntl is None:
        return "unsupported"
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return "busy"
    except OSError:
        return "unsupported"
    return "ours"


def _same_file(handle: int, path: Path) -> bool:
    """Whether the open file is still the one at the path (not removed or replaced)."""
    try:
        return os.path.samestat(os.fstat(handle), os.stat(path))
    except FileNotFoundError:
        return False


def _pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this host."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True   # alive, owned by someone else
    except OSError:
        return True   # cannot tell: assume alive, the safe side
    return True
