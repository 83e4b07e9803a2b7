"""The rest countdown: large digits, a progress bar, longer or shorter on request, then the overtime.

The time left is always worked out from the injected clock and the start time, never by
counting ticks, so it cannot drift however late or often `tick()` is called.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Digits, Label, ProgressBar

from strongstride.tui.clock import rest_clock

Clock = Callable[[], float]
ADJUST_STEP = 15
SHORTEST_REST = 15
TICK_SECONDS = 0.25


def clock_face(seconds: int) -> str:
    """Whole seconds as a clock shows them: 1:30, 0:05."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def countdown_face(remaining: float, overtime: float) -> str:
    """What the big digits read: the seconds left rounded up (0:00 only when the rest is over), then +overtime."""
    if remaining > 0:
        return clock_face(math.ceil(remaining))
    return f"+{clock_face(int(overtime))}"


class RestTimer(Widget):
    """Counts the rest down from a start time on a monotonic clock, then counts the overtime up.

    It binds no keys: the session screen's key table owns them and calls `adjust`."""

    class Finished(Message):
        """The countdown reached zero: the screen rings the alerts and says the next set is due."""

        def __init__(self, duration: float) -> None:
            super().__init__()
            self.duration = duration

    class Adjusted(Message):
        """The runner lengthened or shortened the rest; the session records the new length."""

        def __init__(self, duration: float) -> None:
            super().__init__()
            self.duration = duration

    DEFAULT_CSS = """
    RestTimer {
        height: auto;
        padding: 0 1;
        border: round $primary;
    }
    RestTimer #rest-title { width: 1fr; text-style: bold; }
    RestTimer Digits { width: auto; color: $text; }
    RestTimer ProgressBar { width: 1fr; margin: 1 0 0 0; }
    RestTimer ProgressBar Bar { width: 1fr; }
    RestTimer #rest-keys { color: $text-muted; }
    RestTimer.-overtime { border: heavy $warning; }
    RestTimer.-overtime #rest-title { color: $warning; }
    """

    remaining: reactive[float] = reactive(0.0, init=False)
    overtime: reactive[float] = reactive(0.0, init=False)

    def __init__(
        self,
        started_at: float,
        duration: float,
        clock: Clock = rest_clock,
        keys: str = "",
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.started_at = started_at
        self.duration = float(duration)
        self.clock = clock
        self.keys = keys
        self.finished = False
        self._due: Timer | None = None
        self.set_reactive(RestTimer.remaining, self.duration)

    @property
    def elapsed(self) -> float:
        """Seconds since the rest began, from the clock."""
        return max(0.0, self.clock() - self.started_at)

    def compose(self) -> ComposeResult:
        yield Label("Rest", id="rest-title")
        yield Digits(countdown_face(self.remaining, 0.0), id="rest-digits")
        yield ProgressBar(total=self.duration, show_eta=False, show_percentage=False, id="rest-bar")
        yield Label(self.keys, id="rest-keys")

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(TICK_SECONDS, self.tick)
        self._ring_when_due()

    def _ring_when_due(self) -> None:
        """A one-off tick at the moment the rest ends, so the bell is on time, not up to a tick late."""
        if self._due is not None:
            self._due.stop()
        left = self.duration - self.elapsed
        self._due = self.set_timer(left, self.tick) if left > 0 else None

    def tick(self) -> None:
        """Recompute the time left (or over) from the clock; post Finished once at zero."""
        elapsed = self.elapsed
        self.remaining = max(0.0, self.duration - elapsed)
        self.overtime = max(0.0, elapsed - self.duration)
        if self.remaining == 0 and not self.finished:
            self.finished = True
            self.post_message(self.Finished(self.duration))
        self._show(elapsed)

    def adjust(self, seconds: int) -> float:
        """Lengthen or shorten the rest (never below 15 s in all); returns the new length."""
        self.duration = max(float(SHORTEST_REST), self.duration + seconds)
        self.finished = self.finished and self.elapsed >= self.duration
        self.post_message(self.Adjusted(self.duration))
        self.tick()
        self._ring_when_due()
        return self.duration

    def _show(self, elapsed: float) -> None:
        if not self.is_mounted:
            return
        over = self.remaining == 0
        self.set_class(over, "-overtime")
        title = f"Overtime: next set is due (rest was {clock_face(math.ceil(self.duration))})" if over else "Rest"
        self.query_one("#rest-title", Label).update(title)
        self.query_one("#rest-digits", Digits).update(countdown_face(self.remaining, self.overtime))
        self.query_one("#rest-bar", ProgressBar).update(total=self.duration, progress=min(elapsed, self.duration))
