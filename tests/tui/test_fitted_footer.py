"""The fitted footer, one widget drawing every key: the screen's keys as Textual's footer picks them, a click
presses a key, a key that does not work now looks dim and only rings the bell, and the theme colours the keys."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from rich.color import Color
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.theme import Theme

from strongstride.tui.widgets.fitted_footer import FittedFooter, ShownKey


class KeysApp(App[None]):
    """Three keys: Add always works, Save only once there is something to save, x is never shown."""

    BINDINGS = [Binding("a", "add", "Add"), Binding("s", "save", "Save"), Binding("x", "hidden", "Hidden", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.saving = False
        self.done: list[str] = []
        self.bells = 0

    def compose(self) -> ComposeResult:
        yield FittedFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return True if self.saving else None      # None: shown, but disabled
        return True

    def action_add(self) -> None:
        self.done.append("add")

    def action_save(self) -> None:
        self.done.append("save")

    def bell(self) -> None:
        self.bells += 1


@asynccontextmanager
async def opened(width: int = 60) -> AsyncIterator[tuple[KeysApp, Any, FittedFooter]]:
    """The app running in a window `width` columns wide, its footer drawn."""
    app = KeysApp()
    async with app.run_test(size=(width, 10)) as pilot:
        await pilot.pause()
        yield app, pilot, app.query_one(FittedFooter)


def key_named(footer: FittedFooter, key: str) -> ShownKey:
    return next(shown for shown in footer.shown_keys() if shown.key == key)


async def click_at(pilot, column: int) -> None:
    """Click the footer at one column and let the app act on it."""
    await pilot.click(FittedFooter, offset=(column, 0))
    await pilot.pause()


def drawn_style(footer: FittedFooter, column: int):
    return footer.render().get_style_at_offset(footer.app.console, column)


async def test_the_footer_shows_the_shown_keys_with_whether_they_work() -> None:
    async with opened() as (app, pilot, footer):
        assert [(key.key, key.words, key.enabled) for key in footer.shown_keys()] == [
            ("a", "Add", True), ("s", "Save", False)]
        assert footer.render().plain.startswith("a Add s Save")


async def test_a_click_on_a_key_runs_its_action() -> None:
    async with opened() as (app, pilot, footer):
        add = key_named(footer, "a")
        await click_at(pilot, add.end - 1)
        assert app.done == ["add"]
        await click_at(pilot, add.end + 10)     # past the last key: nothing
        assert app.done == ["add"] and app.bells == 0


async def test_a_disabled_key_looks_dim_rings_the_bell_and_works_once_enabled() -> None:
    async with opened() as (app, pilot, footer):
        save = key_named(footer, "s")
        assert drawn_style(footer, save.start).dim and not drawn_style(footer, key_named(footer, "a").start).dim
        await click_at(pilot, save.start)
        assert app.done == [] and app.bells == 1
        app.saving = True
        app.refresh_bindings()          # the footer draws its keys again when the bindings change
        await pilot.pause()
        save = key_named(footer, "s")
        assert save.enabled and not drawn_style(footer, save.start).dim
        await click_at(pilot, save.start)
        assert app.done == ["save"]


async def test_the_key_under_the_mouse_is_highlighted() -> None:
    async with opened() as (app, pilot, footer):
        add = key_named(footer, "a")
        plain = drawn_style(footer, add.start).bgcolor
        await pilot.hover(FittedFooter, offset=(add.start, 0))
        await pilot.pause()
        assert footer.hovered == "a" and drawn_style(footer, add.start).bgcolor != plain
        await pilot.hover(FittedFooter, offset=(50, 0))
        await pilot.pause()
        assert footer.hovered is None and drawn_style(footer, add.start).bgcolor == plain


async def test_the_keys_take_the_theme_footer_colours() -> None:
    async with opened() as (app, pilot, footer):
        app.register_theme(Theme(name="keys", primary="#004578", dark=True,
                                 variables={"footer-key-foreground": "#112233",
                                            "footer-description-foreground": "#445566"}))
        app.theme = "keys"
        await pilot.pause()
        add = key_named(footer, "a")
        assert drawn_style(footer, add.start).color == Color.parse("#112233")
        assert drawn_style(footer, add.end - 1).color == Color.parse("#445566")


async def test_a_wide_footer_pads_its_keys_and_adds_the_command_palette_key_on_the_right() -> None:
    async with opened(120) as (app, pilot, footer):
        drawn = footer.render().plain
        assert drawn.startswith(" a Add  s Save ")
        palette = footer.shown_keys()[-1]
        assert (palette.key, palette.words, palette.end) == ("ctrl+p", "palette", 120)
        assert drawn.endswith("▏^p palette ") and len(drawn) == 120
