"""Reading a TOML file safely: a size limit, decoding, and syntax errors as Problems with a line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from strongstride.model.problems import Problem, ProblemsFound

if TYPE_CHECKING:
    from strongstride.model.toml_locate import KeyPart

MAX_FILE_BYTES = 1024 * 1024
INTEGER_LIMITS = (-(2**63), 2**63 - 1)     # TOML integers are 64-bit; Python's tomllib accepts any size
_LINE_IN_MESSAGE = re.compile(r"\(at line (\d+), column \d+\)")


def read_toml_text(path: Path) -> str:
    """The file's text; ProblemsFound if it is missing, too large, or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProblemsFound([Problem(path, "", f"file is {size:,} bytes; the limit is 1 MiB")])
        data = path.read_bytes()
    except OSError as error:
        raise ProblemsFound([Problem(path, "", f"cannot read: {error.strerror or error}")]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ProblemsFound([Problem(path, "", "not UTF-8 text", line)]) from None


def parse_toml_text(text: str, path: Path | str) -> dict[str, Any]:
    """Parsed TOML; a syntax error, nesting too deep to parse or an integer beyond 64 bits becomes a Problem."""
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
