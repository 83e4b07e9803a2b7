"""The exercise library: the bundled movements plus the user's own, with their progression ladders."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from strongstride.model.exercise import EQUIPMENT, EXERCISE_KINDS, Equipment, Exercise
from strongstride.model.problems import Problem, ProblemsFound, closest
from strongstride.model.toml_file import parse_toml_text, read_toml_text

SCHEMA = 1
CUES_PER_EXERCISE = (3, 5)
EXERCISE_FIELDS = ("name", "cues", "mistake", "muscles", "equipment", "kind", "unilateral", "why", "easier", "harder",
                   "setup", "steps")
_EXERCISE_ID = re.compile(r"[a-z0-9][a-z0-9_]*")
_LINK_BACK = {"easier": "harder", "harder": "easier"}

# Where a ladder problem is reported: the file that defines an exercise, and that file's text.
Source = Callable[[str], tuple[Path, str]]


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
        """The closest known id, by id or by name, for a "did you mean ...?"."""
        wanted = _as_id(unknown_id)
        if wanted in self._exercises:
            return wanted
        by_key = {exercise_id: exercise_id for exercise_id in self._exercises}
        by_key.update({_as_id(exercise.name): exercise.id for exercise in self._exercises.values()})
        match = closest(wanted, by_key)
        return by_key[match] if match is not None else None

    def ladder(self, exercise_id: str) -> list[Exercise]:
        """The exercise's progression ladder, easiest first; always holds the exercise itself."""
        start = self._exercises[exercise_id]
        easier = self._walk(start, "easier")
        harder = self._walk(start, "harder", seen={rung.id for rung in easier})
        return [*reversed(easier), start, *harder]

    def _walk(self, start: Exercise, direction: str, seen: set[str] | None = None) -> list[Exercise]:
        """The rungs beyond `start` one way, stopping at a missing link or a loop."""
        seen = {start.id} | (seen or set())
        rungs: list[Exercise] = []
        next_id = getattr(start, direction)
        while next_id in self._exercises and next_id not in seen:
            rungs.append(self._exercises[next_id])
            seen.add(next_id)
            next_id = getattr(rungs[-1], direction)
        return rungs


def _as_id(text: str) -> str:
    """How someone might type an id ("Back squat", "back-squat") turned into one ("back_squat")."""
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def parse_exercise(exercise_id: str, raw: Any, path: Path | str, user_defined: bool) -> tuple[Exercise | None, list[Problem]]:
    """One `[exercises.ID]` table as an Exercise, or the problems that stop it being one."""
    from strongstride.model.toml_locate import format_key_path   # parsing only: a warm start reads the kept library

    key = format_key_path(("exercises", exercise_id))
    if not isinstance(raw, dict):
        return None, [Problem(path, key, "must be a table")]
    problems: list[Problem] = []
    if not _EXERCISE_ID.fullmatch(exercise_id):
        problems.append(Problem(path, key, "the id must be lowercase letters, digits and underscores"))
    for unknown in sorted(set(raw) - set(EXERCISE_FIELDS)):
        problems.append(Problem(path, format_key_path(("exercises", exercise_id, unknown)), f"unknown key; known keys are {', '.join(EXERCISE_FIELDS)}"))

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
    fewest, most = CUES_PER_EXERCISE
    if isinstance(raw.get("cues"), list) and not fewest <= len(cues) <= most:
        problems.append(Problem(path, f"{key}.cues", f"needs {fewest}-{most} cues, has {len(raw['cues'])}"))
    equipment = raw.get("equipment")
    if equipment not in EQUIPMENT:
        problems.append(Problem(path, f"{key}.equipment", f"must be one of {', '.join(EQUIPMENT)}"))
    kind = raw.get("kind", "reps")
    if kind not in EXERCISE_KINDS:
        problems.append(Problem(path, f"{key}.kind", f"must be one of {', '.join(EXERCISE_KINDS)}"))
    unilateral = raw.get("unilateral", False)
    if not isinstance(unilateral, bool):
        problems.append(Problem(path, f"{key}.unilateral", "must be true or false"))
    links = {}
    for field in _LINK_BACK:
        value = raw.get(field)
        if value is not None and _text(value) is None:
            problems.append(Problem(path, f"{key}.{field}", "must be an exercise id"))
        elif value is not None and value.strip() == exercise_id:
            problems.append(Problem(path, f"{key}.{field}", "cannot link an exercise to itself"))
        links[field] = _text(value)
    why, setup = raw.get("why", ""), raw.get("setup", "")
    for field, value in (("why", why), ("setup", setup)):
        if not isinstance(value, str):
            problems.append(Problem(path, f"{key}.{field}", "must be text"))
    steps = text_list("steps")
    if problems:
        return None, problems
    return Exercise(
        id=exercise_id, name=name, cues=cues, mistake=mistake, muscles=muscles,
        equipment=cast(Equipment, equipment), kind=kind, unilateral=unilateral, why=why.strip(),
        easier=links["easier"], harder=links["harder"], setup=setup.strip(), steps=steps, user_defined=user_defined,
    ), []


def _read_tables(path: Path) -> tuple[dict[str, Any], list[Problem], str]:
    """The raw `[exercises.*]` tables of a library file, its file-level problems, and its text."""
    try:
        text = read_toml_text(path)
        document = parse_toml_text(text, path)
    except ProblemsFound as found:
        return {}, found.problems, ""
    problems: list[Problem] = []
    schema = document.get("schema")
    if schema is None:
        problems.append(Problem(path, "schema", f"missing; start the file with `schema = {SCHEMA}`"))
    elif type(schema) is not int or schema != SCHEMA:
        from strongstride.model.toml_locate import locate

        message = f"is {schema!r}; this version reads schema {SCHEMA}"
        return {}, [Problem(path, "schema", message, locate(text, "schema"))], text
    tables = document.get("exercises", {})
    if not isinstance(tables, dict):
        return {}, [*problems, Problem(path, "exercises", "must be a table of exercises keyed by id")], text
    return tables, problems, text


def _parse_tables(
    tables: Mapping[str, Any], path: Path, user_defined: bool, text: str
) -> tuple[dict[str, Exercise], list[Problem]]:
    """Every valid exercise among the tables, and the problems (with lines) of the rest."""
    from strongstride.model.toml_locate import locate

    exercises: dict[str, Exercise] = {}
    problems: list[Problem] = []
    for exercise_id, raw in tables.items():
        exercise, found = parse_exercise(exercise_id, raw, path, user_defined)
        problems.extend(dataclasses.replace(problem, line=locate(text, problem.key_path)) for problem in found)
        if exercise is not None:
            exercises[exercise_id] = exercise
    return exercises, problems


def parse_exercise_file(path: Path, user_defined: bool) -> tuple[dict[str, Exercise], list[Problem]]:
    """Every valid exercise in a library file, and the problems of the rest."""
    tables, problems, text = _read_tables(path)
    exercises, found = _parse_tables(tables, path, user_defined, text)
    return exercises, problems + found


def _problem_at(source: Source, exercise_id: str, field: str, message: str) -> Problem:
    from strongstride.model.toml_locate import format_key_path, locate

    path, text = source(exercise_id)
    key_path = format_key_path(("exercises", exercise_id, field))
    return Problem(path, key_path, message, locate(text, key_path))


def _link_problems(exercises: dict[str, Exercise], source: Source) -> list[Problem]:
    """Links to unknown exercises (dropped from `exercises`) and one-way links, blamed on the user's side."""
    problems: list[Problem] = []
    for exercise in list(exercises.values()):
        for field, back in _LINK_BACK.items():
            target_id = getattr(exercise, field)
            target = exercises.get(target_id) if target_id is not None else None
            if target_id is not None and target is None:
                problems.append(_problem_at(source, exercise.id, field, f"unknown exercise {target_id!r}"))
                exercises[exercise.id] = exercise = dataclasses.replace(exercise, **{field: None})  # type: ignore[arg-type]
            elif target is not None and getattr(target, back) != exercise.id:
                found = getattr(target, back)
                found = "not set" if found is None else repr(found)
                if exercise.user_defined or not target.user_defined:
                    message = f"{target_id!r} must name this exercise as {back} (its {back} is {found})"
                    problems.append(_problem_at(source, exercise.id, field, message))
                else:
                    message = f"is {found}, but {exercise.id!r} names this exercise as {field}"
                    problems.append(_problem_at(source, target.id, back, message))
    return problems


def _loop_problems(exercises: Mapping[str, Exercise], source: Source) -> list[Problem]:
    """Each ladder whose harder links lead back to where they started, reported once."""
    problems: list[Problem] = []
    for exercise_id in sorted(exercises):
        rung, loop = exercises[exercise_id], [exercise_id]
        while rung.harder is not None and rung.harder in exercises and rung.harder not in loop:
            rung = exercises[rung.harder]
            loop.append(rung.id)
        if rung.harder == exercise_id and exercise_id == min(loop):
            message = f"the ladder loops back: {' -> '.join([*loop, exercise_id])}"
            problems.append(_problem_at(source, exercise_id, "harder", message))
    return problems


def _inherit_bundled(user_tables: Mapping[str, Any], bundled_tables: Mapping[str, Any]) -> dict[str, Any]:
    """User tables with any key they leave out taken from the bundled table of the same id."""
    return {
        exercise_id: {**bundled_tables[exercise_id], **raw}
        if isinstance(raw, dict) and isinstance(bundled_tables.get(exercise_id), dict) else raw
        for exercise_id, raw in user_tables.items()
    }


def load_library(bundled: Path, user_file: Path | None = None) -> tuple[ExerciseLibrary, list[Problem]]:
    """The bundled library with the user's file laid over it; problems listed, not raised.

    A user table with a bundled id overrides that exercise, taking any key it leaves out from the
    bundled one (so a user can rewrite just the cues). A broken user table leaves the bundled one in place.
    """
    bundled_tables, problems, bundled_text = _read_tables(bundled)
    exercises, found = _parse_tables(bundled_tables, bundled, False, bundled_text)
    problems.extend(found)
    sources = dict.fromkeys(exercises, (bundled, bundled_text))
    if user_file is not None and user_file.exists():
        user_tables, user_problems, user_text = _read_tables(user_file)
        user_exercises, found = _parse_tables(_inherit_bundled(user_tables, bundled_tables), user_file, True, user_text)
        exercises.update(user_exercises)
        sources.update(dict.fromkeys(user_exercises, (user_file, user_text)))
        problems.extend(user_problems + found)
    problems.extend(_link_problems(exercises, sources.__getitem__))
    problems.extend(_loop_problems(exercises, sources.__getitem__))
    return ExerciseLibrary(exercises), problems


def exercise_to_table(exercise: Exercise) -> dict[str, Any]:
    """The exercise as an `[exercises.ID]` table, which parse_exercise reads back to the same Exercise."""
    table = {field: getattr(exercise, field) for field in EXERCISE_FIELDS}
    return {field: list(value) if isinstance(value, tuple) else value
            for field, value in table.items() if value is not None}
