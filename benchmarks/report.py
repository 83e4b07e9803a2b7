"""Figures and their targets, printed as one table: a row per figure, a column per size of history.

Each figure is measured in one run beside its yardstick; a ratio is only ever taken within that run.
The last columns say how the figure grew from the smallest history to the largest, and whether it
met its target at every size.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

LABEL_WIDTH = 46
CELL_WIDTH = 17


@dataclass(frozen=True)
class Target:
    """What the issue asks of a figure: its value (ms, MB) under `limit`, or its ratio to the yardstick at most that."""

    limit: float
    of_ratio: bool = False

    def met(self, figure: Figure) -> bool:
        """Whether the figure is within the target."""
        measured = figure.ratio if self.of_ratio else figure.value
        if measured is None:
            return False
        return measured <= self.limit if self.of_ratio else measured < self.limit

    def words(self, unit: str) -> str:
        """The target as the table prints it: <= 1.5x, < 20 ms."""
        return f"<= {self.limit:g}x" if self.of_ratio else f"< {self.limit:g} {unit}"


@dataclass(frozen=True)
class Figure:
    """One measured figure: its section of the report, what it is, its value and its multiple of the yardstick."""

    section: str
    label: str
    value: float
    unit: str = "ms"
    ratio: float | None = None
    target: Target | None = None


def amount(value: float, unit: str) -> str:
    """A value with as many decimals as make it readable: 1234.5 ms, 3.42 ms, 0.004 ms."""
    decimals = 1 if abs(value) >= 10 else 2 if abs(value) >= 1 else 3
    return f"{value:.{decimals}f} {unit}"


def cell(figure: Figure) -> str:
    """A figure's cell: its value, its ratio if it has a yardstick, and a ! when it missed its target."""
    text = amount(figure.value, figure.unit)
    if figure.ratio is not None:
        text += f" {figure.ratio:.2f}x"
    if figure.target is not None and not figure.target.met(figure):
        text += "!"
    return text


def years_heading(years: int) -> str:
    """A column's heading: 1 year, 30 years."""
    return f"{years} year" if years == 1 else f"{years} years"


def growth(figures: Sequence[Figure]) -> str:
    """How the figure (its ratio, when it has one) grew from the smallest history to the largest."""
    first, last = figures[0], figures[-1]
    if first.ratio is not None and last.ratio is not None:
        return f"{last.ratio / first.ratio:.2f}x"
    return f"{last.value / first.value:.2f}x" if first.value else "-"


def verdict(figures: Sequence[Figure], sizes: Sequence[int]) -> str:
    """Whether the figure met its target at every size, or at which sizes it missed."""
    target = figures[0].target
    if target is None:
        return ""
    missed = [years_heading(years) for years, figure in zip(sizes, figures) if not target.met(figure)]
    return f"{target.words(figures[0].unit)}: " + (f"missed at {', '.join(missed)}" if missed else "ok")


def table(by_size: Mapping[int, Sequence[Figure]], sessions: Mapping[int, int]) -> list[str]:
    """The report's lines: a heading row, the sessions in each history, then every figure by section."""
    sizes = sorted(by_size)
    many = len(sizes) > 1
    heading = "".join(f"{years_heading(years):>{CELL_WIDTH}}" for years in sizes)
    lines = [f"{'':<{LABEL_WIDTH}}{heading}" + (f"  {'growth':>7}" if many else "") + "  target",
             f"  {'sessions in the history':<{LABEL_WIDTH - 2}}"
             + "".join(f"{sessions[years]:>{CELL_WIDTH}}" for years in sizes)]
    rows: dict[tuple[str, str], list[Figure]] = {}
    for years in sizes:
        for figure in by_size[years]:
            rows.setdefault((figure.section, figure.label), []).append(figure)
    section = None
    for (row_section, label), figures in rows.items():
        if row_section != section:
            section = row_section
            lines.append(section)
        cells = "".join(f"{cell(figure):>{CELL_WIDTH}}" for figure in figures)
        trend = f"  {growth(figures):>7}" if many else ""
        lines.append(f"  {label:<{LABEL_WIDTH - 2}}{cells}{trend}  {verdict(figures, sizes)}".rstrip())
    return lines
