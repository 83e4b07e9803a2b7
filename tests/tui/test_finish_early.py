"""Finishing early asks first and names the sets left; the last words are honest when little or nothing was done."""

from __future__ import annotations

from pathlib import Path

import pytest

from strongstride.tui.screens.confirm import ConfirmScreen
from strongstride.tui.screens.session import SessionScreen
from strongstride.tui.screens.summary import SummaryScreen
from strongstride.tui.widgets.session_warmup import DonePanel
from tests.tui.session_harness import Clocks, keeper_of, session_app
from tests.unit.session_fixtures import block, setup_of


@pytest.fixture(autouse=True)
def data_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for kind in ("data", "config", "cache"):
        monkeypatch.setenv(f"STRONGSTRIDE_{kind.upper()}_DIR", str(tmp_path / kind))


def two_exercises(tmp_path: Path):
    keeper = keeper_of(setup_of(block("push_up", sets=3, reps=8), block("plank", sets=2, hold=30)), tmp_path)
    return keeper, session_app(keeper, Clocks())


async def test_f_asks_first_naming_the_sets_left_and_esc_keeps_training(tmp_path: Path) -> None:
    keeper, app = two_exercises(tmp_path)
    async with app.run_test() as pilot:
        await pilot.press("enter", "8", "enter", "s")     # one push-up set, rest skipped
        await pilot.press("f")
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#question").render())
        assert "4 sets: Push up 2, Plank 2 are left" in question
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen) and keeper.state.step == "set"
        await pilot.press("f", "f")
        assert isinstance(app.screen, SummaryScreen)
        assert "Not done: 4 sets: Push up 2, Plank 2" in str(app.screen.query_one("#summary-left").render())


async def test_every_exercise_skipped_is_not_called_well_trained(tmp_path: Path) -> None:
    keeper, app = two_exercises(tmp_path)
    async with app.run_test() as pilot:
        await pilot.press("x", "x")
        await pilot.press("b")                            # back from the summary to the session's last words
        await pilot.pause()
        title = str(app.screen.query_one(DonePanel).query_one("#done-title").render())
    assert title == "Every exercise was skipped: nothing was logged."


async def test_some_sets_skipped_says_how_many_were_logged(tmp_path: Path) -> None:
    keeper, app = two_exercises(tmp_path)
    async with app.run_test() as pilot:
        await pilot.press("enter", "8", "enter", "s", "x", "x", "b")
        await pilot.pause()
        title = str(app.screen.query_one(DonePanel).query_one("#done-title").render())
    assert title == "Done: 1 set logged, the rest skipped."
