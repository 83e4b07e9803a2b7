"""TabStrip: the labels as plain text, the active tab marked by the bar under its words, chosen by click or arrows."""

from __future__ import annotations

from textual.app import App, ComposeResult

from strongstride.tui.widgets.tab_strip import TabStrip

TABS = (("one", "1 One"), ("two", "2 Two"), ("three", "3 Three"))


class StripApp(App[None]):
    """A TabStrip alone, noting every tab chosen."""

    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield TabStrip(TABS, "two")

    def on_tab_strip_chosen(self, event: TabStrip.Chosen) -> None:
        self.chosen.append(event.tab)
        event.tab_strip.active = event.tab


def lit_columns(strip: TabStrip) -> list[int]:
    """The columns of the bar drawn in the lit colour: under the active tab's words."""
    bar = strip.render_line(1)
    lit = strip.get_component_rich_style("tab-strip--bar").color
    columns, x = [], 0
    for segment in bar:
        if segment.style is not None and segment.style.color == lit:
            columns += range(x, x + len(segment.text))
        x += len(segment.text)
    return columns


async def test_the_labels_are_plain_text_and_the_bar_is_lit_under_the_active_tabs_words() -> None:
    app = StripApp()
    async with app.run_test(size=(40, 4)) as pilot:
        strip = app.query_one(TabStrip)
        assert strip.render_line(0).text.rstrip() == " 1 One  2 Two  3 Three"
        assert strip.render_line(1).text == "━" * 7 + "╸" + "━" * 5 + "╺" + "━" * 26   # half bars either side, as Textual's
        assert lit_columns(strip) == list(range(8, 13))       # "2 Two"
        strip.active = "three"
        await pilot.pause()
        assert lit_columns(strip) == list(range(15, 22))      # "3 Three"


async def test_a_click_on_a_label_chooses_its_tab_and_a_click_past_the_labels_chooses_none() -> None:
    app = StripApp()
    async with app.run_test(size=(40, 4)) as pilot:
        await pilot.click(TabStrip, offset=(2, 0))
        await pilot.click(TabStrip, offset=(16, 1))    # on the bar under "3 Three"
        await pilot.click(TabStrip, offset=(30, 0))
        assert app.chosen == ["one", "three"]


async def test_left_and_right_step_through_the_tabs_round_the_ends_when_focused() -> None:
    app = StripApp()
    async with app.run_test(size=(40, 4)) as pilot:
        app.query_one(TabStrip).focus()
        await pilot.press("right", "right", "left", "left", "left")
        assert app.chosen == ["three", "one", "three", "two", "one"]


def label_colour(strip: TabStrip, column: int) -> object:
    """The colour the label at this column of the first line is drawn in."""
    x = 0
    for segment in strip.render_line(0):
        if x <= column < x + len(segment.text):
            assert segment.style is not None
            return segment.style.color
        x += len(segment.text)
    raise AssertionError(f"nothing drawn at column {column}")


async def test_the_label_under_the_mouse_is_drawn_brighter_until_the_mouse_leaves() -> None:
    app = StripApp()
    async with app.run_test(size=(40, 4)) as pilot:
        strip = app.query_one(TabStrip)
        three = next(start for tab, start, _ in strip.spans() if tab == "three") + 2
        unlit = label_colour(strip, three)
        await pilot.hover(TabStrip, offset=(three, 0))
        await pilot.pause()
        assert strip.hovered == "three" and label_colour(strip, three) != unlit
        await pilot.hover(TabStrip, offset=(39, 1))   # past the labels
        await pilot.pause()
        assert strip.hovered is None and label_colour(strip, three) == unlit
        await pilot.hover(TabStrip, offset=(three, 0))
        await pilot.hover(offset=(three, 3))           # off the strip
        await pilot.pause()
        assert strip.hovered is None and label_colour(strip, three) == unlit
