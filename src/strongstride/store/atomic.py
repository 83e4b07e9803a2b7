"""Writing a file so that a crash, a power cut or a full disk leaves either the old file or the new one, never half.

Every change to a folder's entries (a file renamed into place or removed, a folder made) is followed
by an fsync of that folder (once for a batch of new files written together), so that it survives a power cut;
a write killed half way leaves a temp file (`.NAME.XXXXXXXX.tmp`), swept once it is a day old.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import cast

# Where a folder cannot hold hard links, a new file is created by a check and a rename instead.
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}
TEMP_FILE = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.tmp")   # as make_temp_file names them (and tempfile did)
STALE_TEMP_SECONDS = 86_400   # no write takes a day: a temp file this old was left by a killed one
TEMP_NAME_TRIES = 100         # as tempfile tries: a name taken this often means something else is wrong
_TEMP_FILE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
                    | getattr(os, "O_BINARY", 0))


def atomic_write_text(path: Path, text: str) -> None:
    """Replace the file's contents at once; on any OSError the old file is kept and the error raised.

    A symlink is kept: its target is what is replaced (a config kept in a dotfiles repository).
    """
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace a binary file's contents at once (through a symlink, its target); the old file kept on any OSError."""
    path = Path(os.path.realpath(path)) if os.path.islink(path) else path
    _write_synced([(path, data)], _replace)


def atomic_create_text(path: Path, text: str) -> None:
    """Write a new file at once, never over an existing one (FileExistsError, the old file untouched)."""
    if not atomic_create_texts([(path, text)])[0]:
        raise FileExistsError(errno.EEXIST, "file exists", str(path))


def atomic_create_texts(files: Sequence[tuple[Path, str]]) -> list[bool]:
    """Write new files together, each at once and never over one already there (False for it, left untouched).

    Each file is written and synced under a temp name (on Linux, one syncfs for them all), then given its own name;
    then each folder is synced once, however many files it took. On an OSError no temp file is left and the error
    is raised; a file that had its name by then keeps it.
    """
    return _write_synced([(path, text.encode("utf-8")) for path, text in files], _move_without_overwriting)


def make_temp_file(path: Path) -> tuple[int, str]:
    """A new temp file beside `path`, open for writing, named as a sweep knows them (`.NAME.XXXXXXXX.tmp`).

    Made here rather than by `tempfile` (slow to import, and several times the CPU a file, which an import of
    tens of thousands of sessions pays once a session): a random name, taken only if no file has it.
    """
    folder, name = os.path.split(path)
    for _ in range(TEMP_NAME_TRIES):
        temp = os.path.join(folder, f".{name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temp, _TEMP_FILE_FLAGS, 0o600), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temp file name", os.path.join(folder, f".{name}.*.tmp"))


def _write_synced(files: Sequence[tuple[Path, bytes]], move: Callable[[str, Path], bool]) -> list[bool]:
    """Each file's bytes synced under a temp name beside it, `move`d into place, then each folder synced once."""
    folders = list(dict.fromkeys(os.path.dirname(path) or os.curdir for path, _ in files))
    for folder in folders:
        make_folders(Path(folder))
    temps: list[str] = []
    try:
        handles: list[int] = []
        try:
            for path, data in files:
                handle, temp = make_temp_file(path)
                handles.append(handle)
                temps.append(temp)
                _write_all(handle, data)
            _sync_files(handles)
        finally:
            for handle in handles:
                os.close(handle)
        moved = [move(temp, path) for temp, (path, _) in zip(temps, files, strict=True)]
    finally:
        for temp in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    for folder in folders:
        _sync_folder(folder)
    return moved


def _sync_files(handles: Sequence[int]) -> None:
    """Make the open files' bytes durable: for several files on Linux, one syncfs a file system (which writes out
    all it holds at once, for a fraction of the CPU and waiting of a sync a file); else an fsync a file."""
    syncfs = _syncfs() if len(handles) > 1 else None
    if syncfs is None:
        for handle in handles:
            os.fsync(handle)
        return
    for handle in {os.fstat(handle).st_dev: handle for handle in handles}.values():
        if syncfs(handle) != 0:
            import ctypes

            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code))


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    """Linux's syncfs(2), from the C library; None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        call = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    call.argtypes, call.restype = [ctypes.c_int], ctypes.c_int
    return cast(Callable[[int], int], call)


def _write_all(handle: int, data: bytes) -> None:
    """All the bytes, however few each write takes."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def _replace(temp: str, path: Path) -> bool:
    os.replace(temp, path)
    return True


def _move_without_overwriting(temp: str, path: Path) -> bool:
    """A hard link fails atomically when the name is taken (False); the temp name is removed afterwards."""
    try:
        os.link(temp, path)
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        if path.exists():
            return False
        os.replace(temp, path)
    return True


def make_folders(folder: Path) -> None:
    """Make the folder and any missing parents, each new one synced into its parent so a power cut keeps it."""
    missing = []
    while not folder.is_dir() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        try:
            new.mkdir(exist_ok=True)
        except FileExistsError:   # a file has the folder's name: an error, never a file already saved
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(new)) from None
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


def _sync_folder(folder: Path | str) -> None:
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
