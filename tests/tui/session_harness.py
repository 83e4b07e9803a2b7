"""A small app that pushes the session screen, fake clocks, and keepers over the sample plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from strongstride.engine.events import HoldCompleted, RestEnded, SetLogged, WarmupDone
from strongstride.engine.session import LiveSession, SessionSetup
from strongstride.services.keeper import SessionKeeper, build_setup, resume_session
from strongstride.services.library import load_exercise_library
from strongstride.model.config import Config
from strongstride.model.plan import Plan
from strongstride.model.plan_parser import load_plan_file
from strongstride.resources import bundled_dir
from strongstride.store.history import HistoryStore
from strongstride.store.in_progress import InProgressStore
from strongstride.tui.layout import APP_CSS, HEIGHT_CLASSES, WIDTH_CLASSES
from strongstride.tui.screens.session import SessionScreen

START = datetime(2026, 11, 23, 18, 0, 0)


class WallClock:
    """A wall clock that moves only when told."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class MonotonicClock:
    """A monotonic clock that moves only when told."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Clocks:
    """The wall clock and the monotonic clock moved together, as real time moves them."""

    def __init__(self) -> None:
        self.wall = WallClock()
        self.monotonic = MonotonicClock()

    def advance(self, seconds: float) -> None:
        self.wall.advance(seconds)
        self.monotonic.advance(seconds)


class ScreenHarness(App[None]):
    """Pushes one screen at start and records what it was dismissed with; sized and styled as the app is."""

    CSS = APP_CSS
    HORIZONTAL_BREAKPOINTS = WIDTH_CLASSES
    VERTICAL_BREAKPOINTS = HEIGHT_CLASSES

    def __init__(self, make_screen: Callable[[], Screen]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list[object] = []
        self.bells = 0

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), self.results.append)

    def bell(self) -> None:
        self.bells += 1


def runner_foundation() -> Plan:
    """The bundled runner-foundation plan with the bundled exercise library."""
    library, _ = load_exercise_library()
    return load_plan_file(bundled_dir("sample_plans") / "runner-foundation.toml", library)


def stores(root: Path) -> tuple[HistoryStore, InProgressStore]:
    return HistoryStore(root / "data", root / "cache"), InProgressStore(root / "data" / "in-progress.toml")


def new_keeper(
    root: Path, plan: Plan | None = None, session_id: str = "A", started_at: datetime = START, uid: str = "today",
    config: Config | None = None,
) -> SessionKeeper:
    """A fresh session of the plan (default config unless given), saving under `root`."""
    plan = plan or runner_foundation()
    library, _ = load_exercise_library()
    history, in_progress = stores(root)
    setup = build_setup(plan, session_id, library, history, config or Config(), started_at, uid=uid)
    return SessionKeeper(LiveSession(setup), in_progress, history)


def keeper_of(setup: SessionSetup, root: Path) -> SessionKeeper:
    """A keeper around a hand-built setup (tests/unit/session_fixtures)."""
    history, in_progress = stores(root)
    return SessionKeeper(LiveSession(setup), in_progress, history)


def resumed_keeper(root: Path, plan: Plan | None = None) -> SessionKeeper:
    """The session saved in progress under `root`, read back and replayed, as the app resumes it."""
    plan = plan or runner_foundation()
    library, _ = load_exercise_library()
    history, in_progress = stores(root)
    saved = in_progress.load()
    assert saved is not None, "no session in progress"
    header = saved.header

    def today_setup(_: object) -> SessionSetup:
        return build_setup(plan, header.session_id, library, history, Config(), header.started_at, uid=header.uid)

    return resume_session(saved, in_progress, history, today_setup)


def session_app(keeper: SessionKeeper, clocks: Clocks) -> ScreenHarness:
    return ScreenHarness(lambda: SessionScreen(keeper, clocks.wall, clocks.monotonic))


def do_every_set(keeper: SessionKeeper, clocks: Clocks, extra_reps: int = 0, rpe: float = 8.0) -> None:
    """Do the rest of the session without the screen: every set on target (plus extra reps), rests taken."""
    while (state := keeper.state).step != "done":
        clocks.advance(60)
        if state.step == "warmup":
            keeper.apply(WarmupDone(clocks.wall()))
        elif state.step == "rest":
            keeper.apply(RestEnded(clocks.wall()))
        elif state.card.is_hold and state.card.kind == "work":
            keeper.apply(HoldCompleted(clocks.wall(), state.card.target.hold_seconds + extra_reps, rpe))
        else:
            keeper.apply(SetLogged(clocks.wall(), state.card.target.reps + extra_reps, state.card.target.load, rpe))


async def rest_forty_seconds_in(pilot, clocks: Clocks) -> None:
    """Log the set on the card with RPE 9 (the rest starts by itself), then move both clocks 40 s into the rest."""
    from strongstride.tui.widgets.rest_timer import RestTimer

    await pilot.press("enter", "9", "enter")
    await pilot.pause()                           # the rest panel is mounted
    await pilot.wait_for_scheduled_animations()
    clocks.advance(40)
    pilot.app.screen.tick()                       # the elapsed time, as its interval would
    pilot.app.screen.query_one(RestTimer).tick()
    await pilot.pause()
