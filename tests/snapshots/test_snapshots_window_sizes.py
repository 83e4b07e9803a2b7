"""How home, the set card, the log dialog and the rest look in the smallest window (60x20) and a large one
(120x40); the same screens at 80x24 are in the other snapshot files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.app_fixtures import make_app
from tests.tui.session_harness import Clocks, rest_forty_seconds_in, session_app

SIZES = {"60x20": (60, 20), "120x40": (120, 40)}


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, size: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert snap_compare(make_app(tmp_path, monkeypatch, in_progress=True), terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_set_card(snap_compare, size: str, warmed_up, clocks: Clocks) -> None:
    assert snap_compare(session_app(warmed_up, clocks), terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_log_set(snap_compare, size: str, warmed_up, clocks: Clocks) -> None:
    assert snap_compare(session_app(warmed_up, clocks), press=["enter", "9", "h"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_rest_with_the_next_set(snap_compare, size: str, warmed_up, clocks: Clocks) -> None:
    async def forty_seconds_into_the_rest(pilot) -> None:
        await rest_forty_seconds_in(pilot, clocks)

    assert snap_compare(session_app(warmed_up, clocks), run_before=forty_seconds_into_the_rest,
                        terminal_size=SIZES[size])
