"""The key footer, fitted to the window and drawn as one line of text: every key shows, some in short words when
the full ones would not fit, and a click on a key presses it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from strongstride.tui.layout import WIDE_FROM

PALETTE_KEY_WIDTH = 14      # "│ ^p palette " on the right, with room to spare
PALETTE_SEPARATOR = "▏"


class ShownKey(NamedTuple):
    """One key as the footer shows it: the key, how it is written, its words, whether it works now, and the
    columns it takes (start included, end not)."""

    key: str
    shown_as: str
    words: str
    enabled: bool
    start: int
    end: int


class FittedFooter(Widget, can_focus=False):
    """The active screen's keys on one line, all of them from 60 columns up: compact and without the palette's key
    below 100 columns, and as many keys as it takes in their short words (`short_words`, by action) to fit.

    An action whose short words are "" is left out then: its key still works, and the screen says it elsewhere.
    One widget drawing one line costs a fraction of a widget per key, which every screen with a footer pays
    at its first paint."""

    COMPONENT_CLASSES = {"fitted-footer--key", "fitted-footer--description", "fitted-footer--separator",
                         "fitted-footer--hover"}

    DEFAULT_CSS = """
    FittedFooter {
        dock: bottom;
        height: 1;
        text-wrap: nowrap;
        color: $footer-foreground;
        background: $footer-background;
        & > .fitted-footer--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        & > .fitted-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .fitted-footer--separator { color: $foreground 20%; }
        & > .fitted-footer--hover { background: $block-hover-background; }
    }
    """

    ALLOW_SELECT = False

    def __init__(self, short_words: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.short_words = dict(short_words or {})
        self.hovered: str | None = None     # the key under the mouse, drawn highlighted

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Draw the keys again: focus moved, or a key was enabled, disabled, shown or hidden."""
        self.refresh()

    @property
    def roomy(self) -> bool:
        """Wide enough for padded keys and the command palette's key."""
        return self.size.width >= WIDE_FROM

    def shown_bindings(self) -> list[tuple[Binding, bool]]:
        """The bindings to show, one per action as Textual's footer picks them, each with whether it works now."""
        shown: dict[str, tuple[Binding, bool]] = {}
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.show:
                shown.setdefault(binding.action, (binding, enabled))
        return list(shown.values())

    def key_width(self, binding: Binding, words: str | None = None) -> int:
        """The columns one key takes: key, space, words and a gap (padded when roomy); none when left out."""
        words = binding.description if words is None else words
        if not words:
            return 0
        return len(self.app.get_key_display(binding)) + len(words) + (3 if self.roomy else 2)

    def shortened(self, bindings: list[Binding]) -> set[str]:
        """The actions to show in short words: the biggest saving first (the rightmost of equal ones), until all fit."""
        palette = PALETTE_KEY_WIDTH if self.roomy else 0
        excess = palette + sum(self.key_width(binding) for binding in bindings) - self.size.width
        savings = sorted(((self.key_width(binding) - self.key_width(binding, self.short_words[binding.action]),
                           position, binding.action)
                          for position, binding in enumerate(bindings) if binding.action in self.short_words),
                         reverse=True)
        chosen: set[str] = set()
        for saving, _, action in savings:
            if excess <= 0:
                break
            chosen.add(action)
            excess -= saving
        return chosen

    def shown_keys(self) -> list[ShownKey]:
        """The keys as drawn now, left to right, the command palette's last when there is room for it."""
        bindings = self.shown_bindings()
        short = self.shortened([binding for binding, _ in bindings])
        keys: list[ShownKey] = []
        column = 0
        for binding, enabled in bindings:
            words = self.short_words[binding.action] if binding.action in short else binding.description
            if binding.action in short and not words:
                continue
            shown_as = self.app.get_key_display(binding)
            drawn = len(shown_as) + len(words) + (3 if self.roomy else 1)      # less the gap after a compact key
            keys.append(ShownKey(binding.key, shown_as, words, enabled, column, column + drawn))
            column += self.key_width(binding, words)
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.roomy and self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            shown_as = self.app.get_key_display(palette.binding)
            start = self.size.width - len(shown_as) - len(palette.binding.description) - 2
            keys.append(ShownKey(palette.binding.key, shown_as, palette.binding.description, palette.enabled,
                                  start, self.size.width))
        return keys

    def render(self) -> Text:
        key_style = self.get_component_rich_style("fitted-footer--key")
        words_style = self.get_component_rich_style("fitted-footer--description")
        hover = Style(bgcolor=self.get_component_rich_style("fitted-footer--hover").bgcolor)
        line = Text(no_wrap=True, end="")
        for key in self.shown_keys():
            palette = key.key == self.app.COMMAND_PALETTE_BINDING and self.roomy     # docked right, after a bar
            line.append(" " * (key.start - len(line) - palette))
            if palette:
                line.append(PALETTE_SEPARATOR, self.get_component_rich_style("fitted-footer--separator"))
                drawn = Text.assemble((key.shown_as, key_style), (f" {key.words} ", words_style))
            elif self.roomy:
                drawn = Text.assemble((f" {key.shown_as} ", key_style), (f"{key.words} ", words_style))
            else:
                drawn = Text.assemble((key.shown_as, key_style), (f" {key.words}", words_style))
            if not key.enabled:
                drawn.stylize(Style(dim=True))
            if key.key == self.hovered:
                drawn.stylize(hover)
            line.append_text(drawn)
        return line

    def key_at(self, x: int) -> ShownKey | None:
        """The key drawn at column x, if any."""
        return next((key for key in self.shown_keys() if key.start <= x < key.end), None)

    def on_click(self, event: events.Click) -> None:
        """Press the key clicked, as Textual's footer does; a key that does not work now rings the bell."""
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x)
        self.set_hovered(key.key if key else None)

    def on_leave(self, event: events.Leave) -> None:
        self.set_hovered(None)

    def set_hovered(self, key: str | None) -> None:
        """Highlight the key under the mouse (none when it leaves the keys)."""
        if key != self.hovered:
            self.hovered = key
            self.refresh()
