"""The runner's week: which strength session today and why, fitted around the runs.

The rules and where they come from:
- 2-3 sessions a week for short and middle distance, on low-volume or rest days, never on the
  long-run day; ultra runners work in blocks; strength keeps fitness while injury stops the
  running (seed 000). Beginners start with 1-2 sessions a week (seed 003). Twice a week keeps a
  steady stimulus (seed 004). The weekly target itself is the plan's `sessions_per_week`.
- 48 hours between sessions that load the same muscles, nothing heavy the day before a quality run
  or a race, nothing the day before a long run (config can allow it), and a lighter session in the
  taper before a race come from common strength-and-conditioning and taper practice, not from the
  seeds; the reasons say so. Taper and recovery lengths by race distance: engine/running_days.py.
- On a quality-run day strength must fit 6 hours apart from the run (engine/interference.py cites the
  concurrent-training studies). A strength session the running plan sets counts toward the target.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from itertools import combinations
from typing import NamedTuple

from strongstride.engine.interference import StrengthTime, strength_time
from strongstride.engine.phases import PhaseInfo, current_phase, describe_volume, phase_before_race
from strongstride.engine.running_days import Race, RunningDays
from strongstride.engine.runs import APP_STRENGTH, CROSS, EASY, LONG_RUN, QUALITY, RACE, Run
from strongstride.model.calendar import week_start
from strongstride.model.config import WEEKDAYS, RunningWeek
from strongstride.model.exercise import Exercise
from strongstride.model.plan import Plan, SessionTemplate

__all__ = [
    "PastSession", "PhaseInfo", "Suggestion", "current_phase", "suggest_day", "suggest_week",
    "runs_on", "running_paused", "session_muscles", "session_is_heavy", "loads_lower_body", "last_on_plan",
    "next_in_rotation", "Run",
    "week_start", "weekday_name", "long_date",
]

DAYS_BETWEEN_SAME_MUSCLES = 2   # 48 hours, counted in days: the time of a future session is not known
TAPER_VOLUME_FACTOR = 0.5       # common taper practice: a maintenance session at half the sets
RECOVERY_VOLUME_FACTOR = 0.5    # after a race: a light session, half the sets (common practice)
HEAVY_PERCENT = 80.0            # seed 002's heavy strength work is 80-100% of a 5RM
REST_NAME = "Rest from strength"
RUNNING_PLAN = "running plan"   # the plan id a strength session set by the running plan counts under
LOWER_BODY = frozenset({"quadriceps", "gluteals", "hamstrings", "calves", "soleus", "adductors", "glute medius",
                        "hip flexors", "hip rotators", "foot arch", "toe flexors"})

FOCUS_REASONS = {
    "short": "Short-distance focus: 2-3 strength sessions a week on easy or rest days (seed 000).",
    "middle": "Middle-distance focus: 2-3 strength sessions a week on easy or rest days (seed 000).",
    "marathon": "Marathon focus: strength twice a week keeps a steady stimulus for your tissues "
                "without taking time from the long runs (seed 004).",
    "ultra": "Ultra focus: build a strength base first, then cut strength volume as your running "
             "volume climbs (seed 000).",
}


class PastSession(NamedTuple):
    """What the week needs of a finished session: when, which, and the muscles it loaded."""

    at: datetime
    plan_id: str
    session_id: str
    muscles: frozenset[str]

    @property
    def day(self) -> date:
        return self.at.date()


class Suggestion(NamedTuple):
    """One day's advice: the session to do (or rest), the warning if any, and every reason behind it."""

    day: date
    session_id: str | None       # None when the day is better as a strength rest day
    session_name: str
    train: bool                  # strength is recommended on this day
    warning: str | None          # a rule says no, but training anyway stays possible
    reasons: tuple[str, ...]     # plain language, one line each; the warning is kept apart
    volume_factor: float         # phase x taper x recovery, applied by the session engine to the sets
    phase: PhaseInfo | None
    done_this_week: int
    weekly_target: int
    runs: tuple[Run, ...]        # the day's runs, from the calendar or the weekday lists in config
    timing: StrengthTime | None = None   # on a quality-run day: when strength fits, 6 hours apart
    recovery: str | None = None      # "recovering from the marathon" in the days after a race

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of the day's runs, each once: ("long run",), ("quality run",), ("race",) or ()."""
        return tuple(dict.fromkeys(run.kind for run in self.runs))

    @property
    def recovery_line(self) -> str | None:
        """"Recovering from the marathon: light session" or "...: rest", in the days after a race."""
        if self.recovery is None:
            return None
        return f"{self.recovery.capitalize()}: {'light session' if self.train else 'rest'}"


def weekday_name(day: date) -> str:
    """Monday ... Sunday, as a runner writes it."""
    return WEEKDAYS[day.weekday()].capitalize()


def spoken_list(words: Sequence[str]) -> str:
    """ "core", "core and calves", "core, calves and gluteals"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def long_date(day: date) -> str:
    """A day as a runner says it: "Monday 3 March"."""
    return f"{day:%A} {day.day} {day:%B}"


def running_paused(running: RunningWeek, day: date) -> bool:
    """True while the runner is not running (injury or break): the day is before `not_running_until`."""
    return RunningDays(running).paused(day)


def runs_on(running: RunningWeek, day: date, calendar: Sequence[Run] | None = None) -> tuple[str, ...]:
    """The kinds of run on this day (race, long run, quality run ...); none while running is paused."""
    return RunningDays(running, calendar).kinds(day)


def session_muscles(template: SessionTemplate, exercises: Mapping[str, Exercise]) -> frozenset[str]:
    """Every muscle the session's exercises load (exercises the library lacks add none)."""
    return frozenset(
        muscle for block in template.blocks if block.exercise_id in exercises
        for muscle in exercises[block.exercise_id].muscles
    )


def loads_lower_body(muscles: frozenset[str]) -> bool:
    """Whether a session loads the legs or hips; unknown muscles (an empty set) count as loading them, to be safe."""
    return not muscles or bool(muscles & LOWER_BODY)


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


class _Week(NamedTuple):
    """The fixed facts of one suggestion: the plan, the exercises' muscles and the runner's days."""

    plan: Plan
    exercises: Mapping[str, Exercise]
    days: RunningDays

    def as_done(self, template: SessionTemplate, day: date) -> PastSession:
        """The session as if done on this day, for planning the days after it."""
        return PastSession(
            at=datetime.combine(day, time(12)), plan_id=self.plan.id, session_id=template.id,
            muscles=session_muscles(template, self.exercises),
        )

    def warning(self, template: SessionTemplate, day: date, past: Sequence[PastSession]) -> str | None:
        """Why strength is not advised on this day, or None when nothing stands against it."""
        runs = self.days.kinds(day)
        name = weekday_name(day)
        heavy = session_is_heavy(self.plan, template)
        muscles = session_muscles(template, self.exercises)
        if RACE in runs:
            return f"{name} is race day: no strength today."
        if LONG_RUN in runs:
            return (f"{name} is your long-run day: strength today is not advised "
                    "(seed 000: never on the same day as the long run).")
        if (recovery := self._recovery_warning(day, heavy, muscles)) is not None:
            return recovery
        tomorrow = self.days.kinds(day + timedelta(days=1))
        if RACE in tomorrow:
            return ("Your race is tomorrow: no strength today, so your legs are fresh for it "
                    "(common taper practice, not the seeds).")
        if LONG_RUN in tomorrow and not self.days.running.strength_before_long_run:
            return (f"Tomorrow ({weekday_name(day + timedelta(days=1))}) is your long run: no strength today, so "
                    "your legs are fresh for it (common practice, not the seeds; "
                    "strength_before_long_run = true in config allows it).")
        if QUALITY in tomorrow and heavy:
            return (f"Tomorrow ({weekday_name(day + timedelta(days=1))}) is a quality run: nothing heavy today "
                    "(common practice: heavy lifting leaves the legs tired for a day or two).")
        fitting = strength_time([run for run in self.days.on(day) if run.kind == QUALITY], heavy)
        if fitting is not None and not fitting.fits:
            return f"{name}: {fitting.text}."
        for before in past:
            gap = abs((day - before.day).days)
            if gap == 0 and before.plan_id == RUNNING_PLAN:
                return f"{name} has your running plan's strength session ({before.session_id}): one session a day."
            if 0 < gap < DAYS_BETWEEN_SAME_MUSCLES and _share_muscles(muscles, before.muscles):
                shared = sorted(muscles & before.muscles)
                worked = f"the {spoken_list(shared)}" if shared else "the same muscles"
                other = (f"and your running plan's {before.session_id} on {weekday_name(before.day)} may too (its muscles unknown)"
                         if before.plan_id == RUNNING_PLAN else f"as {weekday_name(before.day)}'s session did")
                return (f"{template.name} works {worked}, {other}: "
                        "give the same muscles 48 hours between sessions (common strength practice).")
        return None

    def _recovery_warning(self, day: date, heavy: bool, muscles: frozenset[str]) -> str | None:
        """Rest in the first days after a race; no heavy lower-body work until its recovery ends."""
        race = self.days.recovering_from(day)
        if race is None:
            return None
        if (day - race.day).days <= race.rest_days:
            return (f"Recovering from {race.name}: rest from strength until "
                    f"{long_date(race.day + timedelta(days=race.rest_days + 1))} ({_recovery_source(race)}).")
        if heavy and loads_lower_body(muscles):
            return (f"Recovering from {race.name}: no heavy lower-body work until "
                    f"{long_date(race.recovery_ends())} ({_recovery_source(race)}).")
        return None

    def taper_session_done(self, day: date, past: Sequence[PastSession]) -> bool:
        """True in a race's taper once its maintenance sessions (one a week of taper) are done."""
        race = self.days.tapering_for(day)
        if race is None:
            return False
        return sum(0 < (race.day - p.day).days <= race.taper_days for p in past) >= race.taper_sessions

    def fits(self, template: SessionTemplate, day: date, past: Sequence[PastSession]) -> bool:
        """Whether this session may be suggested on this day after these sessions."""
        return self.warning(template, day, past) is None and not self.taper_session_done(day, past)

    def best_days(self, days: Sequence[date], needed: int, first: SessionTemplate,
                  past: Sequence[PastSession]) -> tuple[date, ...]:
        """The days to train on: as many sessions as fit (up to `needed`), then fewest quality-run days, then earliest.

        Every choice of days is tried (at most 127 in a week), so no greedy pick can crowd out a later session.
        """
        nth = _rotation_from(self.plan, first)

        def quality_days_then_earliest(chosen: tuple[date, ...]) -> tuple[int, tuple[date, ...]]:
            return sum(QUALITY in self.days.kinds(d) for d in chosen), chosen

        for count in range(min(needed, len(days)), 0, -1):
            fitting = [chosen for chosen in combinations(days, count) if self._schedule_fits(chosen, nth, past)]
            if fitting:
                return min(fitting, key=quality_days_then_earliest)
        return ()

    def _schedule_fits(self, chosen: Sequence[date], nth: Callable[[int], SessionTemplate],
                       past: Sequence[PastSession]) -> bool:
        done = list(past)
        for n, day in enumerate(chosen):
            if not self.fits(nth(n), day, done):
                return False
            done.append(self.as_done(nth(n), day))
        return True


def _recovery_source(race: Race) -> str:
    """Where the recovery numbers come from, for the reasons."""
    return (f"{race.recovery_days} days for {race.km:g} km: one day per two miles raced, half the coaching rule of "
            "one easy day per mile, the first quarter of it rest; common practice, not the seeds")


def app_sessions(days: RunningDays) -> list[PastSession]:
    """The running plan's own strength sessions as sessions done (muscles unknown: they count as sharing all)."""
    return [PastSession(run.start or datetime.combine(run.day, time(12)), RUNNING_PLAN, run.title, frozenset())
            for run in days.app_strength()]


def _plan_reasons(plan: Plan, days: RunningDays, phase: PhaseInfo | None, today: date) -> list[str]:
    """The reasons that hold whatever the day: focus, level, a running break, the phase, the taper, the recovery."""
    running = days.running
    reasons = [FOCUS_REASONS.get(running.focus, FOCUS_REASONS["middle"])]
    if plan.level == "beginner":
        reasons.append("New to strength work: 1-2 sessions a week are enough to start (seed 003).")
    if days.paused(today) and running.not_running_until is not None:
        reasons.append(
            f"You are not running until {long_date(running.not_running_until)}: strength work keeps your fitness "
            "while injury stops the running (seed 000), so the weekly target stays."
        )
    if phase is not None:
        reasons.append(f"Phase: {phase.describe()}.")
    elif running.focus == "ultra":
        reasons.append("This plan has no phases, so its volume stays as written; "
                       "seed 000 suggests strength blocks for ultra runners.")
    race = days.tapering_for(today)
    if race is not None:
        left = (race.day - today).days
        sessions = "one lighter maintenance session" if race.taper_sessions == 1 else \
            f"{race.taper_sessions} lighter maintenance sessions"
        reasons.append(
            f"{race.name.capitalize()} is in {left} day{'s' if left != 1 else ''}: {sessions}, halving the sets "
            f"(a {race.taper_days}-day taper for {race.km:g} km: Bosquet et al. 2007 found 8-14 days best, shorter "
            "for short races; half volume is common taper practice, not the seeds)."
        )
    recovering = days.recovering_from(today)
    if recovering is not None:
        reasons.append(f"Recovering from {recovering.name} on {long_date(recovering.day)}: light sessions at half "
                       f"the sets, no heavy lower-body work until {long_date(recovering.recovery_ends())} "
                       f"({_recovery_source(recovering)}).")
    return reasons


def _light_in_rotation(plan: Plan, exercises: Mapping[str, Exercise], first: SessionTemplate) -> SessionTemplate:
    """After a race: the first session from `first` on in the rotation that is not heavy lower-body work."""
    nth = _rotation_from(plan, first)
    for n in range(len(plan.sessions)):
        template = nth(n)
        if not (session_is_heavy(plan, template) and loads_lower_body(session_muscles(template, exercises))):
            return template
    return first


def _rotation_reason(plan: Plan, template: SessionTemplate, past: Sequence[PastSession]) -> str:
    """Where the session comes in the rotation, and the session it follows."""
    order = " -> ".join(t.id for t in plan.sessions)
    last = last_on_plan(plan, past)
    if last is None:
        return f"Rotation {order}: {template.id} ({template.name}) comes first."
    return (f"Rotation {order}: {template.id} ({template.name}) is next, "
            f"after {last.session_id} on {long_date(last.day)}.")


def _day_reason(runs: tuple[Run, ...], today: date, paused: bool) -> str:
    """What kind of running day it is, and what that means for strength."""
    name = weekday_name(today)
    kinds = tuple(dict.fromkeys(run.kind for run in runs))
    if paused:
        return f"{name}: no running while you are on a break, so any day suits strength."
    if QUALITY in kinds and LONG_RUN not in kinds:
        return f"{name} is a quality-run day: easy or rest days suit strength better (seed 000)."
    if not kinds:
        return f"{name} is an easy or rest day: the best kind of day for strength (seed 000)."
    if set(kinds) <= {EASY, CROSS, APP_STRENGTH}:
        return f"{name} is an easy day ({' and '.join(kinds)}): the best kind of day for strength (seed 000)."
    return f"{name}: {' and '.join(kinds)}."


def _why_train(kinds: tuple[str, ...], today: date) -> str:
    """Why strength goes on this day: it suits strength, or the week needs this quality-run day to fit the sessions."""
    if QUALITY in kinds:
        return f"{weekday_name(today)} is a quality-run day, but the week needs it to fit your sessions."
    return f"{weekday_name(today)} suits strength."


def _plan_of_week(days: Sequence[date], today: date) -> str:
    """The other days planned for strength this week."""
    others = [weekday_name(d) for d in days if d != today]
    return f"The rest of this week: {', '.join(others)}." if others else "That completes this week's sessions."


def _phase(plan: Plan, plan_started: date | None, days: RunningDays, today: date) -> PhaseInfo | None:
    """The phase counted back from the goal race when one is ahead, else forward from the plan's start."""
    goal = days.goal_race(today)
    if goal is not None and plan.phases:
        return phase_before_race(plan, goal.day, today)
    return current_phase(plan, plan_started, today)


def suggest_day(
    plan: Plan,
    exercises: Mapping[str, Exercise],
    running: RunningWeek,
    plan_started: date | None,
    past: Sequence[PastSession],
    today: date,
    calendar: Sequence[Run] | None = None,
) -> Suggestion:
    """Today's strength advice: the next session in the rotation, or rest, with every reason behind it.

    `calendar` holds the runs read from the runner's calendar; None uses the weekday lists in config.
    """
    days = RunningDays(running, calendar)
    week = _Week(plan, exercises, days)
    from_app = app_sessions(days)
    week_end = week_start(today) + timedelta(days=7)
    app_ahead = [p for p in from_app if today < p.day < week_end]
    past = [p for p in past if p.day <= today] + [p for p in from_app if p.day <= today]
    recovering = days.recovering_from(today)
    in_turn = next_in_rotation(plan, past)
    template = _light_in_rotation(plan, exercises, in_turn) if recovering is not None else in_turn
    phase = _phase(plan, plan_started, days, today)
    volume_factor = ((phase.volume_factor if phase else 1.0)
                     * (TAPER_VOLUME_FACTOR if days.tapering_for(today) else 1.0)
                     * (RECOVERY_VOLUME_FACTOR if recovering else 1.0))
    done_this_week = sum(1 for p in past if week_start(p.day) == week_start(today))
    target = plan.sessions_per_week
    runs = days.on(today)
    kinds = days.kinds(today)
    fitting = strength_time([run for run in runs if run.kind == QUALITY], session_is_heavy(plan, template))
    recovery = f"recovering from {recovering.name}" if recovering else None

    reasons = _plan_reasons(plan, days, phase, today)
    reasons.append(_rotation_reason(plan, in_turn, past))
    if template != in_turn:
        reasons.append(f"{template.name} comes before {in_turn.name} while you recover: "
                       "no heavy lower-body work yet.")
    reasons.append(f"Done this week: {done_this_week} of {target}.")
    if app_ahead:
        reasons.append("Your running plan's strength later this week counts toward the target: "
                       + ", ".join(f"{p.session_id} on {weekday_name(p.day)}" for p in app_ahead) + ".")
    reasons.append(_day_reason(runs, today, days.paused(today)))
    if volume_factor != 1.0:
        reasons.append(f"Today's volume: {describe_volume(volume_factor)} of what the plan writes.")

    def rest(why: str) -> Suggestion:
        return Suggestion(today, None, REST_NAME, False, None, (*reasons, why), volume_factor, phase,
                          done_this_week, target, runs, None, recovery)

    trained_today = [p for p in past if p.day == today]
    if any(p.plan_id == RUNNING_PLAN for p in trained_today):
        return rest(f"Your running plan sets strength today ({trained_today[0].session_id}): "
                    "it counts toward this week's target, so no other session today.")
    if trained_today:
        return rest(f"You already trained today ({', '.join(p.session_id for p in trained_today)}): "
                    "no more strength today.")
    if done_this_week + len(app_ahead) >= target:
        return rest(f"This week's {target} session{'s are' if target != 1 else ' is'} "
                    f"{'done' if not app_ahead else 'done or set by your running plan'}: rest from strength until Monday.")
    if week.taper_session_done(today, past):
        return rest("Your maintenance session before the race is done: no more strength until after the race.")

    lookback = max((race.taper_days for race in days.races()), default=0) + DAYS_BETWEEN_SAME_MUSCLES
    recent = [p for p in past if (today - p.day).days <= lookback] + app_ahead
    days_left = [today + timedelta(days=n) for n in range((week_end - today).days)]
    needed = target - done_this_week - len(app_ahead)
    planned = week.best_days(days_left, needed, template, recent)
    if len(planned) < needed:
        reasons.append(f"This week has room for {len(planned)} more of the {needed} left "
                       "once the runs and the rest between sessions are respected.")

    warning = week.warning(template, today, recent)
    if warning is not None:
        later = f"Next good day: {weekday_name(planned[0])}." if planned else "No good day is left this week."
        return Suggestion(today, template.id, template.name, False, warning,
                          (*reasons, f"{later} You can still train anyway."),
                          volume_factor, phase, done_this_week, target, runs, None, recovery)
    if today in planned:
        when = f" Time it {fitting.text}." if fitting is not None else ""
        return Suggestion(today, template.id, template.name, True, None,
                          (*reasons, f"{_why_train(kinds, today)}{when} {_plan_of_week(planned, today)}"),
                          volume_factor, phase, done_this_week, target, runs, fitting, recovery)
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
    calendar: Sequence[Run] | None = None,
) -> list[Suggestion]:
    """Advice for each day from `start`, assuming every suggested session is done on its day.

    A session already done on the first day counts, so the week agrees with today's advice.
    """
    week = _Week(plan, exercises, RunningDays(running, calendar))
    done = [p for p in past if p.day <= start]
    suggestions = []
    for n in range(days):
        day = start + timedelta(days=n)
        suggestion = suggest_day(plan, exercises, running, plan_started, done, day, calendar)
        if suggestion.train and suggestion.session_id is not None:
            done.append(week.as_done(plan.session(suggestion.session_id), day))
        suggestions.append(suggestion)
    return suggestions
