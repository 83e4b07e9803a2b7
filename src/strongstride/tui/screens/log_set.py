"""Logging a set: reps and load prefilled with the target, RPE in one key, an optional note, Enter saves."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from strongstride.engine.session_state import SetCard
from strongstride.model.visible_text import TYPED_TEXT, literal
from strongstride.tui.screens.rpe_help import RPE_IN_ONE_LINE, RpeHelpScreen
from strongstride.tui.widgets.fitted_footer import FittedFooter
from strongstride.tui.widgets.rpe_picker import RPE_KEYS_HINT
from strongstride.tui.widgets.session_entry import EntryField, SessionRpeScale
from strongstride.tui.widgets.set_card import target_words

DEFAULT_RPE = 8.0
NARROW_KEY_WORDS = {"reps(1)": "", "explain_rpe": "RPE?"}   # the dialog's own hint names +/- and ↑/↓


@dataclass(frozen=True)
class SetEntry:
    """What the runner typed: reps (or seconds held), load (None: no weight), RPE and a note."""

    count: int
    load: float | None
    rpe: float | None
    note: str = ""


SaveEntry = Callable[[SetEntry], str | None]
"""Logs the entry; returns why it was refused, or None once it is saved."""
StepLoad = Callable[[float, int], float]
"""The load a number of equipment increments up (+) or down (-) from a load."""


def read_count(text: str, label: str) -> int:
    """A whole number from a field; ValueError says which field and what is wrong."""
    if not text:
        raise ValueError(f"{label}: type a number")
    if not text.isdigit():
        raise ValueError(f"{label}: {text!r} is not a whole number")
    return int(text)


def read_load(text: str) -> float:
    """A load from the load field; ValueError says what is wrong."""
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"Load: {text!r} is not a weight" if text else "Load: type the weight") from None


class LogSetScreen(ModalScreen[SetEntry | None]):
    """The modal the runner logs a set in; an entry the session refuses stays open with the reason."""

    DEFAULT_CSS = """
    LogSetScreen { align: center middle; }
    LogSetScreen #log-box {
        width: 78; max-width: 100%; height: auto; max-height: 100%; border: thick $accent; background: $surface;
        padding: 0 1;
    }
    LogSetScreen.-narrow #log-box { padding: 0; }
    LogSetScreen.-narrow #log-fields { width: 26; }
    LogSetScreen.-narrow EntryField { width: 13; padding: 0; }
    LogSetScreen.-narrow SessionRpeScale { padding: 0; }
    LogSetScreen.-wide #log-box { width: 100; }
    LogSetScreen.-wide #log-fields { width: 44; }
    LogSetScreen.-wide EntryField { width: 20; }
    LogSetScreen #log-title { text-style: bold; width: 1fr; }
    LogSetScreen #log-target { color: $text-muted; width: 1fr; }
    LogSetScreen #log-body { height: auto; }
    LogSetScreen #log-fields { width: 36; height: auto; }
    LogSetScreen #log-numbers { height: 5; }
    LogSetScreen .log-hint { color: $text-muted; }
    LogSetScreen SessionRpeScale { width: 1fr; }
    LogSetScreen #log-note { width: 1fr; }
    LogSetScreen #log-note-input { height: 1; border: none; padding: 0; width: 1fr; }
    LogSetScreen #log-rpe-explained { color: $accent; width: 1fr; }
    LogSetScreen #log-error { color: $error; text-style: bold; width: 1fr; }
    """

    BINDINGS = [
        Binding("enter", "save", "Save", priority=True),
        Binding("plus,equals_sign,up", "reps(1)", "reps", key_display="+/-"),   # one footer entry for the pair
        Binding("minus,down", "reps(-1)", "reps", show=False),
        Binding("right_square_bracket", "load(1)", "heavier", key_display="]"),
        Binding("left_square_bracket", "load(-1)", "lighter", key_display="["),
        Binding("n", "note", "Note"),
        Binding("question_mark", "explain_rpe", "What is RPE?", key_display="?"),
        Binding("escape,c", "cancel", "Cancel"),
    ]

    def __init__(self, card: SetCard, save: SaveEntry, step_load: StepLoad | None = None,
                 *, heading: str | None = None, note: str = "", first_rpe: bool = False) -> None:
        super().__init__()
        self.card = card
        self.save_entry = save
        self.step_load = step_load
        self.asks_rpe = card.kind == "work"
        self.heading = heading      # a correction names the set and what was logged instead of the target
        self.note = note
        self.first_rpe = first_rpe   # never rated a set before: say what RPE is beside the scale

    @property
    def count_label(self) -> str:
        return "Seconds" if self.card.is_hold and self.card.kind == "work" else "Reps"

    @property
    def has_load(self) -> bool:
        """A load field is shown only for work with a weight."""
        return self.card.target.load is not None

    @property
    def keys_hint(self) -> str:
        """The keys for the fields shown: seconds or reps, and the load only when there is one."""
        load = "   [ ] load" if self.has_load else ""
        return f"+/- or ↑/↓ {self.count_label.lower()}{load}\nTab: next field, then type"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No load keys when there is no load to change, no RPE help when no RPE is asked."""
        if action == "explain_rpe":
            return self.asks_rpe
        return self.has_load if action == "load" else True

    def compose(self) -> ComposeResult:
        card, target = self.card, self.card.target
        count = target.hold_seconds if self.count_label == "Seconds" else target.reps
        with Vertical(id="log-box"):
            yield Label(literal(self.heading or f"Log {card.exercise.name} · {card.position}"), id="log-title")
            yield Label(literal(f"{'Logged' if self.heading else 'Target'}: {target_words(card)}"), id="log-target")
            with Horizontal(id="log-body"):
                with Vertical(id="log-fields"):
                    with Horizontal(id="log-numbers"):
                        yield EntryField("" if count is None else str(count), self.count_label, id="log-count")
                        if self.has_load:
                            yield EntryField(f"{target.load:g}", f"Load {card.unit}", decimal=True, id="log-load")
                    yield Label(self.keys_hint, classes="log-hint")
                    if self.asks_rpe:
                        yield Label(f"RPE: {RPE_KEYS_HINT}", classes="log-hint")
                        if self.first_rpe:
                            yield Label(RPE_IN_ONE_LINE, id="log-rpe-explained")
                    yield Label("n: add a note", id="log-note")
                    yield Input(self.note, placeholder="note, Enter saves the set", restrict=TYPED_TEXT,
                                id="log-note-input", disabled=True)
                if self.asks_rpe:
                    rpe = target.rpe if target.rpe is not None else DEFAULT_RPE
                    yield SessionRpeScale(rpe, hold=self.count_label == "Seconds", id="log-rpe")
            yield Label("", id="log-error")
        yield FittedFooter(NARROW_KEY_WORDS)

    def on_mount(self) -> None:
        self.query_one("#log-note-input").display = False
        first = "#log-rpe" if self.asks_rpe else "#log-count"
        self.query_one(first).focus()

    # -- actions -----------------------------------------------------------------------------
    def action_reps(self, change: int) -> None:
        """Step the reps (or seconds) up or down, never below zero."""
        field = self.query_one("#log-count", EntryField)
        current = int(field.text) if field.text.isdigit() else 0
        field.replace(str(max(0, current + change)))

    def action_load(self, steps: int) -> None:
        """Step the load by the equipment's increment (the next dumbbell on the rack)."""
        fields = self.query("#log-load")
        if not fields or self.step_load is None:
            return
        field = fields.first(EntryField)
        try:
            load = read_load(field.text)
        except ValueError:
            load = self.card.target.load or 0.0
        field.replace(f"{self.step_load(load, steps):g}")

    def action_note(self) -> None:
        """Open the note line; Enter in it saves the whole set."""
        note = self.query_one("#log-note-input", Input)
        note.disabled = False
        note.display = True
        self.query_one("#log-note").display = False
        note.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_explain_rpe(self) -> None:
        """The RPE scale in words, and why the coach asks for it."""
        self.app.push_screen(RpeHelpScreen())

    def action_save(self) -> None:
        """Check the fields, hand the entry to the session, and close only once it is saved."""
        try:
            entry = self.entry()
        except ValueError as problem:
            self.refuse(str(problem))
            return
        refusal = self.save_entry(entry)
        if refusal:
            self.refuse(refusal)
            return
        self.dismiss(entry)

    def entry(self) -> SetEntry:
        """The entry as typed; ValueError names the field that is wrong."""
        count = read_count(self.query_one("#log-count", EntryField).text, self.count_label)
        loads = self.query("#log-load")
        load = read_load(loads.first(EntryField).text) if loads else None
        rpe = self.query_one("#log-rpe", SessionRpeScale).value if self.asks_rpe else None
        note = self.query_one("#log-note-input", Input).value.strip()
        return SetEntry(count, load, rpe, note)

    def refuse(self, reason: str) -> None:
        """Show why the entry was not saved, in place; the fields keep what was typed."""
        self.query_one("#log-error", Label).update(literal(f"Not saved: {reason}"))
