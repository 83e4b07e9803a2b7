"""Reading another app's CSV as a stream: delimiter, byte-order mark, columns found by name."""

from __future__ import annotations

import csv
import itertools
import operator
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from strongstride.importers.cells import from_formula_safe

DELIMITERS = (",", ";", "\t")


class UnreadableFile(Exception):
    """The file as a whole cannot be read as the export it claims to be (the message says why)."""


def header_key(name: str) -> str:
    """A header cell as it is compared: no BOM, quotes, case or accents, straight apostrophes, single spaces."""
    text = name.replace("\ufeff", "").replace("\u2019", "'").strip().strip('"').lower()
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(plain.split())


def _delimiter_of(header_line: str) -> str:
    """The separator the header uses most (Strong writes commas or semicolons, some tools tabs)."""
    return max(DELIMITERS, key=header_line.count)


@dataclass(frozen=True)
class Columns:
    """Where each field sits in this file's rows, and the header cells nobody asked for."""

    index: Mapping[str, int]
    unknown: tuple[str, ...]

    @classmethod
    def from_header(
        cls, header: Sequence[str], names: Mapping[str, tuple[str, ...]], required: Sequence[str], layout: str
    ) -> Columns:
        """Match header cells to fields by name, never by position; UnreadableFile if a required one is missing."""
        wanted = {header_key(alias): field for field, aliases in names.items() for alias in aliases}
        index: dict[str, int] = {}
        unknown: list[str] = []
        for position, cell in enumerate(header):
            field = wanted.get(header_key(cell))
            if field is None:
                if cell.strip():
                    unknown.append(cell.replace("\ufeff", "").strip())
            else:
                index.setdefault(field, position)
        missing = [names[field][0] for field in required if field not in index]
        if missing:
            found = ", ".join(cell.strip() for cell in header) or "nothing"
            raise UnreadableFile(
                f"not a {layout} export: no column {' or '.join(repr(m) for m in missing)} (found: {found})"
            )
        return cls(index, tuple(unknown))

    def has(self, field: str) -> bool:
        """True when the file has a column for the field."""
        return field in self.index

    def header_of(self, header: Sequence[str], field: str) -> str:
        """The header cell a field was found under, as compared (to read a unit from `Weight (kg)`)."""
        return header_key(header[self.index[field]]) if field in self.index else ""

    def cell(self, row: Sequence[str], field: str) -> str:
        """The row's cell for a field, stripped and with any formula guard taken off; empty when missing."""
        position = self.index.get(field)
        if position is None or position >= len(row):
            return ""
        return cell_text(row[position])

    def cells_of(self, fields: Sequence[str]) -> Callable[[Sequence[str]], list[str]]:
        """A reader of several fields at once: a row's cells for them, in order, as `cell` gives each.

        The positions are worked out here, once a file, so each row costs one look-up a cell.
        """
        width = max(self.index.values(), default=0) + 1
        padding = [""] * (width + 1)        # short rows read empty cells; the last one stands for missing fields
        take = operator.itemgetter(*(self.index.get(field, -1) for field in fields), -1)

        def cells(row: Sequence[str]) -> list[str]:
            texts = list(map(str.strip, take([*row, *padding])))
            joined = "\0".join(texts)
            if "\0'" in joined or joined[:1] == "'":    # a cell starting with ' may carry a formula guard
                texts = list(map(from_formula_safe, texts))
            texts.pop()
            return texts

        return cells


def cell_text(text: str) -> str:
    """A cell as a reader sees it: stripped, with any formula guard taken off."""
    text = text.strip()
    return from_formula_safe(text) if text[:1] == "'" else text


@dataclass
class CsvRows:
    """A CSV opened as a stream: its header, then (line number, cells) for every non-blank row."""

    header: list[str]
    rows: Iterator[tuple[int, list[str]]]


def open_rows(stream: Iterable[str]) -> CsvRows:
    """Read the header line (after a BOM, blank lines or a `sep=` hint), pick the delimiter, stream the rest."""
    stream = iter(stream)
    try:
        first, line_offset = _first_line(stream)
    except UnicodeDecodeError:
        raise UnreadableFile("not UTF-8 text") from None
    if not first.strip():
        raise UnreadableFile("the file is empty")
    delimiter = _delimiter_of(first)
    reader = csv.reader(itertools.chain([first], stream), delimiter=delimiter)
    header = _next_row(reader, line_offset)
    if header is None:
        raise UnreadableFile("the file is empty")
    return CsvRows(header=header, rows=_numbered_rows(reader, line_offset))


def _first_line(stream: Iterator[str]) -> tuple[str, int]:
    """The header line and its line number: blank lines, a BOM and a spreadsheet's `sep=` hint passed over."""
    line_number = 0
    for line in stream:
        line_number += 1
        text = line.lstrip("\ufeff")
        if text.lower().startswith("sep="):
            continue
        if text.strip():
            return text, line_number
    return "", line_number


def _next_row(reader: Any, line_offset: int) -> list[str] | None:
    try:
        row: list[str] = next(reader)
        return row
    except StopIteration:
        return None
    except (UnicodeDecodeError, csv.Error) as error:
        raise _unreadable(error, reader, line_offset) from None


def _unreadable(error: UnicodeDecodeError | csv.Error, reader: Any, line_offset: int) -> UnreadableFile:
    """What a reading error says: not UTF-8, or the line the CSV broke on."""
    if isinstance(error, UnicodeDecodeError):
        return UnreadableFile("not UTF-8 text")
    return UnreadableFile(f"line {reader.line_num + line_offset - 1}: {error}")


def _numbered_rows(reader: Any, line_offset: int) -> Iterator[tuple[int, list[str]]]:
    """Each row with the file line it starts on; blank lines are passed over."""
    while True:
        start = reader.line_num + line_offset
        try:
            row: list[str] = next(reader)
        except StopIteration:
            return
        except (UnicodeDecodeError, csv.Error) as error:
            raise _unreadable(error, reader, line_offset) from None
        if (row and row[0].strip()) or "".join(row).strip():   # not a blank line, nor cells all blank
            yield start, row

