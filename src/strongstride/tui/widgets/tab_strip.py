"""A row of tab labels over a bar marking the active one: one widget drawn as text, lighter than Textual's Tabs.

Textual's TabbedContent makes a widget for each tab, its underline and their containers, which a screen's
first paint must style and lay out one by one; this strip is one node. The labels are plain text (a screen
reader reads them as they are), the active one is brighter and marked by the bar under it, not by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

BAR = "━"


class TabStrip(Widget, can_focus=True):
    """Tabs named by (id, label), one active; a click on a label or left and right when focused choose one."""

    DEFAULT_CSS = """
    TabStrip {
        width: 1fr;
        height: 2;
        pointer: pointer;
        & > .tab-strip--tab { color: $foreground 50%; }
        & > .tab-strip--hover { color: $foreground; }
        & > .tab-strip--active { color: $foreground; }
        & > .tab-strip--bar { color: $block-cursor-background; background: $foreground 10%; }
        &:focus > .tab-strip--active {
            text-style: $block-cursor-text-style;
            color: $block-cursor-foreground;
            background: $block-cursor-background;
        }
        &:focus > .tab-strip--bar { background: $foreground 30%; }
    }
    """

    COMPONENT_CLASSES = {"tab-strip--tab", "tab-strip--hover", "tab-strip--active", "tab-strip--bar"}

    BINDINGS = [
        Binding("left", "step(-1)", "Previous tab", show=False),
        Binding("right", "step(1)", "Next tab", show=False),
    ]

    active: reactive[str] = reactive("")
    hovered: reactive[str | None] = reactive(None)   # the tab whose label is under the mouse, drawn brighter

    class Chosen(Message):
        """A tab was chosen with the mouse or the arrow keys."""

        def __init__(self, tab_strip: TabStrip, tab: str) -> None:
            super().__init__()
            self.tab_strip = tab_strip
            self.tab = tab

        @property
        def control(self) -> TabStrip:
            return self.tab_strip

    def __init__(self, tabs: Sequence[tuple[str, str]], active: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tabs = tuple(tabs)
        self.set_reactive(TabStrip.active, active)

    def spans(self) -> list[tuple[str, int, int]]:
        """Each tab's id and the columns its label takes, from start up to end: a space either side of its words."""
        spans, start = [], 0
        for tab, label in self.tabs:
            spans.append((tab, start, start + len(label) + 2))
            start += len(label) + 2
        return spans

    def render(self) -> Text:
        labels, bar = Text(no_wrap=True, overflow="crop"), Text(no_wrap=True, overflow="crop")
        tab_style, hover_style, active_style = (self.get_component_rich_style(name)
                                                for name in ("tab-strip--tab", "tab-strip--hover", "tab-strip--active"))
        bar_style = self.get_component_rich_style("tab-strip--bar")
        lit, unlit = Style.from_color(bar_style.color), Style.from_color(bar_style.bgcolor)
        for (tab, label), (_, start, end) in zip(self.tabs, self.spans()):
            if tab == self.active:   # lit under the words, with half bars either side as Textual's tabs draw it
                labels.append(f" {label} ", active_style)
                bar.append_text(Text.assemble(("╸", unlit), (BAR * len(label), lit), ("╺", unlit)))
            else:
                labels.append(f" {label} ", hover_style if tab == self.hovered else tab_style)
                bar.append(BAR * (end - start), unlit)
        bar.append(BAR * max(0, self.size.width - bar.cell_len), unlit)
        return Text("\n").join((labels, bar))

    def tab_at(self, x: int) -> str | None:
        """The tab whose label is at this column, if any."""
        return next((tab for tab, start, end in self.spans() if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        tab = self.tab_at(event.x)
        if tab is not None:
            self.post_message(self.Chosen(self, tab))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self.tab_at(event.x)

    def on_leave(self, event: events.Leave) -> None:
        self.hovered = None

    def action_step(self, step: int) -> None:
        """Choose the tab before or after the active one, round the ends."""
        ids = [tab for tab, _ in self.tabs]
        self.post_message(self.Chosen(self, ids[(ids.index(self.active) + step) % len(ids)]))
