"""What RPE means, for a runner who has never rated a set: reps in reserve, the scale, and why the coach asks."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from strongstride.engine.rpe import RPE_SCALE
from strongstride.tui.widgets.rpe_picker import RPE_KEYS_HINT

RPE_IN_ONE_LINE = "RPE is how hard the set was: 10 = not one more rep, 8 = 2 more were there. ? explains"


def rpe_explained() -> Text:
    """The scale in words, from the same table the picker shows, and what the coach does with it."""
    text = Text("RPE: how hard was that set?\n", style="bold")
    text.append("Rate of perceived exertion, 1-10. In strength work it counts the reps you still had in you\n"
                "when you stopped (reps in reserve):\n")
    for rpe, meaning in RPE_SCALE:
        if float(rpe).is_integer():
            text.append(f"  RPE {rpe:g}  ", style="bold")
            text.append(f"{meaning}\n")
    text.append("A half step (8.5) is for when you are not sure which of two it was. Below 6 is light work.\n"
                "For a hold it is said of time: RPE 8 = you could have held a little longer.\n\n")
    text.append("Why it is asked: ", style="bold")
    text.append("the coach sets your next set from it. Too easy, and the load or reps go up; too hard, and they\n"
                "come down. Most sets aim at 7-9: a few reps left, never to failure.\n\n")
    text.append(f"Pick it with one key: {RPE_KEYS_HINT}.")
    return text


class RpeHelpScreen(ModalScreen[None]):
    """The RPE scale explained; any of Esc, ? or Enter closes it."""

    DEFAULT_CSS = """
    RpeHelpScreen { align: center middle; }
    RpeHelpScreen > Vertical { width: 84; max-width: 100%; height: auto; max-height: 100%;
                               border: thick $accent; background: $surface; padding: 0 1; }
    """

    BINDINGS = [Binding("escape,question_mark,enter", "close", "Close", priority=True)]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(rpe_explained(), id="rpe-help")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
