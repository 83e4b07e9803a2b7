"""Alpha Progression's block export: a workout's title line, then `"date",duration`, then for each exercise its
name, a `#,KG,REPS` (or `#,LBS,REPS`) line and one `n,weight,reps` line a set (`W` before n for a warm-up)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from datetime import timedelta

from strongstride.importers.cells import BadCell, parse_amount, parse_datetime, parse_duration, parse_unit, parse_whole
from strongstride.importers.rows import BadRow, HeadingRow, ParsedFile, RowOutcome, RowSet, Workout
from strongstride.model.log import SetKind
from strongstride.model.units import Unit

LAYOUT = "Alpha Progression"
TABLE_HEADER = re.compile(r"^#\s*[,;]\s*(kgs?|lbs?)\s*[,;]\s*reps", re.IGNORECASE)
SET_NUMBER = re.compile(r"^(w?)\s*(\d+)$", re.IGNORECASE)


def is_alpha_table_header(line: str) -> bool:
    """True for the `#,KG,REPS` line that starts an exercise's sets."""
    return bool(TABLE_HEADER.match(line.strip().lstrip("\ufeff")))


class _Reader:
    """The state of a read: the workout and exercise the lines below belong to."""

    def __init__(self, default_unit: Unit) -> None:
        self.unit = default_unit
        self.workout: Workout | None = None
        self.exercise = ""
        self.title = ""
        self.pending: tuple[int, str] | None = None     # a text line whose role the next line tells

    def line(self, number: int, text: str) -> Iterator[RowOutcome]:
        cells = next(csv.reader([text]))
        header = TABLE_HEADER.match(text)
        if header:
            yield from self._heading_for(number, "exercise")
            self.unit = parse_unit(header.group(1), "unit") or self.unit
            yield HeadingRow(number)
        elif self._is_date_line(cells):
            yield from self._heading_for(number, "workout")
            yield from self._start_workout(number, cells)
        elif SET_NUMBER.match(cells[0].strip()) and self.exercise and len(cells) >= 3:
            yield from self.flush_pending()
            yield self._set(number, cells)
        else:
            yield from self.flush_pending()
            self.pending = (number, text.strip())

    @staticmethod
    def _is_date_line(cells: list[str]) -> bool:
        try:
            parse_datetime(cells[0], "date")
        except BadCell:
            return False
        return True

    def _heading_for(self, number: int, role: str) -> Iterator[RowOutcome]:
        if self.pending is None:
            if role == "exercise":
                yield BadRow(number, "a #,KG,REPS line with no exercise name before it")
            return
        line, text = self.pending
        self.pending = None
        if role == "exercise":
            self.exercise = text.strip('"')
        else:
            self.title = text.strip('"')
        yield HeadingRow(line)

    def flush_pending(self) -> Iterator[RowOutcome]:
        if self.pending is not None:
            yield BadRow(self.pending[0], f"{self.pending[1][:40]!r} is not a workout, exercise or set line")
            self.pending = None

    def _start_workout(self, number: int, cells: list[str]) -> Iterator[RowOutcome]:
        started = parse_datetime(cells[0], "date")
        title = self.title or "Alpha Progression workout"
        self.title = ""
        try:
            duration = parse_duration(cells[1], "duration") if len(cells) > 1 else None
        except BadCell:
            duration = None
        self.workout = Workout(key=f"{started.isoformat()}|{number}", started_at=started, name=title,
                               finished_at=started + timedelta(seconds=duration) if duration else None)
        self.exercise = ""
        yield HeadingRow(number)

    def _set(self, number: int, cells: list[str]) -> RowOutcome:
        if self.workout is None:
            return BadRow(number, "a set before any workout's date line")
        marker = SET_NUMBER.match(cells[0].strip())
        kind: SetKind = "warmup" if marker and marker.group(1) else "work"
        try:
            return RowSet(line=number, workout=self.workout, exercise_name=self.exercise, unit=self.unit, kind=kind,
                          load=parse_amount(cells[1], "weight"), reps=parse_whole(cells[2], "reps"))
        except BadCell as problem:
            return BadRow(number, str(problem))


def read_alpha(lines: Iterable[str], default_unit: Unit) -> ParsedFile:
    """Every line of an Alpha Progression export as a heading, a set or a bad line, streamed."""
    reader = _Reader(default_unit)

    def outcomes() -> Iterator[RowOutcome]:
        for number, text in enumerate(lines, start=1):
            text = text.lstrip("\ufeff").rstrip("\r\n")
            if text.strip():
                yield from reader.line(number, text)
        yield from reader.flush_pending()

    return ParsedFile(outcomes(), (), None)
