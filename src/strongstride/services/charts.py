"""Charts of progress with dates and values on their axes, drawn as terminal text by plotext, each with its words.

The numbers come from services/records.py; a chart here only shapes them (what series, what title, what
unit) and draws them to a given size. Every chart has a text alternative with the same numbers, for a
screen reader and for whoever would rather read than look. The History screen and `stats --plot` both
draw through this module.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from types import ModuleType

from strongstride.model.units import Unit
from strongstride.model.visible_text import visible
from strongstride.services.records import (
    ExerciseProgress, WeekCount, WorkDone, held_text, rounded, work_figures,
)

RGB = tuple[int, int, int]
LINE_MARKER = "hd"           # quarter blocks: twice the resolution of full blocks, in any terminal font
DAY_FORM = "%Y-%m-%d"
MONTH_FORM = "%Y-%m"
_plotext_lock = threading.Lock()   # plotext draws on one shared figure


@dataclass(frozen=True)
class Series:
    """One line or set of bars: its name and its (day, value) points, oldest first."""

    label: str
    points: tuple[tuple[date, float], ...]


@dataclass(frozen=True)
class Chart:
    """What one chart shows: a title, what its values count, its series, and whether it is bars per period."""

    title: str
    unit: str
    series: tuple[Series, ...]
    bars: bool = False             # one bar per week or month, else lines over the days
    target: float | None = None    # a level to meet, drawn across the chart
    date_form: str = DAY_FORM

    def value_text(self, value: float) -> str:
        """A value as the words and the axis say it."""
        return held_text(value) if self.unit == "m:ss" else rounded(value)


def exercise_chart(progress: ExerciseProgress) -> Chart | None:
    """An exercise's trend (e1RM, else longest hold, else most reps) and its heaviest set, over the days trained."""
    trend = progress.trend
    if trend is None:
        return None
    series = [Series(trend.measure, trend.points)]
    if progress.best_set is not None and progress.best_set.unit == trend.unit:
        series.append(Series(progress.best_set.measure, progress.best_set.points))
    name = visible(progress.name)   # from the runner's files: its control characters shown, never obeyed
    return Chart(f"{name}: {' and '.join(one.label for one in series)} ({trend.unit})", trend.unit, tuple(series))


def weekly_sessions_chart(weeks: Sequence[WeekCount], target: int) -> Chart:
    """Sessions in each week against the plan's weekly target."""
    points = tuple((week.start, float(week.sessions)) for week in weeks)
    return Chart(f"Sessions per week (target {target})", "sessions", (Series("sessions", points),), bars=True,
                 target=float(target))


def monthly_charts(months: Sequence[tuple[date, WorkDone]], unit: Unit) -> list[Chart]:
    """Volume and time held in each month, each only when some month has any."""
    figures = work_figures(done for _, done in months)
    charts = []
    if "volume" in figures:
        charts.append(Chart(f"Volume per month ({unit})", unit, (Series("volume", tuple(
            (month, done.volume) for month, done in months)),), bars=True, date_form=MONTH_FORM))
    if "hold_seconds" in figures:
        charts.append(Chart("Time held per month (m:ss)", "m:ss", (Series("held", tuple(
            (month, float(done.hold_seconds)) for month, done in months)),), bars=True, date_form=MONTH_FORM))
    return charts


def chart_text(chart: Chart, width: int, height: int, colours: Sequence[RGB] | None) -> str:
    """The chart drawn in `width` x `height` cells: ANSI colours from `colours` (one a series, the target's
    last), or no escape codes at all when `colours` is None."""
    import plotext   # 70 ms to import: only when a chart is drawn

    with _plotext_lock:
        plotext.clf()
        plotext.plotsize(max(width, 20), max(height, 6))
        plotext.theme("clear")
        palette = list(colours or [])
        if chart.bars:
            _draw_bars(plotext, chart, palette)
        else:
            _draw_lines(plotext, chart, palette, width)
        if chart.target is not None:
            plotext.hline(chart.target, palette[-1] if palette else "default")
        values = [value for one in chart.series for _, value in one.points] + [chart.target or 0.0]
        base = 60 if chart.unit == "m:ss" else 1   # time held: ticks on whole minutes
        low = min(0.0, *values) if chart.bars else min(values[:-1])
        ticks = [tick * base for tick in _value_ticks(low / base, max(values) / base, height)]
        plotext.ylim(ticks[0], ticks[-1])
        plotext.yticks(ticks, [chart.value_text(tick) for tick in ticks])
        plotext.title(chart.title)
        drawn: str = plotext.build()
    return drawn if colours is not None else plotext.uncolorize(drawn)


def _draw_bars(plotext: ModuleType, chart: Chart, palette: list[RGB]) -> None:
    """One bar a period, labelled by its date; plotext leaves out labels that would overlap."""
    points = chart.series[0].points
    plotext.bar([day.strftime(chart.date_form) for day, _ in points], [value for _, value in points],
                color=palette[0] if palette else "default", width=0.6)


def _draw_lines(plotext: ModuleType, chart: Chart, palette: list[RGB], width: int) -> None:
    """Each series a line over the days, on a date axis, at most two points a column (the best of those they span)."""
    plotext.date_form("Y-m-d")
    for number, one in enumerate(chart.series):
        points = best_of_spans(one.points, 2 * width)
        plotext.plot([day.strftime(DAY_FORM) for day, _ in points], [value for _, value in points],
                     marker=LINE_MARKER, label=one.label if len(chart.series) > 1 else None,
                     color=palette[number % len(palette)] if palette else "default")


def best_of_spans(points: Sequence[tuple[date, float]], most: int) -> list[tuple[date, float]]:
    """At most `most` points: each the best of an equal run of consecutive points, on its day; all of them if few.

    Thirty years of sessions are thousands of points for a chart some sixty columns wide: drawing each
    would take a third of a second and show no more.
    """
    if len(points) <= most:
        return list(points)
    edges = [round(n * len(points) / most) for n in range(most + 1)]
    return [max(points[start:end], key=lambda point: point[1]) for start, end in zip(edges, edges[1:])]


def _value_ticks(low: float, high: float, rows: int) -> list[float]:
    """Round values (steps of 1, 2, 2.5 or 5 times a power of ten, at least 1) from below `low` to above `high`."""
    if high <= low:   # a flat series: a band around it, never below zero for a count
        low, high = (low - 1 if low > 0 else low), high + 1
    wanted = (high - low) / max(2, min(5, rows // 3))
    magnitude = 10 ** math.floor(math.log10(wanted))
    step = max(1.0, next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= wanted))   # no half sessions
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(n * step, 6) for n in range(first, last + 1)]


def chart_words(chart: Chart) -> list[str]:
    """The chart's numbers in words: each period's value for bars, first, latest, lowest and highest for lines."""
    lines = [chart.title]
    if chart.bars:
        points = chart.series[0].points
        lines += [f"{day.strftime(chart.date_form)}: {chart.value_text(value)}" for day, value in points]
        return lines
    for one in chart.series:
        (first_day, first), (last_day, last) = one.points[0], one.points[-1]
        low_day, low = min(one.points, key=lambda point: point[1])
        high_day, high = max(one.points, key=lambda point: point[1])
        lines.append(
            f"{one.label}: {len(one.points)} session{'s' if len(one.points) != 1 else ''}, "
            f"first {chart.value_text(first)} on {first_day:{DAY_FORM}}, latest {chart.value_text(last)} on "
            f"{last_day:{DAY_FORM}}, lowest {chart.value_text(low)} on {low_day:{DAY_FORM}}, "
            f"highest {chart.value_text(high)} on {high_day:{DAY_FORM}}.")
    return lines
