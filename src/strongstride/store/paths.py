"""The user's folders (platformdirs), each overridable by an environment variable."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "strongstride"
CONFIG_FILE_NAME = "config.toml"


def _folder(variable: str, kind: str) -> Path:
    override = os.environ.get(variable)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """History and the in-progress session: `STRONGSTRIDE_DATA_DIR` or the platform's data dir."""
    return _folder("STRONGSTRIDE_DATA_DIR", "data")


def config_dir() -> Path:
    """config.toml, the user's plans, exercises and themes: `STRONGSTRIDE_CONFIG_DIR` or platform."""
    return _folder("STRONGSTRIDE_CONFIG_DIR", "config")


def cache_dir() -> Path:
    """The derived history index, never synced: `STRONGSTRIDE_CACHE_DIR` or the platform's cache dir."""
    return _folder("STRONGSTRIDE_CACHE_DIR", "cache")


def history_dir() -> Path:
    return data_dir() / "history"


def in_progress_file() -> Path:
    return data_dir() / "in-progress.toml"


def config_file() -> Path:
    return config_dir() / CONFIG_FILE_NAME


def user_plans_dir() -> Path:
    return config_dir() / "plans"


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def user_exercises_file() -> Path:
    return config_dir() / "exercises.toml"
