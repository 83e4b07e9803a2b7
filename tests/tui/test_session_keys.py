"""The session's keys do what the footer says at every step: sides, rests, holds and the warm-up timer."""

from __future__ import annotations

from pathlib import Path

import pytest

from strongstride.tui.screens.hold import HoldScreen
from strongstride.tui.screens.log_set import LogSetScreen
from strongstride.tui.screens.session import SessionScreen
from strongstride.model.plan import Load, Warmup
from strongstride.tui.widgets.rest_timer import RestTimer
from tests.tui.session_harness import Clocks, keeper_of, session_app
from tests.unit.session_fixtures import block, setup_of


@pytest.fixture(autouse=True)
def data_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for kind in ("data", "config", "cache"):
        monkeypatch.setenv(f"STRONGSTRIDE_{kind.upper()}_DIR", str(tmp_path / kind))


def footer_keys(screen) -> dict[str, str]:
    """What the footer offers now: key -> description, for shown and enabled bindings."""
    return {key: active.binding.description for key, active in screen.active_bindings.items()
            if active.binding.show and active.enabled}


async def log_set(pilot, rpe: str = "8") -> None:
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, LogSetScreen)
    await pilot.press(rpe, "enter")
    await pilot.pause()


async def test_the_second_side_of_a_set_after_a_rest_can_be_skipped(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("split_squat", sets=3, reps=8)), tmp_path)
    clocks = Clocks()
    app = session_app(keeper, clocks)
    async with app.run_test() as pilot:
        await log_set(pilot)                  # set 1, left
        await log_set(pilot)                  # set 1, right: the rest starts
        assert keeper.state.step == "rest"
        await pilot.press("s")                # skip the rest
        assert keeper.state.step == "set" and keeper.state.card.side == "left"
        await log_set(pilot)                  # set 2, left
        assert keeper.state.card.side == "right"
        await pilot.press("s")                # skip set 2, right
        await pilot.pause()
        assert app.screen.refusal == ""
        assert keeper.state.logged[-1].skipped and keeper.state.logged[-1].side == "right"


def push_ups(tmp_path: Path, rest: int):
    """Three sets of push-ups with the given rest, on their own clocks."""
    keeper = keeper_of(setup_of(block("push_up", sets=3, reps=8, rest=rest)), tmp_path)
    clocks = Clocks()
    return keeper, clocks, session_app(keeper, clocks)


async def test_enter_during_a_rest_does_not_skip_it_but_says_which_key_does(tmp_path: Path) -> None:
    keeper, _, app = push_ups(tmp_path, 180)
    async with app.run_test() as pilot:
        await log_set(pilot)
        assert keeper.state.step == "rest"
        await pilot.press("enter", "enter")   # a double press after saving the set
        assert keeper.state.step == "rest"
        assert "s skips the rest" in str(app.screen.query_one("#session-notice").render())
        assert footer_keys(app.screen).get("s") == "Skip rest"
        await pilot.press("s")
        assert keeper.state.step == "set"


async def test_enter_once_the_rest_has_run_out_goes_on_to_the_next_set(tmp_path: Path) -> None:
    keeper, clocks, app = push_ups(tmp_path, 60)
    async with app.run_test() as pilot:
        await log_set(pilot)
        clocks.advance(61)
        app.screen.query_one(RestTimer).tick()
        await pilot.press("enter")
        assert keeper.state.step == "set"


async def test_a_hold_stopped_early_preselects_could_not_hold_longer_and_the_footer_says_save(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("plank", sets=2, hold=30, rpe=6)), tmp_path)
    clocks = Clocks()
    app = session_app(keeper, clocks)
    async with app.run_test() as pilot:
        await pilot.press("enter")                        # start the hold
        hold = app.screen
        assert isinstance(hold, HoldScreen)
        clocks.advance(3 + 12)
        hold.tick()
        await pilot.press("space")                        # stopped at 12 s of 30
        assert hold.asking_rpe
        assert hold.query_one("#hold-rpe").value == 10
        keys = footer_keys(hold)
        assert keys.get("enter") == "Save" and "Stop" not in " ".join(keys.values())
        await pilot.press("enter")
    assert keeper.state.logged[-1].hold_seconds == 12 and keeper.state.logged[-1].rpe == 10


async def test_a_hold_held_to_the_end_preselects_the_target_rpe(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("plank", sets=2, hold=30, rpe=6)), tmp_path)
    clocks = Clocks()
    app = session_app(keeper, clocks)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        hold = app.screen
        clocks.advance(3 + 30)
        hold.tick()
        await pilot.pause()
        assert hold.query_one("#hold-rpe").value == 6


async def test_the_warmup_timer_is_labelled_warm_up_not_hold(tmp_path: Path) -> None:
    setup = setup_of(block("push_up", sets=2, reps=8), warmup=Warmup("Easy jog", 5))
    keeper = keeper_of(setup, tmp_path)
    clocks = Clocks()
    app = session_app(keeper, clocks)
    async with app.run_test() as pilot:
        await pilot.press("space")
        timer = app.screen
        assert isinstance(timer, HoldScreen)
        clocks.advance(3 + 10)
        timer.tick()
        phase = str(timer.query_one("#hold-phase").render())
        assert phase.startswith("Warm-up") and "Hold" not in phase


async def test_every_shown_key_on_the_set_card_is_one_the_screen_acts_on(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("push_up", sets=2, reps=8)), tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test() as pilot:
        await pilot.pause()
        keys = footer_keys(app.screen)
        assert keys["enter"] == "Log set" and keys["s"] == "Skip set"
        assert "Skip rest" not in keys.values() and "Warm-up done" not in keys.values()
