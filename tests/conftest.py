"""Fixtures every kind of test shares."""

from __future__ import annotations

from pathlib import Path

import pytest


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
