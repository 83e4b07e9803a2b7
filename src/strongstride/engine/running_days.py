"""Which runs fall on each day, and the races that shape the days around them (taper before, recovery after).

The runs come from the runner's calendar when one was read, else from the weekday lists in config;
`race_date` in config adds a race either way. The taper and recovery windows grow with the race's
distance; where the numbers come from is said beside each.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from strongstride.engine.runs import APP_STRENGTH, LONG_RUN, QUALITY, RACE, Run, race_km, race_name
from strongstride.model.config import WEEKDAYS, RunningWeek

# Taper length by race distance (km up to, days): Bosquet et al. 2007 (Med Sci Sports Exerc 39(8):1358-1365,
# a meta-analysis of tapering) found 8-14 days best; shorter races take the shorter end (common practice).
TAPER_BY_KM = ((5.5, 5), (10.5, 7), (21.5, 10), (math.inf, 14))
TAPER_SESSION_EVERY_DAYS = 7     # one maintenance session a week of taper (common taper practice)
MILE_KM = 1.609344
# Recovery: the coaching rule of thumb "one easy day per mile raced" is for hard running; heavy lower-body
# strength waits half as long (a day per two miles), at least 2 days and at most 4 weeks. The first quarter
# of it is rest. These are common practice, not the seeds.
RECOVERY_DAYS = (2, 28)


class Race(NamedTuple):
    """A race and the days around it it shapes."""

    day: date
    km: float
    title: str

    @property
    def name(self) -> str:
        """"the marathon", "the 10 km race"."""
        return race_name(self.km)

    @property
    def taper_days(self) -> int:
        """Days before the race with lighter strength (Bosquet et al. 2007; shorter for short races)."""
        return next(days for limit, days in TAPER_BY_KM if self.km <= limit)

    @property
    def taper_sessions(self) -> int:
        """How many maintenance sessions the taper holds: one a week of it."""
        return max(1, self.taper_days // TAPER_SESSION_EVERY_DAYS)

    @property
    def recovery_days(self) -> int:
        """Days after the race without heavy lower-body work: one per two miles raced, 2 to 28."""
        low, high = RECOVERY_DAYS
        return max(low, min(high, math.ceil(self.km / MILE_KM / 2)))

    @property
    def rest_days(self) -> int:
        """The first days after the race: rest from strength altogether (a quarter of the recovery, at least 1)."""
        return max(1, self.recovery_days // 4)

    def recovery_ends(self) -> date:
        """The first day heavy lower-body work is back."""
        return self.day + timedelta(days=self.recovery_days + 1)


class RunningDays:
    """The runs on each day: from the calendar when one was read, else from the weekday lists in config."""

    def __init__(self, running: RunningWeek, calendar: Sequence[Run] | None = None) -> None:
        self.running = running
        self.calendar = calendar
        self._by_day: dict[date, list[Run]] = {}
        for run in calendar or ():
            self._by_day.setdefault(run.day, []).append(run)

    def paused(self, day: date) -> bool:
        """True while the runner is not running (injury or break): the day is before `not_running_until`."""
        until = self.running.not_running_until
        return until is not None and day < until

    def on(self, day: date) -> tuple[Run, ...]:
        """The day's runs (and the running plan's own strength), none while running is paused."""
        if self.paused(day):
            return ()
        runs = list(self._by_day.get(day, ())) if self.calendar is not None else self._from_weekdays(day)
        if self.running.race_date == day and not any(run.kind == RACE for run in runs):
            return (Run(RACE, RACE, day, why="race_date in config"),)
        return tuple(runs)

    def kinds(self, day: date) -> tuple[str, ...]:
        """The kinds of run on the day, each once, in the order they come."""
        return tuple(dict.fromkeys(run.kind for run in self.on(day)))

    def _from_weekdays(self, day: date) -> list[Run]:
        weekday = WEEKDAYS[day.weekday()]
        lists = ((LONG_RUN, self.running.long_run_days, "long_run_days"), (QUALITY, self.running.hard_days, "hard_days"))
        return [Run(kind, kind, day, why=f"{weekday} is in {key} in config") for kind, days, key in lists if weekday in days]

    def app_strength(self) -> tuple[Run, ...]:
        """The strength sessions the running plan itself sets (Runna's "Legs and core")."""
        return tuple(run for runs in self._by_day.values() for run in runs if run.kind == APP_STRENGTH)

    def races(self) -> tuple[Race, ...]:
        """Every race known, by day: the calendar's and `race_date`'s."""
        found = {run.day: Race(run.day, race_km(run, self.running.focus), run.title)
                 for runs in self._by_day.values() for run in runs if run.kind == RACE}
        race_date = self.running.race_date
        if race_date is not None and race_date not in found:
            found[race_date] = Race(race_date, race_km(Run(RACE, RACE, race_date), self.running.focus), RACE)
        return tuple(found[day] for day in sorted(found))

    def goal_race(self, today: date) -> Race | None:
        """The race the block builds to: the longest ahead (today counts), the later of two as long."""
        ahead = [race for race in self.races() if race.day >= today]
        return max(ahead, key=lambda race: (race.km, race.day)) if ahead else None

    def tapering_for(self, day: date) -> Race | None:
        """The race whose taper the day falls in (1 to its taper days before it), the nearest first."""
        return next((race for race in self.races() if 1 <= (race.day - day).days <= race.taper_days), None)

    def recovering_from(self, day: date) -> Race | None:
        """The race whose recovery the day falls in (1 to its recovery days after it), the longest first."""
        recovering = [race for race in self.races() if 1 <= (day - race.day).days <= race.recovery_days]
        return max(recovering, key=lambda race: race.km) if recovering else None
