"""Fixtures the unit tests share."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def config_file(folders: Path) -> Path:
    return folders / "config" / "config.toml"
