"""Home keeps its keys after the reasons are shown and hidden, and never marks a session "today" on a rest day."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from strongstride.model.log import SessionLog, SetLog
from strongstride.store.history import HistoryStore
from strongstride.tui.app import StrongstrideApp
from strongstride.tui.screens.plan_choice import PlanChoiceScreen
from strongstride.tui.screens.session import SessionScreen
from strongstride.tui.startup import load_app_state
from strongstride.tui.widgets.plan_picker import NEXT_MARK, TODAY_MARK, PlanSessionPicker
from tests.tui.app_fixtures import NOW, TODAY, FakeClock, user_folders, write_history


def picker_lines(app: StrongstrideApp) -> list[str]:
    picker = app.screen.query_one(PlanSessionPicker)
    return [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]


async def test_after_w_twice_enter_starts_the_session_without_tab(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = user_folders(tmp_path, monkeypatch)
    write_history(folders)
    app = StrongstrideApp(load_app_state(None, TODAY), clock=FakeClock(), wall_clock=lambda: NOW)
    async with app.run_test() as pilot:
        await pilot.press("w", "w")
        assert isinstance(app.screen.focused, PlanSessionPicker)
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)


async def test_p_works_after_the_reasons_are_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = user_folders(tmp_path, monkeypatch)
    app = StrongstrideApp(load_app_state(None, TODAY), clock=FakeClock(), wall_clock=lambda: NOW)
    async with app.run_test() as pilot:
        await pilot.press("w", "w", "p")
        assert isinstance(app.screen, PlanChoiceScreen)


async def test_on_a_rest_day_the_next_session_is_marked_next_not_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = user_folders(tmp_path, monkeypatch)
    morning = NOW - timedelta(hours=10)
    HistoryStore(folders["data"], folders["cache"]).save(SessionLog(
        id="2026-11-24T08-00-00_runner-foundation_A_abc999", plan_id="runner-foundation", session_id="A",
        started_at=morning, finished_at=morning + timedelta(minutes=40), plan_name="Runner foundation",
        session_name="Foundation A",
        sets=(SetLog("quarter_squat", 1, morning, exercise_name="Quarter squat", reps=8, load=40.0, rpe=8.0),),
    ))
    app = StrongstrideApp(load_app_state(None, TODAY), clock=FakeClock(), wall_clock=lambda: NOW)
    async with app.run_test() as pilot:
        await pilot.pause()
        suggestion = app.state.suggestion()
        assert suggestion.session_id is None                        # trained this morning: rest from strength
        lines = picker_lines(app)
        assert not any(TODAY_MARK in line for line in lines)
        assert any(NEXT_MARK in line for line in lines)
