"""One export read from a stream into sessions: pick the layout's reader, then gather the sessions."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TextIO

from strongstride.importers.csv_source import CsvRows, open_rows
from strongstride.importers.fitnotes import read_fitnotes
from strongstride.importers.hevy import read_hevy
from strongstride.importers.ours import read_ours
from strongstride.importers.rows import ParsedFile
from strongstride.importers.sessions import ImportResult, build_sessions
from strongstride.importers.strong import read_strong
from strongstride.model.exercise import Exercise
from strongstride.model.toml_file import open_plain_file
from strongstride.model.units import Unit

READERS: dict[str, Callable[[CsvRows, Unit], ParsedFile]] = {
    "strong": read_strong,
    "hevy": read_hevy,
    "fitnotes": read_fitnotes,
    "csv": read_ours,
}


def read_export(stream: TextIO, source: str, library: Mapping[str, Exercise], default_unit: Unit) -> ImportResult:
    """Sessions and a report from one export; UnreadableFile when the file is not that app's CSV at all."""
    parsed = READERS[source](open_rows(stream), default_unit)
    result = ImportResult(source=source, unknown_columns=parsed.unknown_columns, assumed_unit=parsed.assumed_unit)
    return build_sessions(parsed.outcomes, result, library, default_unit)


def read_export_file(path: Path, source: str, library: Mapping[str, Exercise], default_unit: Unit) -> ImportResult:
    """The export at `path`, streamed (a byte-order mark is dropped); OSError or UnreadableFile if unreadable."""
    with io.TextIOWrapper(open_plain_file(path), encoding="utf-8-sig", newline="") as stream:
        return read_export(stream, source, library, default_unit)
