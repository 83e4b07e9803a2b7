"""What the plain commands load before they answer: config, plan, exercise library and history, with every problem.

The heavy modules (the plan reader, the runner's week, the plan folders) are imported inside the
functions that need them, so `history`, which needs none of them, starts quickly.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from strongstride.commands.render import output_console  # noqa: F401  (the commands take it from here too)
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.services.loading import Basics, load_basics, sessions_for_the_week
from strongstride.store.index import HistoryIndex

if TYPE_CHECKING:
    from strongstride.engine.week import PastSession
    from strongstride.model.config import Config
    from strongstride.model.exercise_library import ExerciseLibrary
    from strongstride.model.plan import Plan
    from strongstride.services.plan_loading import PlanHeading

P = TypeVar("P")   # a plan as it is read: the whole Plan, or its heading


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


def load_context(plan_choice: str | None = None, rescan: bool = False) -> Context:
    """Config, plan (`plan_choice`, else the config's), library and history index (rescan: every file checked).

    Problems that leave a usable default (a bad config key, a broken history file) are collected in
    Context.problems; a plan that cannot be found or loaded raises ProblemsFound with every problem so far.
    """
    from strongstride.services.plan_loading import load_plan

    basics = load_basics(rescan)
    plan = _load_plan(plan_choice, basics, load_plan)
    return Context(basics.config, basics.config_path, plan, basics.library, basics.index, basics.problems)


def _load_plan(plan_choice: str | None, basics: Basics, read: Callable[[Path, ExerciseLibrary], P]) -> P:
    """The chosen plan as `read` gives it, or ProblemsFound naming where the choice came from and what is wrong."""
    from strongstride.store.plans import find_plan

    config, problems = basics.config, basics.problems
    chosen, source = (plan_choice, "--plan") if plan_choice else (config.plan, str(basics.config_path))
    try:
        entry = find_plan(chosen)
    except KeyError as error:
        raise ProblemsFound([*problems, Problem(source, "plan", str(error.args[0]))]) from None
    try:
        return read(entry.path, basics.library)
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


def heading_or_report(plan_choice: str | None, rescan: bool = False) -> tuple[Basics, PlanHeading] | None:
    """As context_or_report, for a command that shows no more of the plan than its heading (`stats`)."""
    from strongstride.services.plan_loading import load_plan_heading

    try:
        basics = load_basics(rescan)
        heading = _load_plan(plan_choice, basics, load_plan_heading)
    except ProblemsFound as found:
        print_problems(found.problems)
        return None
    print_problems(basics.problems)
    return basics, heading


def print_problems(problems: Iterable[Problem]) -> None:
    """Each problem on its own line as `FILE:LINE: key.path: message`, on stderr."""
    for problem in problems:
        print(problem, file=sys.stderr)
