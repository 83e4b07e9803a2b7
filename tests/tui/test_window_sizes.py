"""Every screen fits a 60x20 window: what the runner needs is drawn whole, inside the window and not cut by
a container; the footer's keys all show; large windows show more."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from strongstride.engine.events import ExerciseSkipped, RestEnded, SetLogged, WarmupDone
from strongstride.services.keeper import SessionKeeper
from strongstride.tui.screens.confirm import ConfirmScreen
from strongstride.tui.screens.edit_set import SetChoiceScreen
from strongstride.tui.screens.hold import HoldScreen
from strongstride.tui.screens.log_set import LogSetScreen
from strongstride.tui.screens.summary import SummaryScreen
from strongstride.tui.widgets.fitted_footer import FittedFooter
from strongstride.tui.widgets.plan_picker import PlanSessionPicker
from tests.tui.app_fixtures import make_app
from tests.tui.session_harness import Clocks, ScreenHarness, do_every_set, new_keeper, session_app

SMALL = (60, 20)


def shown_whole(widget: Widget) -> bool:
    """All of the widget is drawn: inside the window, not clipped by any container, not hidden."""
    if not widget.display or not widget.is_mounted:
        return False
    geometry = widget.screen.find_widget(widget)
    window = Region(0, 0, *widget.app.size)
    return (geometry.region.area > 0 and window.contains_region(geometry.region)
            and geometry.clip.contains_region(geometry.region))


def cut_off(app: ScreenHarness, *selectors: str) -> list[str]:
    """The selectors whose widget on the current screen is not drawn whole."""
    return [selector for selector in selectors if not shown_whole(app.screen.query_one(selector))]


def footer_words(app) -> list[str]:
    """ "key words" for each key the current screen's footer shows, each checked to be drawn whole."""
    fitted = app.screen.query(FittedFooter)
    if not fitted:          # a screen with Textual's own footer: a widget a key
        keys = [key for key in app.screen.query(FooterKey) if key.display]
        assert keys and all(shown_whole(key) for key in keys), [k.key for k in keys if not shown_whole(k)]
        return [f"{key.key} {key.description}" for key in keys]
    footer = fitted.only_one()
    shown = footer.shown_keys()
    assert shown and shown_whole(footer)
    assert all(key.end <= footer.size.width for key in shown), [key.key for key in shown if key.end > footer.size.width]
    assert all(left.end <= right.start for left, right in zip(shown, shown[1:]))     # none drawn over another
    drawn = footer.render().plain
    assert all(drawn[key.start:key.end].strip() == f"{key.shown_as} {key.words}" for key in shown), drawn
    return [f"{key.key} {key.words}" for key in shown]


def warmed_up(root: Path, clocks: Clocks) -> SessionKeeper:
    keeper = new_keeper(root)
    keeper.apply(WarmupDone(clocks.wall()))
    return keeper


def at_the_plank(root: Path, clocks: Clocks) -> SessionKeeper:
    """The session on its last exercise, the plank: a hold with an easier and a harder variation."""
    keeper = warmed_up(root, clocks)
    while keeper.state.card.exercise.id != "plank":
        keeper.apply(ExerciseSkipped(clocks.wall()))
    return keeper


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


async def test_the_set_card_with_its_variations_fits_60x20(folders: Path, clocks: Clocks) -> None:
    app = session_app(at_the_plank(folders, clocks), clocks)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert cut_off(app, "#card-name", "#card-position", "#card-count", "#card-target", "#card-swaps") == []
        assert "V: harder" in str(app.screen.query_one("#card-swaps").render())
        words = footer_words(app)
        assert "enter Hold" in words and "x Skip exercise" in words and "v Swap" in words and "q Leave" in words


async def test_a_card_taller_than_the_window_scrolls_with_the_arrow_keys(folders: Path, clocks: Clocks) -> None:
    app = session_app(warmed_up(folders, clocks), clocks)
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        card = app.screen.query_one("#set")
        note = app.screen.query_one("#card-note")
        assert card.max_scroll_y > 0 and not shown_whole(note)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert card.scroll_y > 0 and shown_whole(note)
        assert app.screen.query_one("#card-name").region.y < card.region.y    # scrolled past the top, not lost


async def test_the_log_dialog_fits_60x20_with_every_field_and_the_rpe_scale(folders: Path, clocks: Clocks) -> None:
    app = session_app(warmed_up(folders, clocks), clocks)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, LogSetScreen)
        assert cut_off(app, "#log-box", "#log-title", "#log-target", "#log-count", "#log-load", "#log-rpe",
                       "#log-rpe-explained", "#log-note", "#log-error") == []
        scale = str(app.screen.query_one("#log-rpe").render())
        assert "maybe 2 reps left" in scale and "6+ reps left (light)" in scale   # every meaning whole, on one row
        assert len(scale.splitlines()) == 11
        assert footer_words(app) == ["enter Save", "right_square_bracket heavier", "left_square_bracket lighter",
                                     "n Note", "question_mark What is RPE?", "escape Cancel"]
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert footer_words(app)[:2] == ["enter Save", "plus reps"]     # room for +/- again


async def test_the_rest_fits_60x20_and_shows_the_next_cues_only_when_there_is_room(
        folders: Path, clocks: Clocks) -> None:
    keeper = warmed_up(folders, clocks)
    keeper.apply(SetLogged(clocks.wall(), 8, 40.0, 8.0))
    app = session_app(keeper, clocks)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert cut_off(app, "#rest-title", "#rest-digits", "#rest-next", "#rest-next-target", "#rest-next-plates",
                       "#rest-next-reason") == []
        assert not shown_whole(app.screen.query_one("#rest-next-cues"))
        assert footer_words(app) == ["s Skip rest", "plus 15 s", "minus 15 s", "e Edit set", "u Undo set", "q Leave"]
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert cut_off(app, "#rest-next-cues", "#rest-next-mistake", "#rest-next-plates") == []
        assert "push your hips back" in str(app.screen.query_one("#rest-next-cues").render())


async def test_the_hold_fits_60x20_through_to_its_rpe(folders: Path, clocks: Clocks) -> None:
    app = session_app(at_the_plank(folders, clocks), clocks)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, HoldScreen)
        assert cut_off(app, "#hold-box", "#hold-title", "#hold-phase", "#hold-digits", "#hold-keys") == []
        clocks.advance(3 + app.screen.seconds)
        app.screen.tick()
        await pilot.pause()
        assert app.screen.asking_rpe
        assert cut_off(app, "#hold-box", "#hold-phase", "#hold-rpe", "#hold-keys") == []


async def test_the_finish_question_and_the_set_choice_fit_60x20(folders: Path, clocks: Clocks) -> None:
    keeper = warmed_up(folders, clocks)
    keeper.apply(SetLogged(clocks.wall(), 8, 40.0, 8.0))
    keeper.apply(RestEnded(clocks.wall()))
    app = session_app(keeper, clocks)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, ConfirmScreen)
        assert cut_off(app, "ConfirmScreen > Vertical", "#question", "#answers") == []
        await pilot.press("escape", "e")
        assert isinstance(app.screen, SetChoiceScreen)
        assert cut_off(app, "#choice-box", "#choice-title", "OptionList") == []
        assert footer_words(app) == ["escape Cancel"]


async def test_the_summary_footer_fits_60x20(folders: Path, clocks: Clocks) -> None:
    keeper = new_keeper(folders)
    do_every_set(keeper, clocks)
    app = session_app(keeper, clocks)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        words = footer_words(app)
        assert words[0] == "enter Save session" and any(word.startswith("q ") for word in words)
        assert not any("palette" in word for word in words)


async def test_home_fits_60x20_with_every_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, in_progress=True, config_text='schema = 1\nunits = "stone"\n')
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert cut_off(app, "#problems", "#resume", "#today") == []
        picker = app.screen.query_one(PlanSessionPicker)
        assert shown_whole(picker) and picker.size.height >= 3
        words = footer_words(app)
        for key in ("enter Start", "p Plans", "r Resume", "w Why", "h History", "e Problems", "q Quit"):
            assert key in words


async def test_at_80_columns_the_footer_offers_e_to_correct_a_set(folders: Path, clocks: Clocks) -> None:
    keeper = warmed_up(folders, clocks)
    keeper.apply(SetLogged(clocks.wall(), 8, 40.0, 8.0))
    keeper.apply(RestEnded(clocks.wall()))
    while keeper.state.card.exercise.id != "plank":     # a card with every key: variations to swap to as well
        keeper.apply(ExerciseSkipped(clocks.wall()))
    app = session_app(keeper, clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        words = footer_words(app)     # eight keys: the biggest savings in short words, so that all of them show
        assert words == ["enter Hold", "l Log set", "s Skip set", "x Skip exercise", "v Swap", "e Edit set", "u Undo",
                         "q Leave"]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        words = footer_words(app)     # room for the full words, and the command palette's key
        for key in ("enter Start hold", "l Log set", "s Skip set", "e Edit set", "u Undo set", "ctrl+p palette"):
            assert key in words


async def test_at_80_columns_an_ordinary_card_keeps_its_full_words(folders: Path, clocks: Clocks) -> None:
    keeper = warmed_up(folders, clocks)
    keeper.apply(SetLogged(clocks.wall(), 8, 40.0, 8.0))
    keeper.apply(RestEnded(clocks.wall()))
    app = session_app(keeper, clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert footer_words(app) == ["enter Log set", "s Skip set", "x Skip exercise", "v Swap", "e Edit set",
                                     "u Undo set", "q Leave"]


async def test_in_the_real_app_the_session_footer_keeps_its_own_keys_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("enter")            # start today's session, on its warm-up
        await pilot.press("enter")            # warm-up done: the first set
        await pilot.pause()
        words = footer_words(app)             # the app's h gives way before the session's own keys shorten
        assert words == ["enter Log set", "s Skip set", "x Skip exercise", "q Leave", "t Theme"]


async def test_a_large_window_frames_the_card_and_lists_its_cues_one_a_line(folders: Path, clocks: Clocks) -> None:
    app = session_app(warmed_up(folders, clocks), clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listed = app.screen.query_one("#card-cue-list")
        assert shown_whole(listed) and not app.screen.query_one("#card-cues").display
        assert str(listed.render()).splitlines()[1:] == [
            "  • Bar on your upper back, feet hip-width", "  • Dip a quarter of the way down, no deeper",
            "  • Keep your shins near vertical", "  • Drive up hard and fast"]
        assert app.screen.query_one("#set").styles.border_top[0] == "round"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert shown_whole(app.screen.query_one("#card-cues")) and not listed.display
