"""Fixtures the session snapshots share: clocks that never move unless told, a session on its first set."""

from __future__ import annotations

from pathlib import Path

import pytest

from strongstride.engine.events import WarmupDone
from strongstride.services.keeper import SessionKeeper
from tests.tui.session_harness import Clocks, new_keeper


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


@pytest.fixture
def warmed_up(folders: Path, clocks: Clocks) -> SessionKeeper:
    """A session past its warm-up, on the first set (quarter squat, barbell)."""
    keeper = new_keeper(folders)
    clocks.advance(8 * 60)
    keeper.apply(WarmupDone(clocks.wall()))
    return keeper
