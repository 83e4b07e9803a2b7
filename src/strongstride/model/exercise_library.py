"""The exercise library: the bundled movements plus the user's own, with their progression ladders."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from strongstride.model.exercise import EQUIPMENT, EXERCISE_KINDS, Exercise
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.model.toml_file import load_toml_file

_TEXT_LISTS = ("cues", "muscles")


class ExerciseLibrary(Mapping[str, Exercise]):
    """Exercises by id, with "did you mean" suggestions and easier/harder ladders."""

    def __init__(self, exercises: Mapping[str, Exercise]):
        self._exercises = dict(exercises)

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self._exercises[exercise_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._exercises)

    def __len__(self) -> int:
        return len(self._exercises)

    def suggest(self, unknown_id: str) -> str | None:
        """The closest known id, for a "did you mean ...?"."""
        matches = difflib.get_close_matches(unknown_id, list(self._exercises), n=1, cutoff=0.6)
        return matches[0] if matches else None

    def ladder(self, exercise_id: str) -> list[Exercise]:
        """The exercise's progression ladder, easiest first (stops at a broken link or a cycle)."""
        start = self._exercises[exercise_id]
        easiest, seen = start, {start.id}
        while easiest.easier in self._exercises and easiest.easier not in seen:
            easiest = self._exercises[easiest.easier]
            seen.add(easiest.id)
        rungs, seen = [easiest], {easiest.id}
        while rungs[-1].harder in self._exercises and rungs[-1].harder not in seen:
            rungs.append(self._exercises[rungs[-1].harder])
            seen.add(rungs[-1].id)
        return rungs


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def parse_exercise(exercise_id: str, raw: Any, path: Path | str, user_defined: bool) -> tuple[Exercise | None, list[Problem]]:
    """One `[exercises.ID]` table as an Exercise, or the problems that stop it being one."""
    key = f"exercises.{exercise_id}"
    if not isinstance(raw, dict):
        return None, [Problem(path, key, "must be a table")]
    problems: list[Problem] = []

    def need_text(field: str) -> str:
        value = _text(raw.get(field))
        if value is None:
            problems.append(Problem(path, f"{key}.{field}", "must be non-empty text"))
        return value or ""

    def text_list(field: str) -> tuple[str, ...]:
        value = raw.get(field, [])
        if not isinstance(value, list) or not all(_text(item) for item in value):
            problems.append(Problem(path, f"{key}.{field}", "must be a list of non-empty text"))
            return ()
        return tuple(item.strip() for item in value)

    name, mistake = need_text("name"), need_text("mistake")
    cues, muscles = text_list("cues"), text_list("muscles")
    if not problems and not 3 <= len(cues) <= 5:
        problems.append(Problem(path, f"{key}.cues", f"needs 3-5 cues, has {len(cues)}"))
    equipment = raw.get("equipment")
    if equipment not in EQUIPMENT:
        problems.append(Problem(path, f"{key}.equipment", f"must be one of {', '.join(EQUIPMENT)}"))
    kind = raw.get("kind", "reps")
    if kind not in EXERCISE_KINDS:
        problems.append(Problem(path, f"{key}.kind", "must be reps or hold"))
    unilateral = raw.get("unilateral", False)
    if not isinstance(unilateral, bool):
        problems.append(Problem(path, f"{key}.unilateral", "must be true or false"))
    links = {}
    for field in ("easier", "harder"):
        value = raw.get(field)
        if value is not None and _text(value) is None:
            problems.append(Problem(path, f"{key}.{field}", "must be an exercise id"))
        links[field] = _text(value)
    why = raw.get("why", "")
    if not isinstance(why, str):
        problems.append(Problem(path, f"{key}.why", "must be text"))
    if problems:
        return None, problems
    return Exercise(
        id=exercise_id, name=name, cues=cues, mistake=mistake, muscles=muscles,
        equipment=equipment, kind=kind, unilateral=unilateral, why=why.strip(),
        easier=links["easier"], harder=links["harder"], user_defined=user_defined,
    ), []


def parse_exercise_file(path: Path, user_defined: bool) -> tuple[dict[str, Exercise], list[Problem]]:
    """Every valid exercise in a library file, and the problems of the rest."""
    try:
        document = load_toml_file(path)
    except ProblemsFound as found:
        return {}, found.problems
    tables = document.get("exercises", {})
    if not isinstance(tables, dict):
        return {}, [Problem(path, "exercises", "must be a table of exercises keyed by id")]
    exercises: dict[str, Exercise] = {}
    problems: list[Problem] = []
    for exercise_id, raw in tables.items():
        exercise, found = parse_exercise(exercise_id, raw, path, user_defined)
        problems.extend(found)
        if exercise is not None:
            exercises[exercise_id] = exercise
    return exercises, problems


def load_library(bundled: Path, user_file: Path | None = None) -> tuple[ExerciseLibrary, list[Problem]]:
    """The bundled library with the user's file laid over it (same id overrides); problems listed, not raised."""
    exercises, problems = parse_exercise_file(bundled, user_defined=False)
    if user_file is not None and user_file.is_file():
        user_exercises, user_problems = parse_exercise_file(user_file, user_defined=True)
        exercises.update(user_exercises)
        problems.extend(user_problems)
    return ExerciseLibrary(exercises), problems
