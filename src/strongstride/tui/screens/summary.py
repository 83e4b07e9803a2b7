"""The end of a session: what it added up to, a note for it, and where it was saved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual import work
from textual.widgets import Input, Label, Static
from textual.worker import Worker, WorkerState

from strongstride.services.keeper import SessionKeeper
from strongstride.model.log import SessionLog
from strongstride.model.moments import local_now
from strongstride.model.visible_text import TYPED_TEXT, literal, visible, visible_lines
from strongstride.services.recap import SessionRecap, recap_session
from strongstride.model.session_summary import SessionSummary
from strongstride.tui.screens.steady import SteadyScreen
from strongstride.tui.widgets.fitted_footer import FittedFooter
from strongstride.tui.widgets.session_status import elapsed_face
from strongstride.tui.widgets.row_table import RowTable
from strongstride.tui.widgets.session_warmup import left_words


def totals_words(recap: SessionRecap) -> str:
    """Duration, sets, volume and effort against the target, in one line."""
    parts = [f"{elapsed_face(recap.duration_seconds)} long", f"{recap.work_sets} work sets"]
    if recap.volume:
        parts.append(f"volume {recap.volume:,.0f} {recap.unit}")
    if recap.average_rpe is not None:
        target = f" (target {recap.target_rpe:.1f})" if recap.target_rpe is not None else ""
        parts.append(f"average RPE {recap.average_rpe:.1f}{target}")
    return " · ".join(parts)


ADDING_UP = "Adding up the session against your history…"
NOTE_PLACEHOLDER = "A note for this session (n), Enter saves"


class SummaryScreen(SteadyScreen[Path | None]):
    """Shows the recap; Enter files the session with the note; Enter again (or q) leaves."""

    DEFAULT_CSS = """
    SummaryScreen { padding: 0 1; }
    SummaryScreen #summary-title { text-style: bold; width: 1fr; }
    SummaryScreen #summary-totals { width: 1fr; margin: 0 0 1 0; }
    SummaryScreen #summary-left { width: 1fr; color: $warning; margin: 0 0 1 0; }
    SummaryScreen RowTable { width: auto; height: auto; max-height: 9; }
    SummaryScreen #summary-records { color: $success; text-style: bold; width: 1fr; margin: 1 0 0 0; }
    SummaryScreen #summary-note, SummaryScreen #summary-note-prompt { margin: 1 0 0 0; }
    SummaryScreen #summary-note-prompt {
        height: 3; padding: 0 2; border: tall $border-blurred; background: $surface; color: $text-disabled;
    }
    SummaryScreen #summary-saved { width: 1fr; }
    SummaryScreen #summary-saved.-error { color: $error; text-style: bold; }
    """

    BINDINGS = [
        Binding("enter", "save", "Save session", priority=True),
        Binding("n", "note", "Note"),
        Binding("b", "back", "Back to session"),
        Binding("q", "leave", "Leave"),
    ]

    def __init__(
        self, keeper: SessionKeeper, clock: Callable[[], datetime] = local_now,
        past: Sequence[SessionSummary] | None = None,
    ) -> None:
        super().__init__()
        self.keeper = keeper
        self.clock = clock
        self.past = past
        self.saved = False

    def compose(self) -> ComposeResult:
        setup = self.keeper.session.setup
        with Vertical():
            yield Label(literal(f"Session summary · {setup.plan.name} · {setup.template.name}"), id="summary-title")
            yield Label(ADDING_UP, id="summary-totals")
            progress = self.keeper.state.progress
            if progress.sets_left:
                yield Label(literal(f"Not done: {left_words(progress)}"), id="summary-left")
            yield RowTable(cursor=False, zebra=False)
            yield Label(id="summary-records")
            # the note's field, drawn as an empty input would be: the Input itself is made when n is pressed
            yield Static(NOTE_PLACEHOLDER, id="summary-note-prompt")
            yield Label("Not saved yet: Enter saves it to your history", id="summary-saved")
        yield FittedFooter()

    def on_mount(self) -> None:
        self.query_one(RowTable).loading = True
        self.query_one("#summary-records").display = False
        self.set_focus(None)
        log = self.keeper.session.to_log(finished_at=None if self.keeper.state.finished else self.clock())
        self.call_after_refresh(self.add_up, log)   # once the screen is painted, so the worker does not slow it

    @work(thread=True, exclusive=True, group="recap")
    def add_up(self, log: SessionLog) -> SessionRecap:
        """The session against every earlier session in the history index: off the UI thread, since it reads them all."""
        past = self.past if self.past is not None else self.keeper.history.index().summaries
        return recap_session(log, past)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "recap" and event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self.show_recap(event.worker.result)

    def show_recap(self, recap: SessionRecap) -> None:
        """The totals, a row an exercise (the e1RM column only when some exercise has one) and the records set."""
        self.query_one("#summary-totals", Label).update(literal(totals_words(recap)))
        table = self.query_one(RowTable)
        with_e1rm = any(exercise.e1rm is not None for exercise in recap.exercises)
        rows = [tuple(visible(cell) for cell in (exercise.name, str(exercise.work_sets), exercise.best_set,
                                                *([exercise.e1rm_change] if with_e1rm else [])))
                for exercise in recap.exercises]
        table.show_rows(("Exercise", "Sets", "Best set", *(["Estimated 1RM"] if with_e1rm else [])), len(rows), rows.__getitem__)
        table.loading = False
        if recap.records:
            records = self.query_one("#summary-records", Label)
            records.update(literal("Personal records: " + "; ".join(recap.records)))
            records.display = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("note", "back"):
            return not self.saved
        return True

    def action_note(self) -> None:
        """Type a note; Enter then saves the session with it."""
        # an Input costs the screen's first paint a third of its time, so it takes the prompt's place on the first n
        if not self.query("#summary-note"):
            prompt = self.query_one("#summary-note-prompt")
            self.query_one(Vertical).mount(Input(placeholder=NOTE_PLACEHOLDER, restrict=TYPED_TEXT, id="summary-note"),
                                           after=prompt)
            prompt.remove()
        self.query_one("#summary-note", Input).focus()   # in the DOM at once: the keys after n go to it

    def note_text(self) -> str:
        """The note typed, if any."""
        return "".join(note.value.strip() for note in self.query("#summary-note").results(Input))

    def action_back(self) -> None:
        """Back to the session, nothing filed (to undo a set, or to do one more)."""
        self.dismiss(None)

    def action_save(self) -> None:
        """File the session in history with the note; once saved, Enter leaves."""
        if self.saved:
            self.dismiss(self.keeper.saved_to)
            return
        keeper = self.keeper
        done = keeper.save() if keeper.state.finished else keeper.finish(self.clock(), self.note_text())
        status = self.query_one("#summary-saved", Label)
        status.set_class(not done, "-error")
        if not done:
            status.update(literal(keeper.save_error or "The session could not be saved"))
            return
        self.saved = True
        for field in self.query("#summary-note, #summary-note-prompt"):
            field.disabled = True
        saved = f"Saved to {keeper.saved_to}" if keeper.saved_to else "Nothing logged: nothing to save"
        status.update(Text(visible_lines("\n".join(filter(None, (saved, keeper.filing_note, keeper.after_filing_said))))))
        self.refresh_bindings()

    def action_leave(self) -> None:
        """Leave; an unsaved session stays in progress, to resume later."""
        self.dismiss(self.keeper.saved_to if self.saved else None)
