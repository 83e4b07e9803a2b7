"""`strongstride week`: the next seven days, each with its runs and the suggested strength session and why."""

from __future__ import annotations

import argparse
from datetime import datetime

from rich.text import Text

from strongstride.commands.context import context_or_report, output_console, print_problems
from strongstride.services.running_calendar import RunningCalendar, load_running_calendar
from strongstride.commands.today import headline, runs_text
from strongstride.engine.week import Suggestion, long_date, suggest_week
from strongstride.model.config import RunningWeek
from strongstride.model.sources import name_sources
from strongstride.model.visible_text import visible


def deciding_reason(suggestion: Suggestion) -> str:
    """The reason that settles the day: its warning, else the last reason given, its sources named by title."""
    return name_sources(suggestion.warning or suggestion.reasons[-1])


def day_line(suggestion: Suggestion, running: RunningWeek) -> Text:
    """One day: date, runs, the strength advice (and when) and the reason for it."""
    line = Text(visible(f"{suggestion.day:%a %d %b}  {runs_text(suggestion, running):<18}  "))
    line.append(visible(f"strength: {headline(suggestion)}"), style="bold" if suggestion.train else "")
    if suggestion.train and suggestion.timing is not None and suggestion.timing.at is not None:
        line.append(f" ({suggestion.timing.text.split(',')[0]})")
    if suggestion.recovery_line is not None:
        line.append(f" [{suggestion.recovery_line}]")
    line.append(visible(f" - {deciding_reason(suggestion)}"), style="yellow" if suggestion.warning else "")
    return line


def week_lines(suggestions: list[Suggestion], plan_name: str, running: RunningWeek) -> list[Text]:
    """A heading naming the plan and the first day's phase, then one line a day."""
    first = suggestions[0]
    heading = f"From {long_date(first.day)} - {plan_name}, {first.weekly_target} sessions a week"
    if first.phase is not None:
        heading += f"; phase: {first.phase.describe()}"
    return [Text(visible(heading), style="bold"), *(day_line(s, running) for s in suggestions)]


def why_lines(suggestions: list[Suggestion], calendar: RunningCalendar) -> list[Text]:
    """How each calendar event of these days was read: its kind and the rule that decided, or not training."""
    shown = {s.day for s in suggestions}
    lines = [Text("How your calendar was read:", style="bold")]
    for suggestion in suggestions:
        for run in suggestion.runs:
            when = f"{run.start:%H:%M}" if run.start else "all day"
            lines.append(Text(visible(f"  {run.day:%a %d %b} {when:<7}  {run.title} -> {run.kind} ({run.why})")))
    for event in calendar.not_training:
        if event.day in shown:
            lines.append(Text(visible(f"  {event.day:%a %d %b} {'':<7}  {event.title} -> not training "
                                      "(no running, race, strength or cross-training word, and no distance)")))
    if calendar.runs is None:
        lines.append(Text("  No calendar was read: the runs come from the weekday lists in config."))
    return lines


def run(args: argparse.Namespace) -> int:
    """Print the next seven days; 1 with the problems when the plan cannot be loaded."""
    context = context_or_report(args.plan)
    if context is None:
        return 1
    config, now = context.config, datetime.now()
    calendar = load_running_calendar(config.running, now.date(), now)
    print_problems(calendar.problems)
    suggestions = suggest_week(context.plan, context.library, config.running, config.plan_started,
                               context.past_sessions(now.date()), now.date(), calendar=calendar.runs)
    console = output_console()
    lines = week_lines(suggestions, context.plan.name, config.running)
    lines += [Text(visible(note), style="yellow") for note in calendar.notes]
    if args.why:
        lines += why_lines(suggestions, calendar)
    for line in lines:
        console.print(line)
    return 0
