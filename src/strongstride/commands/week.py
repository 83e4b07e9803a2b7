"""`strongstride week`: the next seven days, each with its runs and the suggested strength session and why."""

from __future__ import annotations

import argparse
from datetime import date

from rich.text import Text

from strongstride.commands.context import context_or_report, output_console
from strongstride.commands.today import headline, runs_text
from strongstride.engine.week import Suggestion, long_date, suggest_week
from strongstride.model.config import RunningWeek
from strongstride.model.visible_text import visible


def deciding_reason(suggestion: Suggestion) -> str:
    """The reason that settles the day: its warning, else the last reason given."""
    return suggestion.warning or suggestion.reasons[-1]


def day_line(suggestion: Suggestion, running: RunningWeek) -> Text:
    """One day: date, runs, the strength advice and the reason for it."""
    line = Text(visible(f"{suggestion.day:%a %d %b}  {runs_text(suggestion, running):<18}  "))
    line.append(visible(f"strength: {headline(suggestion)}"), style="bold" if suggestion.train else "")
    line.append(visible(f" - {deciding_reason(suggestion)}"), style="yellow" if suggestion.warning else "")
    return line


def week_lines(suggestions: list[Suggestion], plan_name: str, running: RunningWeek) -> list[Text]:
    """A heading naming the plan and the first day's phase, then one line a day."""
    first = suggestions[0]
    heading = f"From {long_date(first.day)} - {plan_name}, {first.weekly_target} sessions a week"
    if first.phase is not None:
        heading += f"; phase: {first.phase.describe()}"
    return [Text(visible(heading), style="bold"), *(day_line(s, running) for s in suggestions)]


def run(args: argparse.Namespace) -> int:
    """Print the next seven days; 1 with the problems when the plan cannot be loaded."""
    context = context_or_report(args.plan)
    if context is None:
        return 1
    config = context.config
    suggestions = suggest_week(context.plan, context.library, config.running, config.plan_started,
                               context.past_sessions(date.today()), date.today())
    console = output_console()
    for line in week_lines(suggestions, context.plan.name, config.running):
        console.print(line)
    return 0
