"""`strongstride stats`: sessions per week against the plan, personal records and volume per month, from the index."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from strongstride.commands.context import context_or_report, output_console
from strongstride.services.records import (
    EMPTY_HISTORY, ExerciseRecords, adherence_line, amount, all_time_records, exercise_name, rounded, session_day,
    sessions_per_week, volume_per_month,
)
from strongstride.commands.render import Column, Output, bar, print_line, print_table
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.units import Unit
from strongstride.store.history import HistoryStore
from strongstride.model.session_summary import SessionSummary

MONTHS_OF_VOLUME = 12
NO_VOLUME = "None yet: volume is load x reps, and bodyweight, band and hold work carry no load."
BAR_WIDTH = 20


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


def show_volume(console: Output, summaries: Sequence[SessionSummary], today: date, unit: Unit) -> None:
    """Load x reps per month for the last MONTHS_OF_VOLUME months, with a bar for the shape of it."""
    print_line(console, f"Volume per month ({unit})", style="bold")
    months = volume_per_month(summaries, MONTHS_OF_VOLUME, today, unit)
    largest = max((volume for _, volume in months), default=0.0)
    if not largest:
        last = next((s for s in reversed(summaries) if s.volume), None)   # reads back only until one is found
        print_line(console, NO_VOLUME if last is None else
                   f"None in the last {MONTHS_OF_VOLUME} months; the last loaded session was on {session_day(last)}.")
        return
    rows = [(f"{month:%Y-%m}", rounded(volume), bar(volume, largest, BAR_WIDTH, plain=not console.is_terminal))
            for month, volume in months]
    print_table(console, (Column("Month"), Column("Volume", numeric=True), Column("")), rows)


def run(args: argparse.Namespace) -> int:
    """Print adherence, records and volume; 1 when the plan cannot be loaded, 2 for a bad --weeks."""
    if args.weeks < 1:
        print(f"strongstride stats: --weeks must be 1 or more, not {args.weeks}", file=sys.stderr)
        return 2
    context = context_or_report(args.plan, rescan=args.rescan)
    if context is None:
        return 1
    console = output_console()
    summaries = context.history.summaries
    if not summaries:
        print_line(console, EMPTY_HISTORY)
        return 0
    today, unit = date.today(), context.config.units
    show_adherence(console, summaries, args.weeks, context.plan.sessions_per_week, context.plan.name, today)
    console.print()
    show_records(console, all_time_records(context.history, unit, HistoryStore.default()), context.library,
                 context.config.body_weight)
    console.print()
    show_volume(console, summaries, today, unit)
    return 0
