"""A timed hold (or the warm-up): 3-2-1, a countdown that completes by itself, each side in turn, then RPE.

Every number shown is worked out from the injected monotonic clock and the moment the current
phase began, so a late or missed tick never makes the hold longer or shorter.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Digits, Label

from strongstride.model.log import Side
from strongstride.model.visible_text import literal
from strongstride.tui.clock import rest_clock
from strongstride.tui.widgets.rest_timer import clock_face
from strongstride.tui.widgets.fitted_footer import FittedFooter
from strongstride.tui.widgets.rpe_picker import RPE_KEYS_HINT
from strongstride.tui.widgets.session_entry import SessionRpeScale

LEAD_IN_SECONDS = 3
TICK_SECONDS = 0.25
DEFAULT_RPE = 8.0
STOPPED_EARLY_RPE = 10.0   # "could not hold longer": the likeliest reason a hold ends before its time


@dataclass(frozen=True)
class HoldResult:
    """Seconds held on each side in turn (side None for two-sided holds), and how hard it felt."""

    held: tuple[tuple[Side | None, int], ...]
    rpe: float | None


class HoldScreen(ModalScreen[HoldResult | None]):
    """Counts 3-2-1, then the hold down to zero for each side, then asks for the RPE."""

    DEFAULT_CSS = """
    HoldScreen { align: center middle; }
    HoldScreen #hold-box {
        width: 64; max-width: 100%; height: auto; max-height: 100%; border: thick $accent; background: $surface;
        padding: 0 2;
    }
    HoldScreen.-narrow #hold-box { padding: 0 1; }
    HoldScreen.-short #hold-phase { margin: 0; }
    HoldScreen.-wide #hold-box { width: 80; }
    HoldScreen #hold-title { text-style: bold; width: 1fr; }
    HoldScreen #hold-phase { text-style: bold; color: $accent; width: 1fr; margin: 1 0 0 0; }
    HoldScreen #hold-digits { width: auto; }
    HoldScreen #hold-keys { color: $text-muted; }
    HoldScreen SessionRpeScale { width: 1fr; }
    """

    BINDINGS = [
        Binding("space,enter", "stop", "Start / stop", priority=True),
        Binding("enter", "save", "Save", priority=True),
        Binding("c,escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        title: str,
        seconds: int,
        sides: Sequence[Side | None] = (None,),
        monotonic: Callable[[], float] = rest_clock,
        *,
        ask_rpe: bool = True,
        rpe: float | None = None,
        doing: str = "Hold",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.seconds = seconds
        self.sides = tuple(sides)
        self.monotonic = monotonic
        self.ask_rpe = ask_rpe
        self.doing = doing
        self.start_rpe = rpe if rpe is not None else DEFAULT_RPE
        self.held: list[tuple[Side | None, int]] = []
        self.phase_started = monotonic()
        self.asking_rpe = False

    @property
    def side(self) -> Side | None:
        return self.sides[len(self.held)]

    def compose(self) -> ComposeResult:
        with Vertical(id="hold-box"):
            yield Label(literal(self.title_text), id="hold-title")
            yield Label("", id="hold-phase")
            yield Digits("", id="hold-digits")
            yield SessionRpeScale(self.start_rpe, hold=True, id="hold-rpe")
            yield Label("", id="hold-keys")
        yield FittedFooter()

    def on_mount(self) -> None:
        self.query_one("#hold-rpe").display = False
        self.tick()
        self.set_interval(TICK_SECONDS, self.tick)

    def tick(self) -> None:
        """Show the lead-in or the time left; at zero the side is held and the next one begins."""
        if self.asking_rpe:
            return
        elapsed = self.monotonic() - self.phase_started
        side = f" - {self.side} side" if self.side else ""
        if elapsed < LEAD_IN_SECONDS:
            self._show(f"Get ready{side}", str(LEAD_IN_SECONDS - math.floor(elapsed)), "Space: start now   c: cancel")
            return
        held = elapsed - LEAD_IN_SECONDS
        if held >= self.seconds:
            self._side_done(self.seconds)
            return
        self._show(f"{self.doing}{side}", clock_face(math.ceil(self.seconds - held)), "Space: stop now (the seconds so far count)")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Start / stop while the clock runs, Save once the RPE is asked."""
        if action == "stop":
            return not self.asking_rpe
        if action == "save":
            return self.asking_rpe
        return True

    def action_save(self) -> None:
        """Save the hold with the RPE picked."""
        rpe = self.query_one("#hold-rpe", SessionRpeScale).value if self.ask_rpe else None
        self.dismiss(HoldResult(tuple(self.held), rpe))

    def action_stop(self) -> None:
        """In the 3-2-1: start the hold now; during the hold: stop it now (the seconds so far count)."""
        held = self.monotonic() - self.phase_started - LEAD_IN_SECONDS
        if held < 0:   # ready before the count ends: a key pressed then never logs a hold of 0 s
            self.phase_started = self.monotonic() - LEAD_IN_SECONDS
            self.tick()
            return
        self._side_done(min(self.seconds, math.floor(held)))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _side_done(self, seconds: int) -> None:
        self.held.append((self.side, seconds))
        self.app.bell()
        if len(self.held) < len(self.sides):
            self.phase_started = self.monotonic()
            self.tick()
            return
        if not self.ask_rpe:
            self.dismiss(HoldResult(tuple(self.held), None))
            return
        self.asking_rpe = True
        self.refresh_bindings()
        held = ", ".join(f"{side} {s} s" if side else f"{s} s" for side, s in self.held)
        self._show(f"Held {held}. How hard was it?", "", f"{RPE_KEYS_HINT}   Enter: save")
        self.query_one("#hold-digits").display = False
        scale = self.query_one("#hold-rpe", SessionRpeScale)
        if any(seconds < self.seconds for _, seconds in self.held):
            scale.value = STOPPED_EARLY_RPE
        scale.display = True
        scale.focus()

    def _show(self, phase: str, digits: str, keys: str) -> None:
        self.query_one("#hold-phase", Label).update(literal(phase))
        self.query_one("#hold-digits", Digits).update(digits)
        self.query_one("#hold-keys", Label).update(literal(keys))
