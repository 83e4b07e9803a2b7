"""Fields for logging a set with sweaty hands: big digits typed or stepped, and a one-key RPE scale."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits

from strongstride.tui.widgets.rpe_picker import RPE_DIGITS, SCALE_VALUES, RpePicker

MAX_FIELD_CHARS = 6


def half_step(rpe: float) -> float:
    """Add the half point to a whole RPE (8 -> 8.5), or take it off again (8.5 -> 8); 10 stays."""
    if not float(rpe).is_integer():
        return rpe - 0.5
    return rpe + 0.5 if rpe + 0.5 in SCALE_VALUES else rpe


class EntryField(Widget, can_focus=True):
    """A number in large digits: typing replaces it, further digits append, Backspace takes one off."""

    DEFAULT_CSS = """
    EntryField { height: 5; width: 16; border: round $panel-lighten-2; padding: 0 1; }
    EntryField:focus { border: heavy $accent; }
    EntryField Digits { width: auto; }
    """

    text: reactive[str] = reactive("")

    def __init__(self, text: str, label: str, *, decimal: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.decimal = decimal
        self.border_title = label
        self.fresh = True       # the first key typed replaces the prefilled value
        self.set_reactive(EntryField.text, text)

    def compose(self) -> ComposeResult:
        yield Digits(self.text or " ")

    def watch_text(self, text: str) -> None:
        if self.is_mounted:
            self.query_one(Digits).update(text or " ")

    def on_focus(self) -> None:
        self.fresh = True

    def replace(self, text: str) -> None:
        """Set the value from outside (a +/- step); the next digit typed starts afresh."""
        self.text = text
        self.fresh = True

    def on_key(self, event: events.Key) -> None:
        allowed = "0123456789" + ("." if self.decimal else "")
        if event.character is not None and len(event.character) == 1 and event.character in allowed:
            start = "" if self.fresh else self.text
            if event.character == "." and "." in start:
                return
            self.text = (start + event.character)[:MAX_FIELD_CHARS]
            self.fresh = False
            event.stop()
        elif event.key == "backspace":
            self.text = self.text[:-1]
            self.fresh = False
            event.stop()


class SessionRpeScale(RpePicker, inherit_bindings=False):
    """The RPE scale with each value's meaning: 4-9 and 0 (= 10) pick it, h or . adds the half point."""

    BINDINGS = [
        *(Binding(digit, f"jump('{digit}')", show=False) for digit in RPE_DIGITS),
        Binding("h,full_stop", "half_step", "Half RPE step", show=False),
    ]

    def action_half_step(self) -> None:
        """8 becomes 8.5, 8.5 goes back to 8."""
        self.value = half_step(self.value)
