"""The history screen: the sessions table and detail, exercise trends, weekly adherence."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.color import Color
from textual.content import Content
from textual.style import Style
from textual.screen import Screen
from textual.widgets import ContentSwitcher, OptionList, Static

from strongstride.services.records import WeekCount, every_exercise_progress, exercise_trend
from strongstride.model.log import ActivityLog, SessionLog, SetLog
from strongstride.model.session_summary import SessionSummary, summarise_session
from strongstride.tui.screens import history as history_screen
from strongstride.tui.widgets import row_table
from strongstride.tui.screens.history import (
    HistoryScreen,
    adherence_text,
    duration_text,
    session_detail,
    set_text,
)
from strongstride.tui.screens.home import HomeScreen
from strongstride.tui.widgets.chart_view import ChartView
from strongstride.tui.widgets.fitted_footer import FittedFooter
from strongstride.tui.widgets.row_table import RowTable
from strongstride.tui.widgets.tab_strip import TabStrip
from strongstride.store.history import HistoryStore
from strongstride.tui.app import StrongstrideApp
from strongstride.tui.startup import load_app_state
from tests.tui.app_fixtures import NOW, TODAY, FakeClock, make_app, past_sessions, user_folders
from tests.unit.session_fixtures import exercise

AT = datetime(2026, 11, 1, 9, 0)
T = TypeVar("T")


def shown_detail(app: App[object]) -> str:
    """The session detail the History screen shows now."""
    return str(app.screen.query_one("#detail-text", Static).render())


async def history_shown(app: App[object], pilot: Pilot[object]) -> HistoryScreen:
    """Press h; the History screen once it is up and the first session's detail has been read."""
    await pilot.press("h")
    await pilot.pause()
    await app.workers.wait_for_complete()
    screen = app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def frames_drawn(monkeypatch: pytest.MonkeyPatch, seen: Callable[[Screen[object]], T]) -> list[T]:
    """What `seen` notes of the screen at every frame Textual draws from now on."""
    noted: list[T] = []
    compositor_refresh = Screen._compositor_refresh

    def drawn(screen: Screen[object]) -> None:
        noted.append(seen(screen))
        compositor_refresh(screen)

    monkeypatch.setattr(Screen, "_compositor_refresh", drawn)
    return noted


def counted_chart_draws(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The (width, height) of every chart drawn from now on."""
    from strongstride.tui.widgets import chart_view
    drawn: list[tuple[int, int]] = []
    chart_text = chart_view.chart_text

    def counted(chart, width, height, colours):
        drawn.append((width, height))
        return chart_text(chart, width, height, colours)

    monkeypatch.setattr(chart_view, "chart_text", counted)
    return drawn


def summaries() -> list[SessionSummary]:
    return [summarise_session(log, f"/history/{log.id}.toml") for log in past_sessions()]


def test_duration_is_whole_minutes_or_a_dash_when_unknown() -> None:
    first = summaries()[0]
    assert duration_text(first) == "38 min"
    unfinished = summarise_session(SessionLog(id="x", plan_id="p", session_id="A", started_at=AT), "/x.toml")
    assert duration_text(unfinished) == "-"


@pytest.mark.parametrize(
    ("logged", "text"),
    [
        (SetLog("squat", 1, AT, reps=5, load=62.5, rpe=8.0), "62.5 kg x 5 @8"),
        (SetLog("lunge", 1, AT, reps=8, side="left"), "8 left"),
        (SetLog("plank", 1, AT, hold_seconds=45), "45 s"),
        (SetLog("squat", 2, AT, unit="lb", reps=3, load=135.0, rpe=9.5), "135 lb x 3 @9.5"),
        (SetLog("squat", 3, AT, skipped=True), "skipped"),
    ],
)
def test_a_set_reads_as_a_lifter_writes_it(logged: SetLog, text: str) -> None:
    assert set_text(logged) == text


def test_session_detail_groups_sets_by_exercise_and_marks_warm_ups() -> None:
    detail = session_detail(past_sessions()[2]).plain.splitlines()
    assert detail[0] == "Runner foundation: Foundation A  Thursday 19 November 2026 18:05"
    assert detail[1] == "Quarter squat: warm-up 20 kg x 5, 45 kg x 10 @8.5"
    assert detail[3] == "Plank: 40 s @7"


def test_session_detail_shows_activities_after_the_sets_apart_from_them() -> None:
    run = ActivityLog("Running [b]", AT, kind="cardio", seconds=1230, distance_m=4200.0, note="easy")
    stretch = ActivityLog("Couch Stretch", AT, kind="mobility", seconds=45)
    log = replace(past_sessions()[2], activities=(run, stretch))
    detail = session_detail(log).plain.splitlines()
    assert detail[-2:] == ["Running [b]: cardio, 20:30, 4.2 km, easy", "Couch Stretch: mobility, 45 s"]
    assert summarise_session(log, "/x.toml").work_sets == summarise_session(past_sessions()[2], "/x.toml").work_sets


def test_the_trend_of_loaded_work_is_the_estimated_1rm_in_the_runners_unit() -> None:
    trend = exercise_trend(summaries(), "quarter_squat", "kg")
    assert trend is not None and (trend.measure, trend.unit) == ("e1RM", "kg")
    assert [day for day, _ in trend.points] == [date(2026, 11, 12), date(2026, 11, 16), date(2026, 11, 19)]
    values = [value for _, value in trend.points]
    assert values == sorted(values) and values[0] == pytest.approx(40 / 0.667, abs=0.1)
    in_lb = exercise_trend(summaries(), "quarter_squat", "lb")
    assert in_lb is not None and in_lb.unit == "lb" and in_lb.points[0][1] == pytest.approx(values[0] / 0.45359237, abs=0.01)


def test_the_trend_of_a_hold_is_its_longest_hold() -> None:
    trend = exercise_trend(summaries(), "plank", "kg")
    assert trend is not None and (trend.measure, trend.unit) == ("longest hold", "s")
    assert [value for _, value in trend.points] == [40.0, 40.0, 40.0]


def exercises_done(library: dict) -> list[tuple[str, str]]:
    return [(one.exercise_id, one.name) for one in every_exercise_progress(summaries(), "kg", library)]


def test_exercises_done_are_listed_by_name() -> None:
    assert exercises_done({}) == [
        ("plank", "Plank"), ("quarter_squat", "Quarter squat"), ("romanian_deadlift", "Romanian deadlift"),
    ]


def test_an_exercise_the_library_knows_goes_by_the_librarys_name_as_in_stats() -> None:
    library = {"quarter_squat": exercise("quarter_squat", name="Quarter squat (barbell)")}
    assert exercises_done(library) == [
        ("plank", "Plank"), ("quarter_squat", "Quarter squat (barbell)"), ("romanian_deadlift", "Romanian deadlift"),
    ]


def test_adherence_says_met_or_short_in_words_and_boxes() -> None:
    weeks = [WeekCount(date(2026, 11, 9), 1), WeekCount(date(2026, 11, 16), 3), WeekCount(date(2026, 11, 23), 0)]
    lines = adherence_text(weeks, 2, TODAY).plain.splitlines()
    assert lines[0] == "Target: 2 sessions a week"
    assert lines[1].split() == ["Week", "of", "09", "Nov", "■□", "1", "of", "2", "short"]
    assert lines[2].split() == ["Week", "of", "16", "Nov", "■■+", "3", "of", "2", "met"]
    assert lines[3].endswith("this week")
    assert lines[4] == "Target met in 1 of 2 full weeks; this week so far: 0 of 2."


async def test_h_opens_the_sessions_newest_first_with_the_highlighted_ones_detail(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(RowTable)
        assert table.row_count == 3
        assert list(table.get_row_at(0)) == [
            "Thu 19 Nov 2026", "Foundation A", "40 min", "3", "720", "0:40", "7.8",
        ]
        await pilot.pause()
        detail = shown_detail(app)
        assert detail.startswith("Runner foundation: Foundation A  Thursday 19 November")
        await pilot.press("down")
        await pilot.pause()
        assert "Foundation B  Monday 16 November" in shown_detail(app)
        await pilot.press("b")
        assert isinstance(app.screen, HomeScreen)


async def test_a_session_file_gone_since_start_shows_its_problem_in_the_detail(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    newest = Path(app.state.index.summaries[-1].path)
    newest.write_text("schema = [", encoding="utf-8")
    async with app.run_test() as pilot:
        await pilot.press("h")
        await pilot.pause()
        detail = shown_detail(app)
        assert newest.name in detail and "TOML syntax" in detail


async def test_2_shows_an_exercises_trend_as_a_chart_and_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("h", "2")
        assert shown_tab(app) == "trends"
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down")           # from Plank to Quarter squat
        await pilot.pause()
        chart = app.screen.query_one("#trend-chart", ChartView)
        assert chart.chart is not None and [len(one.points) for one in chart.chart.series] == [3, 3]
        drawn = str(chart.render())
        assert "Quarter squat: e1RM and heaviest set (kg)" in drawn and "2026-11-12" in drawn   # dates on the axis
        words = str(app.screen.query_one("#trend-text", Static).render())
        assert words.startswith("Quarter squat: e1RM")
        assert "over 3 sessions" in words
        assert "heaviest set: 3 sessions, first 40 on 2026-11-12, latest 45 on 2026-11-19" in words


async def test_3_shows_weekly_adherence_against_the_plans_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("h", "3")
        assert shown_tab(app) == "weeks"
        weeks = str(app.screen.query_one("#adherence Static", Static).render())
        assert "Target: 2 sessions a week" in weeks
        assert "Week of 16 Nov" in weeks and "2 of 2  met" in weeks


def shown_tab(app: App[object]) -> str | None:
    """The tab the History screen shows, as its strip marks it; None when the switcher shows another."""
    screen = app.screen
    active = screen.query_one(TabStrip).active
    return active if screen.query_one(ContentSwitcher).current == active else None


async def test_a_click_on_a_tab_shows_it_and_the_tabs_take_the_focus(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("h")
        assert shown_tab(app) == "sessions" and app.focused is app.screen.query_one("#sessions-table")
        await pilot.click(TabStrip, offset=(24, 0))   # " 1 Sessions  2 Trends  3 Weeks ": on "3 Weeks"
        await pilot.pause()
        assert shown_tab(app) == "weeks" and app.focused is app.screen.query_one(TabStrip)
        await pilot.press("right")
        assert shown_tab(app) == "charts"


async def test_left_and_right_on_the_focused_tabs_step_through_them_and_keep_the_focus(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("h", "shift+tab")   # from the sessions table back to the tabs
        strip = app.screen.query_one(TabStrip)
        assert app.focused is strip
        await pilot.press("right", "right")
        assert shown_tab(app) == "weeks" and app.focused is strip
        await pilot.press("left", "left", "left")
        assert shown_tab(app) == "charts" and app.focused is strip
        await pilot.press("1")
        assert shown_tab(app) == "sessions" and app.focused is app.screen.query_one("#sessions-table")


async def test_an_empty_history_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False)
    async with app.run_test() as pilot:
        await pilot.press("h")
        assert app.screen.query_one(RowTable).row_count == 0
        assert shown_detail(app) == "No sessions yet."


async def test_the_table_holds_every_session_and_formats_a_row_only_when_it_is_first_shown(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    formatted: list[str] = []
    session_row = history_screen.session_row

    def noting(summary: SessionSummary, *args) -> tuple[str, ...]:
        formatted.append(summary.id)
        return session_row(summary, *args)

    monkeypatch.setattr(history_screen, "session_row", noting)
    monkeypatch.setattr(row_table, "MEASURED_ROWS", 1)
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:   # a window with room for the three rows
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one(RowTable)
        assert table.row_count == 3 and len(formatted) == 3
        await pilot.press("end")
        await pilot.pause()
        assert list(table.get_row_at(2))[:2] == ["Thu 12 Nov 2026", "Foundation A"]
        assert len(formatted) == 3   # shown once, formatted once
        assert "Foundation A  Thursday 12 November" in shown_detail(app)


async def test_the_trends_list_is_read_when_its_tab_is_first_shown_by_key_or_by_mouse(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("h")
        assert not app.screen.query("#exercise-list")   # the tab is filled when first shown
        await pilot.click(TabStrip, offset=(14, 0))   # " 1 Sessions  2 Trends ": on "2 Trends"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown_tab(app) == "trends"
        exercises = app.screen.query_one("#exercise-list", OptionList)
        assert [str(exercises.get_option_at_index(i).prompt) for i in range(exercises.option_count)] == [
            "Plank", "Quarter squat", "Romanian deadlift"]
        assert str(app.screen.query_one("#trend-text", Static).render()).startswith("Plank: longest hold")
        await pilot.press("1", "2")
        assert exercises.option_count == 3


def held_back(monkeypatch: pytest.MonkeyPatch, name: str) -> threading.Event:
    """Make the History screen's reader `name` wait (in its worker thread) until the returned event is set."""
    release = threading.Event()
    reader = getattr(history_screen, name)

    def waiting(*args, **kwargs):
        assert release.wait(timeout=30), "the test never let the reading finish"
        return reader(*args, **kwargs)

    monkeypatch.setattr(history_screen, name, waiting)
    return release


async def test_the_trends_tab_shows_a_loading_state_until_the_exercises_are_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = held_back(monkeypatch, "every_exercise_progress")
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("h", "2")
        await pilot.pause()
        exercises = app.screen.query_one("#exercise-list", OptionList)
        assert shown_tab(app) == "trends"   # the tab is there at once
        trend = app.screen.query_one("#trend")
        assert trend.loading and exercises.option_count == 0 and app.focused is exercises
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not trend.loading and exercises.option_count == 3
        assert str(app.screen.query_one("#trend-text", Static).render()).startswith("Plank: longest hold")
        assert "Plank: longest hold (s)" in str(app.screen.query_one("#trend-chart", ChartView).render())


async def test_4_draws_weeks_against_the_target_volume_and_time_held_with_their_numbers_in_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = held_back(monkeypatch, "work_per_month")
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("h", "4")
        await pilot.pause()
        assert shown_tab(app) == "charts"
        assert app.screen.query_one("#charts-status").loading and not app.screen.query("#charts-box ChartView")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()   # the charts mounted and laid out,
        await pilot.pause()   # then drawn at the size each was given
        assert not app.screen.query_one("#charts-status").loading
        drawn = [str(view.render()) for view in app.screen.query("#charts-box ChartView")]
        assert [view.splitlines()[0].strip() for view in drawn] == [
            "Sessions per week (target 2)", "Volume per month (kg)", "Time held per month (m:ss)"]
        assert "2026-11" in drawn[1] and "1,000" in drawn[1]                    # dates and values on the axes
        words = [str(app.screen.query_one(f"#chart-{n}-words", Static).render()) for n in range(3)]
        assert words[0].endswith("2026-11-09: 1; 2026-11-16: 2; 2026-11-23: 0")
        assert words[1] == "Volume per month (kg): 2026-11: 2,085"   # 400 + 425 + 450 squat, 3 x 270 deadlift
        assert words[2] == "Time held per month (m:ss): 2026-11: 2:00"


async def test_a_bodyweight_history_shows_reps_and_time_held_not_an_empty_volume_column(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = user_folders(tmp_path, monkeypatch)
    store = HistoryStore(folders["data"], folders["cache"])
    sets = (SetLog("push_up", 1, AT, exercise_name="Push up", reps=12, rpe=8.0),
            SetLog("push_up", 2, AT, exercise_name="Push up", reps=10, rpe=8.5),
            SetLog("plank", 1, AT, exercise_name="Plank", hold_seconds=50, rpe=7.0))
    store.save(SessionLog(id="bodyweight-1", plan_id="bodyweight", session_id="A", started_at=AT, sets=sets))
    app = StrongstrideApp(load_app_state(None, TODAY), clock=FakeClock(), wall_clock=lambda: NOW)
    async with app.run_test() as pilot:
        await pilot.press("h")
        table = app.screen.query_one(RowTable)
        assert list(table.headings) == [
            "Date", "Session", "Time", "Sets", "Bodyweight reps", "Held (m:ss)", "Avg RPE"]
        assert list(table.get_row_at(0))[3:6] == ["3", "22", "0:50"]


async def test_the_trend_chart_is_drawn_in_the_themes_colours_and_follows_a_theme_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("h", "2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        chart = app.screen.query_one("#trend-chart", ChartView)

        def colours() -> set[tuple[int, int, int]]:
            drawn = chart.render()
            assert isinstance(drawn, Content)
            return {span.style.foreground.rgb for span in drawn.spans
                    if isinstance(span.style, Style) and span.style.foreground is not None}

        def primary() -> tuple[int, int, int]:
            return Color.parse(app.theme_variables["primary"]).rgb

        assert primary() in colours()
        before = primary()
        app.theme = next(theme for theme in ("strongstride-light", "strongstride-dark") if theme != app.theme)
        await pilot.pause()
        assert primary() != before and primary() in colours() and before not in colours()


async def test_a_tab_shown_again_keeps_its_widgets_and_its_charts_are_not_drawn_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = counted_chart_draws(monkeypatch)
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("h")
        assert not app.screen.query("#charts-box") and not app.screen.query("#adherence")   # filled when first shown
        await pilot.press("4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        views = list(app.screen.query("#charts-box ChartView"))
        assert len(views) == 3 and len(drawn) >= 3
        drawn.clear()
        await pilot.press("1", "3", "1", "4")
        await pilot.pause()
        assert list(app.screen.query("#charts-box ChartView")) == views and len(app.screen.query("#adherence")) == 1
        assert drawn == []
        assert all(str(view.render()).strip() for view in views)


async def test_charts_taller_than_the_window_are_drawn_once_at_the_width_they_keep(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scroll bar's room is kept from the start, so its coming does not narrow the charts and draw them again."""
    drawn = counted_chart_draws(monkeypatch)
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        charted = [view for view in app.screen.query("#charts-box ChartView") if view.chart is not None]
        assert app.screen.query_one("#charts-box").max_scroll_y > 0        # taller than the window: a scroll bar
        widths = {view.content_region.width for view in charted}
        await pilot.press("1")
        await pilot.pause()
        assert charted and len(drawn) == len(charted)
        assert {width for width, _ in drawn} == widths


async def test_keys_sent_as_the_screen_opens_move_the_cursor_through_the_sessions_in_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("h", "down", "down")
        await pilot.pause()
        table = app.screen.query_one(RowTable)
        assert [table.get_row_at(row)[0] for row in range(table.row_count)] == [
            "Thu 19 Nov 2026", "Mon 16 Nov 2026", "Thu 12 Nov 2026"]
        assert table.cursor_row == 2
        assert "Foundation A  Thursday 12 November" in shown_detail(app)


async def test_a_row_the_cursor_has_left_before_its_detail_was_read_is_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        screen = await history_shown(app, pilot)
        read: list[str] = []
        load = screen.state.load_session
        monkeypatch.setattr(screen.state, "load_session", lambda summary: (read.append(summary.id), load(summary))[1])
        screen.show_detail(screen.query_one(RowTable), 2)   # the cursor is on row 0
        assert read == []
        await pilot.press("down")
        await pilot.pause()
        assert read == [screen.newest(1).id]


async def test_a_detail_read_for_a_row_the_cursor_has_since_left_is_not_shown(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        screen = await history_shown(app, pilot)
        held, load = threading.Event(), screen.state.load_session

        def held_for_the_newest(summary: SessionSummary):
            if summary.id == screen.newest(0).id:
                held.wait(5)
            return load(summary)

        monkeypatch.setattr(screen.state, "load_session", held_for_the_newest)
        screen.read_detail(0)                   # row 0's file is slow to read
        await pilot.press("down")
        await pilot.pause()
        held.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Foundation B  Monday 16 November" in shown_detail(app)


async def test_h_on_the_history_screen_goes_to_its_sessions_and_is_not_offered_again_in_the_footer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        screen = await history_shown(app, pilot)
        assert "h" not in [key.key for key in screen.query_one(FittedFooter).shown_keys()]
        await pilot.press("3", "h")
        await pilot.pause()
        assert app.screen is screen and shown_tab(app) == "sessions" and app.focused is screen.query_one(RowTable)


async def test_a_frame_due_while_a_tab_is_being_switched_draws_nothing_part_way(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        screen = await history_shown(app, pilot)
        fill_tab = HistoryScreen.fill_tab

        async def filled_then_a_frame_due(self: HistoryScreen, tab: str) -> None:
            await fill_tab(self, tab)
            self._on_timer_update()     # Textual's frame timer, ticking with the content mounted, the tab not yet shown

        monkeypatch.setattr(HistoryScreen, "fill_tab", filled_then_a_frame_due)
        drawn_part_way = frames_drawn(monkeypatch, lambda drawn: drawn.query_one(ContentSwitcher).current)
        await pilot.press("3")
        await pilot.pause()
        assert "sessions" not in drawn_part_way and shown_tab(app) == "weeks"
        assert app.focused is screen.query_one("#adherence")


async def test_a_frame_due_while_the_history_screen_mounts_draws_nothing_part_way(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.pause()
        on_mount = HistoryScreen.on_mount

        def mounted_then_a_frame_due(self: HistoryScreen) -> None:
            on_mount(self)
            self._on_timer_update()     # Textual's frame timer, ticking before the screen has finished mounting

        monkeypatch.setattr(HistoryScreen, "on_mount", mounted_then_a_frame_due)
        drawn = frames_drawn(monkeypatch, lambda screen: (isinstance(screen, HistoryScreen), screen.is_mounted))
        await pilot.press("h")
        await pilot.pause()
        history_frames_mounted = [mounted for history, mounted in drawn if history]
        assert isinstance(app.screen, HistoryScreen) and history_frames_mounted and all(history_frames_mounted)
