"""The plan picker (`p` on home): each plan explained before it is chosen, the kit it needs checked against the runner's."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from strongstride.tui.screens.home import HomeScreen
from strongstride.tui.screens.plan_choice import KIT_MISSING_MARK, PlanChoiceScreen

from .app_fixtures import make_app, user_folders
from .drawn import drawn_text

NO_KIT = 'schema = 1\n[equipment]\nowned = []\n'


def about(app) -> str:
    return str(app.screen.query_one("#plan-about-text", Static).render())


def highlighted(app) -> str | None:
    plan_list = app.screen.query_one("#plan-list", OptionList)
    return plan_list.get_option_at_index(plan_list.highlighted).id


async def test_p_explains_the_current_plan_and_up_and_down_explain_the_others(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PlanChoiceScreen) and highlighted(app) == "runner-foundation"
        shown = about(app)
        assert "Level: beginner, 2 sessions a week" in shown
        assert "Needs: barbell, dumbbell, machine" in shown and "Your kit: you have it all" in shown
        assert "Follows: “" in shown and "seed 00" not in shown
        assert "A Foundation A: Quarter squat, Romanian deadlift" in shown
        await pilot.press("up")
        assert highlighted(app) == "heavy-strength" and "Level: advanced" in about(app)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen) and app.state.plan_id == "runner-foundation"


async def test_a_runner_without_kit_sees_what_each_plan_lacks_before_choosing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, config_text=NO_KIT)
    async with app.run_test(size=(100, 40)) as pilot:
        assert "Needs kit you do not have: barbell (Quarter squat, Romanian deadlift)" in str(
            app.screen.query_one("#kit", Static).render())
        await pilot.press("p")
        prompts = {option.id: option.prompt.plain for option in app.screen.query_one("#plan-list", OptionList).options}
        assert prompts["runner-foundation"].endswith(KIT_MISSING_MARK)
        assert not prompts["bodyweight-beginner"].endswith(KIT_MISSING_MARK)
        assert "Your kit: missing barbell (Quarter squat, Romanian deadlift); dumbbell (" in about(app)
        while highlighted(app) != "bodyweight-beginner":
            await pilot.press("up")
        shown = about(app)
        assert "About: For runners new to strength training." in shown
        assert "Needs: nothing but your body weight" in shown and "missing" not in shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.state.plan_id == "bodyweight-beginner"
        assert not app.screen.query("#kit")


async def test_the_details_scroll_in_a_small_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, config_text=NO_KIT)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("p", "tab")
        details = app.screen.query_one("#plan-about")
        assert app.screen.focused is details and details.max_scroll_y > 0
        await pilot.press("end")
        assert details.scroll_y == details.max_scroll_y
        assert "B Foundation B:" in drawn_text(app)


async def test_a_plan_description_with_markup_is_shown_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = user_folders(tmp_path, monkeypatch)
    plans = folders["config"] / "plans"
    plans.mkdir()
    (plans / "mine.toml").write_text(
        'schema = 1\nname = "Mine"\ndescription = "[bold red]Loud[/] \\u001b[2J"\nlevel = "beginner"\n'
        'sessions_per_week = 1\nunits = "kg"\nsource = "[link=x]me[/link]"\n'
        '[sessions.A]\nname = "A"\n[[sessions.A.blocks]]\nexercise = "plank"\nsets = 1\nhold = 20\n', encoding="utf-8")
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("p")
        while highlighted(app) != "mine":
            await pilot.press("down")
        shown = about(app)
        assert "About: [bold red]Loud[/] \\x1b[2J" in shown and "Follows: [link=x]me[/link]" in shown
