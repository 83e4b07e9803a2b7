"""The week around a real calendar: runs on their days and times, races with their taper and recovery, phases."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from strongstride.engine.phases import phase_before_race
from strongstride.engine.running_days import Race
from strongstride.engine.runs import APP_STRENGTH, EASY, LONG_RUN, QUALITY, RACE, Run
from strongstride.engine.week import suggest_day, suggest_week
from strongstride.model.config import RunningWeek
from strongstride.model.plan import Phase

from tests.unit.week_builders import HEAVY_LOAD, LEGS_A, LIBRARY, UPPER, done, has_reason, make_plan, session, weekday

CONFIG = RunningWeek(long_run_days=("sunday",), hard_days=("tuesday",), focus="marathon")
HEAVY = session("H", "goblet_squat", load=HEAVY_LOAD)


def run(kind: str, day: date, at: time | None = None, minutes: int | None = None, km: float | None = None,
        title: str = "") -> Run:
    start = datetime.combine(day, at) if at else None
    return Run(kind, title or kind, day, start, minutes, km, "test", "test.ics")


def test_the_calendar_replaces_the_weekday_lists() -> None:
    calendar = [run(LONG_RUN, weekday(5), km=30)]          # the long run on Saturday this week, not Sunday
    plan = make_plan(sessions=(LEGS_A, UPPER))
    saturday = suggest_day(plan, LIBRARY, CONFIG, None, [], weekday(5), calendar)
    assert saturday.warning.startswith("Saturday is your long-run day")
    friday = suggest_day(plan, LIBRARY, CONFIG, None, [], weekday(4), calendar)
    assert friday.warning.startswith("Tomorrow (Saturday) is your long run")
    sunday = suggest_day(plan, LIBRARY, CONFIG, None, [], weekday(6), calendar)
    assert sunday.warning is None and sunday.kinds == ()
    tuesday = suggest_day(plan, LIBRARY, CONFIG, None, [], weekday(1), calendar)
    assert tuesday.kinds == () and tuesday.train      # hard_days in config no longer apply


SUNDAY = weekday(6)     # the week's last day: with nothing done yet, the week has to use it


def sunday_quality(at: time | None) -> list[Run]:
    return [run(QUALITY, SUNDAY, at, 60 if at else None, title="Track: 6x800")]


def test_heavy_work_goes_six_hours_after_a_morning_quality_run() -> None:
    calendar = sunday_quality(time(7))
    sunday = suggest_day(make_plan(sessions=(HEAVY,)), LIBRARY, CONFIG, None, [], SUNDAY, calendar)
    assert sunday.train and sunday.timing is not None
    assert sunday.timing.at == datetime.combine(SUNDAY, time(14))
    assert sunday.timing.text.startswith("from 14:00, 6 hours after your quality run ends at 08:00")
    assert has_reason(sunday, "Robineau et al. 2016")


def test_an_evening_quality_run_leaves_room_only_for_light_work_before_it() -> None:
    calendar = sunday_quality(time(18))
    light = suggest_day(make_plan(sessions=(UPPER,)), LIBRARY, CONFIG, None, [], SUNDAY, calendar)
    assert light.train and light.timing.at == datetime.combine(SUNDAY, time(11))
    assert light.timing.text.startswith("by 11:00, so it ends 6 hours before your 18:00 quality run")
    heavy = suggest_day(make_plan(sessions=(HEAVY,)), LIBRARY, CONFIG, None, [], SUNDAY, calendar)
    assert not heavy.train and heavy.session_id == "H"
    assert "cannot be 6 hours apart from your quality run at 18:00" in heavy.warning
    assert "heavy work belongs after the quality run or on the next day" in heavy.warning


def test_an_all_day_quality_run_asks_for_six_hours_between() -> None:
    calendar = sunday_quality(None)
    sunday = suggest_day(make_plan(sessions=(UPPER,), per_week=1), LIBRARY, CONFIG, None, [], SUNDAY, calendar)
    assert sunday.train and sunday.timing.at is None
    assert sunday.timing.text.startswith("at least 6 hours after your quality run")


def test_an_easy_run_day_is_preferred_over_a_quality_day() -> None:
    calendar = [run(QUALITY, weekday(0), time(7), 60), run(EASY, weekday(1), time(7), 40)]
    monday = suggest_day(make_plan(sessions=(UPPER,), per_week=1), LIBRARY, CONFIG, None, [], weekday(0), calendar)
    assert not monday.train and has_reason(monday, "Better later this week: Tuesday")


def test_the_running_plan_s_strength_counts_toward_the_target() -> None:
    legs = run(APP_STRENGTH, weekday(2), title="🏋️ Legs and Core")
    plan = make_plan(sessions=(LEGS_A, UPPER), per_week=2)
    week = suggest_week(plan, LIBRARY, CONFIG, None, [], weekday(0), calendar=[legs])
    trained = [s.day for s in week if s.train]
    assert len(trained) == 1, "one of ours and the running plan's own make the target of 2"
    assert abs((trained[0] - weekday(2)).days) >= 2, "48 hours from the running plan's session too"
    wednesday = week[2]
    assert not wednesday.train and has_reason(wednesday, "Your running plan sets strength today (🏋️ Legs and Core)")
    assert week[3].done_this_week == 2
    assert has_reason(week[0], "Your running plan's strength later this week counts toward the target")


MARATHON_DAY = weekday(6, weeks=3)
MARATHON = [run(RACE, MARATHON_DAY, time(9), km=42.2, title="London Marathon")]


def test_the_taper_before_a_marathon_is_two_weeks_with_two_lighter_sessions() -> None:
    race = Race(MARATHON_DAY, 42.2, "London Marathon")
    assert (race.taper_days, race.taper_sessions, race.recovery_days, race.rest_days) == (14, 2, 14, 3)
    plan = make_plan(sessions=(LEGS_A, UPPER))
    start = MARATHON_DAY - timedelta(days=20)
    days = suggest_week(plan, LIBRARY, CONFIG, None, [], start, days=21, calendar=MARATHON)
    in_taper = [s for s in days if 1 <= (MARATHON_DAY - s.day).days <= 14 and s.train]
    assert len(in_taper) == 2 and all(s.volume_factor == 0.5 for s in in_taper)
    assert has_reason(in_taper[0], "a 14-day taper for 42.2 km: Bosquet et al. 2007")
    assert not days[-1].train and days[-1].warning == "Sunday is race day: no strength today."


def test_recovery_after_a_marathon_rests_then_keeps_heavy_legs_off_for_two_weeks() -> None:
    plan = make_plan(sessions=(HEAVY, UPPER), per_week=2)
    after = suggest_week(plan, LIBRARY, CONFIG, None, [], MARATHON_DAY + timedelta(days=1), days=16, calendar=MARATHON)
    rest_days, recovering, back = after[:3], after[3:14], after[15]
    assert all(not s.train and s.recovery_line == "Recovering from the marathon: rest" for s in rest_days)
    assert rest_days[0].warning.startswith("Recovering from the marathon: rest from strength until Thursday")
    heavy_days = [s for s in recovering if s.train and s.session_id == "H"]
    assert heavy_days == []
    light = [s for s in recovering if s.train]
    assert light and all(s.session_id == "U" and s.volume_factor == 0.5 for s in light)
    assert light[0].recovery_line == "Recovering from the marathon: light session"
    assert has_reason(light[0], "Session U comes before Session H while you recover")
    only_heavy = suggest_day(make_plan(sessions=(HEAVY,)), LIBRARY, CONFIG, None, [], MARATHON_DAY + timedelta(days=5),
                             MARATHON)
    warned = only_heavy.warning
    assert "no heavy lower-body work until" in warned and "one day per two miles raced" in warned
    assert back.recovery is None and back.volume_factor == 1.0


def test_recovery_grows_with_the_race_distance() -> None:
    days = [Race(MARATHON_DAY, km, "").recovery_days for km in (5, 10, 21.1, 42.2, 50, 100, 160)]
    assert days == [2, 4, 7, 14, 16, 28, 28]
    tapers = [Race(MARATHON_DAY, km, "").taper_days for km in (5, 10, 21.1, 42.2, 100)]
    assert tapers == [5, 7, 10, 14, 14]


def test_race_date_in_config_still_brings_taper_and_recovery_without_a_calendar() -> None:
    running = RunningWeek(long_run_days=("sunday",), focus="marathon", race_date=MARATHON_DAY)
    plan = make_plan(sessions=(HEAVY, UPPER))
    after = suggest_day(plan, LIBRARY, running, None, [], MARATHON_DAY + timedelta(days=1))
    assert after.recovery == "recovering from the marathon" and not after.train


ULTRA = RunningWeek(long_run_days=("saturday",), focus="ultra")
BLOCK = (Phase("Base", 6, 1.0), Phase("Maintenance", 6, 0.5))


def test_the_ultra_block_counts_back_from_the_goal_race() -> None:
    race_day = weekday(6, weeks=20)
    calendar = [run(RACE, race_day, km=50, title="Lakes 50k"), run(RACE, weekday(6, weeks=8), km=10, title="10k")]
    plan = make_plan(phases=BLOCK)
    started_long_ago = weekday(0, weeks=-30)        # forward from here the block would be over
    far = suggest_day(plan, LIBRARY, ULTRA, started_long_ago, [], weekday(0), calendar)
    assert far.phase.name == "Base" and far.phase.week < 1 and far.volume_factor == 1.0
    assert "building while your race is far out" in far.phase.describe()
    assert "counted back from your race on" in far.phase.describe()
    base = suggest_day(plan, LIBRARY, ULTRA, started_long_ago, [], race_day - timedelta(weeks=11, days=6), calendar)
    assert (base.phase.name, base.phase.week) == ("Base", 1)
    maintenance = suggest_day(plan, LIBRARY, ULTRA, started_long_ago, [], race_day - timedelta(weeks=5, days=6), calendar)
    assert (maintenance.phase.name, maintenance.phase.week) == ("Maintenance", 1)
    race_week = suggest_day(plan, LIBRARY, ULTRA, started_long_ago, [], race_day - timedelta(days=3), calendar)
    assert (race_week.phase.name, race_week.phase.week) == ("Maintenance", 6)


def test_the_goal_race_is_the_longest_ahead_and_phases_fall_back_to_the_start_date_after_it() -> None:
    plan = make_plan(phases=BLOCK)
    assert phase_before_race(plan, weekday(0), weekday(1)) is None
    calendar = [run(RACE, weekday(6), km=50)]
    after = suggest_day(plan, LIBRARY, ULTRA, weekday(0, weeks=1), [], weekday(0, weeks=2), calendar)
    assert (after.phase.name, after.phase.week, after.phase.race) == ("Base", 2, None)
