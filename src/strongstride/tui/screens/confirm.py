"""A question with a few answers, each on one key, before anything that cannot be taken back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


@dataclass(frozen=True)
class Answer:
    """One way to answer: the key, what it does in a few words, and what the screen returns."""

    key: str
    words: str
    value: str


class ConfirmScreen(ModalScreen[str | None]):
    """Asks one question; returns the chosen answer's value, or None when Escape keeps things as they are."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 64; max-width: 100%; height: auto; max-height: 100%; border: thick $warning; background: $surface;
        padding: 1 2; overflow-y: auto;
    }
    ConfirmScreen.-short > Vertical { padding: 0 1; }
    ConfirmScreen.-wide > Vertical { width: 80; }
    ConfirmScreen #answers { margin-top: 1; }
    """

    BINDINGS = [Binding("escape", "answer('')", "Cancel")]

    def __init__(self, question: Text, answers: Sequence[Answer]) -> None:
        super().__init__()
        self.question = question
        self.answers = list(answers)

    def compose(self) -> ComposeResult:
        lines = Text()
        for answer in self.answers:
            lines.append(f"{answer.key}", style="bold")
            lines.append(f"  {answer.words}\n")
        lines.append("Esc", style="bold")
        lines.append("  keep things as they are")
        with Vertical():
            yield Static(self.question, id="question")
            yield Static(lines, id="answers")

    def on_key(self, event: events.Key) -> None:
        for answer in self.answers:
            if event.key == answer.key:
                event.stop()
                self.dismiss(answer.value)
                return

    def action_answer(self, value: str) -> None:
        self.dismiss(value or None)
