"""`strongstride stats`: sessions per week against the plan, personal records and volume per month, from the index."""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from strongstride.commands.context import heading_or_report, output_console
from strongstride.services.records import (
    EMPTY_HISTORY, ExerciseRecords, adherence_line, amount, all_time_records, every_exercise_progress, exercise_name,
    session_day, sessions_per_week, work_cell, work_figures, work_heading, work_per_month,
)
from strongstride.commands.render import Column, Output, bar, print_chart, print_line, print_table
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.units import Unit
from strongstride.model.session_summary import SessionSummary

if TYPE_CHECKING:
    from strongstride.services.loading import Basics
    from strongstride.services.plan_loading import PlanHeading

MONTHS_OF_WORK = 12
BAR_WIDTH = 20
PLOT_HEIGHT = 14
PLAIN_PLOT_WIDTH = 80          # in a pipe or a file
MAX_PLOT_WIDTH = 120
PLOT_COLOURS = ((70, 160, 230), (230, 150, 50), (210, 80, 80))   # the series, then the target line


def record_rows(records: ExerciseRecords, body_weight: float | None) -> list[tuple[str, str, str]]:
    """Each record of one exercise as (what, best, date): e1RM, heaviest per rep count, longest hold, bodyweight reps.

    With the runner's body weight (in `unit`), the best e1RM also reads as a multiple of it: each stride
    puts 1.5 to 3 times body weight through a leg (seeds 000 and 001), so that is the strength that counts.
    """
    rows = [(what, amount(record, label), f"{record.on:%Y-%m-%d}") for what, record, label in records.entries()]
    if body_weight and records.best_e1rm is not None:
        what, best, on = rows[0]
        rows[0] = (what, f"{best} = {records.best_e1rm.value / body_weight:.2f}x body weight", on)
    return rows


def show_adherence(console: Output, summaries: Sequence[SessionSummary], weeks: int, target: int, plan_name: str,
                   today: date) -> None:
    """Sessions per ISO week for the last `weeks` weeks against the plan's weekly target."""
    counts = sessions_per_week(summaries, weeks, today)
    print_line(console, f"Sessions per week - target {target} ({plan_name})", style="bold")
    rows = [(f"{week.start:%Y-%m-%d}", str(week.sessions),
             "this week" if week is counts[-1] else "yes" if week.sessions >= target else "no")
            for week in counts]
    print_table(console, (Column("Week of"), Column("Sessions", numeric=True), Column("Target met")), rows)
    print_line(console, adherence_line(counts, target))


def show_records(console: Output, records: dict[str, ExerciseRecords], library: ExerciseLibrary,
                 body_weight: float | None) -> None:
    """Every exercise's personal records, by name, each with the day it was set."""
    print_line(console, "Personal records", style="bold")
    named = [(exercise_name(r.exercise_id, r.name, library), r) for r in records.values()]
    rows = []
    for name, exercise in sorted(named, key=lambda pair: pair[0].casefold()):
        for position, (what, best, on) in enumerate(record_rows(exercise, body_weight)):
            rows.append((name if position == 0 else "", what, best, on))
    print_table(console, (Column("Exercise"), Column("Record"), Column("Best", numeric=True), Column("Date")), rows)


def show_work_per_month(console: Output, summaries: Sequence[SessionSummary], today: date, unit: Unit) -> None:
    """Volume, reps at bodyweight and time held per month for the last MONTHS_OF_WORK months: the columns with something in them."""
    print_line(console, "Work per month", style="bold")
    months = work_per_month(summaries, MONTHS_OF_WORK, today, unit)
    figures = work_figures(done for _, done in months)
    if not figures:
        print_line(console, f"None in the last {MONTHS_OF_WORK} months; the last session was on {session_day(summaries[-1])}.")
        return
    first = figures[0]
    largest = max(getattr(done, first) for _, done in months)
    rows = [(f"{month:%Y-%m}", *(work_cell(done, figure) for figure in figures),
             bar(getattr(done, first), largest, BAR_WIDTH, plain=not console.is_terminal)) for month, done in months]
    print_table(console, (Column("Month"), *(Column(work_heading(figure, unit), numeric=True) for figure in figures),
                          Column("")), rows)


def show_charts(console: Output, summaries: Sequence[SessionSummary], basics: Basics, plan: PlanHeading,
                weeks: int, today: date) -> None:
    """Sessions per week against the target, work per month and each exercise's progress, drawn, each with its words."""
    from strongstride.services import charts

    unit = basics.config.units
    drawn = [charts.weekly_sessions_chart(sessions_per_week(summaries, weeks, today), plan.sessions_per_week),
             *charts.monthly_charts(work_per_month(summaries, MONTHS_OF_WORK, today, unit), unit)]
    drawn += [chart for progress in every_exercise_progress(summaries, unit, basics.library)
              if (chart := charts.exercise_chart(progress)) is not None]
    colours = PLOT_COLOURS if console.is_terminal else None   # not in a pipe, nor under NO_COLOR (render.py)
    width = min(shutil.get_terminal_size().columns, MAX_PLOT_WIDTH) if console.is_terminal else PLAIN_PLOT_WIDTH
    for chart in drawn:
        console.print()
        print_chart(console, charts.chart_text(chart, width, PLOT_HEIGHT, colours))
        for line in charts.chart_words(chart)[1:]:   # the title is on the chart
            print_line(console, line)


def run(args: argparse.Namespace) -> int:
    """Print adherence, records and volume; 1 when the plan cannot be loaded, 2 for a bad --weeks."""
    if args.weeks < 1:
        print(f"strongstride stats: --weeks must be 1 or more, not {args.weeks}", file=sys.stderr)
        return 2
    loaded = heading_or_report(args.plan, rescan=args.rescan)
    if loaded is None:
        return 1
    basics, plan = loaded
    console = output_console()
    summaries = basics.index.summaries
    if not summaries:
        print_line(console, EMPTY_HISTORY)
        return 0
    today, unit = date.today(), basics.config.units
    show_adherence(console, summaries, args.weeks, plan.sessions_per_week, plan.name, today)
    console.print()
    show_records(console, all_time_records(basics.index, unit, basics.history), basics.library, basics.config.body_weight)
    console.print()
    show_work_per_month(console, summaries, today, unit)
    if args.plot:
        show_charts(console, summaries, basics, plan, args.weeks, today)
    return 0
