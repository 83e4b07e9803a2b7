"""Calendars as runners' apps write them: every event read, on the right day and time, classified, and the
week, the taper, the recovery and the block scheduled from them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from strongstride.engine.runs import APP_STRENGTH, CROSS, EASY, LONG_RUN, QUALITY, RACE, classify_all
from strongstride.engine.week import suggest_day, suggest_week
from strongstride.model.config import RunningWeek
from strongstride.model.plan import Phase
from strongstride.store.calendar_feed import read_calendars
from tests.unit.week_builders import HEAVY_LOAD, LIBRARY, make_plan, session

CALENDARS = Path(__file__).parent.parent / "data" / "calendars"
LONDON = ZoneInfo("Europe/London")
TODAY = date(2025, 3, 3)


def runs_of(name: str, keywords: dict[str, tuple[str, ...]] | None = None):
    read = read_calendars([str(CALENDARS / name)], Path("/nonexistent-cache"), TODAY, LONDON)
    assert read.problems == () and read.read
    return classify_all(read.events, keywords or {})


def table(runs) -> list[tuple]:
    return [(run.day, run.start, run.kind, run.distance_km, run.minutes) for run in runs]


def test_runna_all_day_plan_is_classified_from_the_uid_type() -> None:
    runs, other = runs_of("runna.ics")
    assert other == ()
    assert table(runs) == [
        (date(2025, 3, 3), datetime(2025, 3, 3, 6, 30), EASY, 5.2, 31),       # completed: real time, from DTEND
        (date(2025, 3, 4), None, QUALITY, 6.5, 48),                            # X-WORKOUT-ESTIMATED-DURATION 2850 s
        (date(2025, 3, 5), None, APP_STRENGTH, None, 30),
        (date(2025, 3, 6), None, EASY, 8.05, 40),                              # 5 mi
        (date(2025, 3, 7), None, EASY, 4.0, 30),                               # WALK_RUN
        (date(2025, 3, 8), None, QUALITY, 8.0, 45),
        (date(2025, 3, 9), None, LONG_RUN, 14.0, 85),
        (date(2025, 3, 12), None, APP_STRENGTH, None, 55),
        (date(2025, 4, 27), None, RACE, 21.0, None),
    ]
    assert all(run.why.startswith("the UID type says") for run in runs)
    interval = runs[1]
    assert interval.title == "🏃 1km Repeats • 6.5km"   # folded lines and escaped commas read back


def test_trainingpeaks_keeps_the_latest_sequence_and_reads_titles_then_distance() -> None:
    runs, other = runs_of("trainingpeaks.ics")
    assert other == ()
    assert [(run.day, run.kind, run.distance_km, run.minutes, run.title) for run in runs] == [
        (date(2025, 3, 3), EASY, 10.2, 52, "Run: Aerobic Endurance"),     # moving time 0:52:10
        (date(2025, 3, 5), QUALITY, 11.0, 60, "Run: Threshold Intervals"),   # SEQUENCE 2 moved it to Wednesday
        (date(2025, 3, 6), CROSS, None, 45, "Bike: Recovery Spin"),
        (date(2025, 3, 9), LONG_RUN, 24.0, 120, "Run"),                       # no kind in the words: 24 km is long
        (date(2025, 5, 18), RACE, 42.195, None, "Edinburgh Marathon"),
    ]
    assert runs[3].why == "a run of 24 km: at least 16 km"


def test_google_timed_events_in_their_zones_with_a_weekly_long_run_skipped_once_and_moved_once() -> None:
    runs, other = runs_of("google.ics")
    assert [event.title for event in other] == ["Dentist"]
    by_title = {}
    for run in runs:
        by_title.setdefault(run.title, []).append(run)
    assert [(r.start, r.kind, r.minutes) for r in by_title["Track: 6x800"]] == [(datetime(2025, 3, 4, 7), QUALITY, 60)]
    # noon in New York (EST, UTC-5) is 17:00 in London (GMT)
    assert [(r.start, r.kind) for r in by_title["Tempo run (work trip)"]] == [(datetime(2025, 3, 6, 17), QUALITY)]
    assert [(r.start, r.kind, r.distance_km) for r in by_title["Parkrun"]] == [(datetime(2025, 3, 8, 9), QUALITY, 5.0)]
    assert [(r.start, r.kind) for r in by_title["Easy jog with the club"]] == [(datetime(2025, 3, 5, 18), EASY)]
    long_runs = [r.start for r in by_title["Long run 30k"]]
    assert long_runs == [
        datetime(2025, 3, 9, 8), datetime(2025, 3, 15, 7, 30),       # the 16th moved to Saturday the 15th
        datetime(2025, 3, 30, 8), datetime(2025, 4, 6, 8),           # the 23rd skipped; 08:00 kept across BST
        datetime(2025, 4, 13, 8), datetime(2025, 4, 20, 8), datetime(2025, 4, 27, 8),
    ]
    assert all(r.kind == LONG_RUN and r.distance_km == 30.0 and r.minutes == 150 for r in by_title["Long run 30k"])
    assert [(r.day, r.kind, r.distance_km) for r in by_title["Half marathon"]] == [(date(2025, 4, 27), RACE, 21.0975)]


def test_the_runner_s_own_keywords_classify_what_the_defaults_do_not() -> None:
    _, other = runs_of("google.ics")
    assert [event.title for event in other] == ["Dentist"]
    runs, other = runs_of("google.ics", {"cross": ("dentist",)})      # a silly word, to prove the table is read
    assert other == ()
    assert [run.kind for run in runs if run.title == "Dentist"] == [CROSS]
    assert [run.why for run in runs if run.title == "Dentist"] == ["the title says 'dentist'"]


def test_a_broken_event_is_a_problem_with_its_line_and_the_rest_is_read() -> None:
    read = read_calendars([str(CALENDARS / "broken_event.ics")], Path("/nonexistent-cache"), TODAY, LONDON)
    assert read.read
    assert [str(problem) for problem in read.problems] == [
        f"{CALENDARS / 'broken_event.ics'}:13: VEVENT DTSTART: Expected time, got: 2025031; "
        "the event 'Long run' is left out"
    ]
    assert [event.title for event in read.events] == ["Tempo run"]


def test_a_file_that_is_not_a_calendar_is_a_problem_and_nothing_is_read() -> None:
    read = read_calendars([str(CALENDARS / "not_a_calendar.ics")], Path("/nonexistent-cache"), TODAY, LONDON)
    assert not read.read and read.events == ()
    [problem] = read.problems
    assert problem.line == 1 and "not a calendar that can be read" in problem.message


def test_a_missing_file_is_a_problem(tmp_path: Path) -> None:
    read = read_calendars([str(tmp_path / "gone.ics")], tmp_path, TODAY, LONDON)
    assert not read.read
    assert [p.message for p in read.problems] == ["cannot read the calendar: No such file or directory"]


@pytest.mark.parametrize("name", ["runna.ics", "trainingpeaks.ics", "google.ics"])
def test_every_event_of_each_calendar_is_either_classified_or_set_aside(name: str) -> None:
    read = read_calendars([str(CALENDARS / name)], Path("/nonexistent-cache"), TODAY, LONDON)
    runs, other = classify_all(read.events, {})
    assert len(runs) + len(other) == len(read.events) > 0
    assert all(run.why for run in runs)


# The week scheduled from these files


MARATHON_FOCUS = RunningWeek(focus="marathon")


def test_the_runna_week_counts_its_legs_and_core_and_keeps_off_the_long_run_and_the_day_before() -> None:
    runs, _ = runs_of("runna.ics")
    week = suggest_week(make_plan(), LIBRARY, MARATHON_FOCUS, None, [], TODAY, calendar=runs)
    assert [(s.day, s.session_id) for s in week if s.train] == [(date(2025, 3, 3), "A")]
    assert week[2].done_this_week == 2, "Wednesday's Legs and Core makes the target of 2"
    assert week[0].kinds == ("easy run",) and week[0].runs[0].start == datetime(2025, 3, 3, 6, 30)
    three = suggest_week(make_plan(per_week=3), LIBRARY, MARATHON_FOCUS, None, [], TODAY, calendar=runs)
    assert [(s.day, s.session_id) for s in three if s.train] == [(date(2025, 3, 3), "A"), (date(2025, 3, 7), "B")]
    assert "48 hours" in three[1].warning
    assert "your running plan's 🏋️ Legs and Core on Wednesday" in three[3].warning    # 48 hours after it too
    saturday, sunday = (suggest_day(make_plan(), LIBRARY, MARATHON_FOCUS, None, [], date(2025, 3, n), runs) for n in (8, 9))
    assert saturday.warning.startswith("Tomorrow (Sunday) is your long run")
    assert sunday.warning.startswith("Sunday is your long-run day")


def test_the_google_week_puts_heavy_work_six_hours_after_the_morning_track_session() -> None:
    runs, _ = runs_of("google.ics")
    heavy = make_plan(sessions=(session("H", "goblet_squat", load=HEAVY_LOAD),))
    week = suggest_week(heavy, LIBRARY, MARATHON_FOCUS, None, [], TODAY, calendar=runs)
    trained = [s for s in week if s.train]
    assert [(s.day, s.timing.at) for s in trained] == [(date(2025, 3, 4), datetime(2025, 3, 4, 14))]
    assert "Tomorrow (Tuesday) is a quality run: nothing heavy" in week[0].warning
    assert "cannot be 6 hours apart from your quality run at 17:00" in week[3].warning
    assert "This week has room for 1 more of the 2 left" in " ".join(week[1].reasons)


def test_the_runna_half_marathon_brings_a_ten_day_taper_and_a_week_of_recovery() -> None:
    runs, _ = runs_of("runna.ics")
    plan = make_plan(sessions=(session("H", "goblet_squat", load=HEAVY_LOAD), session("U", "band_row")))
    race = date(2025, 4, 27)
    days = suggest_week(plan, LIBRARY, MARATHON_FOCUS, None, [], race - timedelta(days=13), days=22, calendar=runs)
    taper = [s for s in days if 1 <= (race - s.day).days <= 10 and s.train]
    assert len(taper) == 1 and taper[0].volume_factor == 0.5
    recovery = [s for s in days if 1 <= (s.day - race).days <= 7]
    assert [s.recovery for s in recovery] == ["recovering from the half marathon"] * 7
    assert not any(s.train and s.session_id == "H" for s in recovery)
    assert days[-1].recovery is None


def test_the_trainingpeaks_marathon_is_the_goal_the_block_counts_back_from() -> None:
    runs, _ = runs_of("trainingpeaks.ics")
    plan = make_plan(phases=(Phase("Base", 6, 1.0), Phase("Maintenance", 6, 0.5)))
    now = suggest_day(plan, LIBRARY, RunningWeek(focus="ultra"), date(2024, 1, 1), [], TODAY, runs)
    assert (now.phase.name, now.phase.week, now.phase.race) == ("Base", 2, date(2025, 5, 18))
    last = suggest_day(plan, LIBRARY, RunningWeek(focus="ultra"), date(2024, 1, 1), [], date(2025, 5, 14), runs)
    assert (last.phase.name, last.phase.week) == ("Maintenance", 6)
