"""Screens made with their window-size classes, laid out once when pushed, their frame timer running from the start."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.screen import Screen
from textual.timer import Timer

from strongstride.tui.layout import HEIGHT_CLASSES, WIDTH_CLASSES, size_classes
from strongstride.tui.screens.history import HistoryScreen
from strongstride.tui.widgets.row_table import RowTable
from tests.tui.app_fixtures import make_app


@pytest.mark.parametrize(("size", "on"), [
    ((60, 20), {"-narrow", "-short"}),
    ((79, 23), {"-narrow", "-short"}),
    ((80, 24), {"-medium", "-medium-height"}),
    ((99, 29), {"-medium", "-medium-height"}),
    ((100, 30), {"-wide", "-tall"}),
    ((200, 60), {"-wide", "-tall"}),
])
def test_a_window_takes_the_class_of_the_highest_threshold_it_reaches_in_each_dimension(
        size: tuple[int, int], on: set[str]) -> None:
    classes = size_classes(size, WIDTH_CLASSES, HEIGHT_CLASSES)
    assert {name for name, taken in classes.items() if taken} == on
    assert set(classes) == {name for _, name in WIDTH_CLASSES + HEIGHT_CLASSES}


def resized_screens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The class names of the screens whose Textual Resize handler runs from now on."""
    handled: list[str] = []
    textual_resize = Screen._on_resize

    async def on_resize(self: Screen[object], event: events.Resize) -> None:
        handled.append(type(self).__name__)
        await textual_resize(self, event)

    monkeypatch.setattr(Screen, "_on_resize", on_resize)
    return handled


async def test_a_pushed_screen_has_its_size_classes_and_is_neither_styled_nor_laid_out_again_for_its_own_size(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        handled = resized_screens(monkeypatch)
        restyled: list[Screen[object]] = []
        update_node_styles = Screen.update_node_styles

        def styled(screen: Screen[object], animate: bool = True) -> None:
            restyled.append(screen)
            update_node_styles(screen, animate)

        monkeypatch.setattr(Screen, "update_node_styles", styled)
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert screen.has_class("-medium") and screen.has_class("-medium-height")
        assert handled == [] and screen not in restyled


async def test_a_screen_follows_the_window_when_it_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        handled = resized_screens(monkeypatch)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        screen = app.screen
        assert "HistoryScreen" in handled
        assert screen.has_class("-wide") and screen.has_class("-tall") and not screen.has_class("-medium")
        assert screen.query_one(RowTable).outer_size.width == 120


async def test_the_frame_timer_starts_as_the_screen_is_made_not_after_its_first_layout(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        happened: list[str] = []
        resume, refresh_layout = Timer.resume, Screen._refresh_layout

        def resumed(timer: Timer) -> None:
            if timer.name == "screen_update" and isinstance(timer._target(), HistoryScreen):
                happened.append("frame timer running")
            resume(timer)

        def laid_out(screen: Screen[object], *args: object, **kwargs: object) -> None:
            if isinstance(screen, HistoryScreen):
                happened.append("laid out")
            refresh_layout(screen, *args, **kwargs)   # type: ignore[arg-type]

        monkeypatch.setattr(Timer, "resume", resumed)
        monkeypatch.setattr(Screen, "_refresh_layout", laid_out)
        await pilot.press("h")
        await pilot.pause()
        assert happened[0] == "frame timer running" and "laid out" in happened
