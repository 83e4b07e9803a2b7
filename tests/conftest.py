"""Fixtures every kind of test shares."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def _cache_kept_out_of_the_runners_folders(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A cache folder of the test run's own for every test (parsed plans and library land there); `folders` gives each its own."""
    import os

    os.environ["STRONGSTRIDE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Empty data, config and cache folders under tmp_path, where strongstride is told to look; plain output.

    Nothing a test does touches the runner's real folders. The root (tmp_path) is returned.
    """
    for name in ("data", "config", "cache"):
        (tmp_path / name).mkdir()
        monkeypatch.setenv(f"STRONGSTRIDE_{name.upper()}_DIR", str(tmp_path / name))
    for variable in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(variable, raising=False)
    return tmp_path
