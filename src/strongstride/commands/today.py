"""`strongstride today`: the suggested strength session (or rest), where the plan stands, and every reason."""

from __future__ import annotations

import argparse
from datetime import datetime

from rich.text import Text

from strongstride.commands.context import context_or_report, output_console, print_problems
from strongstride.services.running_calendar import RunningCalendar, load_running_calendar
from strongstride.engine.phases import describe_volume
from strongstride.engine.week import Suggestion, long_date, running_paused, suggest_day
from strongstride.model.config import RunningWeek
from strongstride.model.kit import missing_kit, missing_kit_words
from strongstride.model.sources import name_sources
from strongstride.model.visible_text import visible


def headline(suggestion: Suggestion) -> str:
    """What to do on the day: the session's id and name (and a lighter volume), or rest from strength."""
    if not suggestion.train or suggestion.session_id is None:
        return "rest from strength"
    volume = f" ({describe_volume(suggestion.volume_factor)})" if suggestion.volume_factor != 1.0 else ""
    return f"{suggestion.session_id} - {suggestion.session_name}{volume}"


def runs_text(suggestion: Suggestion, running: RunningWeek) -> str:
    """The day's runs (title, distance, time), an easy or rest day, or no running during a break."""
    if running_paused(running, suggestion.day):
        return "no running (break)"
    return "; ".join(run.describe() for run in suggestion.runs) if suggestion.runs else "easy run or rest"


def today_lines(suggestion: Suggestion, plan_name: str, running: RunningWeek,
                calendar: RunningCalendar = RunningCalendar(), missing_kit: str = "") -> list[Text]:
    """The whole answer, one Text a line; names from files stay literal text, never markup or escapes."""
    lines = [Text(visible(f"{long_date(suggestion.day)}: {headline(suggestion)}"), style="bold")]
    lines.append(Text(visible(f"Plan: {plan_name}")))
    if missing_kit:
        lines.append(Text(visible(missing_kit), style="bold yellow"))
    if suggestion.phase is not None:
        lines.append(Text(f"Phase: {suggestion.phase.describe()}"))
    lines.append(Text(f"This week: {suggestion.done_this_week} of {suggestion.weekly_target} sessions done"))
    lines.append(Text(visible(f"Running today: {runs_text(suggestion, running)}")))
    if suggestion.recovery_line is not None:
        lines.append(Text(suggestion.recovery_line, style="bold"))
    if suggestion.train and suggestion.timing is not None:
        lines.append(Text(f"When: {suggestion.timing.text}"))
    lines.extend(Text(visible(note), style="yellow") for note in calendar.notes)
    if suggestion.warning is not None:
        lines.append(Text(visible(f"Warning: {name_sources(suggestion.warning)}"), style="bold yellow"))
        if suggestion.session_id is not None:
            lines.append(Text(visible(f"To train anyway: {suggestion.session_id} - {suggestion.session_name}")))
    lines.append(Text("Why:"))
    lines.extend(Text(visible(f"  - {name_sources(reason)}")) for reason in suggestion.reasons)
    return lines


def run(args: argparse.Namespace) -> int:
    """Print today's advice; 1 with the problems when the plan cannot be loaded."""
    context = context_or_report(args.plan)
    if context is None:
        return 1
    config, now = context.config, datetime.now()
    calendar = load_running_calendar(config.running, now.date(), now)
    print_problems(calendar.problems)
    suggestion = suggest_day(context.plan, context.library, config.running, config.plan_started,
                             context.past_sessions(now.date()), now.date(), calendar.runs)
    console = output_console()
    missing = missing_kit_words(missing_kit(context.plan, context.library, config.equipment))
    for line in today_lines(suggestion, context.plan.name, config.running, calendar, missing):
        console.print(line)
    return 0
