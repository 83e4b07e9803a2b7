"""Past sessions of one exercise as progression reads them: each session's work sets, in today's unit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from strongstride.engine.autoregulation import counted_rpe, missed_target
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.moments import chronological
from strongstride.model.units import Unit, convert

# The app's rule: more days away than this is a layoff (a deload, and the e1RM starts to decay). Maximal strength
# holds about three to four weeks without training (Stronger By Science, "A Guide to Detraining", G. Nuckols: no
# significant loss up to 28 days); three weeks keeps clear of it, and a once-a-week exercise skipped once
# (14-20 days) is not a layoff.
LAYOFF_DAYS = 21


@dataclass(frozen=True)
class Outing:
    """One past session's work sets of this exercise, loads in today's unit."""

    day: date
    sets: tuple[SetLog, ...]

    @property
    def heaviest(self) -> float | None:
        loads = [s.load for s in self.sets if s.load is not None]
        return max(loads) if loads else None

    @property
    def missed(self) -> bool:
        return any(missed_target(s) for s in self.sets)

    @property
    def failed(self) -> bool:
        """A set fell short of its target or went to RPE 10: the work was at the runner's limit."""
        return any(counted_rpe(s) == 10.0 for s in self.sets)

    def at_or_under(self, goal_rpe: float) -> bool:
        """Every target met and no set above the target RPE (a set without an RPE is not evidence against)."""
        return all((rpe := counted_rpe(s)) is None or rpe <= goal_rpe for s in self.sets)


def outings_of(history: Sequence[SessionLog], exercise_id: str, unit: Unit) -> list[Outing]:
    """The sessions that did this exercise, oldest first, each with its work sets of it."""
    outings = []
    for session in sorted(history, key=lambda s: chronological(s.started_at)):
        sets = tuple(
            replace(s, load=None if s.load is None else convert(s.load, s.unit, unit), unit=unit)
            for s in session.work_sets if s.exercise_id == exercise_id
        )
        if sets:
            outings.append(Outing(session.started_at.date(), sets))
    return outings


def layoff_days(outing: Outing, today: date) -> int | None:
    """Days since the exercise was last done, when that is more than LAYOFF_DAYS."""
    days = (today - outing.day).days
    return days if days > LAYOFF_DAYS else None


def away_words(days: int) -> str:
    """The start of a layoff's reason: "22 days since you last did this (over 21: app rule)"."""
    return f"{days} days since you last did this (over {LAYOFF_DAYS}: app rule)"
