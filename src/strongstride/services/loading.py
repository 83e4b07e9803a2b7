"""What every screen and plain command reads first: config, the exercise library and the history index, with problems.

The app (tui/startup.py) and the commands (commands/context.py) both start from `load_basics`, so a
bad config key or a broken history file is reported the same way by both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from strongstride.model.moments import chronological
from strongstride.model.problems import Problem

if TYPE_CHECKING:
    from strongstride.engine.week import PastSession
    from strongstride.model.config import Config
    from strongstride.model.exercise_library import ExerciseLibrary
    from strongstride.model.plan import Plan
    from strongstride.store.history import HistoryStore
    from strongstride.store.index import HistoryIndex
    from strongstride.model.session_summary import SessionSummary

# How far back the runner's week ever looks, with room to spare: this week so far (6 days), 48 hours
# between sessions on the same muscles, and a taper of up to 14 days before a race. Older sessions only
# matter for the rotation, which needs just the last one done on the plan.
WEEK_LOOKBACK_DAYS = 28


@dataclass
class Basics:
    """Config, library and history as read at start; the problems found leave usable defaults."""

    config: Config
    config_path: Path
    library: ExerciseLibrary
    history: HistoryStore
    index: HistoryIndex
    problems: list[Problem] = field(default_factory=list)


def load_basics(rescan: bool = False) -> Basics:
    """Read config, the exercise library and the history index (rescan: every history file checked)."""
    from strongstride.services.library import load_exercise_library
    from strongstride.store import paths
    from strongstride.store.config import load_config
    from strongstride.store.history import HistoryStore

    config_path = paths.config_file()
    library, library_problems = load_exercise_library()
    config, problems = load_config(config_path, library)
    problems.extend(library_problems)
    history = HistoryStore.default()
    index = history.index(rescan)
    problems.extend(index.problems)
    return Basics(config, config_path, library, history, index, problems)


def past_session(summary: SessionSummary, library: ExerciseLibrary) -> PastSession:
    """One history summary as a PastSession on the local clock, with the muscles the library says it loaded."""
    from strongstride.engine.week import PastSession

    muscles = frozenset(
        muscle for exercise_id in summary.exercises if exercise_id in library for muscle in library[exercise_id].muscles
    )
    return PastSession(chronological(summary.started_at), summary.plan_id, summary.session_id, muscles)


def sessions_for_the_week(history: HistoryIndex, plan: Plan, library: ExerciseLibrary, today: date) -> list[PastSession]:
    """The past sessions the runner's week can need on and around today, oldest first.

    Those of the last WEEK_LOOKBACK_DAYS days (and any dated later), and the last session on the plan
    before them (where the rotation stands): the advice is the same as from the whole history, but
    ten years of it are never read.
    """
    summaries = history.summaries
    first_recent = summaries.first_from(datetime.combine(today - timedelta(days=WEEK_LOOKBACK_DAYS), datetime.min.time()))
    session_ids = {template.id for template in plan.sessions}
    last_on_plan = next(
        (summaries[position] for position in range(first_recent - 1, -1, -1)
         if summaries[position].plan_id == plan.id and summaries[position].session_id in session_ids),
        None,
    )
    chosen = ([last_on_plan] if last_on_plan is not None else []) + summaries[first_recent:]
    return [past_session(summary, library) for summary in chosen]
