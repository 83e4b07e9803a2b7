"""The runner's week: which strength session today and why, fitted around the runs.

The rules and where they come from:
- 2-3 sessions a week for short and middle distance, on low-volume or rest days, never on the
  long-run day; ultra runners work in blocks; strength keeps fitness while injury stops the
  running (seed 000). Beginners start with 1-2 sessions a week (seed 003). Twice a week keeps a
  steady stimulus (seed 004). The weekly target itself is the plan's `sessions_per_week`.
- 48 hours between sessions that load the same muscles, nothing heavy the day before a hard run
  or a race, and a lighter session in the last days before a race come from common
  strength-and-conditioning and taper practice, not from the seeds; the reasons say so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import combinations

from strongstride.engine.phases import PhaseInfo, current_phase, describe_volume
from strongstride.model.calendar import week_start
from strongstride.model.config import WEEKDAYS, RunningWeek
from strongstride.model.exercise import Exercise
from strongstride.model.plan import Plan, SessionTemplate

__all__ = [
    "PastSession", "PhaseInfo", "Suggestion", "current_phase", "suggest_day", "suggest_week",
    "runs_on", "running_paused", "session_muscles", "session_is_heavy", "last_on_plan", "next_in_rotation",
    "week_start", "weekday_name", "long_date",
]

DAYS_BETWEEN_SAME_MUSCLES = 2   # 48 hours, counted in days: the time of a future session is not known
TAPER_DAYS = 10                 # common taper practice: lighter strength in the last 7-10 days before a race
TAPER_VOLUME_FACTOR = 0.5       # common taper practice: a maintenance session at half the sets
HEAVY_PERCENT = 80.0            # seed 002's heavy strength work is 80-100% of a 5RM
REST_NAME = "Rest from strength"

LONG_RUN, HARD_RUN, RACE = "long run", "hard run", "race"

FOCUS_REASONS = {
    "short": "Short-distance focus: 2-3 strength sessions a week on easy or rest days (seed 000).",
    "middle": "Middle-distance focus: 2-3 strength sessions a week on easy or rest days (seed 000).",
    "marathon": "Marathon focus: strength twice a week keeps a steady stimulus for your tissues "
                "without taking time from the long runs (seed 004).",
    "ultra": "Ultra focus: build a strength base first, then cut strength volume as your running "
             "volume climbs (seed 000).",
}


@dataclass(frozen=True)
class PastSession:
    """What the week needs of a finished session: when, which, and the muscles it loaded."""

    at: datetime
    plan_id: str
    session_id: str
    muscles: frozenset[str]

    @property
    def day(self) -> date:
        return self.at.date()


@dataclass(frozen=True)
class Suggestion:
    """One day's advice: the session to do (or rest), the warning if any, and every reason behind it."""

    day: date
    session_id: str | None       # None when the day is better as a strength rest day
    session_name: str
    train: bool                  # strength is recommended on this day
    warning: str | None          # a rule says no, but training anyway stays possible
    reasons: tuple[str, ...]     # plain language, one line each; the warning is kept apart
    volume_factor: float         # phase x taper, applied by the session engine to the sets
    phase: PhaseInfo | None
    done_this_week: int
    weekly_target: int
    runs: tuple[str, ...]        # ("long run",), ("hard run",), ("race",) or () for an easy or rest day


def weekday_name(day: date) -> str:
    """Monday ... Sunday, as a runner writes it."""
    return WEEKDAYS[day.weekday()].capitalize()


def long_date(day: date) -> str:
    """A day as a runner says it: "Monday 3 March"."""
    return f"{day:%A} {day.day} {day:%B}"


def running_paused(running: RunningWeek, day: date) -> bool:
    """True while the runner is not running (injury or break): the day is before `not_running_until`."""
    return running.not_running_until is not None and day < running.not_running_until


def runs_on(running: RunningWeek, day: date) -> tuple[str, ...]:
    """The runs the config puts on this day: a race, a long run, a hard run; none while running is paused."""
    if running_paused(running, day):
        return ()
    if running.race_date == day:
        return (RACE,)
    weekday = WEEKDAYS[day.weekday()]
    runs = []
    if weekday in running.long_run_days:
        runs.append(LONG_RUN)
    if weekday in running.hard_days:
        runs.append(HARD_RUN)
    return tuple(runs)


def days_to_race(running: RunningWeek, day: date) -> int | None:
    """Days from this day to the race (0 on race day); None with no race ahead."""
    if running.race_date is None or running.race_date < day:
        return None
    return (running.race_date - day).days


def in_taper(running: RunningWeek, day: date) -> bool:
    """True in the last TAPER_DAYS days before the race (not race day itself)."""
    left = days_to_race(running, day)
    return left is not None and 1 <= left <= TAPER_DAYS


def session_muscles(template: SessionTemplate, exercises: Mapping[str, Exercise]) -> frozenset[str]:
    """Every muscle the session's exercises load (exercises the library lacks add none)."""
    return frozenset(
        muscle for block in template.blocks if block.exercise_id in exercises
        for muscle in exercises[block.exercise_id].muscles
    )


def session_is_heavy(plan: Plan, template: SessionTemplate) -> bool:
    """Heavy: an advanced plan, or a load at 80% or more of a rep max (seed 002's heavy range)."""
    if plan.level == "advanced":
        return True
    return any(
        block.prescription.load.percent is not None and block.prescription.load.percent.high >= HEAVY_PERCENT
        for block in template.blocks
    )


def _share_muscles(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two sessions load a common muscle; unknown muscles (an empty set) count as shared, to be safe."""
    return not first or not second or bool(first & second)


def last_on_plan(plan: Plan, past: Sequence[PastSession]) -> PastSession | None:
    """The most recent session done on this plan, of one of its sessions."""
    ids = {template.id for template in plan.sessions}
    done_here = [p for p in past if p.plan_id == plan.id and p.session_id in ids]
    return max(done_here, key=lambda p: p.at) if done_here else None


def next_in_rotation(plan: Plan, past: Sequence[PastSession]) -> SessionTemplate:
    """The session after the last one done on this plan (A -> B -> A ...); the first if none was."""
    last = last_on_plan(plan, past)
    if last is None:
        return plan.sessions[0]
    ids = [template.id for template in plan.sessions]
    return plan.sessions[(ids.index(last.session_id) + 1) % len(ids)]


def _rotation_from(plan: Plan, first: SessionTemplate) -> Callable[[int], SessionTemplate]:
    """The n-th session from `first` onwards in the plan's rotation."""
    start = plan.sessions.index(first)
    return lambda n: plan.sessions[(start + n) % len(plan.sessions)]


@dataclass(frozen=True)
class _Week:
    """The fixed facts of one suggestion: the plan, the exercises' muscles and the running week."""

    plan: Plan
    exercises: Mapping[str, Exercise]
    running: RunningWeek

    def as_done(self, template: SessionTemplate, day: date) -> PastSession:
        """The session as if done on this day, for planning the days after it."""
        return PastSession(
            at=datetime.combine(day, time(12)), plan_id=self.plan.id, session_id=template.id,
            muscles=session_muscles(template, self.exercises),
        )

    def warning(self, template: SessionTemplate, day: date, past: Sequence[PastSession]) -> str | None:
        """Why strength is not advised on this day, or None when nothing stands against it."""
        runs = runs_on(self.running, day)
        name = weekday_name(day)
        if RACE in runs:
            return f"{name} is race day: no strength today."
        if LONG_RUN in runs:
            return (f"{name} is your long-run day: strength today is not advised "
                    "(seed 000: never on the same day as the long run).")
        tomorrow = runs_on(self.running, day + timedelta(days=1))
        if RACE in tomorrow:
            return ("Your race is tomorrow: no strength today, so your legs are fresh for it "
                    "(common taper practice, not the seeds).")
        if HARD_RUN in tomorrow and session_is_heavy(self.plan, template):
            return (f"Tomorrow ({weekday_name(day + timedelta(days=1))}) is a hard run: nothing heavy today "
                    "(common practice: heavy lifting leaves the legs tired for a day or two).")
        muscles = session_muscles(template, self.exercises)
        for before in past:
            gap = (day - before.day).days
            if 0 < gap < DAYS_BETWEEN_SAME_MUSCLES and _share_muscles(muscles, before.muscles):
                shared = ", ".join(sorted(muscles & before.muscles)) or "the same muscles"
                return (f"{template.name} loads {shared}, trained {weekday_name(before.day)}: "
                        "give the same muscles 48 hours between sessions (common strength practice).")
        return None

    def taper_session_done(self, day: date, past: Sequence[PastSession]) -> bool:
        """True in the taper once its one maintenance session is done."""
        race = self.running.race_date
        if race is None or not in_taper(self.running, day):
            return False
        return any(0 < (race - p.day).days <= TAPER_DAYS for p in past)

    def fits(self, template: SessionTemplate, day: date, past: Sequence[PastSession]) -> bool:
        """Whether this session may be suggested on this day after these sessions."""
        return self.warning(template, day, past) is None and not self.taper_session_done(day, past)

    def best_days(self, days: Sequence[date], needed: int, first: SessionTemplate,
                  past: Sequence[PastSession]) -> tuple[date, ...]:
        """The days to train on: as many sessions as fit (up to `needed`), then fewest hard-run days, then earliest.

        Every choice of days is tried (at most 127 in a week), so no greedy pick can crowd out a later session.
        """
        nth = _rotation_from(self.plan, first)

        def hard_run_days_then_earliest(chosen: tuple[date, ...]) -> tuple[int, tuple[date, ...]]:
            return sum(HARD_RUN in runs_on(self.running, d) for d in chosen), chosen

        for count in range(min(needed, len(days)), 0, -1):
            fitting = [chosen for chosen in combinations(days, count) if self._schedule_fits(chosen, nth, past)]
            if fitting:
                return min(fitting, key=hard_run_days_then_earliest)
        return ()

    def _schedule_fits(self, chosen: Sequence[date], nth: Callable[[int], SessionTemplate],
                       past: Sequence[PastSession]) -> bool:
        done = list(past)
        for n, day in enumerate(chosen):
            if not self.fits(nth(n), day, done):
                return False
            done.append(self.as_done(nth(n), day))
        return True


def _plan_reasons(plan: Plan, running: RunningWeek, phase: PhaseInfo | None, today: date) -> list[str]:
    """The reasons that hold whatever the day: focus, level, a running break, the phase and the taper."""
    reasons = [FOCUS_REASONS.get(running.focus, FOCUS_REASONS["middle"])]
    if plan.level == "beginner":
        reasons.append("New to strength work: 1-2 sessions a week are enough to start (seed 003).")
    if running_paused(running, today) and running.not_running_until is not None:
        reasons.append(
            f"You are not running until {long_date(running.not_running_until)}: strength work keeps your fitness "
            "while injury stops the running (seed 000), so the weekly target stays."
        )
    if phase is not None:
        reasons.append(f"Phase: {phase.describe()}.")
    elif running.focus == "ultra":
        reasons.append("This plan has no phases, so its volume stays as written; "
                       "seed 000 suggests strength blocks for ultra runners.")
    left = days_to_race(running, today)
    if in_taper(running, today):
        reasons.append(
            f"Your race is in {left} day{'s' if left != 1 else ''}: one lighter maintenance session, halving the sets "
            f"(the last {TAPER_DAYS} days and half volume come from common taper practice, not the seeds)."
        )
    return reasons


def _rotation_reason(plan: Plan, template: SessionTemplate, past: Sequence[PastSession]) -> str:
    """Where the session comes in the rotation, and the session it follows."""
    order = " -> ".join(t.id for t in plan.sessions)
    last = last_on_plan(plan, past)
    if last is None:
        return f"Rotation {order}: {template.id} ({template.name}) comes first."
    return (f"Rotation {order}: {template.id} ({template.name}) is next, "
            f"after {last.session_id} on {long_date(last.day)}.")


def _day_reason(runs: tuple[str, ...], today: date, paused: bool) -> str:
    """What kind of running day it is, and what that means for strength."""
    name = weekday_name(today)
    if paused:
        return f"{name}: no running while you are on a break, so any day suits strength."
    if HARD_RUN in runs and LONG_RUN not in runs:
        return f"{name} is a hard-run day: easy or rest days suit strength better (seed 000)."
    if not runs:
        return f"{name} is an easy or rest day: the best kind of day for strength (seed 000)."
    return f"{name}: {' and '.join(runs)}."


def _why_train(runs: tuple[str, ...], today: date) -> str:
    """Why strength goes on this day: it suits strength, or the week needs this hard-run day to fit the sessions."""
    if HARD_RUN in runs:
        return f"{weekday_name(today)} is a hard-run day, but the week needs it to fit your sessions."
    return f"{weekday_name(today)} suits strength."


def _plan_of_week(days: Sequence[date], today: date) -> str:
    """The other days planned for strength this week."""
    others = [weekday_name(d) for d in days if d != today]
    return f"The rest of this week: {', '.join(others)}." if others else "That completes this week's sessions."


def suggest_day(
    plan: Plan,
    exercises: Mapping[str, Exercise],
    running: RunningWeek,
    plan_started: date | None,
    past: Sequence[PastSession],
    today: date,
) -> Suggestion:
    """Today's strength advice: the next session in the rotation, or rest, with every reason behind it."""
    week = _Week(plan, exercises, running)
    past = [p for p in past if p.day <= today]
    template = next_in_rotation(plan, past)
    phase = current_phase(plan, plan_started, today)
    volume_factor = (phase.volume_factor if phase else 1.0) * (TAPER_VOLUME_FACTOR if in_taper(running, today) else 1.0)
    done_this_week = sum(1 for p in past if week_start(p.day) == week_start(today))
    target = plan.sessions_per_week
    runs = runs_on(running, today)

    reasons = _plan_reasons(plan, running, phase, today)
    reasons.append(_rotation_reason(plan, template, past))
    reasons.append(f"Done this week: {done_this_week} of {target}.")
    reasons.append(_day_reason(runs, today, running_paused(running, today)))
    if volume_factor != 1.0:
        reasons.append(f"Today's volume: {describe_volume(volume_factor)} of what the plan writes.")

    def rest(why: str) -> Suggestion:
        return Suggestion(today, None, REST_NAME, False, None, (*reasons, why), volume_factor, phase,
                          done_this_week, target, runs)

    trained_today = [p.session_id for p in past if p.day == today]
    if trained_today:
        return rest(f"You already trained today ({', '.join(trained_today)}): rest from strength until tomorrow.")
    if done_this_week >= target:
        return rest(f"This week's {target} session{'s are' if target != 1 else ' is'} done: "
                    "rest from strength until Monday.")
    if week.taper_session_done(today, past):
        return rest("Your maintenance session before the race is done: no more strength until after the race.")

    recent = [p for p in past if (today - p.day).days <= TAPER_DAYS]
    days_left = [today + timedelta(days=n) for n in range((week_start(today) + timedelta(days=7) - today).days)]
    needed = target - done_this_week
    planned = week.best_days(days_left, needed, template, recent)
    if len(planned) < needed:
        reasons.append(f"This week has room for {len(planned)} more of the {needed} left "
                       "once the runs and the rest between sessions are respected.")

    warning = week.warning(template, today, recent)
    if warning is not None:
        later = f"Next good day: {weekday_name(planned[0])}." if planned else "No good day is left this week."
        return Suggestion(today, template.id, template.name, False, warning,
                          (*reasons, f"{later} You can still train anyway."),
                          volume_factor, phase, done_this_week, target, runs)
    if today in planned:
        return Suggestion(today, template.id, template.name, True, None,
                          (*reasons, f"{_why_train(runs, today)} {_plan_of_week(planned, today)}"),
                          volume_factor, phase, done_this_week, target, runs)
    return rest(f"Better later this week: {', '.join(weekday_name(d) for d in planned)} "
                f"{'suits' if len(planned) == 1 else 'suit'} strength better.")


def suggest_week(
    plan: Plan,
    exercises: Mapping[str, Exercise],
    running: RunningWeek,
    plan_started: date | None,
    past: Sequence[PastSession],
    start: date,
    days: int = 7,
) -> list[Suggestion]:
    """Advice for each day from `start`, assuming every suggested session is done on its day.

    A session already done on the first day counts, so the week agrees with today's advice.
    """
    week = _Week(plan, exercises, running)
    done = [p for p in past if p.day <= start]
    suggestions = []
    for n in range(days):
        day = start + timedelta(days=n)
        suggestion = suggest_day(plan, exercises, running, plan_started, done, day)
        if suggestion.train and suggestion.session_id is not None:
            done.append(week.as_done(plan.session(suggestion.session_id), day))
        suggestions.append(suggestion)
    return suggestions
