"""Where the bundled files live: the exercise library, sample plans and themes."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """A bundled folder (`sample_plans` or `themes`): inside the installed wheel, else the source tree."""
    installed = _PACKAGE / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parents[1] / name


def exercise_library_file() -> Path:
    """The bundled exercise library."""
    return _PACKAGE / "data" / "exercises.toml"


def garmin_exercises_file() -> Path:
    """The bundled library's exercises as Garmin's FIT profile names them."""
    return _PACKAGE / "data" / "garmin_exercises.toml"
