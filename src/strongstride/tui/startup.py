"""Everything the app reads from disk, in one place: config, library, plans, history, themes, problems.

Screens never touch files: they read an AppState. Every file that fails to load becomes a
Problem the app lists on its problems screen; nothing here raises for a bad file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from textual.theme import Theme

from strongstride import resources
from strongstride.engine.week import PastSession, Suggestion, next_in_rotation, suggest_day
from strongstride.model.config import Config
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.plan import Plan
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.store import paths
from strongstride.store.config import load_config, save_config_values
from strongstride.store.history import HistoryStore
from strongstride.store.index import HistoryIndex
from strongstride.model.session_summary import SessionSummary
from strongstride.store.in_progress import InProgressStore, SavedSession
from strongstride.store.plans import PlanEntry, discover_plans, find_plan
from strongstride.services.loading import load_basics, sessions_for_the_week
from strongstride.services.plan_loading import load_plan
from strongstride.services.running_calendar import RunningCalendar, load_running_calendar
from strongstride.tui.themes import load_kept_themes

if TYPE_CHECKING:   # the live session's modules load when the first session opens, not at start-up
    from strongstride.model.log import SessionLog
    from strongstride.engine.session import SessionSetup
    from strongstride.services.keeper import SessionKeeper
    from strongstride.store.lock import SessionLock

FALLBACK_PLAN = "runner-foundation"
BACKGROUND_FETCH_SECONDS = 15.0


class PlanOption(NamedTuple):
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
    in_progress: SavedSession | None
    themes: list[Theme]
    problems: list[Problem] = field(default_factory=list)
    theme_problems: list[Problem] = field(default_factory=list)
    lock: SessionLock | None = None
    calendar: RunningCalendar = field(default_factory=RunningCalendar)
    first_run: bool = False   # no config.toml, no history, no unfinished session: the first-run questions open

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
        return suggest_day(plan, self.library, self.config.running, self.config.plan_started, past, self.today,
                           self.calendar.runs)

    def has_feeds(self) -> bool:
        """Whether config names a calendar feed to refresh in the background."""
        if not self.config.running.calendar:
            return False
        from strongstride.store.calendar_feed import is_feed   # with its hashing, only when calendars are set

        return any(is_feed(source) for source in self.config.running.calendar)

    def refresh_calendar(self, now: datetime) -> None:
        """Fetch the stale feeds (run off the UI thread) and read the calendars again, their problems with them."""
        old = set(self.calendar.problems)
        self.calendar = load_running_calendar(self.config.running, self.today, now, BACKGROUND_FETCH_SECONDS)
        self.problems = [p for p in self.problems if p not in old] + list(self.calendar.problems)

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
        if self.in_progress is None:
            return "?"
        plan_id, session_id = self.in_progress.header.plan_id, self.in_progress.header.session_id
        option = self.plans.get(plan_id)
        names = {template.id: template.name for template in option.plan.sessions} if option else {}
        if session_id in names and option is not None:
            return f"{names[session_id]} ({option.plan.name})"
        return f"{plan_id} {session_id}"

    def in_progress_filed(self) -> int | None:
        """How many sets of the unfinished session are already in history (a crash after filing), else None."""
        saved = self.in_progress
        if saved is None:
            return None
        path = self.history.path_for_id(saved.header.uid, saved.header.started_at)
        try:
            return len(self.history.load(path).sets) if path.is_file() else None
        except ProblemsFound:
            return None

    def end_unfinished(self, how: str) -> str:
        """File the unfinished session as it stands ("file") or throw it away ("discard"); says what was done.

        Raises SessionLocked when a session runs elsewhere, ProblemsFound when it cannot be rebuilt to file.
        """
        from strongstride.services.keeper import resume_session
        from strongstride.store.lock import SessionLock

        lock = SessionLock(paths.data_dir())
        lock.acquire()
        try:
            in_progress = InProgressStore(paths.in_progress_file())
            saved = in_progress.load()
            if saved is None:
                return "There is no unfinished session."
            if how == "discard":
                in_progress.clear()
                return "The unfinished session was discarded."
            keeper = resume_session(saved, in_progress, self.history, self._setup_without_snapshot, self._fit_export())
            if keeper.state.finished:
                keeper.save()
            else:   # it ended when its last set was logged, not when it was filed
                events = keeper.session.events
                keeper.finish(events[-1].at if events else keeper.session.setup.started_at)
            if keeper.save_error:
                raise ProblemsFound([Problem(in_progress.path, "", keeper.save_error)])
            return f"Filed in history: {keeper.saved_to}" if keeper.saved_to else "The unfinished session had no sets; it is cleared."
        finally:
            lock.release()
            self.close_session()

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
        from strongstride.services.keeper import resume_session, start_session
        from strongstride.store.lock import SessionLock

        lock = SessionLock(paths.data_dir())
        lock.acquire()
        try:
            in_progress = InProgressStore(paths.in_progress_file())
            saved = in_progress.load()
            if saved is not None:
                keeper = resume_session(saved, in_progress, self.history, self._setup_without_snapshot,
                                        self._fit_export())
            else:
                plan = self.plans[plan_id].plan
                suggestion = self.suggestion() if plan_id == self.plan_id else None
                volume_factor = suggestion.volume_factor if suggestion is not None else 1.0
                keeper = start_session(plan, session_id, self.library, self.history, self.config, now, in_progress,
                                       volume_factor, self._fit_export())
        except BaseException:
            lock.release()
            raise
        self.lock = lock
        return keeper

    def _fit_export(self) -> Callable[[SessionLog], str] | None:
        """The FIT export run after filing when config sets `export_fit_to` (Garmin's SDK is loaded only then)."""
        if self.config.export_fit_to is None:
            return None
        from strongstride.importers.fit_export import export_after_filing

        return export_after_filing(self.config.export_fit_to, self.library)

    def _setup_without_snapshot(self, saved: SavedSession) -> SessionSetup:
        """An unfinished session saved before sessions kept their setup: rebuilt from today's plan and files."""
        from strongstride.services.keeper import build_setup

        header = saved.header
        try:
            plan = self.plans[header.plan_id].plan
            return build_setup(
                plan, header.session_id, self.library, self.history, self.config, header.started_at,
                header.volume_factor, uid=header.uid,
            )
        except KeyError as missing:
            path = paths.in_progress_file()
            raise ProblemsFound([Problem(path, "session", f"cannot resume: {missing.args[0]!r} is missing or unknown")]) from None

    def close_session(self) -> None:
        """Let go of the session lock and read history and the unfinished session again."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        self.index = self.history.index()
        self.in_progress, _ = _in_progress()

    def save_setting(self, key: str, value: object) -> Problem | None:
        """Write one config value (the theme, the plan); a failed write is returned, not raised."""
        return self.save_settings({key: value})

    def save_settings(self, values: Mapping[str, object]) -> Problem | None:
        """Write config values (dotted keys for tables), keeping the file's comments; a failed write is returned."""
        try:
            save_config_values(self.config_path, values)
        except ProblemsFound as found:
            return found.problems[0]
        except OSError as error:
            return Problem(self.config_path, next(iter(values), ""), f"cannot save: {error.strerror or error}")
        return None

    def skip_setup(self) -> Problem | None:
        """The questions skipped: on a first run config.toml keeps the plan shown, so they do not open at every start."""
        if not self.first_run:
            return None
        self.first_run = False
        return self.save_setting("plan", self.plan_id)

    def apply_setup(self, values: Mapping[str, object]) -> Problem | None:
        """Save the first-run answers, then train from the config they make: its plan, kit and running week."""
        problem = self.save_settings(values)
        if problem is not None:
            return problem
        config, problems = load_config(self.config_path, self.library)
        self.config = config
        self.plan_id = choose_plan_id(self.plans, [config.plan, FALLBACK_PLAN])
        self.problems.extend(problem for problem in problems if problem not in self.problems)
        self.first_run = False
        return None

def load_plans(entries: Sequence[PlanEntry], library: ExerciseLibrary) -> tuple[dict[str, PlanOption], list[Problem]]:
    """Every plan that parses, by id; the problems of those that do not."""
    plans: dict[str, PlanOption] = {}
    problems: list[Problem] = []
    for entry in entries:
        try:
            plans[entry.id] = PlanOption(load_plan(entry.path, library), entry.bundled)
        except ProblemsFound as found:
            problems.extend(found.problems)
    return plans, problems


def choose_plan_id(plans: dict[str, PlanOption], wanted: Sequence[str]) -> str | None:
    """The first wanted plan that loaded, else the first bundled one, else any."""
    for plan_id in wanted:
        if plan_id in plans:
            return plan_id
    bundled = [plan_id for plan_id, option in plans.items() if option.bundled]
    return next(iter(bundled or plans), None)


def _requested_plan(plan_arg: str) -> tuple[PlanEntry | None, list[Problem]]:
    try:
        return find_plan(plan_arg), []
    except KeyError as error:
        return None, [Problem("--plan", "", str(error.args[0]) if error.args else plan_arg)]


def _in_progress() -> tuple[SavedSession | None, list[Problem]]:
    """The unfinished session, and problems: a broken file, or copies a sync conflict left beside it."""
    store = InProgressStore(paths.in_progress_file())
    problems = [
        Problem(copy, "", f"a copy of an unfinished session that a sync tool left beside {store.path.name}; "
                          "strongstride leaves it untouched: keep the one you want as in-progress.toml")
        for copy in store.conflict_copies()
    ]
    try:
        return store.load(), problems
    except ProblemsFound as found:
        return None, found.problems + problems


def load_app_state(plan_arg: str | None, today: date) -> AppState:
    """Read everything the app needs; every problem found is kept for the problems screen."""
    basics = load_basics()
    config, library, problems = basics.config, basics.library, basics.problems
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

    in_progress, in_progress_problems = _in_progress()
    problems.extend(in_progress_problems)

    calendar = load_running_calendar(config.running, today, datetime.now(), fetch_timeout=None)
    problems.extend(calendar.problems)
    themes, theme_problems = load_kept_themes([resources.bundled_dir("themes"), paths.user_themes_dir()])
    return AppState(
        today=today, config=config, config_path=basics.config_path, library=library, plans=plans,
        plan_id=choose_plan_id(plans, wanted), history=basics.history, index=basics.index,
        in_progress=in_progress, themes=themes, problems=problems + theme_problems,
        theme_problems=theme_problems, calendar=calendar,
        first_run=not basics.config_path.exists() and not basics.index.summaries and in_progress is None,
    )
