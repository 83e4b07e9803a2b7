"""Finding the line of a key path such as `sessions.A.blocks[2].rpe` in TOML source, for error messages."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

KeyPart = str | int
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR = re.compile(r"[^,\]\}\s#]+")
_TIME_AFTER_SPACE = re.compile(r" \d{2}:\d{2}[^,\]\}\s#]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ESCAPE = re.compile(r"\\(.)")
_PATH_PART = re.compile(r'\.?(?:(?P<bare>[A-Za-z0-9_-]+)|"(?P<quoted>(?:[^"\\]|\\.)*)")|\[(?P<index>\d+)\]')


def format_key_path(parts: Sequence[KeyPart]) -> str:
    """A key path as problems print it: names joined by dots, array items as [n] (0-based)."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
            continue
        name = part if _BARE_KEY.fullmatch(part) else '"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"'
        text += f".{name}" if text else name
    return text


def parse_key_path(key_path: str) -> tuple[KeyPart, ...] | None:
    """The parts of a key path written by format_key_path; None when it is not one."""
    parts: list[KeyPart] = []
    position = 0
    while position < len(key_path):
        match = _PATH_PART.match(key_path, position)
        if match is None:
            return None
        dotted = match.group(0).startswith(".")
        if match.group("index") is not None:
            parts.append(int(match.group("index")))
        elif dotted != bool(parts):
            return None
        elif match.group("bare") is not None:
            parts.append(match.group("bare"))
        else:
            parts.append(_ESCAPE.sub(r"\1", match.group("quoted")))
        position = match.end()
    return tuple(parts) if parts else None


def locate(text: str, key_path: str) -> int | None:
    """The 1-based line where the key path is written; for a missing key its table's line; else None."""
    parts = parse_key_path(key_path)
    if parts is None:
        return None
    lines = key_lines(text)
    if parts in lines:
        return lines[parts]
    return lines.get(parts[:-1]) if len(parts) > 1 else None


@lru_cache(maxsize=8)
def key_lines(text: str) -> dict[tuple[KeyPart, ...], int]:
    """Every key path in the source with the line it first appears on (best effort on broken TOML)."""
    scanner = _Scanner(text)
    try:
        scanner.scan_document()
    except _ScanError:
        pass
    return scanner.lines


class _ScanError(Exception):
    """The source stops making sense as TOML; the lines found so far are kept."""


class _Scanner:
    """A small reader of TOML structure: tables, arrays of tables, keys, inline tables and arrays."""

    def __init__(self, text: str):
        self.text = text
        self.position = 0
        self.line = 1
        self.lines: dict[tuple[KeyPart, ...], int] = {}
        self.array_counts: dict[tuple[KeyPart, ...], int] = {}

    # -- characters -------------------------------------------------------------------------

    def peek(self, length: int = 1) -> str:
        return self.text[self.position:self.position + length]

    def advance(self, count: int = 1) -> None:
        for _ in range(count):
            if self.position >= len(self.text):
                raise _ScanError("end of text")
            if self.text[self.position] == "\n":
                self.line += 1
            self.position += 1

    def skip_blank(self, newlines: bool) -> None:
        """Skip spaces, tabs and comments, and line ends too when newlines is true."""
        while self.position < len(self.text):
            char = self.text[self.position]
            if char in " \t\r" or (newlines and char == "\n"):
                self.advance()
            elif char == "#":
                end = self.text.find("\n", self.position)
                self.position = len(self.text) if end < 0 else end
            else:
                return

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise _ScanError(f"expected {char!r}")
        self.advance()

    def record(self, path: tuple[KeyPart, ...], line: int) -> None:
        for length in range(1, len(path) + 1):
            self.lines.setdefault(path[:length], line)

    # -- keys and values --------------------------------------------------------------------

    def read_key(self) -> list[str]:
        """A dotted key such as `warmup.minutes` or `sessions."A 1"`, as its parts."""
        parts = []
        while True:
            self.skip_blank(newlines=False)
            char = self.peek()
            if char == '"':
                raw = self.read_string()
                parts.append(_decode_basic_string(raw))
            elif char == "'":
                parts.append(self.read_string()[1:-1])
            else:
                match = _BARE_KEY.match(self.text, self.position)
                if match is None:
                    raise _ScanError("expected a key")
                parts.append(match.group(0))
                self.advance(len(match.group(0)))
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return parts
            self.advance()

    def read_string(self) -> str:
        """A basic, literal or multi-line string, returned with its quotes."""
        start = self.position
        quote = self.peek()
        if self.peek(3) == quote * 3:
            self.advance(3)
            end = self.text.find(quote * 3, self.position)
            while end >= 0 and quote == '"' and _escaped(self.text, end):
                end = self.text.find(quote * 3, end + 1)
            if end < 0:
                raise _ScanError("unterminated string")
            while self.text[end + 3:end + 4] == quote:
                end += 1
            self.advance(end + 3 - self.position)
        else:
            self.advance()
            while self.peek() != quote:
                if self.peek() in ("", "\n"):
                    raise _ScanError("unterminated string")
                self.advance(2 if quote == '"' and self.peek() == "\\" else 1)
            self.advance()
        return self.text[start:self.position]

    def read_value(self, path: tuple[KeyPart, ...]) -> None:
        """Skip one value, recording the lines of the keys and items inside it."""
        self.skip_blank(newlines=False)
        char = self.peek()
        if char in ('"', "'"):
            self.read_string()
        elif char == "{":
            self.read_inline_table(path)
        elif char == "[":
            self.read_array(path)
        else:
            match = _SCALAR.match(self.text, self.position)
            if match is None:
                raise _ScanError("expected a value")
            self.advance(len(match.group(0)))
            # a date and time may be written with a space between them
            more = _TIME_AFTER_SPACE.match(self.text, self.position)
            if more is not None and _DATE.fullmatch(match.group(0)):
                self.advance(len(more.group(0)))

    def read_key_value(self, table: tuple[KeyPart, ...]) -> None:
        line = self.line
        key = tuple(self.read_key())
        self.expect("=")
        self.record(table + key, line)
        self.read_value(table + key)

    def read_inline_table(self, path: tuple[KeyPart, ...]) -> None:
        self.expect("{")
        self.skip_blank(newlines=True)
        while self.peek() != "}":
            self.read_key_value(path)
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.advance()
                self.skip_blank(newlines=True)
        self.advance()

    def read_array(self, path: tuple[KeyPart, ...]) -> None:
        self.expect("[")
        index = 0
        self.skip_blank(newlines=True)
        while self.peek() != "]":
            self.record(path + (index,), self.line)
            self.read_value(path + (index,))
            index += 1
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.advance()
                self.skip_blank(newlines=True)
        self.advance()

    # -- tables -----------------------------------------------------------------------------

    def resolve(self, key: Sequence[str]) -> tuple[KeyPart, ...]:
        """A header's path with each array of tables on the way replaced by its latest item."""
        path: tuple[KeyPart, ...] = ()
        for part in key:
            path += (part,)
            if path in self.array_counts:
                path += (self.array_counts[path] - 1,)
        return path

    def read_header(self) -> tuple[KeyPart, ...]:
        line = self.line
        if self.peek(2) == "[[":
            self.advance(2)
            key = self.read_key()
            self.expect("]")
            self.expect("]")
            array = self.resolve(key[:-1]) + (key[-1],)
            count = self.array_counts.get(array, 0)
            self.array_counts[array] = count + 1
            table = array + (count,)
        else:
            self.advance()
            table = self.resolve(self.read_key())
            self.expect("]")
        self.record(table, line)
        return table

    def scan_document(self) -> None:
        table: tuple[KeyPart, ...] = ()
        while True:
            self.skip_blank(newlines=True)
            if self.position >= len(self.text):
                return
            if self.peek() == "[":
                table = self.read_header()
            else:
                self.read_key_value(table)
            self.skip_blank(newlines=False)
            if self.peek() not in ("\n", ""):
                raise _ScanError("expected the end of the line")


def _escaped(text: str, index: int) -> bool:
    """True when the character at index follows an odd number of backslashes."""
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _decode_basic_string(raw: str) -> str:
    import tomllib   # only a problem's line is looked for here, never on a start without problems

    try:
        return str(tomllib.loads(f"k = {raw}")["k"])
    except tomllib.TOMLDecodeError:
        raise _ScanError("bad string") from None
