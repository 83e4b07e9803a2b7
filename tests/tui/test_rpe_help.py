"""RPE is explained the first time it is asked for, and on ? in the session and the log."""

from __future__ import annotations

from pathlib import Path

import pytest

from strongstride.engine.events import SetLogged
from strongstride.model.log import SessionLog, SetLog
from strongstride.tui.screens.log_set import LogSetScreen
from strongstride.tui.screens.rpe_help import RpeHelpScreen
from strongstride.tui.screens.session import SessionScreen
from tests.tui.session_harness import Clocks, keeper_of, session_app
from tests.unit.session_fixtures import START, block, setup_of


@pytest.fixture(autouse=True)
def data_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for kind in ("data", "config", "cache"):
        monkeypatch.setenv(f"STRONGSTRIDE_{kind.upper()}_DIR", str(tmp_path / kind))


def push_ups(tmp_path: Path):
    return session_app(keeper_of(setup_of(block("push_up", sets=3, reps=8)), tmp_path), Clocks())


async def test_the_first_rpe_ever_asked_is_explained_beside_the_scale_and_later_ones_are_not(tmp_path: Path) -> None:
    app = push_ups(tmp_path)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, LogSetScreen)
        assert "10 = not one more rep" in str(app.screen.query_one("#log-rpe-explained").render())
        await pilot.press("8", "enter", "s", "enter")
        assert isinstance(app.screen, LogSetScreen)
        assert not app.screen.query("#log-rpe-explained")


async def test_question_mark_explains_the_scale_from_the_log_and_from_the_card(tmp_path: Path) -> None:
    app = push_ups(tmp_path)
    async with app.run_test() as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, RpeHelpScreen)
        text = str(app.screen.query_one("#rpe-help").render())
        assert "RPE 8  2 reps left" in text and "reps in reserve" in text and "next set" in text
        await pilot.press("escape", "enter", "question_mark")
        assert isinstance(app.screen, RpeHelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LogSetScreen)


def test_a_runner_with_rated_sets_in_history_is_not_told_again(tmp_path: Path) -> None:
    past = SessionLog(id="p", plan_id="test-plan", session_id="A", started_at=START, finished_at=START,
                      sets=(SetLog("push_up", 1, START, reps=8, rpe=8.0),))
    keeper = keeper_of(setup_of(block("push_up", sets=3, reps=8), history=[past]), tmp_path)
    assert not SessionScreen(keeper).never_rated()
    keeper.apply(SetLogged(START, 8, None, None))
    assert not SessionScreen(keeper).never_rated()
