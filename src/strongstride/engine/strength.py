"""What the runner can do now, per exercise: one e1RM from recent sessions, or a known max when there are none.

The estimate is the best e1RM of the last RECENT_SESSIONS sessions of the exercise, each session's
best set counted (a missed set as RPE 10). A light day (a taper, an easy week) among them does not
lower it. Time away lowers it: from DECAY_STARTS_DAYS after a session, DECAY_PER_WEEK a week. The
seeds give no figures for either; they are the app's own cautious choices and the reason says so.
With no loaded history, a set from config.toml's [known] table stands in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from strongstride.engine.history_view import set_estimated_1rm
from strongstride.engine.outings import LAYOFF_DAYS
from strongstride.engine.rpe import estimate_1rm_from_set
from strongstride.model.config import KnownSet
from strongstride.model.log import SessionLog
from strongstride.model.moments import chronological
from strongstride.model.units import Unit, format_load

RECENT_SESSIONS = 3        # the app's choice: one light session in three leaves the estimate alone
DECAY_STARTS_DAYS = LAYOFF_DAYS   # the same days after which a start is a deload (engine/outings.py)
DECAY_PER_WEEK = 0.01      # the app's choice: strength lost a week away past those days


@dataclass(frozen=True)
class Strength:
    """An e1RM and where it came from, in words the reason can use."""

    e1rm: float
    source: str


def _session_best(session: SessionLog, exercise_id: str, unit: Unit) -> float | None:
    estimates = [e for s in session.work_sets if s.exercise_id == exercise_id and (e := set_estimated_1rm(s, unit))]
    return max(estimates) if estimates else None


def _weeks_away(day: date, today: date) -> int:
    """Whole weeks past DECAY_STARTS_DAYS since `day`."""
    return max(0, (today - day).days - DECAY_STARTS_DAYS) // 7


def estimated_strength(
    history: Sequence[SessionLog], exercise_id: str, unit: Unit, today: date, known: KnownSet | None = None,
) -> Strength | None:
    """The runner's e1RM for this exercise today, in `unit`; None when neither history nor config knows it."""
    bests = [
        (session.started_at.date(), best)
        for session in sorted(history, key=lambda s: chronological(s.started_at))
        if (best := _session_best(session, exercise_id, unit)) is not None
    ][-RECENT_SESSIONS:]
    if bests:
        day, best = max(bests, key=lambda pair: pair[1] * (1 - DECAY_PER_WEEK) ** _weeks_away(pair[0], today))
        weeks = _weeks_away(day, today)
        e1rm = best * (1 - DECAY_PER_WEEK) ** weeks
        sessions = "your last session" if len(bests) == 1 else f"the best of your last {len(bests)} sessions"
        away = f", less {DECAY_PER_WEEK:.0%} a week for {weeks} weeks away (app rule)" if weeks else ""
        return Strength(e1rm, f"e1RM {format_load(round(e1rm, 1), unit)}, {sessions}{away}")
    if known is None:
        return None
    e1rm = estimate_1rm_from_set(known.load, known.reps, 10.0 if known.rpe is None else known.rpe) or known.load
    if known.reps == 1 and known.rpe in (None, 10):
        return Strength(e1rm, f"your known {known.describe(unit)} (config [known])")
    return Strength(e1rm, f"e1RM {format_load(round(e1rm, 1), unit)} from your known {known.describe(unit)} (config [known])")
