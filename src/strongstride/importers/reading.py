"""One export read from a stream into sessions: find (or take) its format, read it, gather the sessions."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TextIO

from strongstride.importers import fitnotes, hevy, ours, strong
from strongstride.importers.alpha import is_alpha_table_header, read_alpha
from strongstride.importers.csv_source import UnreadableFile, header_key, open_rows
from strongstride.importers.jefit import is_jefit_section, read_jefit
from strongstride.importers.rows import ParsedFile
from strongstride.importers.sessions import ImportResult, build_sessions
from strongstride.importers.stronglifts import blocks_of, read_stronglifts
from strongstride.model.exercise import Exercise
from strongstride.model.log import SessionLog
from strongstride.model.toml_file import open_plain_file
from strongstride.model.units import Unit

AUTO = "auto"
LINES_LOOKED_AT = 40
Reader = Callable[[Iterator[str], Unit], ParsedFile]

READERS: dict[str, Reader] = {
    "strong": lambda lines, unit: strong.read_strong(open_rows(lines), unit),
    "hevy": lambda lines, unit: hevy.read_hevy(open_rows(lines), unit),
    "fitnotes": lambda lines, unit: fitnotes.read_fitnotes(open_rows(lines), unit),
    "csv": lambda lines, unit: ours.read_ours(open_rows(lines), unit),
    "stronglifts": lambda lines, unit: read_stronglifts(open_rows(lines), unit),
    "alpha": read_alpha,
    "jefit": read_jefit,
}
FORMATS = (AUTO, *READERS)


def _keys(names: Mapping[str, tuple[str, ...]], field: str) -> set[str]:
    return {header_key(name) for name in names[field]}


def format_of(first_lines: list[str]) -> str:
    """The format the first lines of a file are in, from their shape and header; UnreadableFile if none."""
    lines = [line.lstrip("\ufeff") for line in first_lines if line.strip(" \r\n\ufeff")]
    if any(is_jefit_section(line) for line in lines):
        return "jefit"
    if any(is_alpha_table_header(line) for line in lines):
        return "alpha"
    if not lines:
        raise UnreadableFile("the file is empty")
    header_line = lines[1] if lines[0].lower().startswith("sep=") and len(lines) > 1 else lines[0]
    delimiter = max((",", ";", "\t"), key=header_line.count)
    keys = {header_key(cell) for cell in next(csv.reader([header_line], delimiter=delimiter))}
    if keys & _keys(hevy.COLUMNS, "exercise") and keys & _keys(hevy.COLUMNS, "start_time"):
        return "hevy"
    if "exercise_id" in keys or {"session", "exercise_name"} <= keys:
        return "csv"
    if keys & _keys(strong.COLUMNS, "set_order"):
        return "strong"
    if blocks_of(list(keys)) and any(key.startswith("set 1") for key in keys):
        return "stronglifts"
    if keys & _keys(fitnotes.COLUMNS, "exercise") and keys & _keys(fitnotes.COLUMNS, "reps"):
        return "fitnotes"
    found = header_line.strip()[:120]
    raise UnreadableFile(
        f"not an export of a format we read (found: {found}); name it with --from {'|'.join(READERS)}"
    )


def read_export(
    stream: TextIO, source: str, library: Mapping[str, Exercise], default_unit: Unit,
    sink: Callable[[SessionLog], None] | None = None,
) -> ImportResult:
    """Sessions (to `sink`, else in the result) and a report from one export, its format found first for `auto`;
    UnreadableFile if it is not one."""
    lines: Iterator[str] = iter(stream)
    if source == AUTO:
        try:
            first = list(itertools.islice(lines, LINES_LOOKED_AT))
        except UnicodeDecodeError:
            raise UnreadableFile("not UTF-8 text") from None
        source = format_of(first)
        lines = itertools.chain(first, lines)
    parsed = READERS[source](lines, default_unit)
    result = ImportResult(source=source, unknown_columns=parsed.unknown_columns, assumed_unit=parsed.assumed_unit)
    return build_sessions(parsed.outcomes, result, library, default_unit, sink)


def read_export_file(
    path: Path, source: str, library: Mapping[str, Exercise], default_unit: Unit,
    sink: Callable[[SessionLog], None] | None = None,
) -> ImportResult:
    """The export at `path`, streamed (a byte-order mark is dropped); OSError or UnreadableFile if unreadable.

    With a sink, each session goes to it as soon as it is read, and none is kept.
    """
    with io.TextIOWrapper(open_plain_file(path), encoding="utf-8-sig", newline="") as stream:
        return read_export(stream, source, library, default_unit, sink)
