"""Charts of progress: their series come from services/records.py, and they draw dates and values, with words."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from strongstride.model.units import KG_PER_LB
from strongstride.services.charts import Chart, Series, best_of_spans, chart_text, chart_words, exercise_chart, monthly_charts, weekly_sessions_chart
from strongstride.services.records import WeekCount, every_exercise_progress, exercise_trend, work_per_month
from tests.unit.session_fixtures import exercise
from tests.unit.summary_builders import summary

HISTORY = [
    summary(date(2026, 3, 2), ("squat", 5, 100.0, 8.0, None), ("squat", 8, 90.0, 8.0, None), ("plank", None, None, 7.0, 40)),
    summary(date(2026, 3, 9), ("squat", 5, 225.0, 8.0, None), ("push_up", 12, None, 8.0, None), unit="lb"),
    summary(date(2026, 4, 6), ("squat", 5, 105.0, 9.0, None), ("plank", None, None, 7.0, 55), ("push_up", 15, None, 8.0, None)),
]


def test_each_exercise_has_its_trend_and_heaviest_set_from_one_walk_of_the_history() -> None:
    progress = {one.exercise_id: one for one in every_exercise_progress(HISTORY, "kg", {})}
    assert [one.name for one in every_exercise_progress(HISTORY, "kg", {})] == ["Plank", "Push_Up", "Squat"]
    squat = progress["squat"]
    assert squat.trend == exercise_trend(HISTORY, "squat", "kg")   # the very trend the History screen and `history` show
    assert squat.best_set is not None and squat.best_set.measure == "heaviest set"
    assert squat.best_set.points == pytest.approx(
        [(date(2026, 3, 2), 100.0), (date(2026, 3, 9), 225 * KG_PER_LB), (date(2026, 4, 6), 105.0)])
    assert progress["plank"].trend.measure == "longest hold" and progress["plank"].best_set is None
    assert progress["push_up"].trend.points == ((date(2026, 3, 9), 12.0), (date(2026, 4, 6), 15.0))


def test_an_exercise_chart_draws_its_trend_and_heaviest_set_with_dates_and_values() -> None:
    progress = {one.exercise_id: one for one in every_exercise_progress(HISTORY, "kg", {})}
    chart = exercise_chart(progress["squat"])
    assert chart is not None and [one.label for one in chart.series] == ["e1RM", "heaviest set"]
    drawn = chart_text(chart, 70, 14, None)
    assert "Squat: e1RM and heaviest set (kg)" in drawn
    assert "2026-03-02" in drawn and "\x1b" not in drawn
    assert any(line.split("┤")[0].strip() == "120" for line in drawn.splitlines() if "┤" in line)   # a value on its axis
    words = chart_words(chart)
    assert words[1] == ("e1RM: 3 sessions, first 123.3 on 2026-03-02, latest 125.4 on 2026-04-06, "   # 5 @8: 81.1%
                        "lowest 123.3 on 2026-03-02, highest 125.8 on 2026-03-09.")
    assert words[2].startswith("heaviest set: 3 sessions, first 100 on 2026-03-02, latest 105 on 2026-04-06")


def test_weekly_sessions_are_drawn_against_the_target_and_listed_week_by_week() -> None:
    weeks = [WeekCount(date(2026, 3, 2), 1), WeekCount(date(2026, 3, 9), 3), WeekCount(date(2026, 3, 16), 2)]
    chart = weekly_sessions_chart(weeks, 2)
    assert chart_words(chart) == ["Sessions per week (target 2)", "2026-03-02: 1", "2026-03-09: 3", "2026-03-16: 2"]
    drawn = chart_text(chart, 60, 12, [(10, 20, 30), (200, 0, 0)])
    assert "\x1b[38;2;10;20;30m" in drawn and "\x1b[38;2;200;0;0m" in drawn   # the bars' colour, then the target's
    plain = chart_text(chart, 60, 12, None)
    assert "2026-03-02" in plain and "\x1b" not in plain
    target_row = next(line for line in plain.splitlines() if line.startswith("2"))
    assert "─" in target_row.split("├", 1)[1]   # the target drawn across at 2


def test_monthly_charts_show_volume_and_time_held_only_when_there_is_some() -> None:
    months = work_per_month(HISTORY, 2, date(2026, 4, 30), "kg")
    volume, held = monthly_charts(months, "kg")
    assert chart_words(volume) == ["Volume per month (kg)", "2026-03: 1,730.3", "2026-04: 525"]
    assert chart_words(held) == ["Time held per month (m:ss)", "2026-03: 0:40", "2026-04: 0:55"]
    assert "2026-04" in chart_text(held, 60, 10, None)
    bodyweight_only = [summary(date(2026, 3, 2), ("push_up", 12, None, 8.0, None), ("plank", None, None, 7.0, 40))]
    months = work_per_month(bodyweight_only, 1, date(2026, 3, 31), "kg")
    assert [chart.title for chart in monthly_charts(months, "kg")] == ["Time held per month (m:ss)"]


def test_a_name_from_the_runners_files_is_drawn_as_text_never_obeyed() -> None:
    hostile = [summary(date(2026, 3, 2), ("squat", 5, 100.0, 8.0, None))]
    progress = every_exercise_progress(hostile, "kg", {"squat": exercise("squat", name="Squat \x1b[31mred\x1b[0m")})
    chart = exercise_chart(progress[0])
    assert chart is not None
    drawn = chart_text(chart, 70, 10, [(1, 2, 3)])
    assert "\x1b[31m" not in drawn and "\\x1b[31mred" in drawn


def test_a_long_series_is_drawn_as_the_best_of_each_span_and_its_words_keep_every_session() -> None:
    points = [(date(2000, 1, 3) + timedelta(days=2 * n), float(n % 7)) for n in range(1000)]
    thinned = best_of_spans(points, 100)
    assert len(thinned) == 100 and all(value == 6.0 for _, value in thinned)   # every span of 10 holds a 6
    assert best_of_spans(points[:50], 100) == points[:50]
    chart = Chart("Squat: e1RM (kg)", "kg", (Series("e1RM", tuple(points)),))
    assert chart_words(chart)[1].startswith("e1RM: 1000 sessions, first 0 on 2000-01-03")
    assert re.search(r"^ *2000-01-\d\d .* 2004-\d\d-\d\d", chart_text(chart, 60, 10, None), re.M)   # dates on the axis
