"""StrongLifts 5x5's CSV export: one row per workout, then a block of columns per exercise (its name, its
weight under `Weight (KG)` or `Weight (LB)`, and `Set 1` to `Set 5` holding the reps done)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta

from strongstride.importers.cells import (
    BadCell, note_text, parse_amount, parse_datetime, parse_duration, parse_whole, unit_in_header,
)
from strongstride.importers.csv_source import CsvRows, UnreadableFile, header_key
from strongstride.importers.rows import BadRow, ParsedFile, RowOutcome, RowSet, Workout
from strongstride.model.units import Unit

LAYOUT = "StrongLifts"
WORKOUT_NAME = "StrongLifts workout"
_EXERCISE = re.compile(r"exercise(?: \d+)?$")
_SET = re.compile(r"set (\d+)$")
_WORKOUT_COLUMNS = {"date": ("date",), "name": ("workout", "workout name"), "duration": ("duration",),
                    "notes": ("note", "notes")}


@dataclass(frozen=True)
class Block:
    """One exercise's columns: its name, its weight (and the unit the header names), its set columns."""

    name_at: int
    weight_at: int | None
    unit: Unit | None
    sets_at: tuple[int, ...]


def blocks_of(header: Sequence[str]) -> list[Block]:
    """The exercise blocks of a StrongLifts header, in order."""
    keys = [header_key(cell) for cell in header]
    starts = [i for i, key in enumerate(keys) if _EXERCISE.match(key)]
    blocks = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(keys)
        weight_at = next((i for i in range(start + 1, end) if keys[i].startswith("weight")), None)
        sets_at = tuple(i for i in range(start + 1, end) if _SET.match(keys[i]))
        unit = unit_in_header(keys[weight_at]) if weight_at is not None else None
        blocks.append(Block(start, weight_at, unit, sets_at))
    return blocks


def _cell(row: Sequence[str], at: int | None) -> str:
    return row[at].strip() if at is not None and at < len(row) else ""


def read_stronglifts(rows: CsvRows, default_unit: Unit) -> ParsedFile:
    """Every filled set cell of a StrongLifts export as a set (or a bad row), streamed."""
    blocks = blocks_of(rows.header)
    keys = [header_key(cell) for cell in rows.header]
    at = {field: next((i for i, key in enumerate(keys) if key in names), None)
          for field, names in _WORKOUT_COLUMNS.items()}
    if at["date"] is None or not blocks:
        raise UnreadableFile("not a StrongLifts export: no Date column or no Exercise, Weight and Set 1 columns")
    assumed = default_unit if any(block.unit is None for block in blocks) else None

    def outcomes() -> Iterator[RowOutcome]:
        for line, row in rows.rows:
            try:
                started = parse_datetime(_cell(row, at["date"]), "Date")
                duration = parse_duration(_cell(row, at["duration"]), "Duration")
            except BadCell as problem:
                yield BadRow(line, str(problem))
                continue
            name = _cell(row, at["name"]) or WORKOUT_NAME
            workout = Workout(key=f"{started.isoformat()}|{line}", started_at=started, name=name,
                              finished_at=None if duration is None else started + timedelta(seconds=duration),
                              note=note_text(_cell(row, at["notes"]), literal_breaks=True))
            for block in blocks:
                yield from _block_sets(line, row, block, workout, default_unit)

    return ParsedFile(outcomes(), (), assumed)


def _block_sets(line: int, row: Sequence[str], block: Block, workout: Workout, unit: Unit) -> Iterator[RowOutcome]:
    exercise = _cell(row, block.name_at)
    filled = [at for at in block.sets_at if _cell(row, at)]
    if not exercise or not filled:
        return
    try:
        load = parse_amount(_cell(row, block.weight_at), "Weight")
    except BadCell as problem:
        yield from (BadRow(line, str(problem)) for _ in filled)
        return
    for at in filled:
        try:
            reps = parse_whole(_cell(row, at), "Set")
        except BadCell as problem:
            yield BadRow(line, str(problem))
            continue
        yield RowSet(line=line, workout=workout, exercise_name=exercise, unit=block.unit or unit, reps=reps, load=load)
