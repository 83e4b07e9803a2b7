"""The app shell: themes, the keys that work everywhere, and the hand-over to the session screens."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from strongstride.model.moments import local_now
from strongstride.model.visible_text import visible
from strongstride.tui.clock import rest_clock
from strongstride.tui.messages import EndUnfinished, StartSession
from strongstride.tui.screens.home import HomeScreen
from strongstride.tui.layout import APP_CSS, HEIGHT_CLASSES, WIDTH_CLASSES
from strongstride.tui.startup import AppState
from strongstride.tui.themes import DEFAULT_THEME, next_theme_name
from strongstride.tui.widgets.problem_view import notify_problem

if TYPE_CHECKING:
    from strongstride.engine.plan_choice import PlanChoice


HOME_LEADS_TO = ("strongstride.tui.screens.session", "strongstride.tui.screens.history", "strongstride.tui.screens.summary",
                 "tomllib")
"""The modules of the screens home leads to (Enter, h, and the session's end), and the TOML reader their first past
session is read with: imported while the runner reads home."""


def import_ahead() -> None:
    """Import what home leads to, so that its keys open their screens without importing them first (15-60 ms).

    Run by a thread once home is painted: the start does not wait for it, and a key pressed meanwhile
    imports what it needs as before (Python's import lock lets each module be imported once)."""
    for module in HOME_LEADS_TO:
        import_module(module)


def resume_collecting() -> None:
    """Collect garbage again once the first screen is painted, when the start paused the collector (cli.main).

    What the start made lives as long as the app, so it is frozen out of the collector's sight (gc.freeze):
    no later collection looks through it again. An app started with the collector running is left as it is."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class StrongstrideApp(App[None]):
    """A strength coach for runners: home, history and the live session, all from the keyboard."""

    TITLE = "strongstride"
    CSS = APP_CSS
    HORIZONTAL_BREAKPOINTS = WIDTH_CLASSES      # each screen knows the window's size (tui/layout.py)
    VERTICAL_BREAKPOINTS = HEIGHT_CLASSES
    BINDINGS = [
        Binding("t", "cycle_theme", "Theme"),
        Binding("h", "history", "History"),
        Binding("e", "problems", "Problems"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self, state: AppState, clock: Callable[[], float] = rest_clock,
        wall_clock: Callable[[], datetime] = local_now, setup: bool = False,
    ) -> None:
        super().__init__()
        self.state = state
        self.open_on_setup = setup     # the first-run questions over home: asked for, or a first run
        self.clock = clock              # the monotonic seconds every rest timer reads; tests pass a fake one
        self.wall_clock = wall_clock    # the time events are stamped with
        for theme in state.themes:
            self.register_theme(theme)
        self.theme = self._starting_theme()

    @property
    def theme_names(self) -> list[str]:
        """The app's own themes (bundled and the user's), in the order `t` steps through them."""
        return [theme.name for theme in self.state.themes]

    def _starting_theme(self) -> str:
        for name in (self.state.config.theme, DEFAULT_THEME):
            if name in self.available_themes:
                return name
        return self.theme_names[0] if self.theme_names else self.theme

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._save_theme)
        if self.theme != self.state.config.theme:
            self.notify(f"Theme {self.state.config.theme!r} from config.toml is not installed; using {self.theme}.",
                        title="Theme", severity="warning", markup=False)
        for problem in self.state.theme_problems:
            self.notify(str(problem), title="Theme skipped", severity="warning", markup=False)
        if self.open_on_setup:
            self.action_setup()
        self.call_after_refresh(resume_collecting)
        self.call_after_refresh(self.run_worker, import_ahead, name="import ahead", thread=True)

    def get_default_screen(self) -> Screen[None]:
        """Home, as the app's first screen: not pushed over an empty one, which the start would make and lay out too."""
        return HomeScreen(self.state, self.wall_clock)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Set up", "Your experience, kit and running week: they pick the plan", self.action_setup)

    def action_setup(self) -> None:
        """Ask the first-run questions (again); saving them writes config.toml and changes the plan."""
        from strongstride.tui.screens.first_run import FirstRunScreen

        if not isinstance(self.screen, FirstRunScreen):
            self.push_screen(FirstRunScreen(self.state, self.state.today), self._setup_done)

    async def _setup_done(self, choice: PlanChoice | None) -> None:
        """Home again, on the plan the answers chose, with the reason in a notice."""
        if choice is not None:
            self.notify(choice.reason, title=f"Plan: {self.state.plan.name if self.state.plan else choice.plan_id}",
                        timeout=6)
        if isinstance(self.screen, HomeScreen):
            await self.screen.reload()

    def notify(
        self, message: str, *, title: str = "", severity: SeverityLevel = "information",
        timeout: float | None = None, markup: bool = False,
    ) -> None:
        """Every notice, from any screen, shown literally: its text may name plans, sessions or files."""
        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "problems":
            return bool(self.state.problems)
        return True

    def action_cycle_theme(self) -> None:
        """Step to the next of the app's themes; the choice is saved."""
        self.theme = next_theme_name(self.theme_names, self.theme)
        self.notify(f"Theme: {self.theme}", markup=False, timeout=2)

    def _save_theme(self, theme: Theme) -> None:
        notify_problem(self, self.state.save_setting("theme", theme.name))

    async def action_history(self) -> None:
        """Past sessions, exercise trends and weekly adherence."""
        from strongstride.tui.screens.history import (
            HistoryScreen,  # loaded when first asked for: a faster start
        )

        if not isinstance(self.screen, HistoryScreen):
            with self.batch_update():   # drawn once mounted, in one frame: not part way, then again a frame later
                await self.push_screen(HistoryScreen(self.state))

    async def action_quit(self) -> None:
        """Quit; from a live session with sets not yet saved, ask first (the session screen's leave)."""
        from strongstride.tui.screens.session import SessionScreen

        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen) and screen.keeper.unsaved_sets:
                screen.action_leave()
                return
        self.exit()

    def action_problems(self) -> None:
        """The files that could not be read at start, and why."""
        from strongstride.tui.screens.errors import ProblemsScreen

        if not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen(self.state.problems))

    async def on_end_unfinished(self, message: EndUnfinished) -> None:
        """File or discard the unfinished session from home, then show home again."""
        from strongstride.model.problems import ProblemsFound
        from strongstride.store.lock import SessionLocked

        try:
            self.notify(self.state.end_unfinished(message.how), markup=False, timeout=6)
        except SessionLocked as locked:
            self.notify(str(locked), title="Not done", severity="error", markup=False, timeout=10)
        except ProblemsFound as found:
            for problem in found.problems:
                notify_problem(self, problem, title="Not filed")
        if isinstance(self.screen, HomeScreen):
            await self.screen.reload()

    def on_start_session(self, message: StartSession) -> None:
        self.start_session(message.plan_id, message.session_id, resume=message.resume)

    def start_session(self, plan_id: str, session_id: str, resume: bool = False) -> None:
        """Open the live session; an unfinished one is always resumed rather than started over."""
        from strongstride.model.problems import ProblemsFound
        from strongstride.store.lock import SessionLocked
        from strongstride.tui.screens.session import SessionScreen

        if self.state.in_progress is not None and not resume:
            self.notify(f"Resuming your unfinished session first: {self.state.in_progress_name()}", markup=False)
        try:
            keeper = self.state.open_session(plan_id, session_id, self.wall_clock())
        except SessionLocked as locked:
            self.notify(str(locked), title="Session not started", severity="error", markup=False, timeout=10)
            return
        except ProblemsFound as found:
            for problem in found.problems:
                notify_problem(self, problem, title="Session not started")
            return
        self.push_screen(SessionScreen(keeper, clock=self.wall_clock, monotonic=self.clock), self._session_closed)

    async def _session_closed(self, _: Path | None) -> None:
        """Back home: the lock is let go and the home screen shows the new history."""
        self.state.close_session()
        if isinstance(self.screen, HomeScreen):
            await self.screen.reload()
