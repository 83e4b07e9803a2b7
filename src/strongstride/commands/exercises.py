"""`strongstride exercises [ID] [--json]`: the exercise library as a table, or one exercise explained; JSON for scripts."""

from __future__ import annotations

import argparse
import json
import sys

from strongstride.commands.render import Column, Output, output_console, print_table
from strongstride.services.library import load_exercise_library
from strongstride.model.exercise import Exercise
from strongstride.model.config import Equipment
from strongstride.model.exercise_library import EXERCISE_FIELDS, ExerciseLibrary, exercise_to_table
from strongstride.model.kit import kit_owned
from strongstride.services.exercise_page import exercise_page
from strongstride.store import paths
from strongstride.store.config import load_config

LIST_COLUMNS = ("ID", "Name", "Kind", "Equipment", "Unilateral")


def run(args: argparse.Namespace) -> int:
    """List the library, or show one exercise (as JSON with --json); problems in the user's files are reported, not fatal."""
    library, problems = load_exercise_library()
    config, config_problems = load_config(paths.config_file(), library)
    for problem in (*problems, *config_problems):
        print(problem, file=sys.stderr)
    if args.exercise_id is not None and args.exercise_id not in library:
        print(unknown_exercise_message(library, args.exercise_id), file=sys.stderr)
        return 1
    if args.json:
        chosen = [library[args.exercise_id]] if args.exercise_id is not None else list(library.values())
        shown = [exercise_json(library, exercise, config.equipment) for exercise in chosen]
        print(json.dumps(shown[0] if args.exercise_id is not None else shown, ensure_ascii=False, indent=2))
        return 0
    console = output_console()
    if args.exercise_id is None:
        show_library(library, console)
    else:
        show_exercise(library, args.exercise_id, config.equipment, console)
    return 0


def unknown_exercise_message(library: ExerciseLibrary, exercise_id: str) -> str:
    """The error for an id that is not in the library, with the nearest one if there is one."""
    suggestion = library.suggest(exercise_id)
    if suggestion is None:
        return f"unknown exercise '{exercise_id}' - run `strongstride exercises` for the list"
    return f"unknown exercise '{exercise_id}' - did you mean '{suggestion}'?"


def library_rows(library: ExerciseLibrary) -> list[tuple[str, ...]]:
    """One row per exercise, in library order: id, name, kind, equipment, unilateral."""
    return [
        (exercise.id, exercise.name, exercise.kind, exercise.equipment, "yes" if exercise.unilateral else "no")
        for exercise in library.values()
    ]


def show_library(library: ExerciseLibrary, console: Output) -> None:
    """Every exercise as a table: a Rich table on a terminal, aligned plain text otherwise."""
    columns = [Column(LIST_COLUMNS[0], no_wrap=True), *(Column(heading) for heading in LIST_COLUMNS[1:])]
    print_table(console, columns, library_rows(library))


def show_exercise(library: ExerciseLibrary, exercise_id: str, equipment: Equipment, console: Output) -> None:
    """One exercise in full: styled on a terminal, plain text otherwise."""
    for line in exercise_page(library, exercise_id, kit_owned(equipment)):
        console.print(line)


def exercise_json(library: ExerciseLibrary, exercise: Exercise, equipment: Equipment) -> dict[str, object]:
    """One exercise for scripts: every library field, its ladder of ids, and whether the runner has its kit."""
    return {
        "id": exercise.id,
        **dict.fromkeys(EXERCISE_FIELDS),     # a link the exercise lacks is null, so every object has every key
        **exercise_to_table(exercise),
        "ladder": [rung.id for rung in library.ladder(exercise.id)],
        "have_kit": equipment.has(exercise.equipment),
        "user_defined": exercise.user_defined,
    }
