"""Reading a TOML file safely: a size limit, decoding, and syntax errors as Problems with a line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from strongstride.model.problems import Problem, ProblemsFound

MAX_FILE_BYTES = 1024 * 1024
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
    """Parsed TOML; a syntax error becomes a Problem with its line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _LINE_IN_MESSAGE.search(message)
        line = int(match.group(1)) if match else None
        reason = _LINE_IN_MESSAGE.sub("", message).strip()
        raise ProblemsFound([Problem(path, "", f"TOML syntax: {reason}", line)]) from None


def load_toml_file(path: Path) -> dict[str, Any]:
    """Read and parse a TOML file, refusing anything over 1 MiB."""
    return parse_toml_text(read_toml_text(path), path)
