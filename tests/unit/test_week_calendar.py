"""Twelve simulated weeks for each focus: a runner who does what `today` suggests, checked rule by rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest

from strongstride.engine.week import PastSession, Suggestion, runs_on, suggest_day, suggest_week, week_start
from strongstride.model.config import WEEKDAYS, RunningWeek
from strongstride.model.plan import Phase, Plan

from tests.unit.week_builders import HEAVY_LOAD, LEGS_A, LEGS_B, LIBRARY, MONDAY, UPPER, done, make_plan, session

WEEKS = 12
START = MONDAY                       # the plan starts on the first simulated Monday
RACE = START + timedelta(weeks=9, days=6)    # the Sunday of week 10
TAPER_DAYS = 10                      # the window the taper rule is checked against, stated here independently


@dataclass(frozen=True)
class Day:
    """One simulated day: the advice given and the session the runner did, if any."""

    suggestion: Suggestion
    did: PastSession | None
    overridden: bool


def simulate(plan: Plan, running: RunningWeek, override_weekdays: Sequence[str] = ()) -> list[Day]:
    """The runner trains when told to, and also when warned on one of `override_weekdays` (training anyway)."""
    past: list[PastSession] = []
    days = []
    for n in range(WEEKS * 7):
        today = START + timedelta(days=n)
        advice = suggest_day(plan, LIBRARY, running, START, past, today)
        overridden = advice.warning is not None and WEEKDAYS[today.weekday()] in override_weekdays
        did = None
        if advice.train or overridden:
            assert advice.session_id is not None
            did = done(plan, advice.session_id, today)
            past.append(did)
        days.append(Day(advice, did, overridden))
    return days


def trained(days: Sequence[Day]) -> list[PastSession]:
    return [d.did for d in days if d.did is not None]


def sessions_per_week(days: Sequence[Day]) -> Counter[date]:
    return Counter(week_start(s.day) for s in trained(days))


def assert_no_strength_on_long_run_days(days: Sequence[Day], running: RunningWeek) -> None:
    for day in days:
        if day.did is not None and "long run" in runs_on(running, day.did.day):
            assert day.overridden, f"strength suggested on the long-run day {day.did.day}"


def assert_spacing_kept(days: Sequence[Day]) -> None:
    sessions = trained(days)
    for earlier, later in zip(sessions, sessions[1:]):
        if (later.day - earlier.day).days < 2:
            assert not earlier.muscles & later.muscles, f"{earlier.day} and {later.day} share muscles"


def assert_target_met(days: Sequence[Day], target: int, skip_weeks: Sequence[date] = ()) -> None:
    counts = sessions_per_week(days)
    for week in range(WEEKS):
        monday = START + timedelta(weeks=week)
        if monday not in skip_weeks:
            assert counts[monday] == target, f"week of {monday}: {counts[monday]} sessions, target {target}"


def assert_rotation_kept(days: Sequence[Day], plan: Plan) -> None:
    ids = [t.id for t in plan.sessions]
    done_ids = [s.session_id for s in trained(days)]
    assert done_ids == [ids[n % len(ids)] for n in range(len(done_ids))]


def check_every_rule(days: Sequence[Day], plan: Plan, running: RunningWeek) -> None:
    assert_no_strength_on_long_run_days(days, running)
    assert_spacing_kept(days)
    assert_rotation_kept(days, plan)
    assert all(d.suggestion.weekly_target == plan.sessions_per_week for d in days)


SHORT = RunningWeek(long_run_days=("sunday",), hard_days=("tuesday", "thursday"), focus="short")
MIDDLE = RunningWeek(long_run_days=("saturday",), hard_days=("wednesday",), focus="middle")
MARATHON = RunningWeek(long_run_days=("sunday",), hard_days=("tuesday", "thursday"), focus="marathon")
ULTRA = RunningWeek(long_run_days=("saturday", "sunday"), hard_days=("wednesday",), focus="ultra")


@pytest.mark.parametrize(("running", "plan"), [
    (SHORT, make_plan(sessions=(LEGS_A, LEGS_B, UPPER), per_week=3)),
    (MIDDLE, make_plan(per_week=2)),
    (MIDDLE, make_plan(per_week=3)),
    (MARATHON, make_plan(per_week=2, level="beginner")),
], ids=["short-3", "middle-2", "middle-3", "marathon-beginner-2"])
def test_twelve_weeks_meet_the_target_on_easy_days(running: RunningWeek, plan: Plan) -> None:
    days = simulate(plan, running)
    check_every_rule(days, plan, running)
    assert_target_met(days, plan.sessions_per_week)
    hard = [s.day for s in trained(days) if "quality run" in runs_on(running, s.day)]
    assert hard == [], "each of these weeks has enough easy days"


def test_a_heavy_plan_stays_off_the_days_before_hard_runs() -> None:
    heavy = make_plan(sessions=(session("H1", "goblet_squat", load=HEAVY_LOAD), session("H2", "romanian_deadlift", load=HEAVY_LOAD)))
    days = simulate(heavy, MARATHON)
    check_every_rule(days, heavy, MARATHON)
    assert_target_met(days, 2)
    for s in trained(days):
        assert "quality run" not in runs_on(MARATHON, s.day + timedelta(days=1)), f"heavy session on {s.day}"


def test_ultra_blocks_apply_each_phase_volume_for_its_weeks() -> None:
    plan = make_plan(phases=(Phase("Base", 6, 1.0), Phase("Maintenance", 6, 0.5)))
    days = simulate(plan, ULTRA)
    check_every_rule(days, plan, ULTRA)
    assert_target_met(days, 2)
    for day in days:
        in_base = (day.suggestion.day - START).days < 6 * 7
        assert day.suggestion.volume_factor == (1.0 if in_base else 0.5)
        assert day.suggestion.phase is not None
        assert day.suggestion.phase.name == ("Base" if in_base else "Maintenance")
    assert days[6 * 7].suggestion.phase.week == 1


def test_a_race_brings_one_lighter_session_in_its_taper_and_none_on_the_eve_or_the_day() -> None:
    running = RunningWeek(long_run_days=("sunday",), hard_days=("wednesday",), focus="middle", race_date=RACE)
    plan = make_plan()
    days = simulate(plan, running)
    check_every_rule(days, plan, running)
    window = [RACE - timedelta(days=n) for n in range(1, TAPER_DAYS + 1)]
    in_window = [d for d in days if d.did is not None and d.did.day in window]
    assert len(in_window) == 1
    assert in_window[0].suggestion.volume_factor == 0.5
    assert all(d.did.day not in (RACE, RACE - timedelta(days=1)) for d in days if d.did is not None)
    assert_target_met(days, 2, skip_weeks={week_start(d) for d in window})
    recovery = [RACE + timedelta(days=n) for n in range(1, 8)]    # a half marathon: 7 days, stated here independently
    assert all(d.suggestion.volume_factor == 1.0 for d in days if d.suggestion.day not in window + recovery)
    assert all(d.suggestion.volume_factor == 0.5 for d in days if d.suggestion.day in recovery)


def test_an_injury_break_keeps_the_target_and_frees_the_run_days_for_strength() -> None:
    back_running = START + timedelta(weeks=4)
    running = RunningWeek(long_run_days=("monday",), focus="middle", not_running_until=back_running)
    plan = make_plan(per_week=3)
    days = simulate(plan, running)
    check_every_rule(days, plan, running)
    assert_target_met(days, 3)
    paused = [d for d in days if d.suggestion.day < back_running]
    assert all(any("keeps your fitness" in r for r in d.suggestion.reasons) for d in paused)
    assert all(not any("keeps your fitness" in r for r in d.suggestion.reasons) for d in days if d not in paused)
    mondays = [s.day for s in trained(days) if s.day.weekday() == 0]
    assert mondays and all(day < back_running for day in mondays)


def test_training_anyway_on_the_long_run_day_is_possible_and_the_days_after_adapt() -> None:
    running = RunningWeek(long_run_days=("monday",), focus="middle")
    plan = make_plan()
    obeying = simulate(plan, running)
    assert not any(s.day.weekday() == 0 for s in trained(obeying))
    overriding = simulate(plan, running, override_weekdays=("monday",))
    check_every_rule(overriding, plan, running)
    assert_target_met(overriding, 2)
    overrides = [d for d in overriding if d.overridden]
    assert len(overrides) == WEEKS
    assert all(d.did is not None and d.did.day.weekday() == 0 for d in overrides)
    assert all("long-run day" in d.suggestion.warning for d in overrides)


def test_suggest_week_agrees_with_a_runner_following_today_day_by_day() -> None:
    plan = make_plan(sessions=(LEGS_A, LEGS_B, UPPER), per_week=3)
    by_day = simulate(plan, SHORT)
    past: list[PastSession] = []
    for week in range(WEEKS):
        ahead = suggest_week(plan, LIBRARY, SHORT, START, past, START + timedelta(weeks=week))
        past.extend(
            PastSession(datetime.combine(s.day, time(18)), plan.id, s.session_id, done(plan, s.session_id, s.day).muscles)
            for s in ahead if s.train and s.session_id is not None
        )
    assert [(p.day, p.session_id) for p in past] == [(p.day, p.session_id) for p in trained(by_day)]
