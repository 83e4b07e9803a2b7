"""What the plain commands load before they answer: config, plan, exercise library and history, with every problem.

The heavy modules (the plan reader, the runner's week, the plan folders) are imported inside the
functions that need them, so `history`, which needs none of them, starts quickly.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from strongstride.commands.render import output_console  # noqa: F401  (the commands take it from here too)
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.store.index import HistoryIndex
from strongstride.model.moments import chronological
from strongstride.store.summary import SessionSummary

if TYPE_CHECKING:
    from strongstride.engine.week import PastSession
    from strongstride.model.config import Config
    from strongstride.model.exercise_library import ExerciseLibrary
    from strongstride.model.plan import Plan

# How far back the runner's week ever looks, with room to spare: this week so far (6 days), 48 hours
# between sessions on the same muscles, and the 10-day taper before a race. Older sessions only
# matter for the rotation, which needs just the last one done on the plan.
WEEK_LOOKBACK_DAYS = 28


@dataclass
class Context:
    """Everything a plain command needs, loaded once, and the problems found on the way (for stderr)."""

    config: Config
    config_path: Path
    plan: Plan
    library: ExerciseLibrary
    history: HistoryIndex
    problems: list[Problem] = field(default_factory=list)

    def past_sessions(self, today: date) -> list[PastSession]:
        """The finished sessions the runner's week needs around today: when, which, and the muscles they loaded."""
        return sessions_for_the_week(self.history, self.plan, self.library, today)


def past_session(summary: SessionSummary, library: ExerciseLibrary) -> PastSession:
    """One history summary as a PastSession on the local clock, with the muscles the library says it loaded."""
    from strongstride.engine.week import PastSession

    muscles = frozenset(
        muscle for exercise_id in summary.exercises if exercise_id in library for muscle in library[exercise_id].muscles
    )
    return PastSession(chronological(summary.started_at), summary.plan_id, summary.session_id, muscles)


def sessions_for_the_week(history: HistoryIndex, plan: Plan, library: ExerciseLibrary, today: date) -> list[PastSession]:
    """The past sessions the runner's week can need on and around today, oldest first.

    Those of the last WEEK_LOOKBACK_DAYS days (and any dated later), and the last session on the plan
    before them (where the rotation stands): the advice is the same as from the whole history, but
    ten years of it are never read.
    """
    summaries = history.summaries
    first_recent = summaries.first_from(datetime.combine(today - timedelta(days=WEEK_LOOKBACK_DAYS), datetime.min.time()))
    session_ids = {template.id for template in plan.sessions}
    last_on_plan = next(
        (summaries[position] for position in range(first_recent - 1, -1, -1)
         if summaries[position].plan_id == plan.id and summaries[position].session_id in session_ids),
        None,
    )
    chosen = ([last_on_plan] if last_on_plan is not None else []) + summaries[first_recent:]
    return [past_session(summary, library) for summary in chosen]


def load_context(plan_choice: str | None = None, rescan: bool = False) -> Context:
    """Config, plan (`plan_choice`, else the config's), library and history index (rescan: every file checked).

    Problems that leave a usable default (a bad config key, a broken history file) are collected in
    Context.problems; a plan that cannot be found or loaded raises ProblemsFound with every problem so far.
    """
    from strongstride.library import load_exercise_library
    from strongstride.store import paths
    from strongstride.store.config import load_config
    from strongstride.store.history import HistoryStore

    config_path = paths.config_file()
    config, problems = load_config(config_path)
    library, library_problems = load_exercise_library()
    problems.extend(library_problems)
    plan = _load_plan(plan_choice, config, config_path, library, problems)
    history = HistoryStore.default().index(rescan)
    problems.extend(history.problems)
    return Context(config, config_path, plan, library, history, problems)


def _load_plan(plan_choice: str | None, config: Config, config_path: Path, library: ExerciseLibrary,
               problems: list[Problem]) -> Plan:
    """The chosen plan, or ProblemsFound naming where the choice came from and what is wrong."""
    from strongstride.model.plan_parser import load_plan_file
    from strongstride.store.plans import find_plan

    chosen, source = (plan_choice, "--plan") if plan_choice else (config.plan, str(config_path))
    try:
        entry = find_plan(chosen)
    except KeyError as error:
        raise ProblemsFound([*problems, Problem(source, "plan", str(error.args[0]))]) from None
    try:
        return load_plan_file(entry.path, library)
    except ProblemsFound as found:
        raise ProblemsFound([*problems, *found.problems]) from None


def context_or_report(plan_choice: str | None, rescan: bool = False) -> Context | None:
    """The context with its problems printed to stderr; None (after printing why) when the plan cannot load."""
    try:
        context = load_context(plan_choice, rescan)
    except ProblemsFound as found:
        print_problems(found.problems)
        return None
    print_problems(context.problems)
    return context


def print_problems(problems: Iterable[Problem]) -> None:
    """Each problem on its own line as `FILE:LINE: key.path: message`, on stderr."""
    for problem in problems:
        print(problem, file=sys.stderr)
