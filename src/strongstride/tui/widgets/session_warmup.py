"""The general warm-up before the first set (5-10 minutes on a bike), and the session's last words."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits, Label

from strongstride.engine.session_state import Progress
from strongstride.model.plan import Warmup
from strongstride.model.visible_text import literal, visible
from strongstride.tui.widgets.rest_timer import clock_face


class WarmupPanel(Vertical):
    """What to do to warm up and for how long, with the keys that start the timer or move on."""

    DEFAULT_CSS = """
    WarmupPanel { height: auto; padding: 1 2; }
    WarmupPanel #warmup-title { text-style: bold; }
    WarmupPanel #warmup-activity { text-style: bold; color: $accent; width: 1fr; }
    WarmupPanel Digits { width: auto; }
    WarmupPanel #warmup-next { margin: 1 0 0 0; width: 1fr; }
    WarmupPanel .warmup-keys { color: $text-muted; }
    """

    warmup: reactive[Warmup | None] = reactive(None, recompose=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.up_next = ""

    def show(self, warmup: Warmup, up_next: str) -> None:
        """Show the plan's warm-up and the first set that follows it."""
        if warmup == self.warmup and up_next == self.up_next:
            return
        self.up_next = up_next
        if warmup == self.warmup:
            self.refresh(recompose=True)
        self.warmup = warmup

    def compose(self) -> ComposeResult:
        warmup = self.warmup
        if warmup is None:
            return
        yield Label("Warm up first", id="warmup-title")
        yield Label(literal(warmup.activity), id="warmup-activity")
        yield Digits(clock_face(warmup.minutes * 60))
        yield Label("Space: start the warm-up timer   Enter: warm-up done, on to the first set", classes="warmup-keys")
        yield Label(Text.assemble(("Then: ", "bold"), visible(self.up_next)), id="warmup-next")


def done_words(progress: Progress) -> str:
    """What the session came to, honestly: every set done, some skipped, or nothing logged at all."""
    if progress.sets_done == 0:
        if progress.exercises_skipped == progress.exercise_count:
            return "Every exercise was skipped: nothing was logged."
        return "No work set was logged in this session."
    if progress.exercises_skipped or progress.sets_done < progress.sets_planned:
        return f"Done: {sets_words(progress.sets_done)} logged, the rest skipped."
    return "Every set is done. Well trained!"


def sets_words(count: int) -> str:
    """ "1 set", "3 sets"."""
    return f"{count} set{'' if count == 1 else 's'}"


def left_words(progress: Progress) -> str:
    """ "11 sets: Push up 2, Split squat 4, Plank 5"."""
    return f"{sets_words(progress.sets_left)}: " + ", ".join(f"{name} {count}" for name, count in progress.left)


class DonePanel(Vertical):
    """The sets are over: finish for the summary, or undo the last set."""

    DEFAULT_CSS = """
    DonePanel { height: auto; padding: 1 2; }
    DonePanel #done-title { text-style: bold; color: $success; }
    """

    def compose(self) -> ComposeResult:
        yield Label("", id="done-title")
        yield Label("Enter: finish and see the summary   u: undo the last set   e: correct a set   q: leave for now")

    def show(self, progress: Progress) -> None:
        """Say what the session came to."""
        self.query_one("#done-title", Label).update(done_words(progress))
