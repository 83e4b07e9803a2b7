"""Writing a file so that a crash, a power cut or a full disk leaves either the old file or the new one, never half.

Every change to a folder's entries (a file renamed into place or removed, a folder made) is followed
by an fsync of that folder, so that it survives a power cut; a write killed half way leaves a temp
file (`.NAME.XXXXXXXX.tmp`), swept once it is a day old.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

# Where a folder cannot hold hard links, a new file is created by a check and a rename instead.
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}
TEMP_FILE = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.tmp")   # as tempfile.mkstemp names them below
STALE_TEMP_SECONDS = 86_400   # no write takes a day: a temp file this old was left by a killed one


def atomic_write_text(path: Path, text: str) -> None:
    """Replace the file's contents at once; on any OSError the old file is kept and the error raised.

    A symlink is kept: its target is what is replaced (a config kept in a dotfiles repository).
    """
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace a binary file's contents at once (through a symlink, its target); the old file kept on any OSError."""
    path = Path(os.path.realpath(path)) if os.path.islink(path) else path
    with _durable_temp_file(path, data) as temp:
        os.replace(temp, path)


def atomic_create_text(path: Path, text: str) -> None:
    """Write a new file at once, never over an existing one (FileExistsError, the old file untouched)."""
    with _durable_temp_file(path, text.encode("utf-8")) as temp:
        _move_without_overwriting(temp, path)


@contextlib.contextmanager
def _durable_temp_file(path: Path, data: bytes) -> Iterator[Path]:
    """A synced temp file beside the target for the caller to move into place; removed if that fails."""
    import tempfile   # slow to import (it brings shutil and random), and a command that only reads never needs it

    make_folders(path.parent)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        yield temp
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    _sync_folder(path.parent)


def _move_without_overwriting(temp: Path, path: Path) -> None:
    """A hard link fails atomically when the name is taken; the temp name is removed afterwards."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        if path.exists():
            raise FileExistsError(errno.EEXIST, "file exists", str(path)) from None
        os.replace(temp, path)


def make_folders(folder: Path) -> None:
    """Make the folder and any missing parents, each new one synced into its parent so a power cut keeps it."""
    missing = []
    while not folder.is_dir() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        _sync_folder(new.parent)


def remove_file(path: Path) -> None:
    """Remove the file, if it is there, and sync its folder so that it cannot come back after a power cut."""
    try:
        path.unlink()
    except FileNotFoundError:
        return
    _sync_folder(path.parent)


def sweep_stale_temp_files(folders: Iterable[Path], now: float | None = None) -> list[Path]:
    """Remove the temp files killed writes left in these folders, once a day old; what was removed is returned."""
    oldest = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    swept = []
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                stale = [Path(entry.path) for entry in entries if TEMP_FILE.fullmatch(entry.name)
                         and stat.S_ISREG((found := entry.stat(follow_symlinks=False)).st_mode)
                         and found.st_mtime < oldest]
        except OSError:
            continue   # a folder missing or unreadable has nothing to sweep
        for path in stale:
            with contextlib.suppress(OSError):
                path.unlink()
                swept.append(path)
        if stale:
            _sync_folder(folder)
    return swept


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some systems cannot open a folder, which is not an error."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
