"""Block periodisation: which phase of the plan a day falls in, counted back from the goal race when one is
known (the last phase ends in race week), else forward from the day the plan started."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from strongstride.model.plan import Plan

DAYS_PER_WEEK = 7


class PhaseInfo(NamedTuple):
    """Where the runner is in the plan's blocks: the phase, its week (1-based) and its volume factor."""

    name: str
    week: int
    weeks: int
    volume_factor: float
    race: date | None = None     # the goal race the phases are counted back from

    @property
    def is_holding(self) -> bool:
        """True once the last phase has run its planned weeks and its volume simply carries on."""
        return self.week > self.weeks

    def describe(self) -> str:
        """One line such as "Base, week 3 of 6 (full volume)" or "Maintenance ... (half the sets)"."""
        if self.week < 1:
            when = f"building while your race is far out, {1 - self.week} weeks before its planned {self.weeks}"
        elif self.is_holding:
            when = f"week {self.week}, past its planned {self.weeks}: its volume carries on"
        else:
            when = f"week {self.week} of {self.weeks}"
        counted = f", counted back from your race on {self.race.day} {self.race:%B}" if self.race else ""
        return f"{self.name}, {when}{counted} ({describe_volume(self.volume_factor)})"


def describe_volume(volume_factor: float) -> str:
    """The volume factor in a runner's words: full volume, half the sets, or a percentage of them."""
    if volume_factor == 1.0:
        return "full volume"
    if volume_factor == 0.5:
        return "half the sets"
    return f"{volume_factor:.0%} of the sets"


def current_phase(plan: Plan, plan_started: date | None, today: date) -> PhaseInfo | None:
    """The phase `today` falls in, in 7-day weeks from `plan_started`; the last phase holds once all have run.

    None when the plan has no phases, no start date is set, or the plan starts later.
    """
    if not plan.phases or plan_started is None or today < plan_started:
        return None
    week_of_plan = (today - plan_started).days // DAYS_PER_WEEK   # 0-based
    weeks_before = 0
    for phase in plan.phases:
        if week_of_plan < weeks_before + phase.weeks:
            return PhaseInfo(phase.name, week_of_plan - weeks_before + 1, phase.weeks, phase.volume_factor)
        weeks_before += phase.weeks
    last = plan.phases[-1]
    return PhaseInfo(last.name, week_of_plan - (weeks_before - last.weeks) + 1, last.weeks, last.volume_factor)


def phase_before_race(plan: Plan, race: date, today: date) -> PhaseInfo | None:
    """The phase `today` falls in when the phases end in the race's week: far out, the first phase builds.

    None when the plan has no phases or the race is past. Seed 000: ultra runners build a strength base
    first, then cut strength as the running volume climbs toward the race.
    """
    if not plan.phases or race < today:
        return None
    weeks_out = (race - today).days // DAYS_PER_WEEK            # 0 in the race's last seven days
    week_of_block = sum(phase.weeks for phase in plan.phases) - 1 - weeks_out   # 0-based, negative far out
    weeks_before = 0
    for phase in plan.phases[:-1]:
        if week_of_block < weeks_before + phase.weeks:
            break
        weeks_before += phase.weeks
    else:
        phase = plan.phases[-1]      # weeks_out >= 0: the race's week is in the last phase at the latest
    return PhaseInfo(phase.name, week_of_block - weeks_before + 1, phase.weeks, phase.volume_factor, race)
