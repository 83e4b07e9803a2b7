"""`strongstride exercises [ID]`: the exercise library as a table, or one exercise with its cues and ladder."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from rich.text import Text

from strongstride.commands.render import Column, Output, output_console, print_table
from strongstride.services.library import load_exercise_library
from strongstride.model.exercise import Exercise
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.visible_text import visible

LIST_COLUMNS = ("ID", "Name", "Kind", "Equipment", "Unilateral")


def run(args: argparse.Namespace) -> int:
    """List the library, or show one exercise; problems in the user's file are reported, not fatal."""
    library, problems = load_exercise_library()
    for problem in problems:
        print(problem, file=sys.stderr)
    console = output_console()
    if args.exercise_id is None:
        show_library(library, console)
        return 0
    if args.exercise_id not in library:
        print(unknown_exercise_message(library, args.exercise_id), file=sys.stderr)
        return 1
    show_exercise(library, args.exercise_id, console)
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


def exercise_lines(library: ExerciseLibrary, exercise_id: str) -> list[Text]:
    """One exercise as lines of text, styled for a terminal (the styles vanish in plain output)."""
    exercise = library[exercise_id]
    sides = "one side at a time" if exercise.unilateral else "both sides together"
    about = f"{exercise.kind}, {exercise.equipment.replace('_', ' ')}, {sides}"
    if exercise.user_defined:
        about += ", from your exercises.toml"
    lines = [Text.assemble((visible(exercise.name), "bold"), f"  ({exercise.id})"), Text(about, style="dim")]
    if exercise.why:
        lines += [Text(""), Text(visible(exercise.why))]
    lines += [Text(""), Text("Cues", style="bold")]
    lines += [Text(f"  {number}. {visible(cue)}") for number, cue in enumerate(exercise.cues, start=1)]
    lines += [Text(""), Text.assemble(("Common mistake: ", "bold"), visible(exercise.mistake))]
    lines += [Text.assemble(("Muscles: ", "bold"), visible(", ".join(exercise.muscles)) or "-")]
    lines += [Text(""), Text("Ladder, easiest to hardest", style="bold")]
    lines += ladder_lines(library.ladder(exercise_id), exercise_id)
    return lines


def ladder_lines(ladder: Sequence[Exercise], shown_id: str) -> list[Text]:
    """The progression ladder, the shown exercise marked with `>`."""
    width = max(len(rung.id) for rung in ladder)
    return [
        Text(f"{'>' if rung.id == shown_id else ' '} {number}. {rung.id.ljust(width)}  {visible(rung.name)}",
             style="bold" if rung.id == shown_id else "")
        for number, rung in enumerate(ladder, start=1)
    ]


def show_exercise(library: ExerciseLibrary, exercise_id: str, console: Output) -> None:
    """One exercise in full: styled on a terminal, plain text otherwise."""
    for line in exercise_lines(library, exercise_id):
        console.print(line)
