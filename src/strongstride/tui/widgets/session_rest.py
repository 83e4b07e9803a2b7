"""The rest between sets: the big countdown, and the next set with its adjusted load and why."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label

from strongstride.engine.session_state import SetCard
from strongstride.model.sources import name_sources
from strongstride.model.visible_text import literal
from strongstride.tui.widgets.rest_timer import RestTimer
from strongstride.tui.widgets.set_card import cue_list, labelled_line, next_set_words, target_words


class RestPanel(Vertical):
    """A RestTimer on the injected monotonic clock, with the next set underneath."""

    DEFAULT_CSS = """
    RestPanel { height: auto; padding: 0 1; }
    RestPanel #rest-next { text-style: bold; margin: 1 0 0 0; }
    RestPanel #rest-next-target { text-style: bold; color: $accent; }
    RestPanel .rest-line { width: 1fr; }
    RestPanel .rest-roomy { display: none; }    /* shown where the screen has room (SessionScreen's CSS) */
    """

    def __init__(self, started_at: float, seconds: int, monotonic: Callable[[], float], card: SetCard | None,
                 keys: str = "") -> None:
        super().__init__()
        self.timer = RestTimer(started_at, seconds, monotonic, keys, id="rest-timer")
        self.card = card

    def compose(self) -> ComposeResult:
        yield self.timer
        card = self.card
        if card is None:
            return
        yield labelled_line("Next", next_set_words(card), "rest-next", "rest-line")
        yield Label(literal(target_words(card)), id="rest-next-target", classes="rest-line")
        if card.plates is not None:
            yield labelled_line("Plates", card.plates.reason, "rest-next-plates", "rest-line")
        yield labelled_line("Why", name_sources(card.target.reason), "rest-next-reason", "rest-line")
        if card.exercise.cues:    # a large window has room to go over the form while resting
            yield cue_list(card.exercise.cues, "rest-next-cues", "rest-line rest-roomy")
        if card.exercise.mistake:
            yield labelled_line("Avoid", card.exercise.mistake, "rest-next-mistake", "rest-line rest-roomy")
