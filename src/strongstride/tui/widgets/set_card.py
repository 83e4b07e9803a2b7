"""The set card: what to do now, readable from a metre away, with the cues and the reason beside it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Label

from strongstride.engine.session_state import SetCard
from strongstride.model.units import format_load
from strongstride.model.sources import name_sources
from strongstride.model.visible_text import literal, visible
from strongstride.tui.widgets.big_number import BigNumber

WARMUP_BADGE = " WARM-UP "
EXTRA_BADGE = " EXTRA SET "


def reps_word(count: int) -> str:
    """ "rep" for one, "reps" for any other count."""
    return "rep" if count == 1 else "reps"


def target_words(card: SetCard) -> str:
    """The target in one line: "8 reps per side · 62.5 kg · RPE 8 = 2 reps left" (or a hold in seconds)."""
    target = card.target
    parts = []
    per_side = " per side" if card.side else ""
    if target.hold_seconds is not None and card.is_hold:
        parts.append(f"hold {target.hold_seconds} s{per_side}")
    elif target.reps is not None:
        parts.append(f"{target.reps} {reps_word(target.reps)}{per_side}")
    parts.append(format_load(target.load, card.unit) if target.load is not None else load_kind_words(card))
    if card.rpe_meaning:
        parts.append(card.rpe_meaning)
    if card.tempo:
        parts.append(f"tempo {card.tempo}")
    return " · ".join(parts)


def load_kind_words(card: SetCard) -> str:
    """What the body works against when there is no weight to load: the plan's band, or bodyweight."""
    if card.band is not None:
        return f"band {card.band}"
    return "band" if card.exercise.equipment == "band" else "bodyweight"


def effort_words(card: SetCard) -> str:
    """Beside the big numbers: how hard (the RPE in words), "light: warm-up", or what the body works against."""
    if card.rpe_meaning:
        return card.rpe_meaning
    if card.kind == "warmup":
        return "light: warm-up"
    return load_kind_words(card)


def next_set_words(card: SetCard) -> str:
    """The set that follows, as the rest screen shows it: name, bearings and target."""
    return f"{card.exercise.name}, {card.position}"


class SetCardView(Vertical):
    """Renders one SetCard; every text from files is drawn literally (`literal`), never as markup or escapes."""

    DEFAULT_CSS = """
    SetCardView { height: auto; padding: 0 1; }
    SetCardView #card-head { height: 1; }
    SetCardView #card-name { text-style: bold; color: $text; width: auto; }
    SetCardView .card-badge { background: $warning; color: $background; text-style: bold; margin: 0 0 0 2; }
    SetCardView #card-position { color: $text-muted; }
    SetCardView #card-numbers { height: auto; }
    SetCardView #card-effort { width: 1fr; height: 5; content-align: left middle; padding: 0 2; text-style: bold; }
    SetCardView .card-line { width: 1fr; }
    SetCardView #card-reason { color: $accent; }
    SetCardView .card-label { color: $text-muted; }
    SetCardView .card-roomy { display: none; }    /* shown where the screen has room (SessionScreen's CSS) */
    """

    card: reactive[SetCard | None] = reactive(None, recompose=True)

    def __init__(self, card: SetCard | None = None, swaps: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.swaps = swaps
        self.set_reactive(SetCardView.card, card)

    def show(self, card: SetCard, swaps: str = "") -> None:
        """Show another set (or the same one with new variation keys)."""
        if card == self.card and swaps == self.swaps:
            return
        self.swaps = swaps
        if card == self.card:
            self.refresh(recompose=True)
        self.card = card

    def compose(self) -> ComposeResult:
        card = self.card
        if card is None:
            return
        with Horizontal(id="card-head"):
            yield Label(literal(card.exercise.name), id="card-name")
            if card.kind == "warmup":
                yield Label(WARMUP_BADGE, classes="card-badge")
            elif card.extra_set:
                yield Label(EXTRA_BADGE, classes="card-badge")
        yield Label(literal(card.position), id="card-position")
        with Horizontal(id="card-numbers"):
            yield from self._numbers(card)
        yield Label(literal(target_words(card)), classes="card-line", id="card-target")
        if self.swaps:     # the keys that change the exercise, before the words that may run past a small window
            yield Label(literal(self.swaps), classes="card-line", id="card-swaps")
        if card.plates is not None:
            yield labelled_line("Plates", card.plates.reason, "card-plates")
        yield labelled_line("Why", name_sources(card.target.reason), "card-reason")
        yield labelled_line("Cues", " · ".join(card.exercise.cues), "card-cues", "card-line card-tight")
        yield cue_list(card.exercise.cues, "card-cue-list", "card-line card-roomy")
        yield labelled_line("Avoid", card.exercise.mistake, "card-mistake")
        yield self._said(card.last_time, "card-last")
        if card.note:
            yield labelled_line("Note", card.note, "card-note")

    def _numbers(self, card: SetCard) -> ComposeResult:
        target = card.target
        if card.is_hold and target.hold_seconds is not None:
            yield BigNumber(str(target.hold_seconds), "Hold", "seconds", id="card-count")
        elif target.reps is not None:
            yield BigNumber(str(target.reps), "Reps", reps_word(target.reps), id="card-count")
        if target.load is not None:
            yield BigNumber(f"{target.load:g}", "Load", card.unit, id="card-load")
        yield Label(literal(effort_words(card)), id="card-effort")

    @staticmethod
    def _said(line: str, line_id: str) -> Label:
        """A line that names itself ("Last time (12 Nov): ..."), its words before the colon in bold."""
        label, _, value = line.partition(": ")
        return labelled_line(label, value, line_id)


def cue_list(cues: Sequence[str], line_id: str, classes: str) -> Label:
    """The form cues one a line, for a window with room to read them from a distance."""
    text = Text.assemble(("Cues:", "bold"))
    for cue in cues:
        text.append("\n  • ")
        text.append(visible(cue))
    return Label(text, classes=classes, id=line_id)


def labelled_line(label: str, value: str, line_id: str | None = None, classes: str = "card-line") -> Label:
    """ "Cues: ..." with its label in bold, the value from files shown literally."""
    return Label(Text.assemble((f"{label}: ", "bold"), visible(value)), classes=classes, id=line_id)
