"""How hard did that feel: the RPE scale in words (4 for "easier than 5" up to 10), picked with arrows or a digit and Enter."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from strongstride.engine.rpe import BELOW_CHART_SCALE, HOLD_BELOW_CHART_SCALE, HOLD_RPE_SCALE, RPE_SCALE

PICKER_SCALE = BELOW_CHART_SCALE + RPE_SCALE
HOLD_PICKER_SCALE = HOLD_BELOW_CHART_SCALE + HOLD_RPE_SCALE
SCALE_VALUES: tuple[float, ...] = tuple(rpe for rpe, _ in PICKER_SCALE)
RPE_DIGITS = "4567890"
RPE_KEYS_HINT = "4-9, 0 = 10, h = half"
MARKER = "▶"


def rpe_for_digit(digit: str) -> float | None:
    """The RPE a digit key means: 4-9 as themselves (4: easier than 5), 0 as 10; None for a digit off the scale."""
    value = 10.0 if digit == "0" else float(digit)
    return value if value in SCALE_VALUES else None


class RpePicker(Widget, can_focus=True):
    """A vertical RPE scale; the chosen row carries a marker and bold text, not colour alone."""

    class Chosen(Message):
        """The runner picked how hard the set felt."""

        def __init__(self, rpe: float) -> None:
            super().__init__()
            self.rpe = rpe

    DEFAULT_CSS = """
    RpePicker {
        height: auto;
        width: 1fr;
        padding: 0 1;
        border: round $primary;
    }
    RpePicker:focus { border: heavy $accent; }
    """

    BINDINGS = [
        Binding("up,k", "move(-1)", "Easier", show=False),
        Binding("down,j", "move(1)", "Harder", show=False),
        Binding("enter", "choose", "Choose RPE"),
        *(Binding(digit, f"jump('{digit}')", show=False) for digit in RPE_DIGITS),
    ]

    value: reactive[float] = reactive(8.0)

    def __init__(self, value: float = 8.0, *, hold: bool = False, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.scale = HOLD_PICKER_SCALE if hold else PICKER_SCALE   # a hold's RPE is said of time, not reps
        self.set_reactive(RpePicker.value, value if value in SCALE_VALUES else SCALE_VALUES[0])

    def render(self) -> Text:
        """One row a value; in a narrow window the rows drop the word "RPE" so each meaning still shows whole."""
        room = self.content_region.width
        prefix = "RPE " if not room or all(len(f"  RPE {rpe:<4g} {meaning}") <= room for rpe, meaning in self.scale) else ""
        rows = Text()
        for index, (rpe, meaning) in enumerate(self.scale):
            chosen = rpe == self.value
            line = f"{MARKER if chosen else ' '} {prefix}{rpe:<4g} {meaning}"
            rows.append(line, style="bold reverse" if chosen else "")
            if index < len(self.scale) - 1:
                rows.append("\n")
        return rows

    def action_move(self, steps: int) -> None:
        """Step up or down the scale by half points, stopping at its ends."""
        index = SCALE_VALUES.index(self.value) + steps
        self.value = SCALE_VALUES[max(0, min(len(SCALE_VALUES) - 1, index))]

    def action_jump(self, digit: str) -> None:
        """Go straight to a whole RPE: 4-9, or 0 for 10."""
        chosen = rpe_for_digit(digit)
        if chosen is not None:
            self.value = chosen

    def action_choose(self) -> None:
        """Tell the screen the runner's RPE."""
        self.post_message(self.Chosen(self.value))
