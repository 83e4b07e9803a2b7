"""The key footer, fitted to the window: every key shows, some in short words when the full ones would not fit."""

from __future__ import annotations

from collections.abc import Mapping

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from strongstride.tui.layout import WIDE_FROM

PALETTE_KEY_WIDTH = 14     # "│ ^p palette " on the right


class FittedFooter(Footer):
    """A Footer whose keys all show from 60 columns up: compact and without the palette's key below 100
    columns, and as many keys as it takes in their short words (`short_words`, by action) to fit.

    An action whose short words are "" is left out then: its key still works, and the screen says it elsewhere."""

    def __init__(self, short_words: Mapping[str, str] | None = None) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self.short_words = dict(short_words or {})
        self.fitted_width = 0

    def on_resize(self, event: events.Resize) -> None:
        """Fit the keys again to the new width."""
        if event.size.width != self.fitted_width:
            self.fitted_width = event.size.width
            roomy = self.fitted_width >= WIDE_FROM
            self.compact = not roomy
            self.show_command_palette = roomy
            self.call_after_refresh(self.recompose)

    def shown_bindings(self) -> list[Binding]:
        """The bindings the footer shows, one per action, as Footer picks them."""
        shown: dict[str, Binding] = {}
        for _, binding, _, _ in self.screen.active_bindings.values():
            if binding.show:
                shown.setdefault(binding.action, binding)
        return list(shown.values())

    def key_width(self, binding: Binding, words: str | None = None) -> int:
        """The columns one key takes: key, space, words and a gap (padded when not compact); none when left out."""
        words = binding.description if words is None else words
        if not words:
            return 0
        return len(self.app.get_key_display(binding)) + len(words) + (2 if self.compact else 3)

    def shortened(self) -> set[str]:
        """The actions to show in short words: the biggest saving first (the rightmost of equal ones), until all fit."""
        bindings = self.shown_bindings()
        palette = PALETTE_KEY_WIDTH if self.show_command_palette else 0
        excess = palette + sum(self.key_width(binding) for binding in bindings) - self.fitted_width
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

    def compose(self) -> ComposeResult:
        short = self.shortened() if self.fitted_width else set()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in short:
                if not self.short_words[widget.action]:
                    continue
                widget.description = self.short_words[widget.action]
            yield widget
