"""What a live session started from, kept beside its events so that a resume folds them against the same things.

The plan as its file read, the exercises it can use (with their ladders), the runner's settings and
the past sessions its targets came from are written into in-progress.toml when the session starts.
Later edits to plans, config, exercises or history never change a session already under way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from strongstride.engine.session import SessionSetup
from strongstride.model.exercise import Exercise
from strongstride.model.exercise_library import ExerciseLibrary, exercise_to_table, parse_exercise
from strongstride.model.plan import Plan
from strongstride.model.plan_parser import parse_plan
from strongstride.model.session_header import SessionHeader
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.store.config import config_from_document, config_to_document
from strongstride.store.history_codec import session_from_dict, session_to_dict

SETUP_KEYS = ("plan", "config", "exercises", "history")


def exercises_for(plan: Plan, library: ExerciseLibrary) -> dict[str, Exercise]:
    """Every exercise the plan names, with the whole ladder of each (what a swap can reach)."""
    wanted: dict[str, Exercise] = {}
    for template in plan.sessions:
        for block in template.blocks:
            if block.exercise_id in library:
                wanted.update((rung.id, rung) for rung in library.ladder(block.exercise_id))
    return wanted


def setup_snapshot(setup: SessionSetup, plan_text: str) -> dict[str, Any]:
    """The `[setup]` table: everything the session's fold depends on, as TOML."""
    return {
        "plan": plan_text,
        "config": config_to_document(setup.config),
        "exercises": {exercise_id: exercise_to_table(exercise) for exercise_id, exercise in sorted(setup.exercises.items())},
        "history": [session_to_dict(log) for log in setup.history],
    }


def setup_from_snapshot(header: SessionHeader, snapshot: Mapping[str, Any], path: Path | str) -> SessionSetup:
    """The session's setup exactly as it started; ProblemsFound names what in the file is wrong."""
    problems: list[Problem] = []
    missing = [key for key in SETUP_KEYS if key not in snapshot]
    if missing:
        raise ProblemsFound([Problem(path, f"setup.{key}", "missing") for key in missing])
    exercises = _exercises(snapshot["exercises"], path, problems)
    plan = _plan(snapshot["plan"], header, ExerciseLibrary(exercises), path, problems)
    config, config_problems = config_from_document(_table(snapshot["config"], "setup.config", path, problems), path)
    problems.extend(_under("setup.config", path, config_problems))
    history = list(_sessions(snapshot["history"], path, problems))
    if problems or plan is None:
        raise ProblemsFound(problems)
    try:
        template = plan.session(header.session_id)
        return SessionSetup(
            plan=plan, template=template, exercises=exercises, history=history, config=config,
            started_at=header.started_at, uid=header.uid, volume_factor=header.volume_factor,
        )
    except (KeyError, ValueError) as error:
        raise ProblemsFound([Problem(path, "session", f"cannot resume: {error}")]) from None


def _table(value: Any, key: str, path: Path | str, problems: list[Problem]) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    problems.append(Problem(path, key, "must be a table"))
    return {}


def _under(key: str, path: Path | str, found: Iterable[Problem]) -> list[Problem]:
    """Problems inside the snapshot, named by where they sit in in-progress.toml."""
    return [Problem(path, f"{key}.{p.key_path}" if p.key_path else key, p.message) for p in found]


def _exercises(raw: Any, path: Path | str, problems: list[Problem]) -> dict[str, Exercise]:
    exercises: dict[str, Exercise] = {}
    for exercise_id, table in _table(raw, "setup.exercises", path, problems).items():
        exercise, found = parse_exercise(exercise_id, table, path, user_defined=False)
        problems.extend(_under("setup", path, found))
        if exercise is not None:
            exercises[exercise_id] = exercise
    return exercises


def _plan(text: Any, header: SessionHeader, library: ExerciseLibrary, path: Path | str,
          problems: list[Problem]) -> Plan | None:
    if not isinstance(text, str):
        problems.append(Problem(path, "setup.plan", "must be the plan's text"))
        return None
    plan_path = Path(header.plan_path or f"{header.plan_id}.toml")
    try:
        return parse_plan(text, plan_path, library)
    except ProblemsFound as found:
        problems.extend(_under("setup.plan", path, found.problems))
        return None


def _sessions(raw: Any, path: Path | str, problems: list[Problem]) -> Iterable[Any]:
    if not isinstance(raw, list):
        problems.append(Problem(path, "setup.history", "must be [[setup.history]] tables"))
        return
    for number, data in enumerate(raw):
        try:
            yield session_from_dict(data if isinstance(data, dict) else {}, path)
        except ProblemsFound as found:
            problems.extend(_under(f"setup.history[{number}]", path, found.problems))
