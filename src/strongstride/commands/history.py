"""`strongstride history`: recent sessions from the index, one exercise's sets with its e1RM trend, or JSON."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from itertools import islice
from datetime import date, datetime
from pathlib import Path
from typing import Any

from strongstride.commands.context import output_console, print_problems
from strongstride.services.records import (
    EMPTY_HISTORY, TREND_HEADINGS, exercise_trend, in_unit, rounded, session_day, session_measure, sessions_since, work_cell, work_done,
    work_figures, work_heading,
)
from strongstride.commands.render import Column, Output, print_line, print_table, sparkline
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.model.units import Unit
from strongstride.store import paths
from strongstride.store.config import load_config
from strongstride.store.history import HistoryStore
from strongstride.store.history_codec import session_to_dict
from strongstride.store.index import HistoryIndex
from strongstride.model.moments import chronological
from strongstride.model.session_summary import SessionSummary, SetSummary

DEFAULT_LIMIT = 20


class UsageError(ValueError):
    """An option with a value that cannot be used, reported as one line with exit status 2."""


def parse_since(text: str | None) -> date | None:
    """The `--since` day, or UsageError saying what a date looks like."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--since must be a date such as 2026-01-31, not {text!r}") from None


def select_sessions(summaries: Sequence[SessionSummary], since: date | None, limit: int | None,
                    exercise_id: str | None = None) -> list[SessionSummary]:
    """The sessions to show, oldest first: on or after `since`, with the exercise if one is named, the last `limit`.

    With neither `--since` nor `--limit`, the last DEFAULT_LIMIT sessions. Only the sessions looked at are
    read from the index, newest first, so ten years of history cost no more than the last twenty sessions.
    """
    pool = summaries if since is None else sessions_since(summaries, since)
    if limit is None and since is None:
        limit = DEFAULT_LIMIT
    if limit == 0:
        return []
    if exercise_id is None:
        return list(pool if limit is None else pool[-limit:])
    newest_first = (s for s in reversed(pool) if exercise_id in s.exercises)
    return list(islice(newest_first, limit))[::-1]


def run(args: argparse.Namespace) -> int:
    """Print the chosen sessions; broken history files go to stderr and are skipped; 2 for a bad option."""
    try:
        since = parse_since(args.since)
        if args.limit is not None and args.limit < 0:
            raise UsageError(f"--limit must be 0 or more, not {args.limit}")
    except UsageError as error:
        print(f"strongstride history: {error}", file=sys.stderr)
        return 2
    config, problems = load_config(paths.config_file())
    store = HistoryStore.default()
    index = store.index(rescan=args.rescan)
    print_problems([*problems, *index.problems])
    if args.exercise is not None and not _known_exercise(index, args.exercise):
        return 1
    chosen = select_sessions(index.summaries, since, args.limit, args.exercise)
    if args.json:
        print_json(store, chosen, args.exercise)
        return 0
    console = output_console()
    if not index.summaries:
        print_line(console, EMPTY_HISTORY)
    elif not chosen:
        print_line(console, _nothing_found(args.exercise, since))
    elif args.exercise is not None:
        show_exercise(console, chosen, args.exercise, config.units)
    else:
        show_sessions(console, chosen, config.units)
    return 0


def _known_exercise(index: HistoryIndex, exercise_id: str) -> bool:
    """True if the history or the library knows the id; otherwise say so on stderr, with a "did you mean"."""
    if any(exercise_id in s.exercises for s in reversed(index.summaries)):
        return True
    from strongstride.commands.exercises import unknown_exercise_message
    from strongstride.services.library import load_exercise_library

    library, _ = load_exercise_library()   # its problems are `strongstride exercises`' to report
    if exercise_id in library:
        return True
    print(unknown_exercise_message(library, exercise_id), file=sys.stderr)
    return False


def _nothing_found(exercise_id: str | None, since: date | None) -> str:
    what = f"No sessions with {exercise_id}" if exercise_id else "No sessions"
    return f"{what} since {since:%Y-%m-%d}." if since else f"{what} yet."


# -- the session table ----------------------------------------------------------------------

def session_row(summary: SessionSummary, unit: Unit, figures: Sequence[str]) -> tuple[str, ...]:
    """Date and time, session, plan, work sets, the work figures asked for (volume in `unit`) and average RPE."""
    done = work_done(summary, unit)
    return (
        f"{chronological(summary.started_at):%Y-%m-%d %H:%M}",
        summary.session_name or summary.session_id,
        summary.plan_name or summary.plan_id,
        str(summary.work_sets),
        *(work_cell(done, figure) for figure in figures),
        f"{summary.average_rpe:.1f}" if summary.average_rpe is not None else "-",
    )


def show_sessions(console: Output, sessions: list[SessionSummary], unit: Unit) -> None:
    """One row a session, oldest first, so the latest sits just above the prompt; only work columns with something in them."""
    figures = work_figures(work_done(s, unit) for s in sessions)
    columns = (Column("Date"), Column("Session"), Column("Plan"), Column("Sets", numeric=True),
               *(Column(work_heading(figure, unit), numeric=True) for figure in figures), Column("RPE", numeric=True))
    print_table(console, columns, [session_row(s, unit, figures) for s in sessions])


# -- one exercise ---------------------------------------------------------------------------

def set_text(done: SetSummary, session_unit: str, unit: Unit) -> str:
    """A work set as a lifter writes it: `60 x 8 @8`, `12 @7` at bodyweight, `45 s`, `10 x 30 s` with a load."""
    reps, load, rpe, hold = done
    amount = f"{hold} s" if hold is not None and reps is None else str(reps) if reps is not None else "-"
    text = f"{rounded(in_unit(load, session_unit, unit))} x {amount}" if load else amount
    return f"{text} @{rpe:g}" if rpe is not None else text


def show_exercise(console: Output, sessions: list[SessionSummary], exercise_id: str, unit: Unit) -> None:
    """Each session's work sets of one exercise with its best of the trend's measure, then the trend over those sessions.

    The measure is the trend's: the e1RM of loaded work, else the longest hold, else the most reps, so a
    bodyweight exercise shows what it has rather than an empty e1RM column.
    """
    done = [(s, s.exercises[exercise_id]) for s in sessions]
    name = next((e.name for _, e in reversed(done) if e.name), exercise_id)
    print_line(console, f"{name} ({exercise_id}): {len(done)} session{'s' if len(done) != 1 else ''}")
    trend = exercise_trend(sessions, exercise_id, unit)
    measure = trend.measure if trend is not None else "e1RM"
    rows = [
        (f"{session_day(s):%Y-%m-%d}",
         ", ".join(set_text(one_set, s.unit, unit) for one_set in e.last_sets),
         rounded(value) if (value := session_measure(s, e, measure, unit)) is not None else "-")
        for s, e in done
    ]
    print_table(console, (Column("Date"), Column(f"Work sets ({unit} x reps @RPE)"),
                          Column(f"{TREND_HEADINGS[measure]} ({trend.unit if trend else unit})", numeric=True)), rows)
    if trend is None:
        return
    if console.is_terminal:
        from rich.text import Text

        console.print(Text.assemble(("Trend ", "bold"), sparkline(trend.values), "  ", trend.describe()))
    else:
        print_line(console, f"Trend: {trend.describe()}")


# -- JSON -----------------------------------------------------------------------------------

def print_json(store: HistoryStore, sessions: list[SessionSummary], exercise_id: str | None) -> None:
    """A JSON array, one object a session with its sets (only that exercise's when one is named).

    Only these sessions' files are read; one that broke since it was indexed is reported and left out.
    """
    objects = []
    problems: list[Problem] = []
    for summary in sessions:
        try:
            log = store.load(Path(summary.path))
        except ProblemsFound as broken:
            problems.extend(broken.problems)
            continue
        if exercise_id is not None:
            log = dataclasses.replace(log, sets=tuple(s for s in log.sets if s.exercise_id == exercise_id))
        objects.append(session_to_dict(log))
    print_problems(problems)
    print(json.dumps(objects, indent=2, default=_json_value))


def _json_value(value: Any) -> str:
    """Dates and times as ISO 8601 text, which is how the history files write them too."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")
