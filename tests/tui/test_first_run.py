"""The first-run questions: shown on a first run or when asked, they write a commented config and pick the plan."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, RadioButton, Static

from strongstride.tui.app import StrongstrideApp
from strongstride.tui.screens.first_run import FirstRunScreen
from strongstride.tui.screens.home import HomeScreen
from strongstride.tui.screens.session import SessionScreen
from strongstride.tui.startup import load_app_state
from tests.tui.app_fixtures import make_app, opened_app, user_folders, write_history, write_in_progress

COMMENTED_CONFIG = """\
# Mine, by hand.
units = "kg"   # always metric

[running]
# The club run.
long_run_days = ["saturday"]
focus = "marathon"   # Berlin next year
"""


def config_text(app: StrongstrideApp) -> str:
    return app.state.config_path.read_text(encoding="utf-8")


def shown(app: StrongstrideApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def test_a_first_run_opens_on_the_questions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user_folders(tmp_path, monkeypatch)
    app = opened_app(monkeypatch, [])
    assert app.state.first_run and app.open_on_setup


def test_with_history_or_a_config_the_app_opens_on_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = user_folders(tmp_path, monkeypatch)
    write_history(folders)
    assert not opened_app(monkeypatch, []).open_on_setup
    for session in (folders["data"] / "history").rglob("*.toml"):
        session.unlink()
    (folders["config"] / "config.toml").write_text("schema = 1\n", encoding="utf-8")
    assert not opened_app(monkeypatch, []).open_on_setup


def test_a_plan_given_on_the_command_line_or_an_unfinished_session_is_no_first_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = user_folders(tmp_path, monkeypatch)
    assert not opened_app(monkeypatch, ["--plan", "gentle-start"]).open_on_setup
    write_in_progress(folders)
    app = opened_app(monkeypatch, [])
    assert not app.state.first_run and not app.open_on_setup


def test_strongstride_setup_opens_the_questions_even_with_a_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = user_folders(tmp_path, monkeypatch)
    (folders["config"] / "config.toml").write_text(COMMENTED_CONFIG, encoding="utf-8")
    app = opened_app(monkeypatch, ["setup"])
    assert app.open_on_setup and not app.state.first_run


async def test_a_no_equipment_beginner_gets_a_commented_config_and_the_bodyweight_plan_on_home(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False, setup=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press("down", "down", "up", "up", "enter")   # experience: New to strength work
        await pilot.press("tab", "enter")                           # kit: None
        assert "Bodyweight beginner" in shown(app, "#choice")
        assert "“Why Should You Strength Train”" in shown(app, "#choice")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = config_text(app)
        assert text.startswith("# strongstride's settings.") and "# the plan you train from" in text
        saved = tomllib.loads(text)
        assert saved["plan"] == "bodyweight-beginner" and saved["equipment"]["owned"] == []
        assert app.state.plan_id == "bodyweight-beginner" and app.state.config.equipment.owned == ()
        assert app.screen.query_one("#today").border_title == "Bodyweight beginner"
        assert any("balance and stability first" in str(note.message) for note in app._notifications)
        await pilot.press("enter", "enter")   # start today's session, then the warm-up is done
        assert isinstance(app.screen, SessionScreen)
        state = app.screen.keeper.state
        assert state.step == "set" and state.card is not None and state.card.kind == "work"
        assert state.card.exercise.equipment == "bodyweight"


async def test_a_gentle_start_with_a_full_gym_picks_the_gentle_plan_and_leaves_owned_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False, setup=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        screen.query_one("#kit-gym", RadioButton).value = True
        screen.query_one("#gentle", Checkbox).focus()
        await pilot.press("space")
        assert "Gentle start" in shown(app, "#choice") and "if you're 80 or 20" in shown(app, "#choice")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = tomllib.loads(config_text(app))
        assert saved["plan"] == "gentle-start" and "owned" not in saved.get("equipment", {})
        assert app.state.plan is not None and app.state.plan.name == "Gentle start"


async def test_setup_on_a_commented_config_keeps_every_comment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, config_text=COMMENTED_CONFIG, setup=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert screen.query_one("#focus-marathon", RadioButton).value      # the config's answers come first
        assert screen.query_one("#long_run_days-saturday", Checkbox).value
        screen.query_one("#kit-bands", RadioButton).value = True
        screen.query_one("#hard_days-wednesday", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = config_text(app)
    for comment in ("# Mine, by hand.", "# always metric", "# The club run.", "# Berlin next year"):
        assert comment in text
    assert text.startswith('# Mine, by hand.\nunits = "kg"   # always metric\nplan = "bodyweight-beginner"\n')
    saved = tomllib.loads(text)
    assert saved["running"] == {"long_run_days": ["saturday"], "focus": "marathon", "hard_days": ["wednesday"]}
    assert saved["equipment"]["owned"] == ["band"]


async def test_dumbbells_ask_which_and_a_word_that_is_no_weight_is_named_and_nothing_saved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False, setup=True)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = app.screen
        assert not screen.query_one("#dumbbells", Input).display
        screen.query_one("#kit-dumbbells", RadioButton).value = True
        await pilot.pause()
        weights = screen.query_one("#dumbbells", Input)
        assert weights.display
        weights.value = "4, 8, heavy"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        assert "'heavy' is not a weight" in shown(app, "#error")
        assert not app.state.config_path.exists()
        weights.value = "12, 4, 8"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = tomllib.loads(config_text(app))
    assert saved["equipment"] == {"owned": ["dumbbell"], "dumbbells": [4.0, 8.0, 12.0]}


async def test_a_race_date_that_cannot_be_read_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False, setup=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#race_date", Input).value = "18/04/2027"
        await pilot.pause()
        assert "write it as YYYY-MM-DD" in shown(app, "#error")
        app.screen.query_one("#race_date", Input).value = "2027-04-18"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert str(tomllib.loads(config_text(app))["running"]["race_date"]) == "2027-04-18"


async def test_skipping_a_first_run_keeps_the_plan_shown_so_the_questions_do_not_return(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False, setup=True)
    app.state.first_run = True
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert tomllib.loads(config_text(app))["plan"] == app.state.plan_id
    assert not load_app_state(None, app.state.today).first_run


async def test_skipping_setup_asked_for_again_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False, setup=True)
    app.state.first_run = False
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert not app.state.config_path.exists()


async def test_the_command_palette_asks_the_questions_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p")
        await pilot.press(*"Set up")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)


async def test_a_config_that_does_not_parse_is_never_written_over_and_the_line_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = 'theme = "dark\n# half written\n'
    app = make_app(tmp_path, monkeypatch, history=False, config_text=broken, setup=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        notes = [str(note.message) for note in app._notifications if note.title == "Not saved"]
        assert len(notes) == 1 and "config.toml:1" in notes[0]
    assert app.state.config_path.read_text(encoding="utf-8") == broken


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_the_plan_line_and_the_keys_show_whole_at_every_size_and_the_questions_scroll_to_save(
        size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.geometry import Region
    from textual.widgets import Button
    from textual.widgets._footer import FooterKey

    app = make_app(tmp_path, monkeypatch, history=False, setup=True)
    async with app.run_test(size=size) as pilot:
        window = Region(0, 0, *size)
        screen = app.screen
        choice = screen.query_one("#choice")
        assert window.contains_region(screen.find_widget(choice).region)
        keys = {key.key for key in screen.query(FooterKey) if key.display
                and window.contains_region(screen.find_widget(key).region)}
        assert {"ctrl+s", "escape"} <= keys
        save = screen.query_one("#save", Button)
        save.focus()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()   # focus scrolls the questions smoothly
        assert window.contains_region(screen.find_widget(save).region)   # scrolled into view
        await pilot.press("enter")
        await pilot.pause()
        assert tomllib.loads(config_text(app))["plan"] == "bodyweight-beginner"
