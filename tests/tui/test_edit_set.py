"""Any set logged in the live session can be corrected with e, and the correction is saved at once."""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from strongstride.model.log import SetLog
from strongstride.model.plan import Load
from strongstride.tui.screens.edit_set import SetChoiceScreen, set_line
from strongstride.tui.screens.log_set import LogSetScreen
from tests.tui.session_harness import Clocks, keeper_of, session_app
from tests.unit.session_fixtures import block, setup_of


@pytest.fixture(autouse=True)
def data_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for kind in ("data", "config", "cache"):
        monkeypatch.setenv(f"STRONGSTRIDE_{kind.upper()}_DIR", str(tmp_path / kind))


async def test_e_corrects_an_earlier_set_and_saves_it_at_once(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("goblet_squat", sets=3, reps=8, load=Load("absolute", 20.0))), tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test() as pilot:
        await pilot.press("enter", "8", "enter")          # set 1: 8 x 20 kg @8
        await pilot.press("s")                            # skip the rest
        await pilot.press("enter", "9", "enter")          # set 2: 8 x 20 kg @9
        await pilot.press("e")
        assert isinstance(app.screen, SetChoiceScreen)
        await pilot.press("down", "enter")                # the older of the two: set 1
        log = app.screen
        assert isinstance(log, LogSetScreen)
        assert "Correct Goblet squat, set 1" in str(log.query_one("#log-title").render())
        await pilot.press("down", "down", "9", "enter")   # really 6 reps, at RPE 9
        await pilot.pause()
    first = keeper.state.logged[0]
    assert (first.reps, first.load, first.rpe) == (6, 20.0, 9.0)
    saved = tomllib.loads((tmp_path / "data" / "in-progress.toml").read_text())["events"][-1]
    assert (saved["type"], saved["index"], saved["count"], saved["rpe"]) == ("SetEdited", 0, 6, 9.0)
    assert keeper.state.step == "rest"                    # the session is where it was


async def test_e_is_not_offered_before_a_set_is_done(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("push_up", sets=2, reps=8)), tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test() as pilot:
        await pilot.press("e")
        assert not isinstance(app.screen, SetChoiceScreen)


def test_the_list_of_sets_shows_names_as_typed_never_as_markup() -> None:
    line = set_line(SetLog("odd", 2, datetime(2026, 11, 23, 18, 0), exercise_name="[bold]Odd[/]\x1b", reps=8, rpe=8.0))
    assert line.plain == "[bold]Odd[/]\\x1b, set 2: 8 @8"
