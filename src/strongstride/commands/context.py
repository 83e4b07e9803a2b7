"""What the plain commands load before they answer: config, plan, exercise library and history, with every problem."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from strongstride.engine.week import PastSession, session_is_heavy
from strongstride.library import load_exercise_library
from strongstride.model.config import Config
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.plan import Plan
from strongstride.model.plan_parser import load_plan_file
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.store import paths
from strongstride.store.config import load_config
from strongstride.store.history import HistoryStore
from strongstride.store.index import HistoryIndex, SessionSummary, chronological
from strongstride.store.plans import find_plan


@dataclass
class Context:
    """Everything a plain command needs, loaded once, and the problems found on the way (for stderr)."""

    config: Config
    config_path: Path
    plan: Plan
    library: ExerciseLibrary
    history: HistoryIndex
    problems: list[Problem] = field(default_factory=list)

    def past_sessions(self) -> list[PastSession]:
        """The finished sessions as the runner's week sees them: when, which, and the muscles they loaded."""
        return [past_session(summary, self.plan, self.library) for summary in self.history.summaries]


def past_session(summary: SessionSummary, plan: Plan, library: ExerciseLibrary) -> PastSession:
    """One history summary as a PastSession on the local clock: muscles from the library, heavy if the plan says so."""
    muscles = frozenset(
        muscle for exercise_id in summary.exercises if exercise_id in library for muscle in library[exercise_id].muscles
    )
    heavy = (summary.plan_id == plan.id
             and any(t.id == summary.session_id and session_is_heavy(plan, t) for t in plan.sessions))
    return PastSession(chronological(summary.started_at), summary.plan_id, summary.session_id, muscles, heavy)


def load_context(plan_choice: str | None = None) -> Context:
    """Config, plan (`plan_choice`, else the config's), library and history index.

    Problems that leave a usable default (a bad config key, a broken history file) are collected in
    Context.problems; a plan that cannot be found or loaded raises ProblemsFound with every problem so far.
    """
    config_path = paths.config_file()
    config, problems = load_config(config_path)
    library, library_problems = load_exercise_library()
    problems.extend(library_problems)
    plan = _load_plan(plan_choice, config, config_path, library, problems)
    history = HistoryStore.default().index()
    problems.extend(history.problems)
    return Context(config, config_path, plan, library, history, problems)


def _load_plan(plan_choice: str | None, config: Config, config_path: Path, library: ExerciseLibrary,
               problems: list[Problem]) -> Plan:
    """The chosen plan, or ProblemsFound naming where the choice came from and what is wrong."""
    chosen, source = (plan_choice, "--plan") if plan_choice else (config.plan, str(config_path))
    try:
        entry = find_plan(chosen)
    except KeyError as error:
        raise ProblemsFound([*problems, Problem(source, "plan", str(error.args[0]))]) from None
    try:
        return load_plan_file(entry.path, library)
    except ProblemsFound as found:
        raise ProblemsFound([*problems, *found.problems]) from None


def print_problems(problems: Iterable[Problem]) -> None:
    """Each problem on its own line as `FILE:LINE: key.path: message`, on stderr."""
    for problem in problems:
        print(problem, file=sys.stderr)


def output_console() -> Console:
    """Standard output: styled on a terminal, plain text (no colour, no wrapping) when piped."""
    return Console(highlight=False, soft_wrap=True, emoji=False)
