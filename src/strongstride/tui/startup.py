"""Everything the app reads from disk, in one place: config, library, plans, history, themes, problems.

Screens never touch files: they read an AppState. Every file that fails to load becomes a
Problem the app lists on its problems screen; nothing here raises for a bad file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.theme import Theme

from strongstride import resources
from strongstride.commands.context import sessions_for_the_week
from strongstride.engine.week import PastSession, Suggestion, next_in_rotation, suggest_day
from strongstride.library import load_exercise_library
from strongstride.model.config import Config
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.log import SessionLog
from strongstride.model.plan import Plan
from strongstride.model.plan_parser import load_plan_file
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.store import paths
from strongstride.store.config import load_config, save_config_value
from strongstride.store.history import HistoryStore
from strongstride.store.index import HistoryIndex
from strongstride.store.summary import SessionSummary
from strongstride.store.in_progress import InProgressStore
from strongstride.store.plans import PlanEntry, discover_plans, find_plan
from strongstride.tui.themes import load_themes

if TYPE_CHECKING:   # the live session's modules load when the first session opens, not at start-up
    from strongstride.engine.session import LiveSession
    from strongstride.keeper import SessionKeeper
    from strongstride.store.lock import SessionLock

FALLBACK_PLAN = "runner-foundation"


@dataclass(frozen=True)
class PlanOption:
    """A plan that loaded, with whether it ships with the app (shown beside its name)."""

    plan: Plan
    bundled: bool


@dataclass
class AppState:
    """What the app shows, loaded once at start; the current plan can change while it runs."""

    today: date
    config: Config
    config_path: Path
    library: ExerciseLibrary
    plans: dict[str, PlanOption]
    plan_id: str | None
    history: HistoryStore
    index: HistoryIndex
    in_progress: dict[str, Any] | None
    themes: list[Theme]
    problems: list[Problem] = field(default_factory=list)
    theme_problems: list[Problem] = field(default_factory=list)
    lock: SessionLock | None = None

    @property
    def plan(self) -> Plan | None:
        """The plan the runner trains from now; None when no plan could be loaded."""
        option = self.plans.get(self.plan_id or "")
        return option.plan if option else None

    def past_sessions(self, plan: Plan) -> list[PastSession]:
        """The finished sessions the runner's week needs today (recent ones, where the rotation stands), with muscles."""
        return sessions_for_the_week(self.index, plan, self.library, self.today)

    def suggestion(self) -> Suggestion | None:
        """Today's session from the current plan's rotation and the runner's week."""
        plan = self.plan
        if plan is None:
            return None
        past = self.past_sessions(plan)
        return suggest_day(plan, self.library, self.config.running, self.config.plan_started, past, self.today)

    def session_to_offer(self, suggestion: Suggestion | None) -> str | None:
        """The session Enter starts: today's suggestion, or on a rest day the next in the rotation."""
        plan = self.plan
        if plan is None:
            return None
        if suggestion is not None and suggestion.session_id is not None:
            return suggestion.session_id
        return next_in_rotation(plan, self.past_sessions(plan)).id

    def choose_plan(self, plan_id: str) -> Problem | None:
        """Train from another loaded plan from now on; the choice is saved in config."""
        if plan_id == self.plan_id or plan_id not in self.plans:
            return None
        self.plan_id = plan_id
        return self.save_setting("plan", plan_id)

    def in_progress_name(self) -> str:
        """The unfinished session as the runner knows it: its name and plan, or its ids."""
        header = self.in_progress or {}
        plan_id, session_id = str(header.get("plan_id", "?")), str(header.get("session_id", "?"))
        option = self.plans.get(plan_id)
        names = {template.id: template.name for template in option.plan.sessions} if option else {}
        if session_id in names and option is not None:
            return f"{names[session_id]} ({option.plan.name})"
        return f"{plan_id} {session_id}"

    def load_session(self, summary: SessionSummary) -> tuple[SessionLog | None, list[Problem]]:
        """One past session in full, for its detail view; a broken file gives problems instead."""
        try:
            return self.history.load(Path(summary.path)), []
        except ProblemsFound as found:
            return None, found.problems

    def open_session(self, plan_id: str, session_id: str, now: datetime) -> SessionKeeper:
        """The live session to show: the unfinished one if there is one (never started over), else a new one.

        Holds the data dir's session lock until close_session; raises SessionLocked when another
        strongstride runs a session there, ProblemsFound when the session cannot be rebuilt.
        """
        from strongstride.keeper import SessionKeeper
        from strongstride.store.lock import SessionLock

        lock = SessionLock(paths.data_dir())
        lock.acquire()
        try:
            in_progress = InProgressStore(paths.in_progress_file())
            saved = in_progress.load()
            session = self._resumed(saved, in_progress.path) if saved else self._new_session(plan_id, session_id, now)
        except BaseException:
            lock.release()
            raise
        self.lock = lock
        return SessionKeeper(session, in_progress, self.history, self._fit_export())

    def _fit_export(self) -> Callable[[SessionLog], str] | None:
        """The FIT export run after filing when config sets `export_fit_to` (Garmin's SDK is loaded only then)."""
        if self.config.export_fit_to is None:
            return None
        from strongstride.importers.fit_export import export_after_filing

        return export_after_filing(self.config.export_fit_to, self.library)

    def _new_session(self, plan_id: str, session_id: str, now: datetime) -> LiveSession:
        from strongstride.engine.session import LiveSession
        from strongstride.keeper import build_setup

        plan = self.plans[plan_id].plan
        suggestion = self.suggestion() if plan_id == self.plan_id else None
        volume_factor = suggestion.volume_factor if suggestion is not None else 1.0
        return LiveSession(build_setup(plan, session_id, self.library, self.history, self.config, now, volume_factor))

    def _resumed(self, saved: tuple[dict[str, Any], list[dict[str, Any]]], path: Path) -> LiveSession:
        from strongstride.engine.session import LiveSession
        from strongstride.keeper import build_setup, restore_events

        header, raw_events = saved
        try:
            plan = self.plans[header["plan_id"]].plan
            setup = build_setup(
                plan, header["session_id"], self.library, self.history, self.config, header["started_at"],
                float(header.get("volume_factor", 1.0)), uid=header["uid"],
            )
            return LiveSession(setup, restore_events(raw_events, path))
        except KeyError as missing:
            raise ProblemsFound([Problem(path, "session", f"cannot resume: {missing.args[0]!r} is missing or unknown")]) from None
        except ValueError as error:
            raise ProblemsFound([Problem(path, "events", f"cannot resume: {error}")]) from None

    def close_session(self) -> None:
        """Let go of the session lock and read history and the unfinished session again."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        self.index = self.history.index()
        self.in_progress, _ = _in_progress()

    def save_setting(self, key: str, value: object) -> Problem | None:
        """Write one config value (the theme, the plan); a failed write is returned, not raised."""
        try:
            save_config_value(self.config_path, key, value)
        except ProblemsFound as found:
            return found.problems[0]
        except OSError as error:
            return Problem(self.config_path, key, f"cannot save: {error.strerror or error}")
        return None


def load_plans(entries: Sequence[PlanEntry], library: ExerciseLibrary) -> tuple[dict[str, PlanOption], list[Problem]]:
    """Every plan that parses, by id; the problems of those that do not."""
    plans: dict[str, PlanOption] = {}
    problems: list[Problem] = []
    for entry in entries:
        try:
            plans[entry.id] = PlanOption(load_plan_file(entry.path, library), entry.bundled)
        except ProblemsFound as found:
            problems.extend(found.problems)
    return plans, problems


def choose_plan_id(plans: dict[str, PlanOption], wanted: Sequence[str]) -> str | None:
    """The first wanted plan that loaded, else the first bundled one, else any."""
    for plan_id in wanted:
        if plan_id in plans:
            return plan_id
    bundled = [plan_id for plan_id, option in plans.items() if option.bundled]
    return (bundled or list(plans) or [None])[0]


def _requested_plan(plan_arg: str) -> tuple[PlanEntry | None, list[Problem]]:
    try:
        return find_plan(plan_arg), []
    except KeyError as error:
        return None, [Problem("--plan", "", str(error.args[0]) if error.args else plan_arg)]


def _in_progress() -> tuple[dict[str, Any] | None, list[Problem]]:
    try:
        loaded = InProgressStore(paths.in_progress_file()).load()
    except ProblemsFound as found:
        return None, found.problems
    return (loaded[0] if loaded else None), []


def load_app_state(plan_arg: str | None, today: date) -> AppState:
    """Read everything the app needs; every problem found is kept for the problems screen."""
    config_path = paths.config_file()
    config, problems = load_config(config_path)
    library, library_problems = load_exercise_library()
    problems.extend(library_problems)

    entries = discover_plans()
    wanted = [config.plan, FALLBACK_PLAN]
    if plan_arg:
        requested, plan_problems = _requested_plan(plan_arg)
        problems.extend(plan_problems)
        if requested is not None:
            entries = [e for e in entries if e.id != requested.id] + [requested]
            wanted.insert(0, requested.id)
    plans, plan_problems = load_plans(entries, library)
    problems.extend(plan_problems)

    history = HistoryStore.default()
    index = history.index()
    problems.extend(index.problems)
    in_progress, in_progress_problems = _in_progress()
    problems.extend(in_progress_problems)

    themes, theme_problems = load_themes([resources.bundled_dir("themes"), paths.user_themes_dir()])
    return AppState(
        today=today, config=config, config_path=config_path, library=library, plans=plans,
        plan_id=choose_plan_id(plans, wanted), history=history, index=index,
        in_progress=in_progress, themes=themes, problems=problems + theme_problems,
        theme_problems=theme_problems,
    )
