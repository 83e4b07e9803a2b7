"""Real rests in the real app, headless: how late each rest ends, and how far behind its digits run.

Usage: python benchmarks/launch_rest_timer.py SECONDS

It starts strongstride the way `strongstride` does (load_app_state, then StrongstrideApp) on the
history in STRONGSTRIDE_DATA_DIR. Once the home screen has painted, it opens two rests of SECONDS on
the real RestTimer, on the real clock (strongstride.tui.clock.rest_clock) and its own set_interval
ticks: one begun as it opens, as when a set is logged, and one begun 0.2 s before it opens, as when
a resumed session re-opens a rest already running. It prints one JSON line, for each rest:
  drift_ms        when the timer posted RestTimer.Finished, less the moment the rest was due
  digits_lag_ms   the worst delay between the true time left crossing a whole second and a tick
                  putting that second on the digits
"""

import json
import sys
from datetime import date

from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Digits

import strongstride.tui.app as app_module
from strongstride.tui.clock import rest_clock
from strongstride.tui.screens.home import HomeScreen
from strongstride.tui.startup import load_app_state
from strongstride.tui.widgets.rest_timer import RestTimer

REST_SECONDS = float(sys.argv[1])
BEGUN_BEFORE = {"fresh": 0.0, "reopened": 0.2}   # seconds between a rest's start and its timer opening
rests: dict[str, "WatchedRestTimer"] = {}


def seconds_shown(face: str) -> int:
    """The whole seconds left that the digits read (an overtime face, +0:03, reads as none left)."""
    if face.startswith("+"):
        return 0
    minutes, seconds = face.split(":")
    return int(minutes) * 60 + int(seconds)


class WatchedRestTimer(RestTimer):
    """The real rest timer, noting when it posts RestTimer.Finished, and after each tick when it ran and what
    the digits then read."""

    ticks: list[tuple[float, int]]
    finished_at: float | None = None

    def post_message(self, message: Message) -> bool:
        if isinstance(message, RestTimer.Finished):
            self.finished_at = self.clock()
        return super().post_message(message)

    def tick(self) -> None:
        super().tick()
        if self.is_mounted:
            face = str(self.query_one("#rest-digits", Digits).value)
            self.ticks.append((self.clock(), seconds_shown(face)))


class RestScreen(Screen[None]):
    """A screen holding nothing but the rest timers."""

    def compose(self) -> ComposeResult:
        yield from rests.values()


class HomeScreenThatRests(HomeScreen):
    """The real home screen, which opens a rest once it is on screen."""

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.start_rest)

    def start_rest(self) -> None:
        now = rest_clock()
        for name, before in BEGUN_BEFORE.items():
            rests[name] = WatchedRestTimer(now - before, REST_SECONDS, rest_clock, id=f"rest-{name}")
            rests[name].ticks = []
        self.app.push_screen(RestScreen())


class AppThatEndsAfterTheRests(app_module.StrongstrideApp):
    """The real app, which exits once every rest has ended."""

    def on_rest_timer_finished(self, message: RestTimer.Finished) -> None:
        if all(timer.finished_at is not None for timer in rests.values()):
            self.exit()


def digits_lag(timer: WatchedRestTimer) -> float:
    """The worst delay, in seconds, between a whole second of the rest passing and the digits showing it."""
    worst = 0.0
    for left in range(int(timer.duration)):
        crossed_at = timer.started_at + timer.duration - left
        shown_at = next((at for at, shown in timer.ticks if shown <= left), None)
        if shown_at is None:
            raise SystemExit(f"the digits never showed {left} s left")
        worst = max(worst, shown_at - crossed_at)
    return worst


app_module.HomeScreen = HomeScreenThatRests   # the app makes its first screen from whatever this name holds
AppThatEndsAfterTheRests(load_app_state(None, date.today())).run(headless=True, size=(80, 24))
if len(rests) != len(BEGUN_BEFORE) or any(timer.finished_at is None for timer in rests.values()):
    sys.exit("the rests never finished")
print(json.dumps({name: {"drift_ms": (timer.finished_at - timer.started_at - timer.duration) * 1000,
                         "digits_lag_ms": digits_lag(timer) * 1000} for name, timer in rests.items()}))
