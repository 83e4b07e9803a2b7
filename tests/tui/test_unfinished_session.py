"""An unfinished session on home: resumed, filed as it is, or discarded after a question, whatever its plan."""

from __future__ import annotations

from datetime import timedelta
import re
from pathlib import Path

import pytest
from textual.widgets import Static

from strongstride.engine.events import SetLogged, WarmupDone
from strongstride.store.history import HistoryStore
from strongstride.tui.app import StrongstrideApp
from strongstride.tui.screens.confirm import ConfirmScreen
from strongstride.tui.screens.home import HomeScreen
from strongstride.tui.screens.session import SessionScreen
from strongstride.tui.startup import load_app_state
from tests.tui.app_fixtures import NOW, TODAY, FakeClock, make_app, user_folders

PLAN = (Path(__file__).resolve().parents[2] / "sample_plans" / "runner-foundation.toml").read_text()


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    found = user_folders(tmp_path, monkeypatch)
    (found["config"] / "plans").mkdir()
    (found["config"] / "plans" / "mine.toml").write_text(PLAN)
    (found["config"] / "config.toml").write_text('schema = 1\nplan = "mine"\n')
    state = load_app_state(None, TODAY)
    keeper = state.open_session("mine", "A", NOW - timedelta(hours=2))
    keeper.apply(WarmupDone(NOW - timedelta(hours=2) + timedelta(minutes=8)))
    keeper.apply(SetLogged(NOW - timedelta(hours=2) + timedelta(minutes=10), 8, 40.0, 8.0))
    state.close_session()
    return found


def _app() -> StrongstrideApp:
    return StrongstrideApp(load_app_state(None, TODAY), clock=FakeClock(), wall_clock=lambda: NOW)


def _banner(app: StrongstrideApp) -> str:
    return str(app.screen.query_one("#resume", Static).render())


def _filed(folders: dict[str, Path]) -> list:
    return HistoryStore(folders["data"], folders["cache"]).load_all().sessions


async def test_an_unfinished_session_whose_plan_is_gone_is_filed_as_it_is(folders):
    (folders["config"] / "plans" / "mine.toml").unlink()
    app = _app()
    async with app.run_test() as pilot:
        assert "F: file it as it is" in _banner(app)
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and not app.screen.query("#resume")
    [session] = _filed(folders)
    assert session.plan_id == "mine" and [(s.kind, s.reps, s.load) for s in session.sets] == [("work", 8, 40.0)]
    assert session.finished_at == session.sets[-1].at
    assert not (folders["data"] / "in-progress.toml").exists()


async def test_discarding_asks_first_and_escape_keeps_the_session(folders):
    app = _app()
    async with app.run_test() as pilot:
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmScreen)
        assert "1 logged set will not be kept" in str(app.screen.question)
        await pilot.press("escape")
        assert (folders["data"] / "in-progress.toml").exists()
        await pilot.press("D", "D")
        await pilot.pause()
        assert not app.screen.query("#resume")
    assert not (folders["data"] / "in-progress.toml").exists() and not _filed(folders)


async def test_resume_after_the_plan_is_gone_reaches_the_session(folders):
    (folders["config"] / "plans" / "mine.toml").unlink()
    app = _app()
    async with app.run_test() as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.keeper.state.progress.sets_done == 1


async def test_a_session_from_another_machine_and_a_sync_conflict_copy_are_shown(folders):
    live = folders["data"] / "in-progress.toml"
    live.write_text(re.sub(r'(?m)^machine = ".*"$', 'machine = "OTHER-LAPTOP"', live.read_text()))
    copy = folders["data"] / "in-progress.sync-conflict-20261130-123456-ABCDEFG.toml"
    copy.write_text(live.read_text())
    app = _app()
    async with app.run_test():
        assert "Unfinished on OTHER-LAPTOP" in _banner(app)
        assert [p.path for p in app.state.problems] == [copy]
    assert copy.read_text() == live.read_text(), "never touched"


async def test_home_says_when_the_unfinished_session_is_already_in_history(folders):
    state = load_app_state(None, TODAY)
    keeper = state.open_session("mine", "A", NOW)
    HistoryStore(folders["data"], folders["cache"]).save(keeper.session.to_log(NOW))
    state.close_session()
    app = _app()
    async with app.run_test():
        assert "Already in history with 1 set; resuming adds to it" in _banner(app)


async def test_discarding_a_session_with_nothing_logged_says_so_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, in_progress=True)
    async with app.run_test() as pilot:
        await pilot.press("D")
        question = str(app.screen.question)
        assert "No set was logged in it yet." in question and "0 logged" not in question
