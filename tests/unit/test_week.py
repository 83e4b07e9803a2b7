"""The runner's week, one rule at a time: rotation, long-run day, spacing, heavy days, target, taper, breaks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

import pytest

from strongstride.engine.week import (
    PastSession, Suggestion, next_in_rotation, runs_on, session_is_heavy, suggest_day, suggest_week,
)
from strongstride.model.config import RunningWeek
from strongstride.model.plan import Load, NumberRange, Phase, Plan
from tests.unit.week_builders import (
    HEAVY_LOAD, LEGS_A, LIBRARY, UPPER, done, has_reason, make_plan, session, weekday,
)

EASY_WEEK = RunningWeek(long_run_days=("sunday",), hard_days=(), focus="middle")


def suggest(plan: Plan, today: date, past: Sequence[PastSession] = (), running: RunningWeek = EASY_WEEK,
            started: date | None = None) -> Suggestion:
    return suggest_day(plan, LIBRARY, running, started, past, today)


# Rotation

def test_nothing_done_yet_starts_the_rotation_on_an_easy_day() -> None:
    today = suggest(make_plan(), weekday(0))
    assert (today.session_id, today.session_name, today.train, today.warning) == ("A", "Session A", True, None)
    assert has_reason(today, "Rotation A -> B: A (Session A) comes first")


def test_the_rotation_follows_the_last_session_done_on_this_plan() -> None:
    plan = make_plan()
    assert suggest(plan, weekday(2), [done(plan, "A", weekday(0))]).session_id == "B"
    after_both = [done(plan, "A", weekday(0)), done(plan, "B", weekday(2))]
    assert next_in_rotation(plan, after_both).id == "A"


def test_sessions_of_another_plan_do_not_move_the_rotation() -> None:
    plan, other = make_plan(), make_plan(plan_id="other-plan")
    past = [done(plan, "A", weekday(0, weeks=-1)), done(other, "B", weekday(3, weeks=-1))]
    assert next_in_rotation(plan, past).id == "B"


def test_a_session_the_plan_no_longer_has_does_not_move_the_rotation() -> None:
    plan = make_plan()
    renamed = PastSession(datetime.combine(weekday(2, weeks=-1), time(18)), plan.id, "Z", frozenset({"core"}))
    today = suggest(plan, weekday(0), [done(plan, "A", weekday(0, weeks=-1)), renamed])
    assert today.session_id == "B"
    assert has_reason(today, "Rotation A -> B: B (Session B) is next, after A on Monday 24 February")


def test_sessions_dated_after_today_are_ignored() -> None:
    plan = make_plan()
    today = suggest(plan, weekday(0), [done(plan, "A", weekday(2))])
    assert (today.session_id, today.done_this_week, today.train) == ("A", 0, True)


# The long-run day

def test_long_run_day_warns_and_keeps_the_session_to_train_anyway() -> None:
    sunday = suggest(make_plan(), weekday(6))
    assert not sunday.train
    assert sunday.warning is not None and sunday.warning.startswith("Sunday is your long-run day")
    assert "seed 000" in sunday.warning
    assert sunday.session_id == "A"
    assert sunday.kinds == ("long run",)
    assert has_reason(sunday, "You can still train anyway")


# 48 hours between sessions that load the same muscles

def test_a_session_on_the_same_muscles_waits_48_hours() -> None:
    plan = make_plan()
    past = [done(plan, "A", weekday(0))]
    tuesday = suggest(plan, weekday(1), past)
    assert not tuesday.train
    assert tuesday.warning is not None and "gluteals" in tuesday.warning and "48 hours" in tuesday.warning
    assert has_reason(tuesday, "Next good day: Wednesday")
    assert suggest(plan, weekday(2), past).train


def test_sessions_on_different_muscles_may_follow_on_consecutive_days() -> None:
    plan = make_plan(sessions=(LEGS_A, UPPER))
    tuesday = suggest(plan, weekday(1), [done(plan, "A", weekday(0))])
    assert (tuesday.session_id, tuesday.train, tuesday.warning) == ("U", True, None)


def test_a_session_whose_muscles_are_unknown_counts_as_sharing_them() -> None:
    plan = make_plan(sessions=(LEGS_A, session("X", "mystery_lift")))
    tuesday = suggest(plan, weekday(1), [done(plan, "A", weekday(0))])
    assert not tuesday.train and tuesday.warning is not None and "48 hours" in tuesday.warning


# Nothing heavy the day before a hard run

def test_session_is_heavy_for_advanced_plans_or_loads_from_80_percent() -> None:
    assert session_is_heavy(make_plan(), session("H", "goblet_squat", load=HEAVY_LOAD))
    assert session_is_heavy(make_plan(level="advanced"), LEGS_A)
    assert not session_is_heavy(make_plan(), session("M", "goblet_squat", load=Load("percent_1rm", percent=NumberRange(60, 75))))
    assert not session_is_heavy(make_plan(), LEGS_A)


def test_nothing_heavy_the_day_before_a_hard_run() -> None:
    running = RunningWeek(long_run_days=("sunday",), hard_days=("tuesday",))
    heavy = make_plan(sessions=(session("H", "goblet_squat", load=HEAVY_LOAD),))
    monday = suggest(heavy, weekday(0), running=running)
    assert not monday.train
    assert monday.warning is not None and monday.warning.startswith("Tomorrow (Tuesday) is a quality run: nothing heavy")
    assert suggest(make_plan(), weekday(0), running=running).train


# Easy or rest days preferred

def test_a_hard_run_day_gives_way_to_easy_days_later_in_the_week() -> None:
    running = RunningWeek(long_run_days=("sunday",), hard_days=("monday",))
    monday = suggest(make_plan(), weekday(0), running=running)
    assert (monday.train, monday.session_id, monday.warning) == (False, None, None)
    assert has_reason(monday, "Monday is a quality-run day")
    assert has_reason(monday, "Better later this week: Tuesday, Thursday suit strength better")


def test_a_hard_run_day_is_used_when_the_week_needs_it() -> None:
    running = RunningWeek(long_run_days=("sunday",), hard_days=("friday",), strength_before_long_run=True)
    plan = make_plan(sessions=(LEGS_A, UPPER))
    friday = suggest(plan, weekday(4), running=running)
    assert friday.train and friday.session_id == "A"
    assert has_reason(friday, "Friday is a quality-run day, but the week needs it to fit your sessions.")
    assert has_reason(friday, "The rest of this week: Saturday")


# The weekly target

def test_once_the_weekly_target_is_met_the_rest_of_the_week_is_rest() -> None:
    plan = make_plan()
    past = [done(plan, "A", weekday(0)), done(plan, "B", weekday(2))]
    friday = suggest(plan, weekday(4), past)
    assert (friday.train, friday.session_id, friday.done_this_week, friday.weekly_target) == (False, None, 2, 2)
    assert has_reason(friday, "This week's 2 sessions are done")


def test_only_this_iso_week_counts_toward_the_target() -> None:
    plan = make_plan()
    past = [done(plan, "A", weekday(2, weeks=-1)), done(plan, "B", weekday(5, weeks=-1))]
    assert suggest(plan, weekday(0), past).done_this_week == 0


def test_one_session_a_day() -> None:
    plan = make_plan(sessions=(LEGS_A, UPPER))
    monday = suggest(plan, weekday(0), [done(plan, "A", weekday(0), hour=7)])
    assert (monday.train, monday.session_id) == (False, None)
    assert has_reason(monday, "You already trained today (A)")


def test_a_week_without_room_for_the_target_says_so() -> None:
    friday = suggest(make_plan(), weekday(4))
    assert friday.train
    assert has_reason(friday, "This week has room for 1 more of the 2 left")


def test_no_strength_the_day_before_a_long_run_unless_config_allows_it() -> None:
    saturday = suggest(make_plan(), weekday(5))
    assert not saturday.train
    assert saturday.warning is not None and saturday.warning.startswith("Tomorrow (Sunday) is your long run")
    relaxed = RunningWeek(long_run_days=("sunday",), strength_before_long_run=True)
    assert suggest(make_plan(), weekday(5), running=relaxed).train


# Taper before a race

RACE_SUNDAY = weekday(6, weeks=3)
RACING = RunningWeek(long_run_days=("sunday",), race_date=RACE_SUNDAY)


def test_the_last_ten_days_before_a_race_bring_a_half_volume_session() -> None:
    tapering = suggest(make_plan(), RACE_SUNDAY - timedelta(days=9), running=RACING)
    assert tapering.train and tapering.volume_factor == 0.5
    assert has_reason(tapering, "common taper practice, not the seeds")
    before = suggest(make_plan(), RACE_SUNDAY - timedelta(days=11), running=RACING)
    assert before.volume_factor == 1.0 and not has_reason(before, "taper")


def test_the_taper_allows_one_maintenance_session() -> None:
    plan = make_plan()
    past = [done(plan, "A", RACE_SUNDAY - timedelta(days=6))]
    later = suggest(plan, RACE_SUNDAY - timedelta(days=3), past, running=RACING)
    assert (later.train, later.session_id) == (False, None)
    assert has_reason(later, "maintenance session before the race is done")


def test_no_strength_on_race_eve_or_race_day() -> None:
    eve = suggest(make_plan(), RACE_SUNDAY - timedelta(days=1), running=RACING)
    assert not eve.train and eve.warning is not None and eve.warning.startswith("Your race is tomorrow")
    race = suggest(make_plan(), RACE_SUNDAY, running=RACING)
    assert not race.train and race.kinds == ("race",) and race.warning == "Sunday is race day: no strength today."


def test_the_taper_multiplies_the_phase_volume() -> None:
    plan = make_plan(phases=(Phase("Maintenance", 52, 0.5),))
    tapering = suggest(plan, RACE_SUNDAY - timedelta(days=5), running=RACING, started=weekday(0))
    assert tapering.volume_factor == 0.25
    assert tapering.phase is not None and tapering.phase.name == "Maintenance"


# Phases

def test_the_phase_volume_factor_is_applied() -> None:
    plan = make_plan(phases=(Phase("Base", 2, 1.0), Phase("Maintenance", 2, 0.5)))
    base = suggest(plan, weekday(0), started=weekday(0))
    maintenance = suggest(plan, weekday(0, weeks=2), started=weekday(0))
    assert (base.volume_factor, maintenance.volume_factor) == (1.0, 0.5)
    assert has_reason(maintenance, "Phase: Maintenance, week 1 of 2 (half the sets)")
    assert has_reason(maintenance, "Today's volume: half the sets")


# A break from running

def test_while_running_is_paused_strength_keeps_fitness_and_the_target_stays() -> None:
    running = RunningWeek(long_run_days=("sunday",), not_running_until=weekday(0, weeks=4))
    sunday = suggest(make_plan(per_week=3), weekday(6), running=running)
    assert sunday.train and sunday.warning is None and sunday.kinds == ()
    assert sunday.weekly_target == 3
    assert has_reason(sunday, "strength work keeps your fitness while injury stops the running (seed 000)")


def test_running_resumes_on_the_not_running_until_day() -> None:
    running = RunningWeek(long_run_days=("sunday",), not_running_until=weekday(6))
    sunday = suggest(make_plan(), weekday(6), running=running)
    assert sunday.kinds == ("long run",) and not sunday.train
    assert not has_reason(sunday, "injury")


# Focus and level

@pytest.mark.parametrize(("focus", "words"), [
    ("short", "Short-distance focus: 2-3 strength sessions a week on easy or rest days (seed 000)"),
    ("middle", "Middle-distance focus: 2-3 strength sessions a week"),
    ("marathon", "Marathon focus: strength twice a week"),
    ("ultra", "Ultra focus: build a strength base first"),
])
def test_each_focus_gives_its_seed_reason(focus: str, words: str) -> None:
    today = suggest(make_plan(), weekday(0), running=RunningWeek(focus=focus))
    assert today.reasons[0].startswith(words)


def test_ultra_without_phases_uses_the_plan_as_written_and_says_so() -> None:
    today = suggest(make_plan(), weekday(0), running=RunningWeek(focus="ultra"))
    assert today.volume_factor == 1.0 and today.phase is None
    assert has_reason(today, "This plan has no phases, so its volume stays as written")


def test_beginners_hear_that_one_or_two_sessions_are_enough() -> None:
    assert has_reason(suggest(make_plan(level="beginner"), weekday(0)), "1-2 sessions a week are enough to start (seed 003)")
    assert not has_reason(suggest(make_plan(), weekday(0)), "seed 003")


# The runs of each day

def test_runs_on_each_day_come_from_the_config() -> None:
    running = RunningWeek(long_run_days=("saturday",), hard_days=("tuesday", "saturday"), race_date=weekday(6))
    assert runs_on(running, weekday(0)) == ()
    assert runs_on(running, weekday(1)) == ("quality run",)
    assert runs_on(running, weekday(5)) == ("long run", "quality run")
    assert runs_on(running, weekday(6)) == ("race",)
    paused = RunningWeek(long_run_days=("saturday",), not_running_until=weekday(6))
    assert runs_on(paused, weekday(5)) == ()


# The week ahead

def test_suggest_week_assumes_each_suggested_session_is_done() -> None:
    plan = make_plan()
    week = suggest_week(plan, LIBRARY, EASY_WEEK, None, [], weekday(0))
    assert [s.day for s in week] == [weekday(n) for n in range(7)]
    assert [(s.session_id if s.train else None) for s in week] == ["A", None, "B", None, None, None, None]
    assert [s.done_this_week for s in week] == [0, 1, 1, 2, 2, 2, 2]
    assert week[1].warning is not None and "48 hours" in week[1].warning


def test_a_session_already_done_on_the_first_day_counts_as_today_says() -> None:
    plan = make_plan()
    past = [done(plan, "A", weekday(0))]
    week = suggest_week(plan, LIBRARY, EASY_WEEK, None, past, weekday(0), days=3)
    assert not week[0].train and "already trained today" in (week[0].warning or " ".join(week[0].reasons))
    assert week[0] == suggest_day(plan, LIBRARY, EASY_WEEK, None, past, weekday(0))
    assert [(s.session_id if s.train else None) for s in week] == [None, None, "B"]


def test_suggest_week_counts_sessions_already_done_before_it_starts() -> None:
    plan = make_plan()
    week = suggest_week(plan, LIBRARY, EASY_WEEK, None, [done(plan, "A", weekday(0))], weekday(2), days=3)
    assert [(s.session_id, s.train) for s in week] == [("B", True), (None, False), (None, False)]
