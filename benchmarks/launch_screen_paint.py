"""strongstride's History and summary screens timed from the key press to their first paint, headless at 80x24.

Run by screen_paint.py with the history's folders in the environment: for each run, a fresh app (as
`strongstride` starts it, the garbage collector paused until the first paint) shows home; once the thread that
imports the screens home leads to is done (as a runner reads home before a key), a pilot drives it: `h` and each
History tab (1 to 4, and a highlight in Trends), then Enter, `f`, `f` to finish a new session early onto its
summary screen. Each figure is the time from the key press until it has taken effect and the screen has been
painted after it; for what a worker reads in the background (the newest session's detail, the Trends list, the
charts, the summary's recap), also the time until that is on screen. The next key is sent a tenth of a second
later, plus a random part of a frame (as a person's key, it lands anywhere in Textual's 60-a-second update cycle).
Prints one JSON object of medians in ms on its last line.
"""

import asyncio
import gc
import json
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from collections.abc import Callable

from textual import events
from textual.app import App
from textual.widgets import ContentSwitcher, OptionList

from strongstride.tui.app import StrongstrideApp
from strongstride.tui.startup import load_app_state

SIZE = (80, 24)
BETWEEN_KEYS = 0.1      # seconds a runner takes at least to read a screen before the next key
FRAME = 1 / 60          # Textual's frame: the screen updates on a 60-a-second timer
CHARACTERS: dict[str, str | None] = {"down": None, "enter": "\r"}


async def next_paint(app: App[object]) -> None:
    """Wait until the screen has been refreshed after every message so far."""
    painted = asyncio.Event()
    app.screen.call_after_refresh(painted.set)
    await painted.wait()


async def timed(app: App[object], times: dict[str, float], label: str, key: str, taken: Callable[[], bool],
                read: Callable[[], bool] | None = None) -> None:
    """Send one key as the terminal would; note the ms until it has taken effect and the screen is painted after it,
    and with `read`, until what a worker read is in place (`read` says so) and painted.

    Not Pilot.press, which also waits for every animation (a tab's underline slides for a third of a second) and
    for the whole process to go idle, worker threads included.
    """
    driver = app._driver
    assert driver is not None
    # a person's key lands anywhere in the frame timer's cycle: sent straight after the last paint, every key of a
    # run would land at the same point of it, and a figure would read that point more than the key's own cost
    await asyncio.sleep(BETWEEN_KEYS + random.uniform(0, FRAME))
    start = time.perf_counter()
    driver.send_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))
    while not taken():
        await asyncio.sleep(0)
    await next_paint(app)
    times[label] = (time.perf_counter() - start) * 1000
    if read is not None:
        while not read():   # the worker may not have begun: it starts once the screen is painted
            await app.workers.wait_for_complete()
            await asyncio.sleep(0.001)
        await next_paint(app)
        times[f"{label}, read"] = (time.perf_counter() - start) * 1000


def read_shown(app: App[object]) -> Callable[[], bool]:
    """Whether what the screen's workers read is in place: nothing on it loading, every chart shown on it drawn at its
    size (a chart is drawn once it is laid out: mounted is not enough)."""
    def shown() -> bool:
        screen = app.screen
        charts = [chart for chart in screen.query("ChartView").results()
                  if all(node.display for node in chart.ancestors_with_self if node is not screen)]
        return (not any(widget.loading for widget in screen.query("*"))
                and all(chart.drawn_size.area and chart.drawn_size == chart.content_region.size for chart in charts))
    return shown


def detail_shown(app: App[object]) -> Callable[[], bool]:
    """Whether the History screen shows a session's detail under its table."""
    return lambda: bool(str(app.screen.query_one("#detail-text").render()))


def on_tab(app: App[object], tab: str) -> Callable[[], bool]:
    """Whether the History screen shows this tab."""
    return lambda: app.screen.query_one(ContentSwitcher).current == tab


def showing(app: App[object], screen: str) -> Callable[[], bool]:
    """Whether the screen of this class name is on top and mounted; by name, so that the benchmark imports none
    of a screen's modules itself: the app's own import of them is what is measured."""
    return lambda: type(app.screen).__name__ == screen and app.screen.is_mounted


def clear_live_session() -> None:
    """Leave no unfinished session from the last run, so home's Enter starts a new one."""
    data = Path(os.environ["STRONGSTRIDE_DATA_DIR"])
    for name in ("in-progress.toml", "session.lock"):
        (data / name).unlink(missing_ok=True)


async def one_run() -> dict[str, float]:
    """Every figure once, on a fresh app."""
    clear_live_session()
    times: dict[str, float] = {}
    gc.collect()    # the last run's app is garbage: none of it frozen with this one's start
    gc.disable()    # as `strongstride` starts (cli.main): the app collects again, its start frozen, once painted
    app = StrongstrideApp(load_app_state(None, date.today()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()   # as a runner reads home: what home leads to imported meanwhile
        await timed(app, times, "history", "h", showing(app, "HistoryScreen"), detail_shown(app))
        await timed(app, times, "trends", "2", on_tab(app, "trends"), read_shown(app))
        exercises = app.screen.query_one(OptionList)
        await timed(app, times, "highlight", "down", lambda: exercises.highlighted == 1)
        await timed(app, times, "weeks", "3", on_tab(app, "weeks"))
        await timed(app, times, "charts", "4", on_tab(app, "charts"), read_shown(app))
        await timed(app, times, "sessions", "1", on_tab(app, "sessions"))
        await pilot.press("b", "enter")                    # home, then a new session's first card
        await pilot.press("f")                             # finish early: it asks first
        await timed(app, times, "summary", "f", showing(app, "SummaryScreen"), read_shown(app))
    gc.unfreeze()   # the next run starts from a heap as a new process would, its own start frozen alone
    return times


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    samples = [asyncio.run(one_run()) for _ in range(runs)]
    medians = {label: statistics.median(run[label] for run in samples) for label in samples[0]}
    print(json.dumps(medians))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
