"""The session's top line: which session, how far through it, and the time since it started."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from strongstride.engine.session_state import Progress
from strongstride.model.moments import seconds_between
from strongstride.model.visible_text import literal


def elapsed_face(seconds: float) -> str:
    """Elapsed time as a wall clock shows it: 7:05, 1:02:30."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress_words(progress: Progress) -> str:
    """ "4/7 sets · 2/6 exercises", the session's progress in a few words."""
    return (
        f"{progress.sets_done}/{progress.sets_planned} sets · "
        f"{progress.exercises_done}/{progress.exercise_count} exercises"
    )


class SessionStatus(Horizontal):
    """Session and plan names (shown literally, the plan cut first when narrow), a progress bar and the elapsed time."""

    DEFAULT_CSS = """
    SessionStatus { height: 1; background: $panel; padding: 0 1; }
    SessionStatus #status-title { width: 1fr; text-style: bold; }
    SessionStatus #status-progress { width: auto; padding: 0 1; }
    SessionStatus ProgressBar { width: 12; }
    SessionStatus ProgressBar Bar { width: 12; }
    SessionStatus #status-elapsed { width: auto; padding: 0 0 0 1; text-style: bold; }
    """

    def __init__(self, title: str, started_at: datetime) -> None:
        super().__init__()
        self.title = title
        self.started_at = started_at

    def compose(self) -> ComposeResult:
        yield Label(literal(self.title), id="status-title")
        yield Label("", id="status-progress")
        yield ProgressBar(total=1, show_eta=False, show_percentage=False)
        yield Label("0:00", id="status-elapsed")

    def show(self, progress: Progress, now: datetime) -> None:
        """Update the progress and the elapsed time."""
        self.query_one("#status-progress", Label).update(progress_words(progress))
        self.query_one(ProgressBar).update(total=max(1, progress.sets_planned), progress=progress.sets_done)
        self.show_elapsed(now)

    def show_elapsed(self, now: datetime) -> None:
        """The time since the session started, from the wall clock."""
        seconds = seconds_between(self.started_at, now)
        self.query_one("#status-elapsed", Label).update(elapsed_face(seconds))
