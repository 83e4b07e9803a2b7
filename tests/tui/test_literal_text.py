"""Text from files on screen: markup shown as typed, escape sequences shown as `\\x1b`, never obeyed or crashing."""

from __future__ import annotations

from pathlib import Path

import pytest

from strongstride.tui.app import StrongstrideApp
from strongstride.tui.startup import load_app_state
from textual.widgets import OptionList
from tests.tui.app_fixtures import NOW, TODAY, FakeClock, user_folders
from tests.tui.drawn import control_characters, drawn_text
from tests.toml_text import toml_string

# Plan names that crashed the app at start (MarkupError), or were drawn red, or lost a word.
MARKUP_NAMES = ["Half [/] marathon", "Plan [link=https://example.com]here[/link]", "Plan [red]Red[/red] done",
                "Plan [beta] v2"]


def plan_named(name: str, session_name: str = "Strength A") -> str:
    return f"""\
schema = 1
name = {toml_string(name)}
level = "beginner"
sessions_per_week = 2
units = "kg"

[sessions.A]
name = {toml_string(session_name)}

[[sessions.A.blocks]]
exercise = "plank"
sets = 1
hold = 30
"""


def app_on_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plan_text: str) -> StrongstrideApp:
    """The app on one user plan, chosen in config.toml."""
    folders = user_folders(tmp_path, monkeypatch)
    (folders["config"] / "plans").mkdir()
    (folders["config"] / "plans" / "mine.toml").write_text(plan_text, encoding="utf-8")
    (folders["config"] / "config.toml").write_text('plan = "mine"\n', encoding="utf-8")
    return StrongstrideApp(load_app_state(None, TODAY), clock=FakeClock(), wall_clock=lambda: NOW)


@pytest.mark.parametrize("name", MARKUP_NAMES)
async def test_a_plan_named_with_markup_starts_the_app_and_shows_the_name_as_typed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    app = app_on_plan(tmp_path, monkeypatch, plan_named(name, session_name=name))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert app.state.plan is not None and app.state.plan.name == name
        home = drawn_text(app)
        assert f"─ {name} ─" in home                          # the today card's border title
        assert f"Sessions of {name}" in home and f"A   {name}" in home
        await pilot.press("p")
        assert f"{name} (yours)" in drawn_text(app)
        prompts = [option.prompt.plain for option in app.screen.query_one("#plan-list", OptionList).options]
        assert f"{name} (yours)  ◀ current" in prompts


async def test_a_plan_named_with_escapes_shows_them_and_draws_no_control_character(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_on_plan(tmp_path, monkeypatch, plan_named("Gym \x1b]0;PWNED\x07", "A \x1b[31mred\x9b2J"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        home = drawn_text(app)
        assert "Gym \\x1b]0;PWNED\\x07" in home and "A \\x1b[31mred\\x9b2J" in home
        assert control_characters(home) == []


async def test_notices_show_file_text_literally(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_on_plan(tmp_path, monkeypatch, plan_named("Mine"))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        app.notify("Resuming [b]Leg[/] \x1b]52;c;eA==\x07", title="Plan [/] \x1b[5m", markup=True)
        await pilot.pause()
        shown = drawn_text(app)
        assert "Resuming [b]Leg[/] \\x1b]52;c;eA==\\x07" in shown and "Plan [/] \\x1b[5m" in shown
        assert control_characters(shown) == []
