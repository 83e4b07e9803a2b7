"""Writing a file so that a crash or a full disk leaves either the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

# Where a folder cannot hold hard links, a new file is created by a check and a rename instead.
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}


def atomic_write_text(path: Path, text: str) -> None:
    """Replace the file's contents at once; on any OSError the old file is kept and the error raised."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace a binary file's contents at once; on any OSError the old file is kept and the error raised."""
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

    path.parent.mkdir(parents=True, exist_ok=True)
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
