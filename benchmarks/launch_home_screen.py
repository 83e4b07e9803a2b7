"""strongstride's start-up as the runner sees it, run headless until the home screen's first paint.

It starts the app the way `strongstride` does (cli.main pauses the garbage collector; tui/run.py: load_app_state,
then StrongstrideApp), with one difference: the home screen ends the app right after its first paint and prints its
moment (time.monotonic, the clock every process shares), so the parent can time it.
"""

import gc
import sys
import time
from datetime import date

gc.disable()    # as `strongstride` starts (cli.main): the app collects again once its first screen is painted

import strongstride.tui.app as app_module
from strongstride.tui.screens.home import HomeScreen
from strongstride.tui.startup import load_app_state

painted: list[str] = []


class HomeScreenThatExits(HomeScreen):
    """The real home screen, which ends the app once it is on screen."""

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.painted)

    def painted(self) -> None:
        painted.append(f"first paint at {time.monotonic()!r}")
        self.app.exit()


app_module.HomeScreen = HomeScreenThatExits   # the app makes its first screen from whatever this name holds
app_module.StrongstrideApp(load_app_state(None, date.today())).run(headless=True, size=(80, 24))
if not painted:
    sys.exit("the home screen was never painted")
print(painted[0])
