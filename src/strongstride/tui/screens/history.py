"""History: every session in a table with its detail, each exercise's trend, and the weeks against the target."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from strongstride.services.charts import Chart, chart_words, exercise_chart, monthly_charts, weekly_sessions_chart
from strongstride.services.records import (
    ExerciseProgress, Trend, WeekCount, WorkDone, adherence_line, every_exercise_progress, sessions_per_week, work_cell,
    work_done, work_figures, work_heading, work_per_month,
)
from strongstride.model.calendar import week_start
from strongstride.model.log import ActivityLog, SessionLog, SetLog
from strongstride.model.moments import seconds_between
from strongstride.model.units import Unit, clean
from strongstride.model.visible_text import literal, visible
from strongstride.model.session_summary import SessionSummary
from strongstride.tui.screens.steady import SteadyScreen
from strongstride.tui.startup import AppState
from strongstride.tui.widgets.chart_view import ChartView
from strongstride.tui.widgets.fitted_footer import FittedFooter
from strongstride.tui.widgets.problem_view import problem_text
from strongstride.tui.widgets.row_table import RowTable
from strongstride.tui.widgets.tab_strip import TabStrip

ADHERENCE_WEEKS = 8
FIGURE_SESSIONS = 100  # the newest sessions whose work chooses the table's work columns
CHART_WEEKS = 26      # weeks of sessions drawn against the target on the Charts tab
CHART_MONTHS = 12
READING = "Reading your history…"
TABS = (("sessions", "1 Sessions"), ("trends", "2 Trends"), ("weeks", "3 Weeks"), ("charts", "4 Charts"))
FOCUS = {"sessions": "#sessions-table", "trends": "#exercise-list", "weeks": "#adherence", "charts": "#charts-box"}


def duration_text(summary: SessionSummary) -> str:
    """Minutes from start to finish, or a dash for an unfinished or imported session without one."""
    if summary.finished_at is None:
        return "-"
    minutes = round(seconds_between(summary.started_at, summary.finished_at) / 60)
    return f"{minutes} min"


def session_row(summary: SessionSummary, done: WorkDone, figures: Sequence[str]) -> tuple[str, ...]:
    """One table row, control characters escaped: the work figures asked for (of the work `done`) after the sets."""
    rpe = f"{summary.average_rpe:.1f}" if summary.average_rpe is not None else "-"
    cells = (f"{summary.started_at:%a %d %b %Y}", summary.session_name or summary.session_id,
             duration_text(summary), str(summary.work_sets), *(work_cell(done, figure) for figure in figures), rpe)
    return tuple(visible(cell) for cell in cells)


def set_text(logged: SetLog) -> str:
    """A set as a lifter writes it: 60 kg x 5 @8, 45 s, or skipped."""
    if logged.skipped:
        return "skipped"
    done = f"{logged.hold_seconds} s" if logged.hold_seconds is not None and logged.reps is None else f"{logged.reps}"
    if logged.load is not None:
        done = f"{clean(logged.load):g} {logged.unit} x {done}"
    side = f" {logged.side}" if logged.side else ""
    effort = f" @{logged.rpe:g}" if logged.rpe is not None else ""
    return f"{done}{side}{effort}"


def session_detail(log: SessionLog) -> Text:
    """A session's sets grouped by exercise, warm-ups marked, then its activities, with the note if any."""
    detail = literal(f"{log.plan_name or log.plan_id}: {log.session_name or log.session_id}", style="bold")
    detail.append(f"  {log.started_at:%A %d %B %Y %H:%M}")
    by_exercise: dict[str, list[SetLog]] = {}
    for logged in log.sets:
        by_exercise.setdefault(logged.exercise_name or logged.exercise_id, []).append(logged)
    for name, sets in by_exercise.items():
        detail.append(f"\n{visible(name)}: ", style="bold")
        detail.append(visible(", ".join(("warm-up " if s.kind == "warmup" else "") + set_text(s) for s in sets)))
    for activity in log.activities:
        detail.append(f"\n{visible(activity.name)}: ", style="bold")
        detail.append(visible(activity_text(activity)))
    if log.note:
        detail.append(f"\nNote: {visible(log.note)}")
    return detail


def activity_text(activity: ActivityLog) -> str:
    """An activity as it was done: `cardio, 20:00, 4.2 km`; its note after."""
    parts: list[str] = [activity.kind]
    if activity.seconds:
        parts.append(f"{activity.seconds // 60}:{activity.seconds % 60:02d}" if activity.seconds >= 60
                     else f"{activity.seconds} s")
    if activity.distance_m:
        parts.append(f"{activity.distance_m / 1000:g} km")
    if activity.note:
        parts.append(activity.note)
    return ", ".join(parts)


def _amount(value: float, unit: str) -> str:
    return f"{round(value, 1):g} {unit}"


def trend_text(name: str, trend: Trend | None) -> Text:
    """The trend in words and numbers, so the chart is never the only way to read it."""
    text = literal(f"{name}: {trend.measure if trend else 'progress'}", style="bold")
    if trend is None:
        text.append("\nNo work sets logged yet.")
        return text
    (first_day, first), (last_day, last) = trend.points[0], trend.points[-1]
    best = max(value for _, value in trend.points)
    text.append(f"\nFirst {_amount(first, trend.unit)} ({first_day:%d %b %Y})")
    text.append(f"\nLatest {_amount(last, trend.unit)} ({last_day:%d %b %Y})")
    text.append(f"\nBest {_amount(best, trend.unit)}, change {round(last - first, 1):+g} {trend.unit} "
                f"over {len(trend.points)} sessions")
    return text


def adherence_text(counts: Sequence[WeekCount], target: int, today: date) -> Text:
    """Each week's sessions against the target, with boxes and numbers and a word when it was met."""
    text = Text(f"Target: {target} session{'s' if target != 1 else ''} a week", style="bold")
    for monday, done in ((week.start, week.sessions) for week in counts):
        boxes = "■" * min(done, target) + "□" * max(0, target - done) + ("+" * max(0, done - target))
        verdict = "met" if done >= target else ("this week" if monday == week_start(today) else "short")
        text.append(f"\nWeek of {monday:%d %b}  {boxes:<8} {done} of {target}  {verdict}")
    text.append(f"\n{adherence_line(counts, target)}")
    return text


def progress_text(progress: ExerciseProgress) -> Text:
    """An exercise's trend in words, and its heaviest set's, so the chart is never the only way to read them."""
    text = trend_text(progress.name, progress.trend)
    chart = exercise_chart(progress)
    for line in chart_words(chart)[2:] if chart is not None else []:   # the heaviest set, when drawn beside the trend
        text.append(f"\n{line}")
    return text


def words_text(chart: Chart) -> Text:
    """A chart's numbers as one paragraph under it: `2026-06-01: 2; 2026-06-08: 3; ...`."""
    title, *lines = chart_words(chart)
    return literal(f"{title}: " + "; ".join(lines))


class HistoryScreen(SteadyScreen[None]):
    """Past sessions (1), exercise trends (2), weekly adherence (3) and charts (4); b goes back home.

    What must walk the whole history (every exercise's trend, the charts) is read by a worker thread the
    first time its tab is shown, with a loading state meanwhile, so no tab waits on years of sessions.
    """

    DEFAULT_CSS = """
    HistoryScreen ContentSwitcher { height: 1fr; }
    HistoryScreen ContentSwitcher > * { height: 1fr; }
    HistoryScreen #sessions-table { height: 1fr; }
    HistoryScreen #session-detail { height: 8; border: round $secondary; padding: 0 1; }
    HistoryScreen #exercise-list { width: 28; height: 1fr; border: round $secondary; }
    HistoryScreen #exercise-list:focus { border: heavy $accent; }
    HistoryScreen #trend { width: 1fr; padding: 0 1; }
    HistoryScreen #trend-chart { height: 1fr; min-height: 8; margin: 1 0 0 0; }
    HistoryScreen #adherence { padding: 0 1; }
    HistoryScreen #charts-box { padding: 0 1; scrollbar-gutter: stable; }   /* charts drawn once, not again as the bar comes */
    HistoryScreen #charts-status { height: auto; min-height: 1; }
    HistoryScreen #charts-box ChartView { margin: 1 0 0 0; }
    """

    BINDINGS = [
        Binding("b,escape", "app.pop_screen", "Back"),
        # the tabs' own labels name their keys, so the footer keeps its room for the rest
        Binding("1,h", "show_tab('sessions')", "Sessions", show=False),   # h: the app's History key, here its first tab
        Binding("2", "show_tab('trends')", "Trends", show=False),
        Binding("3", "show_tab('weeks')", "Weeks", show=False),
        Binding("4", "show_tab('charts')", "Charts", show=False),
    ]

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.summaries = state.index.summaries   # oldest first; a summary is decoded only when read
        self.progress: dict[str, ExerciseProgress] = {}
        self.read: set[str] = set()               # the tabs whose reading has begun

    def newest(self, row: int) -> SessionSummary:
        """The session on a row of the table, the newest on row 0."""
        return self.summaries[len(self.summaries) - 1 - row]

    def compose(self) -> ComposeResult:
        yield TabStrip(TABS, "sessions")
        # the other tabs are added when first shown: the first paint lays out the Sessions tab only
        with ContentSwitcher(initial="sessions"):
            with Vertical(id="sessions"):
                yield RowTable(id="sessions-table")
                with VerticalScroll(id="session-detail"):
                    yield Static(Text("No sessions yet." if not self.summaries else ""), id="detail-text")
        yield FittedFooter()

    def tab_content(self, tab: str) -> Widget:
        """What a tab other than Sessions holds, made when the tab is first shown."""
        if tab == "trends":
            return Horizontal(OptionList(id="exercise-list"),
                              Vertical(Static(Text("Choose an exercise to see its trend."), id="trend-text"),
                                       ChartView("", id="trend-chart"), id="trend"))
        if tab == "weeks":
            return VerticalScroll(Static(self._adherence()), id="adherence")
        return VerticalScroll(Static(Text(READING), id="charts-status"), id="charts-box")

    async def fill_tab(self, tab: str) -> None:
        """Add a tab's content the first time it is shown."""
        switcher = self.query_one(ContentSwitcher)
        if not switcher.query_children(f"#{tab}"):
            await switcher.add_content(Vertical(self.tab_content(tab), id=tab))

    def _adherence(self) -> Text:
        counts = sessions_per_week(self.state.index.summaries, ADHERENCE_WEEKS, self.state.today)
        return adherence_text(counts, self._target(), self.state.today)

    def _target(self) -> int:
        plan = self.state.plan
        return plan.sessions_per_week if plan else 2

    def on_mount(self) -> None:
        table = self.query_one("#sessions-table", RowTable)
        unit = self.state.config.units
        newest_done = [work_done(self.newest(row), unit) for row in range(min(FIGURE_SESSIONS, len(self.summaries)))]
        figures = work_figures(newest_done)
        headings = ("Date", "Session", "Time", "Sets", *(work_heading(f, unit) for f in figures), "Avg RPE")

        def row_cells(row: int) -> tuple[str, ...]:
            summary = self.newest(row)
            return session_row(summary, newest_done[row] if row < len(newest_done) else work_done(summary, unit), figures)

        # every session is in the table; a row is formatted (its summary decoded) only when it is first shown
        table.show_rows(headings, len(self.summaries), row_cells)
        table.focus()

    def read_tab(self, tab: str) -> None:
        """Start reading what a tab shows the first time it is shown: the Trends list, or the charts."""
        if tab in self.read or tab not in ("trends", "charts"):
            return
        self.read.add(tab)
        # the worker starts once the tab is painted: it would otherwise share the interpreter with the painting
        if tab == "trends":   # the loading state sits beside the list, which keeps the focus for when it fills
            self.query_one("#trend", Vertical).loading = True
            self.call_after_refresh(self.read_progress)
        else:
            self.query_one("#charts-status", Static).loading = True
            self.call_after_refresh(self.read_charts)

    @work(thread=True, exclusive=True, group="trends")
    def read_progress(self) -> list[ExerciseProgress]:
        """Every exercise's trend and heaviest sets, in one walk of the history, off the UI thread."""
        return every_exercise_progress(self.summaries, self.state.config.units, self.state.library)

    @work(thread=True, exclusive=True, group="charts")
    def read_charts(self) -> list[Chart]:
        """Sessions per week against the target and work per month, off the UI thread."""
        today, unit = self.state.today, self.state.config.units
        return [weekly_sessions_chart(sessions_per_week(self.summaries, CHART_WEEKS, today), self._target()),
                *monthly_charts(work_per_month(self.summaries, CHART_MONTHS, today, unit), unit)]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.SUCCESS or (result := event.worker.result) is None:
            return
        if event.worker.group == "detail":
            row, detail = result
            if row == self.query_one("#sessions-table", RowTable).cursor_row:   # the cursor has not moved on
                self.query_one("#detail-text", Static).update(detail)
        elif event.worker.group == "trends":
            self.show_exercises(result)
        elif event.worker.group == "charts":
            self.show_charts(result)

    def show_exercises(self, progress: list[ExerciseProgress]) -> None:
        """The exercises in the Trends list, the first one's trend shown at once."""
        self.progress = {one.exercise_id: one for one in progress}
        exercises = self.query_one("#exercise-list", OptionList)
        exercises.add_options(Option(literal(one.name), id=one.exercise_id) for one in progress)
        self.query_one("#trend", Vertical).loading = False
        if exercises.option_count:
            exercises.highlighted = 0

    def show_charts(self, charts: list[Chart]) -> None:
        """Each chart with its numbers in words under it."""
        box = self.query_one("#charts-box", VerticalScroll)
        status = self.query_one("#charts-status", Static)
        status.loading = False
        status.update(Text("" if self.summaries else "No sessions yet: the charts fill in as you train."))
        views = []
        for number, chart in enumerate(charts if self.summaries else []):
            view = ChartView("", id=f"chart-{number}")
            views += [view, Static(words_text(chart), id=f"chart-{number}-words")]
            view.chart = chart
        box.mount_all(views)

    async def action_show_tab(self, tab: str) -> None:
        """Switch tab by number, so no mouse is needed; the tab's content takes the focus."""
        await self.show_tab(tab, focus=True)

    async def show_tab(self, tab: str, focus: bool = False) -> None:
        """Show a tab, filled and its reading begun the first time, and with `focus` focus its content.

        One update, drawn in one frame: a frame drawn part way through (the content mounted, the tab not yet shown
        nor its content focused) left the rest to Textual's next frame, up to a sixtieth of a second later."""
        with self.app.batch_update():
            await self.fill_tab(tab)
            self.read_tab(tab)
            self.query_one(ContentSwitcher).current = tab
            self.query_one(TabStrip).active = tab
            if focus:
                self.query_one(FOCUS[tab]).focus()

    async def on_tab_strip_chosen(self, event: TabStrip.Chosen) -> None:
        """A tab clicked, or stepped to with the arrow keys: the tabs keep the focus, as Textual's do."""
        await self.show_tab(event.tab)

    def on_row_table_row_highlighted(self, event: RowTable.RowHighlighted) -> None:
        # read once the cursor is painted: the first paint does not wait on a file, nor a held key on each row's
        self.call_after_refresh(self.show_detail, event.row_table, event.cursor_row)

    def show_detail(self, table: RowTable, row: int) -> None:
        """Read the session on the row for the detail pane, unless the cursor has moved on since."""
        if row == table.cursor_row:
            self.read_detail(row)

    @work(thread=True, exclusive=True, group="detail")
    def read_detail(self, row: int) -> tuple[int, Text]:
        """A session's detail from its file, off the UI thread; a broken file gives its problems instead."""
        log, problems = self.state.load_session(self.newest(row))
        return row, session_detail(log) if log is not None else Text("\n").join(problem_text(p) for p in problems)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        progress = self.progress.get(event.option.id or "")
        if progress is None:
            return
        self.query_one("#trend-text", Static).update(progress_text(progress))
        self.query_one("#trend-chart", ChartView).show(exercise_chart(progress))
