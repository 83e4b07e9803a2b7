"""Fixtures shared by the command tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Empty config, data and cache folders for the commands, and plain output; the root is returned."""
    for name, variable in (("config", "CONFIG"), ("data", "DATA"), ("cache", "CACHE")):
        (tmp_path / name).mkdir()
        monkeypatch.setenv(f"STRONGSTRIDE_{variable}_DIR", str(tmp_path / name))
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path
