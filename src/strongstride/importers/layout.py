"""What every layout's reader shares: columns found by name, the weight unit, rows streamed."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from strongstride.importers.cells import unit_in_header
from strongstride.importers.csv_source import Columns, CsvRows
from strongstride.importers.rows import ParsedFile, RowOutcome, Workout
from strongstride.model.units import Unit

RowReader = Callable[[int, list[str], Columns, Unit], RowOutcome]


class LastWorkout:
    """The workout of the row before, kept: an export repeats a workout's cells on each of its rows, and
    reading them once a workout (not once a row) is most of an import's speed."""

    def __init__(self) -> None:
        self.cells: Sequence[str] | None = None
        self.workout: Workout | None = None

    def of(self, cells: Sequence[str], read: Callable[[Sequence[str]], Workout]) -> Workout:
        """The workout of a row's workout cells: the one before when they are the same, else read anew."""
        if cells != self.cells or self.workout is None:
            self.workout = read(cells)
            self.cells = cells
        return self.workout


def file_weight_unit(columns: Columns, header: Sequence[str], default_unit: Unit) -> tuple[Unit, Unit | None]:
    """The unit for rows that name none, and that same unit again when it had to be assumed."""
    named = unit_in_header(columns.header_of(header, "weight"))
    if named is not None:
        return named, None
    if not columns.has("weight") or columns.has("weight_unit"):
        return default_unit, None
    return default_unit, default_unit


def read_layout(
    rows: CsvRows,
    layout: str,
    names: Mapping[str, tuple[str, ...]],
    required: Sequence[str],
    default_unit: Unit,
    read_row: RowReader,
) -> ParsedFile:
    """Match the header to a layout (UnreadableFile if it is not one), then read each row lazily."""
    columns = Columns.from_header(rows.header, names, required, layout)
    unit, assumed = file_weight_unit(columns, rows.header, default_unit)

    def outcomes() -> Iterator[RowOutcome]:
        for line, row in rows.rows:
            yield read_row(line, row, columns, unit)

    return ParsedFile(outcomes(), columns.unknown, assumed)
