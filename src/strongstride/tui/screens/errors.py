"""The files that could not be read at start: each with its path, line, key and reason."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from strongstride.model.problems import Problem
from strongstride.tui.screens.steady import SteadyScreen
from strongstride.tui.widgets.problem_view import problem_text

EXPLANATION = (
    "These files were skipped; everything else works as usual. "
    "Fix them and start strongstride again. Nothing was overwritten."
)


class ProblemsScreen(SteadyScreen[None]):
    """Every start-up problem, as literal text, scrollable with the arrow keys."""

    DEFAULT_CSS = """
    ProblemsScreen #problems-intro { padding: 0 1; text-style: bold; }
    ProblemsScreen #problem-list { height: 1fr; border: round $error; padding: 0 1; }
    ProblemsScreen .problem { margin: 0 0 1 0; }
    """

    BINDINGS = [Binding("b,escape,e", "app.pop_screen", "Back")]

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.problems = list(problems)

    def compose(self) -> ComposeResult:
        count = len(self.problems)
        yield Static(Text(f"{count} problem{'s' if count != 1 else ''} found at start. {EXPLANATION}"),
                     id="problems-intro")
        with VerticalScroll(id="problem-list") as problem_list:
            problem_list.border_title = "Problems"
            for problem in self.problems:
                yield Static(problem_text(problem), classes="problem")
            if not self.problems:
                yield Static("No problems: every file was read.")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#problem-list").focus()
