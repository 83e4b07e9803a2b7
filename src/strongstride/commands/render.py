"""Tables and small charts for the plain commands: Rich on a terminal, aligned plain text in a pipe or file."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from strongstride.model.visible_text import visible

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
BAR_BLOCK = "█"
PLAIN_BAR = "#"


class Output(Protocol):
    """Where a command prints: a Rich console on a terminal, or PlainOutput."""

    @property
    def is_terminal(self) -> bool: ...

    def print(self, *objects: object) -> None: ...


class PlainOutput:
    """Standard output in a pipe or a file: plain text, with no Rich console (most of a command's start-up) to load."""

    is_terminal = False

    def print(self, *objects: object) -> None:
        """Like Console.print into a pipe: each object's text (a Text's without its styles), a space between."""
        print(*objects)


def print_line(output: Output, text: str, style: str = "") -> None:
    """One line of text, which may come from the user's files: printed literally, never read as Rich markup."""
    if isinstance(output, PlainOutput):
        output.print(visible(text))
        return
    from rich.text import Text

    output.print(Text(visible(text), style=style))


def styled_output_possible() -> bool:
    """Whether Rich could style standard output: a terminal, or FORCE_COLOR / TTY_COMPATIBLE saying to, and no NO_COLOR.

    NO_COLOR (https://no-color.org) set to anything but empty wins: plain text, with no escape code at all.
    """
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR")) or "TTY_COMPATIBLE" in os.environ


def output_console() -> Output:
    """Standard output: a Rich console on a terminal (styled, never wrapped), plain text when piped."""
    if not styled_output_possible():
        return PlainOutput()
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True, emoji=False)


def print_chart(output: Output, drawn: str) -> None:
    """A chart drawn as text, with its ANSI colours when it has any (they become styles on a Rich console)."""
    if isinstance(output, PlainOutput):
        output.print(drawn)
        return
    from rich.text import Text

    output.print(Text.from_ansi(drawn))


class Column(NamedTuple):
    """A table column: its heading, and whether it holds numbers (aligned right so digits line up)."""

    heading: str
    numeric: bool = False
    no_wrap: bool = False     # ids and dates: never broken over two lines


def print_table(console: Output, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
    """Rows under their headings: a Rich table on a terminal, plain aligned text (no box characters) otherwise.

    Cells are printed literally, never read as Rich markup, since they come from the user's files.
    """
    if not console.is_terminal:
        for line in plain_table_lines(columns, rows):
            print_line(console, line)
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column.heading, justify="right" if column.numeric else "left", no_wrap=column.no_wrap)
    for row in rows:
        table.add_row(*(Text(visible(cell)) for cell in row))
    console.print(table)


def plain_table_lines(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> list[str]:
    """The heading and each row as columns two spaces apart, numbers aligned right, no trailing spaces."""
    lines = [tuple(column.heading for column in columns), *(tuple(visible(cell) for cell in row) for row in rows)]
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
