"""`i` on the set card opens the exercise page; Escape returns to the same set. Swaps offer only the runner's kit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.widgets import Static

from strongstride.model.config import Config, Equipment
from strongstride.model.plan import Load
from strongstride.tui.screens.exercise_page import ExercisePageScreen
from strongstride.tui.screens.log_set import LogSetScreen
from strongstride.tui.screens.session import SessionScreen
from strongstride.tui.widgets.set_card import target_words
from tests.tui.drawn import drawn_text
from tests.tui.session_harness import Clocks, keeper_of, session_app
from tests.unit.session_fixtures import block, setup_of


def owning(*kit: str) -> Config:
    return Config(equipment=dataclasses.replace(Equipment.defaults("kg"), owned=kit))


@pytest.fixture(autouse=True)
def data_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for kind in ("data", "config", "cache"):
        monkeypatch.setenv(f"STRONGSTRIDE_{kind.upper()}_DIR", str(tmp_path / kind))


def footer_keys(screen) -> set[str]:
    return {key for key, active in screen.active_bindings.items() if active.binding.show and active.enabled}


async def test_i_opens_the_page_and_escape_returns_to_the_same_set_with_nothing_lost(tmp_path: Path) -> None:
    setup = setup_of(block("goblet_squat", sets=3, load=Load("absolute", weight=16.0)), config=owning("dumbbell"))
    keeper = keeper_of(setup, tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, LogSetScreen)
        await pilot.press("8", "enter", "s")
        await pilot.pause()
        before = (keeper.state.card, list(keeper.state.logged), keeper.session.events)
        assert keeper.state.card.set_number == 2 and "i" in footer_keys(app.screen)
        await pilot.press("i")
        assert isinstance(app.screen, ExercisePageScreen)
        page = str(app.screen.query_one("#exercise-text", Static).render())
        assert "Goblet squat  (goblet_squat)" in page and "Cues\n  1. Brace" in page
        assert "Harder: Back squat (back_squat)  needs barbell, not in your kit" in page
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen)
        assert (keeper.state.card, list(keeper.state.logged), keeper.session.events) == before
        drawn = drawn_text(app)
        assert "Goblet squat" in drawn and "set 2 of 3" in drawn.lower()


async def test_i_is_not_offered_during_a_rest(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("push_up", sets=2)), tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "8", "enter")
        await pilot.pause()
        assert keeper.state.step == "rest" and "i" not in footer_keys(app.screen)
        await pilot.press("i")
        assert isinstance(app.screen, SessionScreen)


async def test_a_runner_without_kit_is_offered_no_loaded_swap(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("bodyweight_squat", sets=2), config=owning()), tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "v" not in footer_keys(app.screen) and not app.screen.query("#card-swaps")
        await pilot.press("v")
        assert keeper.state.card.exercise.id == "bodyweight_squat" and not keeper.session.events


async def test_a_swap_to_a_loaded_exercise_shows_a_load_never_bodyweight(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("bodyweight_squat", sets=2), config=owning("dumbbell")), tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "v: harder, Goblet squat" in str(app.screen.query_one("#card-swaps", Static).render())
        await pilot.press("v")
        card = keeper.state.card
        assert card.exercise.id == "goblet_squat" and card.target.load is not None
        assert "bodyweight" not in target_words(card) and "bodyweight" not in drawn_text(app)
        assert "V" not in {key for key, active in app.screen.active_bindings.items() if active.enabled}


async def test_q_on_the_page_goes_back_to_the_set_not_out_of_the_app(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("push_up", sets=2)), tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test(size=(60, 14)) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, ExercisePageScreen)
        page = app.screen.query_one("#exercise-page")
        assert page.max_scroll_y > 0
        await pilot.press("end")
        assert page.scroll_y == page.max_scroll_y and "Ladder, easiest to hardest" in drawn_text(app)
        await pilot.press("q")
        assert isinstance(app.screen, SessionScreen) and app.results == []


async def test_a_loaded_exercise_the_plan_does_at_body_weight_is_not_marked_as_needing_kit(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("goblet_squat", sets=2), config=owning()), tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        page = str(app.screen.query_one("#exercise-text", Static).render())
        assert "not in your kit" not in page and "Easier: Bodyweight squat (bodyweight_squat)\n" in page
