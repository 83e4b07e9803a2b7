"""A screen made with its window-size classes, laid out once when it is pushed, and settled a frame sooner.

Textual lays a pushed screen out as it resumes, without the classes for the window's size (tui/layout.py),
then hears of its own size from that layout (a Resize sent to every widget just shown, the screen among
them), puts the classes on, styles every widget again, and lays the whole screen out and draws it again
at the same size; the resume itself styles every widget a second time. Here the classes are on from the
start, so that Resize has nothing left to do and is let go, and the first resume keeps the styles the
mount gave. A Resize that changes the size or the classes, when the terminal changes, is Textual's as before.

A screen's frame timer (Textual's 60-a-second update timer, which runs the layouts and draws asked for
since the last frame) starts its count when first used, and its first tick comes a whole frame later.
A new screen first used it once it had been laid out and drawn, to settle what its mounting had asked for
since (the scroll bars it found it needs, its widgets' "mounted" refresh), so it settled a frame after its
first paint. Here the timer starts as the screen is made: by the first paint its first tick is due.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.app import App
from textual.geometry import Size
from textual.screen import Screen
from textual.types import NoActiveAppError

from strongstride.tui.layout import size_classes

ResultType = TypeVar("ResultType")


class SteadyScreen(Screen[ResultType]):
    """A Screen with its size classes from the start, no second styling or layout for the size it already has,
    and its frame timer running from the start."""

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name, id, classes)
        self._shown = False
        try:
            app = self.app
        except NoActiveAppError:   # made outside a running app: Textual puts the classes on at its first Resize
            return
        self.add_class(*(name for name, on in self._size_classes(app, app.size).items() if on), update=False)
        self._update_timer.resume()   # Textual's own timer (textual is pinned to 8.2), paused again at each tick

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """On its first showing the screen was styled as it mounted: Textual's resume would style every widget again."""
        if not self._shown:
            self._shown = True
            event.refresh_styles = False

    def _size_classes(self, app: App[object], size: Size) -> dict[str, bool]:
        """Which of the screen's size classes (its own breakpoints, else the app's) a window of `size` takes."""
        widths = self.HORIZONTAL_BREAKPOINTS if self.HORIZONTAL_BREAKPOINTS is not None else app.HORIZONTAL_BREAKPOINTS
        heights = self.VERTICAL_BREAKPOINTS if self.VERTICAL_BREAKPOINTS is not None else app.VERTICAL_BREAKPOINTS
        return size_classes(size, widths or [], heights or [])

    def on_resize(self, event: events.Resize) -> None:
        """A Resize to the size the screen is laid out at, with the classes it has, changes nothing: Textual's
        handler, which would lay it out and draw it again, is not run."""
        classes = self._size_classes(self.app, event.size)
        if event.size == self.outer_size and all(self.has_class(name) == on for name, on in classes.items()):
            event.prevent_default()
