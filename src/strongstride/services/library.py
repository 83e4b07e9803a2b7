"""The exercise library everyone trains from: the bundled movements with the user's own laid over them.

Parsing its 25 KB of TOML is kept in the cache folder (store/parsed_cache.py) until either file or the
code that reads them changes, so a start reads one pickle instead.
"""

from __future__ import annotations

from pathlib import Path

from strongstride import resources
from strongstride.model.exercise_library import ExerciseLibrary, load_library
from strongstride.model.problems import Problem
from strongstride.store import paths
from strongstride.store.parsed_cache import Stamp, entry_key, file_stamp, kept_or_parsed


def library_files() -> tuple[Path, Path]:
    """The bundled library and the user's exercises.toml (which may not exist)."""
    return resources.exercise_library_file(), paths.user_exercises_file()


def parsed_key(*files: Path) -> Stamp:
    """The key a value parsed from these files and checked against the library is kept under."""
    return entry_key(*(file_stamp(path) for path in (*library_files(), *files)))


def load_exercise_library() -> tuple[ExerciseLibrary, list[Problem]]:
    """The bundled library plus the user's exercises.toml; problems in either are listed, not raised.

    A library without problems is kept parsed; one with problems is parsed every time, so they are always reported.
    """
    return kept_or_parsed("library", parsed_key(), ExerciseLibrary, lambda: load_library(*library_files()))
