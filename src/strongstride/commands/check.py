"""`strongstride check FILE...`: validate plan files and config.toml, listing every problem as FILE:LINE: key: message."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from strongstride.services.library import load_exercise_library
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.plan import Plan
from strongstride.model.plan_parser import load_plan_file
from strongstride.model.problems import ProblemsFound
from strongstride.model.config import Config
from strongstride.model.toml_file import parse_toml_text, read_toml_text
from strongstride.store.config import config_from_document
from strongstride.store.paths import CONFIG_FILE_NAME
from strongstride.model.visible_text import visible


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def plan_summary(plan: Plan) -> str:
    """One line saying what a valid plan holds: level, frequency, sessions, blocks and phases."""
    blocks = sum(len(session.blocks) for session in plan.sessions)
    session_word = "session" if len(plan.sessions) == 1 else "sessions"
    summary = (
        f"{plan.name} ({plan.level}, {_plural(plan.sessions_per_week, 'session')}/week, "
        f"{session_word} {', '.join(session.id for session in plan.sessions)}; {_plural(blocks, 'block')}"
    )
    if plan.phases:
        summary += f"; {_plural(len(plan.phases), 'phase')}"
    return summary + ")"


def library_with_warnings() -> ExerciseLibrary:
    """The exercise library, its problems (a broken user exercises.toml) printed as warnings on stderr."""
    library, problems = load_exercise_library()
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return library


def config_summary(config: Config) -> str:
    """One line saying what a valid config sets: units, plan and known sets."""
    known = _plural(len(config.known), "known set")
    return f"settings ({config.units}, plan {config.plan or 'not chosen'}, {known})"


def _checked_summary(path: Path, library: ExerciseLibrary) -> str:
    """What a valid file holds, or ProblemsFound with everything wrong; a file named config.toml is read as settings."""
    if path.name != CONFIG_FILE_NAME:
        return plan_summary(load_plan_file(path, library))
    text = read_toml_text(path)
    config, problems = config_from_document(parse_toml_text(text, path), path, text, library)
    if problems:
        raise ProblemsFound(problems)
    return config_summary(config)


def run(args: argparse.Namespace) -> int:
    """Check each file in turn; 0 when all are valid, 1 when any has a problem."""
    library = library_with_warnings()
    failed = False
    for name in args.files:
        path = Path(name)
        try:
            summary = _checked_summary(path, library)
        except ProblemsFound as found:
            failed = True
            for problem in found.problems:
                print(problem)
            continue
        print(visible(f"{path}: ok - {summary}"))
    return 1 if failed else 0
