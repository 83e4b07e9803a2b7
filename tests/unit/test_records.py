"""Personal records, trends, the stats' weekly and monthly counts, and the plain tables and charts they print in."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from strongstride.services.records import Trend, add_sessions, exercise_trend, rounded, sessions_since
from strongstride.commands.render import (
    Column, PlainOutput, bar, output_console, plain_table_lines, print_line, sparkline,
)
from strongstride.model.calendar import month_start
from strongstride.services.records import WorkDone, adherence_line, work_cell, work_figures, work_heading, sessions_per_week, work_per_month
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.units import KG_PER_LB
from tests.unit.summary_builders import summary

# -- personal records -----------------------------------------------------------------------

def test_heaviest_load_is_kept_for_each_rep_count_with_the_day_it_was_first_lifted() -> None:
    records = add_sessions({}, [
        summary(date(2026, 1, 5), ("squat", 8, 60.0, 8.0, None), ("squat", 5, 70.0, 8.0, None)),
        summary(date(2026, 1, 7), ("squat", 8, 62.5, 8.0, None), ("squat", 5, 70.0, 9.0, None)),
        summary(date(2026, 1, 9), ("squat", 8, 60.0, 7.0, None)),
    ], "kg")["squat"]
    assert {reps: (r.value, r.on) for reps, r in records.heaviest_for_reps.items()} == {
        8: (62.5, date(2026, 1, 7)),
        5: (70.0, date(2026, 1, 5)),   # equalled on the 7th: the record is the day it was first reached
    }


def test_best_e1rm_comes_from_the_rpe_chart_and_is_converted_to_the_runners_unit() -> None:
    in_lb = summary(date(2026, 2, 2), ("squat", 1, 220.0, 10.0, None), unit="lb")   # a true 1RM: e1RM is the load
    lighter = summary(date(2026, 2, 1), ("squat", 1, 90.0, 10.0, None))
    records = add_sessions({}, [lighter, in_lb], "kg")["squat"]
    assert records.best_e1rm is not None
    assert records.best_e1rm.value == pytest.approx(220 * KG_PER_LB)
    assert records.best_e1rm.on == date(2026, 2, 2)
    assert records.heaviest_for_reps[1].value == pytest.approx(220 * KG_PER_LB)


def test_holds_and_bodyweight_reps_are_records_of_their_own_and_warmups_never_count() -> None:
    records = add_sessions({}, [
        summary(date(2026, 3, 2), ("plank", None, None, 8.0, 45), ("calf_raise", 15, None, 8.0, None),
                warmups=(("calf_raise", 30, None, None, None),)),
        summary(date(2026, 3, 4), ("plank", None, None, 8.0, 60), ("calf_raise", 12, None, 8.0, None),
                ("calf_raise", 10, 10.0, 8.0, None)),
    ], "kg")
    plank, calf = records["plank"], records["calf_raise"]
    assert (plank.longest_hold.value, plank.longest_hold.on) == (60, date(2026, 3, 4))
    assert plank.best_e1rm is None and plank.heaviest_for_reps == {} and plank.most_bodyweight_reps is None
    assert (calf.most_bodyweight_reps.value, calf.most_bodyweight_reps.on) == (15, date(2026, 3, 2))
    assert set(calf.heaviest_for_reps) == {10}   # the loaded set is not a bodyweight rep record


def test_a_set_of_no_reps_sets_no_record() -> None:
    records = add_sessions({}, [summary(date(2026, 3, 2), ("squat", 0, 200.0, 10.0, None))], "kg")["squat"]
    assert records.heaviest_for_reps == {} and records.most_bodyweight_reps is None


# -- trends -----------------------------------------------------------------------------------

def test_the_trend_follows_best_e1rm_when_there_is_one() -> None:
    sessions = [summary(date(2026, 1, d), ("squat", 1, load, 10.0, None)) for d, load in ((5, 100.0), (7, 110.0))]
    trend = exercise_trend(sessions, "squat", "kg")
    assert trend == Trend("e1RM", "kg", ((date(2026, 1, 5), 100.0), (date(2026, 1, 7), 110.0)))
    assert trend.describe() == "e1RM 100 -> 110 kg (+10 kg, +10%) over 2 sessions"


def test_the_trend_falls_back_to_hold_then_to_reps() -> None:
    plank = summary(date(2026, 1, 5), ("plank", None, None, None, 40))
    push_up = summary(date(2026, 1, 5), ("push_up", 12, None, 8.0, None))
    assert exercise_trend([plank], "plank", "kg") == Trend("longest hold", "s", ((date(2026, 1, 5), 40.0),))
    assert exercise_trend([push_up], "push_up", "kg") == Trend("most reps", "reps", ((date(2026, 1, 5), 12.0),))
    assert exercise_trend([push_up], "plank", "kg") is None


def test_a_falling_trend_and_a_single_session_read_plainly() -> None:
    days = (date(2026, 1, 5), date(2026, 1, 7))
    assert Trend("e1RM", "kg", tuple(zip(days, (102.46, 100.31)))).describe() == "e1RM 102.5 -> 100.3 kg (-2.2 kg, -2%) over 2 sessions"
    assert Trend("longest hold", "s", ((days[0], 45.0),)).describe() == "longest hold 45 s (one session)"


@pytest.mark.parametrize(("value", "text"), [(62.5, "62.5"), (100.0, "100"), (12340.0, "12,340"), (71.26, "71.3")])
def test_numbers_read_as_a_lifter_writes_them(value: float, text: str) -> None:
    assert rounded(value) == text


# -- the stats' counts -----------------------------------------------------------------------

def test_sessions_since_a_day_keep_that_day_and_everything_after() -> None:
    summaries = [summary(date(2026, 1, day)) for day in (3, 5, 5, 9)]
    assert [s.started_at.day for s in sessions_since(summaries, date(2026, 1, 5))] == [5, 5, 9]
    assert sessions_since(summaries, date(2026, 1, 1)) == summaries
    assert list(sessions_since(summaries, date(2026, 2, 1))) == [] and list(sessions_since([], date(2026, 1, 1))) == []


def test_sessions_are_counted_in_iso_weeks_with_the_current_week_last() -> None:
    today = date(2026, 11, 25)   # a Wednesday
    summaries = [summary(day) for day in (date(2026, 11, 8), date(2026, 11, 9), date(2026, 11, 15),
                                          date(2026, 11, 16), date(2026, 11, 23))]
    weeks = sessions_per_week(summaries, 3, today)
    assert [(w.start, w.sessions) for w in weeks] == [
        (date(2026, 11, 9), 2), (date(2026, 11, 16), 1), (date(2026, 11, 23), 1),   # the 8th is a Sunday, too early
    ]
    assert adherence_line(weeks, 2) == "Target met in 1 of 2 full weeks; this week so far: 1 of 2."
    assert adherence_line(weeks[-1:], 2) == "No full weeks yet; this week so far: 1 of 2."


def test_volume_reps_and_holds_are_summed_per_calendar_month_in_the_runners_unit() -> None:
    summaries = [
        summary(date(2025, 12, 31), ("squat", 10, 100.0, 8.0, None), ("push_up", 12, None, 8.0, None)),
        summary(date(2026, 1, 3), ("squat", 10, 100.0, 8.0, None), ("squat", 5, 100.0, 8.0, None), unit="lb"),
        summary(date(2026, 1, 20), ("plank", None, None, None, 60), ("plank", None, None, None, 45),
                warmups=(("plank", None, None, None, 20),)),
    ]
    months = work_per_month(summaries, 3, date(2026, 2, 10), "kg")
    assert [month for month, _ in months] == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    assert [done.volume for _, done in months] == pytest.approx([1000.0, 1500 * KG_PER_LB, 0.0])
    assert [(done.bodyweight_reps, done.hold_seconds) for _, done in months] == [(12, 0), (0, 105), (0, 0)]   # no warm-up


def test_only_the_work_columns_with_something_in_them_are_shown() -> None:
    assert work_figures([WorkDone(0.0, 12, 40), WorkDone(0.0, 0, 0)]) == ["bodyweight_reps", "hold_seconds"]
    assert work_figures([WorkDone(500.0, 0, 0)]) == ["volume"]
    assert work_figures([]) == []
    assert [work_cell(WorkDone(1234.5, 0, 75), figure) for figure in ("volume", "bodyweight_reps", "hold_seconds")] == [
        "1,234.5", "-", "1:15"]
    assert work_heading("volume", "lb") == "Volume (lb)"


def test_month_start_counts_back_across_years() -> None:
    assert month_start(date(2026, 2, 17)) == date(2026, 2, 1)
    assert month_start(date(2026, 2, 17), 13) == date(2025, 1, 1)


# -- plain tables and charts -------------------------------------------------------------------

def test_plain_tables_pad_text_left_and_numbers_right_without_trailing_space() -> None:
    lines = plain_table_lines((Column("Exercise"), Column("Best", numeric=True), Column("Note")),
                              [("Squat", "100 kg", ""), ("Romanian deadlift", "7.5 kg", "[b]x[/b]")])
    assert lines == [
        "Exercise             Best  Note",
        "Squat              100 kg",
        "Romanian deadlift  7.5 kg  [b]x[/b]",
    ]


def test_a_sparkline_runs_from_the_lowest_block_to_the_highest() -> None:
    assert sparkline([50.0, 75.0, 100.0]) == "▁▅█"
    assert sparkline([60.0, 60.0]) == "▅▅"
    assert sparkline([]) == ""


def test_bars_are_proportional_and_plain_bars_are_ascii() -> None:
    assert bar(50.0, 100.0, 10, plain=True) == "#####"
    assert bar(100.0, 100.0, 4, plain=False) == "████"
    assert bar(0.1, 100.0, 10, plain=True) == "#"   # a month with any work shows
    assert bar(0.0, 100.0, 10, plain=True) == "" and bar(5.0, 0.0, 10, plain=True) == ""


# -- output without a terminal ------------------------------------------------------------------

def test_piped_output_needs_no_rich_console_and_prints_file_text_literally(capsys, monkeypatch) -> None:
    for variable in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(variable, raising=False)
    output = output_console()
    assert isinstance(output, PlainOutput) and not output.is_terminal
    print_line(output, "[bold]Squat[/bold]\r\x07 day", style="bold")
    assert capsys.readouterr().out == "[bold]Squat[/bold]\\r\\x07 day\n", "control codes shown, never obeyed"


def test_forced_colour_hands_output_to_rich(monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    output = output_console()
    assert not isinstance(output, PlainOutput) and output.is_terminal
