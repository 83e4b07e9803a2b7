"""Tables and small charts for the plain commands: Rich on a terminal, aligned plain text in a pipe or file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
BAR_BLOCK = "█"
PLAIN_BAR = "#"


@dataclass(frozen=True)
class Column:
    """A table column: its heading, and whether it holds numbers (aligned right so digits line up)."""

    heading: str
    numeric: bool = False


def print_table(console: Console, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
    """Rows under their headings: a Rich table on a terminal, plain aligned text (no box characters) otherwise.

    Cells are printed literally, never read as Rich markup, since they come from the user's files.
    """
    if not console.is_terminal:
        for line in plain_table_lines(columns, rows):
            console.print(Text(line))
        return
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column.heading, justify="right" if column.numeric else "left")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    console.print(table)


def plain_table_lines(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> list[str]:
    """The heading and each row as columns two spaces apart, numbers aligned right, no trailing spaces."""
    lines = [tuple(column.heading for column in columns), *rows]
    widths = [max(len(line[position]) for line in lines) for position in range(len(columns))]
    return [
        "  ".join(
            cell.rjust(width) if column.numeric else cell.ljust(width)
            for cell, width, column in zip(line, widths, columns)
        ).rstrip()
        for line in lines
    ]


def sparkline(values: Sequence[float]) -> str:
    """One block per value, low to high (▁ to █); a flat series sits in the middle."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARK_BLOCKS[len(SPARK_BLOCKS) // 2] * len(values)
    top = len(SPARK_BLOCKS) - 1
    return "".join(SPARK_BLOCKS[round((value - low) / (high - low) * top)] for value in values)


def bar(value: float, largest: float, width: int, plain: bool) -> str:
    """A bar of up to `width` blocks in proportion to `largest`; `#` when plain; any value above 0 shows."""
    if largest <= 0 or value <= 0:
        return ""
    blocks = max(1, round(value / largest * width))
    return (PLAIN_BAR if plain else BAR_BLOCK) * blocks
