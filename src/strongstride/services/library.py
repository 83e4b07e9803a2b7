"""The exercise library everyone trains from: the bundled movements with the user's own laid over them."""

from __future__ import annotations

from strongstride import resources
from strongstride.model.exercise_library import ExerciseLibrary, load_library
from strongstride.model.problems import Problem
from strongstride.store import paths


def load_exercise_library() -> tuple[ExerciseLibrary, list[Problem]]:
    """The bundled library plus the user's exercises.toml; problems in either are listed, not raised."""
    return load_library(resources.exercise_library_file(), paths.user_exercises_file())
