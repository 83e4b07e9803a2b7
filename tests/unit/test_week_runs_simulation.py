"""Twelve simulated weeks of a running calendar per focus (5k, half, marathon, ultra), checked rule by rule.

The runner does what `today` advises, at the time it names. The windows checked (taper, recovery) are
stated here independently of the engine's tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest

from strongstride.engine.runs import APP_STRENGTH, EASY, LONG_RUN, QUALITY, RACE, Run
from strongstride.engine.week import PastSession, Suggestion, suggest_day, week_start
from strongstride.model.config import RunningWeek
from strongstride.model.plan import Phase, Plan

from tests.unit.week_builders import HEAVY_LOAD, LIBRARY, MONDAY, UPPER, done, make_plan, session

WEEKS = 12
LOWER = {"quadriceps", "gluteals", "hamstrings", "calves"}
PLAN_SESSIONS = (session("H1", "goblet_squat", load=HEAVY_LOAD), UPPER, session("H2", "romanian_deadlift", load=HEAVY_LOAD))

# weekday -> (kind, start or None for all day, minutes, km)
Template = dict[int, tuple[str, time | None, int, float]]


@dataclass(frozen=True)
class Focus:
    name: str
    running: RunningWeek
    week: Template
    races: tuple[tuple[date, float], ...]      # (day, km)
    recovery_days: int                        # stated here: a day per two miles of the longest race, 2 to 28
    taper_days: int                           # stated here: 5, 7, 10 or 14 days by distance
    app_strength: tuple[int, ...] = ()        # weeks with the running plan's own strength on Wednesday
    per_week: int = 2
    phases: tuple[Phase, ...] = ()


def day(week: int, weekday: int) -> date:
    return MONDAY + timedelta(weeks=week, days=weekday)


FOCUSES = [
    Focus("5k", RunningWeek(focus="short"),
          {1: (QUALITY, time(7), 60, 8), 2: (EASY, time(18), 40, 6), 3: (QUALITY, time(6, 30), 50, 7),
           5: (QUALITY, time(9), 30, 5), 6: (LONG_RUN, None, 70, 12)},
          races=((day(9, 5), 5.0),), recovery_days=2, taper_days=5, per_week=3),
    Focus("half", RunningWeek(focus="middle"),
          {1: (QUALITY, None, 60, 10), 2: (EASY, None, 45, 8), 3: (QUALITY, time(6, 30), 55, 10),
           5: (EASY, None, 40, 6), 6: (LONG_RUN, time(8), 110, 18)},
          races=((day(8, 6), 21.1),), recovery_days=7, taper_days=10),
    Focus("marathon", RunningWeek(focus="marathon"),
          {1: (QUALITY, time(12), 70, 12), 2: (EASY, time(7), 50, 9), 3: (QUALITY, time(6), 80, 16),
           4: (EASY, None, 40, 7), 6: (LONG_RUN, None, 150, 30)},
          races=((day(3, 6), 21.1), (day(8, 6), 42.2)), recovery_days=14, taper_days=14, app_strength=(0, 1, 2, 4, 5)),
    Focus("ultra", RunningWeek(focus="ultra"),
          {1: (QUALITY, time(6), 60, 10), 2: (EASY, None, 60, 10), 3: (EASY, time(6), 50, 8),
           5: (LONG_RUN, None, 200, 32), 6: (LONG_RUN, None, 120, 20)},
          races=((day(9, 5), 50.0),), recovery_days=16, taper_days=14,
          phases=(Phase("Base", 6, 1.0), Phase("Maintenance", 6, 0.5))),
]


def calendar(focus: Focus) -> list[Run]:
    runs = []
    race_days = {race_day for race_day, _ in focus.races}
    for week in range(WEEKS + 3):
        for weekday, (kind, at, minutes, km) in focus.week.items():
            when = day(week, weekday)
            if when not in race_days:
                start = datetime.combine(when, at) if at else None
                runs.append(Run(kind, f"{kind} {km:g}k", when, start, minutes, km, "sim", "sim.ics"))
        if week in focus.app_strength:
            runs.append(Run(APP_STRENGTH, "Legs and core", day(week, 2), None, 30, None, "sim", "sim.ics"))
    runs += [Run(RACE, f"{km:g} km race", race_day, None, None, km, "sim", "sim.ics") for race_day, km in focus.races]
    return sorted(runs, key=lambda run: run.day)


@dataclass(frozen=True)
class Done:
    suggestion: Suggestion
    at: datetime
    heavy: bool


def simulate(focus: Focus) -> tuple[Plan, list[Run], list[Suggestion], list[Done]]:
    plan = make_plan(sessions=PLAN_SESSIONS, per_week=focus.per_week, phases=focus.phases)
    runs = calendar(focus)
    past: list[PastSession] = []
    advice, did = [], []
    for n in range(WEEKS * 7):
        today = MONDAY + timedelta(days=n)
        suggestion = suggest_day(plan, LIBRARY, focus.running, MONDAY - timedelta(weeks=10), past, today, runs)
        advice.append(suggestion)
        if suggestion.train:
            at = suggestion.timing.at if suggestion.timing and suggestion.timing.at else datetime.combine(today, time(12))
            past.append(done(plan, suggestion.session_id, today, hour=at.hour))
            did.append(Done(suggestion, at, suggestion.session_id in ("H1", "H2")))
    return plan, runs, advice, did


@pytest.fixture(params=FOCUSES, ids=[f.name for f in FOCUSES])
def simulated(request):
    focus = request.param
    return focus, *simulate(focus)


def runs_on(runs: list[Run], when: date, kind: str) -> list[Run]:
    return [run for run in runs if run.day == when and run.kind == kind]


def test_no_strength_on_a_long_run_day_or_the_day_before(simulated) -> None:
    _, _, runs, _, did = simulated
    for session in did:
        when = session.at.date()
        assert not runs_on(runs, when, LONG_RUN), f"strength on the long-run day {when}"
        assert not runs_on(runs, when + timedelta(days=1), LONG_RUN), f"strength the day before a long run, {when}"
        assert not runs_on(runs, when, RACE) and not runs_on(runs, when + timedelta(days=1), RACE)


def test_no_heavy_work_within_six_hours_of_a_quality_run(simulated) -> None:
    _, _, runs, _, did = simulated
    for session in did:
        for quality in runs_on(runs, session.at.date(), QUALITY):
            if quality.start is None:
                assert "at least 6 hours after your quality run" in session.suggestion.timing.text
                continue
            ends = quality.start + timedelta(minutes=quality.minutes)
            after = session.at - ends >= timedelta(hours=6)
            before = quality.start - (session.at + timedelta(hours=1)) >= timedelta(hours=6)
            assert after or (before and not session.heavy), f"{session.at} too near the quality run at {quality.start}"
        if session.heavy:
            assert not runs_on(runs, session.at.date() + timedelta(days=1), QUALITY), f"heavy the day before quality, {session.at}"


def test_no_heavy_lower_body_work_in_the_recovery_window(simulated) -> None:
    focus, _, _, advice, did = simulated
    longest = max(focus.races, key=lambda race: race[1])[0]
    window = [longest + timedelta(days=n) for n in range(1, focus.recovery_days + 1)]
    in_window = [s for s in did if s.at.date() in window]
    assert all(not s.heavy for s in in_window), [s.at for s in in_window if s.heavy]
    assert all(s.suggestion.volume_factor <= 0.5 for s in in_window)
    assert advice[(longest - MONDAY).days + 1].recovery_line.endswith(": rest")
    assert all(s.suggestion.recovery_line.endswith(": light session") for s in in_window)


def test_the_weekly_target_is_met_where_the_calendar_allows(simulated) -> None:
    focus, plan, runs, _, did = simulated
    shaped: set[date] = set()
    for race_day, km in focus.races:
        taper = focus.taper_days if km == max(k for _, k in focus.races) else {21.1: 10}.get(km, 7)
        shaped |= {week_start(race_day + timedelta(days=n)) for n in range(-taper, focus.recovery_days + 1)}
    app = [run.day for run in runs if run.kind == APP_STRENGTH]
    for week in range(WEEKS):
        monday = day(week, 0)
        if monday in shaped:
            continue
        ours = sum(1 for s in did if week_start(s.at.date()) == monday)
        theirs = sum(1 for d in app if week_start(d) == monday)
        assert ours + theirs == plan.sessions_per_week, f"week of {monday}: {ours} + {theirs}"


def test_sessions_on_the_same_muscles_stay_48_hours_apart(simulated) -> None:
    _, _, runs, _, did = simulated
    app_days = [run.day for run in runs if run.kind == APP_STRENGTH]
    days = sorted([(s.at.date(), s.suggestion.session_id) for s in did] + [(d, "app") for d in app_days])
    for (first, first_id), (second, second_id) in zip(days, days[1:]):
        if (second - first).days < 2:
            assert "U" in (first_id, second_id) and "app" not in (first_id, second_id), (first, second)


def test_the_ultra_block_counts_back_from_the_race() -> None:
    focus = next(f for f in FOCUSES if f.name == "ultra")
    _, _, advice, _ = simulate(focus)
    race_day = focus.races[0][0]
    for suggestion in advice[: (race_day - MONDAY).days + 1]:
        weeks_out = (race_day - suggestion.day).days // 7
        assert suggestion.phase.name == ("Maintenance" if weeks_out < 6 else "Base"), suggestion.day
    assert advice[(race_day - MONDAY).days].phase.race == race_day
