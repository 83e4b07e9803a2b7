"""A resumed session is the one that was left: later edits to history, config or plans never change it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from strongstride.engine.events import RestEnded, SetLogged, WarmupDone
from strongstride.model.log import SessionLog, SetLog
from strongstride.store.history import HistoryStore
from strongstride.tui.startup import AppState, load_app_state

TODAY = date(2026, 11, 24)
START = datetime(2026, 11, 24, 18, 0)
PLAN_TEXT = (Path(__file__).resolve().parents[2] / "sample_plans" / "runner-foundation.toml").read_text()


@pytest.fixture
def folders(folders: Path) -> dict[str, Path]:
    """The user folders by kind, with a plan of the runner's own chosen in config."""
    found = {kind: folders / kind for kind in ("data", "config", "cache")}
    (found["config"] / "plans").mkdir()
    (found["config"] / "plans" / "mine.toml").write_text(PLAN_TEXT.replace("sets = 1", "sets = 3", 1))
    (found["config"] / "config.toml").write_text('schema = 1\nplan = "mine"\n')
    return found


def _open(state: AppState, at: datetime = START):
    keeper = state.open_session("mine", "A", at)
    return keeper


def _leave(state: AppState) -> None:
    state.close_session()


def _first_squat_set(folders: dict[str, Path], load: float = 40.0):
    """Start session A, skip the warm-up, log one quarter-squat work set, and leave (q)."""
    state = load_app_state(None, TODAY)
    keeper = _open(state)
    keeper.apply(WarmupDone(START + timedelta(minutes=8)))
    assert keeper.state.card.kind == "work"
    keeper.apply(SetLogged(START + timedelta(minutes=10), 8, load, 8.0))
    assert keeper.state.progress.sets_done == 1
    _leave(state)
    return keeper.state


def _resume(folders: dict[str, Path]):
    state = load_app_state(None, TODAY)
    keeper = state.open_session("mine", "A", START + timedelta(minutes=30))
    return state, keeper


def _older_squat_session() -> SessionLog:
    at = datetime(2026, 11, 10, 18, 0)
    return SessionLog(
        id="2026-11-10T18-00-00_strong_x", plan_id="strong", session_id="import", started_at=at,
        finished_at=at + timedelta(hours=1), source="strong",
        sets=tuple(SetLog("quarter_squat", n, at + timedelta(minutes=n), exercise_name="Quarter squat",
                          reps=5, load=100.0, rpe=9.0) for n in (1, 2, 3)),
    )


def test_an_import_while_paused_does_not_turn_a_work_set_into_a_warm_up(folders):
    before = _first_squat_set(folders)
    HistoryStore(folders["data"], folders["cache"]).save(_older_squat_session())

    state, keeper = _resume(folders)
    after = keeper.state
    assert after.progress == before.progress
    assert [s.kind for s in after.logged] == ["work"]
    assert after.card == before.card

    keeper.apply(RestEnded(START + timedelta(minutes=31)))
    keeper.finish(START + timedelta(minutes=40))
    state.close_session()
    filed = [s for s in HistoryStore(folders["data"], folders["cache"]).load_all().sessions if s.source != "strong"]
    assert [(s.kind, s.reps, s.load, s.unit) for s in filed[0].sets] == [("work", 8, 40.0, "kg")]


def test_changing_units_while_paused_keeps_the_unit_the_set_was_logged_in(folders):
    _first_squat_set(folders, load=100.0)
    config = folders["config"] / "config.toml"
    config.write_text(config.read_text() + 'units = "lb"\n')

    state, keeper = _resume(folders)
    keeper.finish(START + timedelta(minutes=40))
    state.close_session()
    filed = HistoryStore(folders["data"], folders["cache"]).load_all().sessions[0]
    assert filed.unit == "kg"
    assert [(s.load, s.unit) for s in filed.sets] == [(100.0, "kg")]


def test_editing_the_plan_while_paused_keeps_the_session_as_it_started(folders):
    before = _first_squat_set(folders)
    plan = folders["config"] / "plans" / "mine.toml"
    plan.write_text(plan.read_text().replace("sets = 3", "sets = 2", 1))

    _, keeper = _resume(folders)
    assert keeper.state.progress == before.progress
    assert keeper.state.card.set_count == 3


def test_a_session_resumes_even_when_its_plan_is_gone(folders):
    before = _first_squat_set(folders)
    (folders["config"] / "plans" / "mine.toml").unlink()

    state = load_app_state(None, TODAY)
    assert state.in_progress is not None
    keeper = state.open_session("runner-foundation", "A", START + timedelta(minutes=30))
    assert keeper.session.setup.plan.id == "mine"
    assert keeper.state.progress == before.progress


def test_a_plan_given_with_plan_path_left_unfinished_blocks_nothing(folders, tmp_path):
    one_off = tmp_path / "oneoff.toml"
    one_off.write_text(PLAN_TEXT)
    state = load_app_state(str(one_off), TODAY)
    keeper = state.open_session("oneoff", "A", START)
    keeper.apply(WarmupDone(START + timedelta(minutes=8)))
    keeper.apply(SetLogged(START + timedelta(minutes=10), 8, 40.0, 8.0))
    state.close_session()

    state = load_app_state(None, TODAY)     # started again without --plan
    keeper = state.open_session("mine", "A", START + timedelta(minutes=30))
    assert keeper.session.setup.plan.id == "oneoff"
    assert keeper.state.progress.sets_done == 1
