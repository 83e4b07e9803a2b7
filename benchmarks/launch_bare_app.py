"""The start-up yardstick: a bare Textual app showing one Static, run headless until its first paint.

It prints the moment of its first paint (time.monotonic, the clock every process shares) for the parent.
"""

import sys
import time

from textual.app import App, ComposeResult
from textual.widgets import Static

painted: list[str] = []


class OneStatic(App[None]):
    """Nothing but one Static: Python and Textual starting up and painting once."""

    def compose(self) -> ComposeResult:
        yield Static("A bare Textual app")

    def on_mount(self) -> None:
        self.call_after_refresh(self.painted)

    def painted(self) -> None:
        painted.append(f"first paint at {time.monotonic()!r}")
        self.exit()


OneStatic().run(headless=True, size=(80, 24))
if not painted:
    sys.exit("the bare app was never painted")
print(painted[0])
