"""History: every session in a table with its detail, each exercise's trend, and the weeks against the target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    OptionList,
    Sparkline,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from strongstride.services.records import Trend, WeekCount, adherence_line, exercise_name, exercise_trend, sessions_per_week
from strongstride.model.calendar import week_start
from strongstride.model.exercise import Exercise
from strongstride.model.log import ActivityLog, SessionLog, SetLog
from strongstride.model.moments import seconds_between
from strongstride.model.units import clean
from strongstride.model.visible_text import literal, visible
from strongstride.model.session_summary import SessionSummary
from strongstride.tui.startup import AppState
from strongstride.tui.widgets.problem_view import problem_text

ADHERENCE_WEEKS = 8
ROWS_PER_PAGE = 100   # sessions put in the table at a time, newest first: years of them would take seconds
PAGE_AHEAD = 10       # the next page comes when the cursor is this close to the last row
SESSION_COLUMNS = ("Date", "Session", "Time", "Sets", "Volume", "Avg RPE")


def duration_text(summary: SessionSummary) -> str:
    """Minutes from start to finish, or a dash for an unfinished or imported session without one."""
    if summary.finished_at is None:
        return "-"
    minutes = round(seconds_between(summary.started_at, summary.finished_at) / 60)
    return f"{minutes} min"


def session_row(summary: SessionSummary) -> tuple[Text, ...]:
    """One table row, every cell literal text."""
    rpe = f"{summary.average_rpe:.1f}" if summary.average_rpe is not None else "-"
    volume = f"{summary.volume:,.0f} {summary.unit}" if summary.volume else "-"
    cells = (f"{summary.started_at:%a %d %b %Y}", summary.session_name or summary.session_id,
             duration_text(summary), str(summary.work_sets), volume, rpe)
    return tuple(literal(cell) for cell in cells)


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


def logged_name(summaries: Sequence[SessionSummary], exercise_id: str, library: Mapping[str, Exercise]) -> str:
    """The library's name for the exercise, else the name it was last logged under."""
    logged = next((s.exercises[exercise_id].name for s in reversed(summaries)
                   if exercise_id in s.exercises and s.exercises[exercise_id].name), "")
    return exercise_name(exercise_id, logged, library)


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


def exercises_done(summaries: Sequence[SessionSummary], library: Mapping[str, Exercise]) -> list[tuple[str, str]]:
    """Every exercise in the history as (id, name), by name."""
    logged: dict[str, str] = {}
    for summary in summaries:
        for exercise_id, exercise in summary.exercises.items():
            logged[exercise_id] = exercise.name or logged.get(exercise_id, "")
    names = {exercise_id: exercise_name(exercise_id, name, library) for exercise_id, name in logged.items()}
    return sorted(names.items(), key=lambda item: item[1].lower())


def adherence_text(counts: Sequence[WeekCount], target: int, today: date) -> Text:
    """Each week's sessions against the target, with boxes and numbers and a word when it was met."""
    text = Text(f"Target: {target} session{'s' if target != 1 else ''} a week", style="bold")
    for monday, done in ((week.start, week.sessions) for week in counts):
        boxes = "■" * min(done, target) + "□" * max(0, target - done) + ("+" * max(0, done - target))
        verdict = "met" if done >= target else ("this week" if monday == week_start(today) else "short")
        text.append(f"\nWeek of {monday:%d %b}  {boxes:<8} {done} of {target}  {verdict}")
    text.append(f"\n{adherence_line(counts, target)}")
    return text


class HistoryScreen(Screen[None]):
    """Past sessions (1), exercise trends (2) and weekly adherence (3); b goes back home."""

    DEFAULT_CSS = """
    HistoryScreen #sessions-table { height: 1fr; }
    HistoryScreen #session-detail { height: 8; border: round $secondary; padding: 0 1; }
    HistoryScreen #exercise-list { width: 28; height: 1fr; border: round $secondary; }
    HistoryScreen #exercise-list:focus { border: heavy $accent; }
    HistoryScreen #trend { width: 1fr; padding: 0 1; }
    HistoryScreen #trend-chart { height: 5; margin: 1 0; }
    HistoryScreen #adherence { padding: 0 1; }
    """

    BINDINGS = [
        Binding("b,escape", "app.pop_screen", "Back"),
        Binding("1", "show_tab('sessions')", "Sessions"),
        Binding("2", "show_tab('trends')", "Trends"),
        Binding("3", "show_tab('weeks')", "Weeks"),
    ]

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.summaries = state.index.summaries   # oldest first; a summary is decoded only when read
        self.exercises_listed = False

    def newest(self, row: int) -> SessionSummary:
        """The session on a row of the table, the newest on row 0."""
        return self.summaries[len(self.summaries) - 1 - row]

    def compose(self) -> ComposeResult:
        with TabbedContent(initial="sessions"):
            with TabPane("1 Sessions", id="sessions"):
                yield DataTable(id="sessions-table", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="session-detail"):
                    yield Static(Text("No sessions yet." if not self.summaries else ""), id="detail-text")
            with TabPane("2 Trends", id="trends"), Horizontal():
                yield OptionList(id="exercise-list")
                with Vertical(id="trend"):
                    yield Static(Text("Choose an exercise to see its trend."), id="trend-text")
                    yield Sparkline([], id="trend-chart")
            with TabPane("3 Weeks", id="weeks"), VerticalScroll(id="adherence"):
                yield Static(self._adherence())
        yield Footer()

    def _adherence(self) -> Text:
        plan = self.state.plan
        target = plan.sessions_per_week if plan else 2
        counts = sessions_per_week(self.state.index.summaries, ADHERENCE_WEEKS, self.state.today)
        return adherence_text(counts, target, self.state.today)

    def on_mount(self) -> None:
        table = self.query_one("#sessions-table", DataTable)
        table.add_columns(*SESSION_COLUMNS)
        self.add_page(table)
        table.focus()

    def add_page(self, table: DataTable) -> None:
        """The next ROWS_PER_PAGE older sessions at the foot of the table."""
        for row in range(table.row_count, min(table.row_count + ROWS_PER_PAGE, len(self.summaries))):
            summary = self.newest(row)
            table.add_row(*session_row(summary), key=summary.id)

    def list_exercises(self) -> None:
        """Every exercise in the history, in the Trends list: read the first time that tab is shown."""
        if not self.exercises_listed:
            self.exercises_listed = True
            exercises = self.query_one("#exercise-list", OptionList)
            done = exercises_done(self.summaries, self.state.library)
            exercises.add_options(Option(literal(name), id=exercise_id) for exercise_id, name in done)
            if exercises.option_count:
                exercises.highlighted = 0   # the first exercise's trend shows at once

    def action_show_tab(self, tab: str) -> None:
        """Switch tab by number, so no mouse is needed."""
        if tab == "trends":
            self.list_exercises()
        self.query_one(TabbedContent).active = tab
        focus = {"sessions": "#sessions-table", "trends": "#exercise-list", "weeks": "#adherence"}[tab]
        self.query_one(focus).focus()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "trends":   # chosen with the mouse
            self.list_exercises()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if not self.summaries:
            return
        if event.cursor_row >= event.data_table.row_count - PAGE_AHEAD:
            self.add_page(event.data_table)
        summary = self.newest(event.cursor_row)
        log, problems = self.state.load_session(summary)
        detail = session_detail(log) if log is not None else Text("\n").join(problem_text(p) for p in problems)
        self.query_one("#detail-text", Static).update(detail)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        exercise_id = event.option.id
        if exercise_id is None:
            return
        summaries = self.state.index.summaries
        trend = exercise_trend(summaries, exercise_id, self.state.config.units)
        self.query_one("#trend-text", Static).update(trend_text(logged_name(summaries, exercise_id, self.state.library), trend))
        self.query_one("#trend-chart", Sparkline).data = list(trend.values) if trend else []
