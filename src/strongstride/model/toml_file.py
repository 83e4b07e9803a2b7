"""Reading a TOML file safely: a size limit, decoding, and syntax errors as Problems with a line."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from strongstride.model.problems import Problem, ProblemsFound

if TYPE_CHECKING:
    from strongstride.model.toml_locate import KeyPart

MAX_FILE_BYTES = 1024 * 1024
INTEGER_LIMITS = (-(2**63), 2**63 - 1)     # TOML integers are 64-bit; Python's tomllib accepts any size
_LINE_IN_MESSAGE = re.compile(r"\(at line (\d+), column \d+\)")


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def open_plain_file(path: Path | str) -> BinaryIO:
    """The file opened for reading if it is a regular one; OSError naming its kind if not.

    Opened without blocking and checked on the open descriptor, so a FIFO or a device (which could
    wait forever for a writer, or never end) is refused before a byte is read.
    """
    handle = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a file")
            raise OSError(errno.EINVAL, f"not a regular file ({kind})", str(path))
        if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(handle, True)
        return os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise


def read_toml_text(path: Path) -> str:
    """The file's text; ProblemsFound if it is missing, not a regular file, too large, or not UTF-8."""
    try:
        with open_plain_file(path) as stream:
            size = os.fstat(stream.fileno()).st_size
            data = stream.read(MAX_FILE_BYTES + 1) if size <= MAX_FILE_BYTES else b""
        if size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
            raise ProblemsFound([Problem(path, "", f"file is {max(size, len(data)):,} bytes; the limit is 1 MiB")])
    except OSError as error:
        raise ProblemsFound([Problem(path, "", f"cannot read: {error.strerror or error}")]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ProblemsFound([Problem(path, "", "not UTF-8 text", line)]) from None


def parse_toml_text(text: str, path: Path | str) -> dict[str, Any]:
    """Parsed TOML; a syntax error, nesting too deep to parse or an integer beyond 64 bits becomes a Problem."""
    import tomllib   # a start with its plans and library kept parsed, and a warm index, parses no TOML

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _LINE_IN_MESSAGE.search(message)
        line = int(match.group(1)) if match else None
        reason = _LINE_IN_MESSAGE.sub("", message).strip()
        raise ProblemsFound([Problem(path, "", f"TOML syntax: {reason}", line)]) from None
    except RecursionError:
        raise ProblemsFound([Problem(path, "", "TOML syntax: arrays or tables nested too deeply")]) from None
    found = _oversized_integers(document)
    if not found:
        return document
    from strongstride.model.toml_locate import format_key_path, locate   # only to point at a bad key's line

    raise ProblemsFound([
        Problem(path, key_path, "integer too large: TOML integers are 64-bit", locate(text, key_path))
        for key_path in sorted(map(format_key_path, found))
    ])


def _oversized_integers(document: dict[str, Any]) -> list[tuple[KeyPart, ...]]:
    """The key paths of integers outside 64 bits, which would overflow any float they meet."""
    found: list[tuple[KeyPart, ...]] = []
    pending: list[tuple[tuple[KeyPart, ...], Any]] = [((), document)]
    while pending:     # a loop, not recursion: the document may be nested as deep as the parser allows
        parts, value = pending.pop()
        if isinstance(value, dict):
            pending.extend((parts + (key,), item) for key, item in value.items())
        elif isinstance(value, list):
            pending.extend((parts + (index,), item) for index, item in enumerate(value))
        elif isinstance(value, int) and not INTEGER_LIMITS[0] <= value <= INTEGER_LIMITS[1]:
            found.append(parts)
    return found


def load_toml_file(path: Path) -> dict[str, Any]:
    """Read and parse a TOML file, refusing anything over 1 MiB."""
    return parse_toml_text(read_toml_text(path), path)
