"""The exercise page (`i` on the set card): how the movement is done and why, over the session, which waits beneath."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.visible_text import literal
from strongstride.services.exercise_page import Doable, exercise_page
from strongstride.tui.screens.steady import SteadyScreen
from strongstride.tui.widgets.fitted_footer import FittedFooter


class ExercisePageScreen(SteadyScreen[None]):
    """One exercise explained; Escape (or i, or q) goes back to the session exactly where it was."""

    DEFAULT_CSS = """
    ExercisePageScreen #exercise-page { height: 1fr; border: round $primary; padding: 0 1; }
    """

    BINDINGS = [Binding("escape,i,q", "back", "Back to the set")]

    def __init__(self, library: ExerciseLibrary, exercise_id: str, doable: Doable) -> None:
        super().__init__()
        self.library = library
        self.exercise_id = exercise_id
        self.doable = doable

    def compose(self) -> ComposeResult:
        page = VerticalScroll(id="exercise-page")
        page.border_title = literal(f"How to: {self.library[self.exercise_id].name}")
        with page:
            yield Static(Text("\n").join(exercise_page(self.library, self.exercise_id, self.doable)), id="exercise-text")
        yield FittedFooter()

    def on_mount(self) -> None:
        self.query_one("#exercise-page").focus()

    def action_back(self) -> None:
        """Back to the set, nothing changed."""
        self.dismiss(None)
