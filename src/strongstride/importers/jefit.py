"""JEFIT's multi-section CSV: `### WORKOUT SESSIONS ###` (when each session started and how long it took) and
`### EXERCISE LOGS ###` (one row an exercise a session, its sets in `logs` as `60x8,62.5x8`); other sections
(routines, body stats, settings) are not workouts and are passed over."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta

from strongstride.importers.cells import BadCell, parse_amount, parse_datetime, parse_whole
from strongstride.importers.csv_source import header_key
from strongstride.importers.rows import BadRow, HeadingRow, ParsedFile, RowOutcome, RowSet, Workout
from strongstride.model.units import Unit

LAYOUT = "JEFIT"
WORKOUT_NAME = "JEFIT workout"
SESSIONS = "workout sessions"
LOGS = "exercise logs"
SECTION = re.compile(r"^#+\s*(.*?)\s*#+\s*$")
LOGGED_SET = re.compile(r"^\s*([\d.]+)\s*x\s*(\d+)\s*$", re.IGNORECASE)


def is_jefit_section(line: str) -> bool:
    """True for a `### NAME ###` line that starts a section."""
    return bool(SECTION.match(line.strip().lstrip("\ufeff")))


def _moment(text: str) -> datetime:
    """A start time as JEFIT writes it: Unix seconds, or a date and time."""
    text = text.strip()
    if text.isdecimal():
        return datetime.fromtimestamp(int(text))
    return parse_datetime(text, "starttime")


class _Sections:
    """Which section a line is in, its header, and the sessions read so far by id."""

    def __init__(self, default_unit: Unit) -> None:
        self.unit = default_unit
        self.section = ""
        self.header: list[str] | None = None
        self.sessions: dict[str, Workout] = {}

    def line(self, number: int, cells: list[str]) -> Iterator[RowOutcome]:
        if self.header is None:
            self.header = [header_key(cell) for cell in cells]
            return
        row = dict(zip(self.header, cells))
        if self.section == SESSIONS:
            yield self._session(number, row)
        elif self.section == LOGS:
            yield from self._logged_sets(number, row)

    def _session(self, number: int, row: dict[str, str]) -> RowOutcome:
        try:
            started = _moment(row.get("starttime", "") or row.get("mydate", ""))
            seconds = parse_whole(row.get("total_time", ""), "total_time")
        except BadCell as problem:
            return BadRow(number, str(problem))
        key = row.get("_id", str(number))
        self.sessions[key] = Workout(key=key, started_at=started, name=WORKOUT_NAME,
                                     finished_at=started + timedelta(seconds=seconds) if seconds else None)
        return HeadingRow(number)

    def _logged_sets(self, number: int, row: dict[str, str]) -> Iterator[RowOutcome]:
        try:
            workout = self.sessions.get(row.get("belongsession", "")) or self._day_workout(row.get("mydate", ""))
        except BadCell as problem:
            yield BadRow(number, str(problem))
            return
        name = row.get("ename", "").strip()
        for logged in [part for part in row.get("logs", "").split(",") if part.strip()] or [""]:
            match = LOGGED_SET.match(logged)
            if not name or (logged and not match):
                yield BadRow(number, f"logs {logged!r} is not weight x reps" if name else "ename is empty")
                continue
            try:
                load = parse_amount(match.group(1), "logs") if match else None
                reps = parse_whole(match.group(2), "logs") if match else None
            except BadCell as problem:
                yield BadRow(number, str(problem))
                continue
            yield RowSet(line=number, workout=workout, exercise_name=name, unit=self.unit, load=load, reps=reps)

    @staticmethod
    def _day_workout(day: str) -> Workout:
        started = parse_datetime(day, "mydate")
        return Workout(key=started.isoformat(), started_at=started, name=WORKOUT_NAME)


def read_jefit(lines: Iterable[str], default_unit: Unit) -> ParsedFile:
    """Every session row and every logged set of a JEFIT export, streamed; other sections passed over."""
    sections = _Sections(default_unit)

    def outcomes() -> Iterator[RowOutcome]:
        for number, text in enumerate(lines, start=1):
            text = text.lstrip("\ufeff").strip()
            section = SECTION.match(text)
            if section:
                sections.section, sections.header = section.group(1).lower(), None
            elif text and sections.section in (SESSIONS, LOGS):
                yield from sections.line(number, next(csv.reader([text])))

    return ParsedFile(outcomes(), (), default_unit)
