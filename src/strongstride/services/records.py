"""Personal records and trends, the one definition the summary screen, the History screen, `history` and `stats` share.

Read from the history index alone (no session file opened): each exercise's records (best e1RM,
heaviest load for each rep count, longest hold, most reps at bodyweight), the records a session set,
the trend of one exercise, sessions per week and volume per month, all in the runner's unit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from strongstride.model.calendar import month_start, week_start
from strongstride.engine import rpe
from strongstride.model.units import Unit, clean, convert
from strongstride.services.formula_version import formula_version
from strongstride.store.index import HistoryIndex
from strongstride.model.moments import chronological
from strongstride.model.session_summary import ExerciseSummary, SessionSummary

if TYPE_CHECKING:
    from strongstride.model.exercise import Exercise
    from strongstride.store.history import HistoryStore

EMPTY_HISTORY = "No sessions yet: train one in the app (run `strongstride`) or bring some in with `strongstride import`."
RECORDS_CACHE = "records"
RECORDS_CACHE_VERSION = 2   # the layout of records.json; the formulas it depends on are fingerprinted beside it


def session_day(summary: SessionSummary) -> date:
    """The day a session was trained, on the local clock."""
    return chronological(summary.started_at).date()


def sessions_since(summaries: Sequence[SessionSummary], first: date) -> Sequence[SessionSummary]:
    """The sessions on or after `first`, oldest first, reading back from the newest only as far as needed."""
    start = len(summaries)
    while start > 0 and session_day(summaries[start - 1]) >= first:
        start -= 1
    return summaries[start:]


def in_unit(load: float, session_unit: str, unit: Unit) -> float:
    """A load (or e1RM) of a session, in the unit the runner reads."""
    return convert(load, cast(Unit, session_unit), unit)


def best_e1rm(exercise: ExerciseSummary) -> float | None:
    """The session's best estimated 1RM of one exercise, in the session's unit, worked out from its sets when read."""
    estimates = [estimate for reps, load, rpe_logged, _hold in exercise.last_sets
                 if (estimate := rpe.estimate_1rm_from_set(load or None, reps, rpe_logged)) is not None]
    return clean(max(estimates)) if estimates else None


def records_formulas() -> str:
    """The version of every formula the all-time records depend on: the e1RM and how records are kept."""
    return formula_version(rpe, sys.modules[__name__])


def exercise_name(exercise_id: str, logged: str, library: Mapping[str, Exercise]) -> str:
    """The library's name for an exercise it knows, else the name it was logged under (an import's own)."""
    return library[exercise_id].name if exercise_id in library else logged or exercise_id


def rounded(value: float) -> str:
    """A number as a lifter reads it: at most one decimal, thousands grouped (62.5, 100, 12,340)."""
    return f"{round(value, 1):,.1f}".rstrip("0").rstrip(".")


class Record(NamedTuple):
    """One best: a load or e1RM (in the runner's unit), seconds or reps, and the day it was first reached."""

    value: float
    on: date


def _better(current: Record | None, value: float, on: date) -> Record:
    """The new record if it beats the current one; a tie keeps the day the best was first reached."""
    return Record(value, on) if current is None or value > current.value else current


@dataclass
class ExerciseRecords:
    """An exercise's bests: heaviest load for each rep count, best e1RM, longest hold, most reps at bodyweight."""

    exercise_id: str
    name: str
    unit: str
    heaviest_for_reps: dict[int, Record] = field(default_factory=dict)
    best_e1rm: Record | None = None
    longest_hold: Record | None = None
    most_bodyweight_reps: Record | None = None

    def add(self, exercise: ExerciseSummary, scale: float, on: date) -> None:
        """Fold one session's work sets of this exercise into the records; `scale` turns its loads into the runner's unit."""
        self.name = exercise.name or self.name
        e1rm = best_e1rm(exercise)
        if e1rm is not None:
            self.best_e1rm = _better(self.best_e1rm, e1rm * scale, on)
        if exercise.longest_hold is not None:
            self.longest_hold = _better(self.longest_hold, exercise.longest_hold, on)
        heaviest = self.heaviest_for_reps
        for reps, load, _rpe, _hold in exercise.last_sets:
            if not reps:
                continue
            if load:
                best = heaviest.get(reps)
                if best is None or load * scale > best.value:
                    heaviest[reps] = Record(load * scale, on)
            else:
                self.most_bodyweight_reps = _better(self.most_bodyweight_reps, reps, on)

    def with_session(self, exercise: ExerciseSummary, scale: float, on: date) -> ExerciseRecords:
        """The records as they stand after one more session, these left as they were."""
        after = replace(self, heaviest_for_reps=dict(self.heaviest_for_reps))
        after.add(exercise, scale, on)
        return after

    def entries(self) -> list[tuple[str, Record, str]]:
        """Each record as (what, record, what it is counted in): e1RM, heaviest per rep count, longest hold, bodyweight reps."""
        unit = self.unit
        found: list[tuple[str, Record | None, str]] = [("best e1RM", self.best_e1rm, unit)]
        found += [(f"heaviest {reps} rep{'s' if reps != 1 else ''}", record, unit)
                  for reps, record in sorted(self.heaviest_for_reps.items())]
        found += [("longest hold", self.longest_hold, "s"), ("most reps at bodyweight", self.most_bodyweight_reps, "reps")]
        return [(what, record, label) for what, record, label in found if record is not None]


def records_set(before: ExerciseRecords | None, after: ExerciseRecords) -> list[tuple[str, Record, str]]:
    """The records one session set: those it changed of an exercise done before it (a first session sets none)."""
    if before is None:
        return []
    kept = before.entries()
    return [entry for entry in after.entries() if entry not in kept]


def amount(record: Record, label: str) -> str:
    """A record's value as it is shown everywhere: `102.5 kg`, `45 s`, `12 reps`."""
    return f"{rounded(record.value)} {label}"


def add_sessions(records: dict[str, ExerciseRecords], summaries: Iterable[SessionSummary],
                 unit: Unit) -> dict[str, ExerciseRecords]:
    """Fold later sessions (oldest first) into records kept so far: the same as computing them all at once."""
    for summary in summaries:
        on = session_day(summary)
        scale = in_unit(1.0, summary.unit, unit)
        for exercise_id, exercise in summary.exercises.items():
            mine = records.get(exercise_id)
            if mine is None:
                mine = records[exercise_id] = ExerciseRecords(exercise_id, exercise.name, unit)
            mine.add(exercise, scale, on)
    return records


def all_time_records(index: HistoryIndex, unit: Unit, store: HistoryStore) -> dict[str, ExerciseRecords]:
    """Every exercise's records over the whole history, from a cache extended by only the sessions added since.

    The cache is reused while the files of the sessions it covers are unchanged (the index's fingerprint);
    a new session is folded in; any other change (an edit, a delete, an older import) recounts everything.
    """
    summaries = index.summaries
    cached = _cached_records(store.load_derived(RECORDS_CACHE), index, unit)
    records, counted = cached if cached is not None else ({}, 0)
    if counted == len(summaries) and cached is not None:
        return records
    add_sessions(records, summaries[counted:], unit)
    store.save_derived(RECORDS_CACHE, {
        "version": RECORDS_CACHE_VERSION, "formulas": records_formulas(), "unit": unit, "sessions": len(summaries),
        "fingerprint": summaries.fingerprint(len(summaries)),
        "records": [records_to_json(mine) for mine in records.values()],
    })
    return records


def _cached_records(cached: Any, index: HistoryIndex, unit: Unit) -> tuple[dict[str, ExerciseRecords], int] | None:
    """The cached records and how many of the oldest sessions they count; None when they cannot be reused."""
    try:
        counted = cached["sessions"]
        if (cached["version"] != RECORDS_CACHE_VERSION or cached["formulas"] != records_formulas()
                or cached["unit"] != unit or not isinstance(counted, int) or not 0 <= counted <= len(index.summaries)
                or cached["fingerprint"] != index.summaries.fingerprint(counted)):
            return None
        records = [records_from_json(raw, unit) for raw in cached["records"]]
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return {mine.exercise_id: mine for mine in records}, counted


def records_to_json(records: ExerciseRecords) -> list[Any]:
    """[id, name, [[reps, load, day]...], best e1RM, longest hold, most bodyweight reps], each record [value, day]."""
    def record(found: Record | None) -> list[Any] | None:
        return [found.value, found.on.isoformat()] if found is not None else None

    heaviest = [[reps, found.value, found.on.isoformat()] for reps, found in records.heaviest_for_reps.items()]
    return [records.exercise_id, records.name, heaviest, record(records.best_e1rm), record(records.longest_hold),
            record(records.most_bodyweight_reps)]


def records_from_json(raw: list[Any], unit: str) -> ExerciseRecords:
    """An exercise's records as records_to_json wrote them; ValueError, TypeError or IndexError if damaged."""
    def record(found: list[Any] | None) -> Record | None:
        return Record(_number(found[0]), date.fromisoformat(found[1])) if found is not None else None

    exercise_id, name, heaviest, best_e1rm, longest_hold, most_bodyweight_reps = raw
    if not isinstance(exercise_id, str) or not isinstance(name, str):
        raise TypeError("an exercise's id and name must be text")
    return ExerciseRecords(
        exercise_id, name, unit,
        heaviest_for_reps={int(reps): Record(_number(value), date.fromisoformat(on)) for reps, value, on in heaviest},
        best_e1rm=record(best_e1rm), longest_hold=record(longest_hold), most_bodyweight_reps=record(most_bodyweight_reps),
    )


def _number(value: Any) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError(f"a record must be a number, not {value!r}")
    return value


class Trend(NamedTuple):
    """How one measure of an exercise moved over sessions, oldest first: e1RM, else longest hold, else most reps."""

    measure: str
    unit: str
    points: tuple[tuple[date, float], ...]   # (the day of the session, its value)

    @property
    def values(self) -> tuple[float, ...]:
        return tuple(value for _, value in self.points)

    def describe(self) -> str:
        """E.g. `e1RM 52.5 -> 61 kg (+8.5 kg, +16%) over 20 sessions`."""
        first, last = round(self.values[0], 1), round(self.values[-1], 1)   # the change adds up as printed
        if len(self.values) == 1:
            return f"{self.measure} {rounded(last)} {self.unit} (one session)"
        change = f"{'+' if last >= first else '-'}{rounded(abs(last - first))} {self.unit}"
        if first > 0:
            change += f", {(last - first) / first:+.0%}"
        return f"{self.measure} {rounded(first)} -> {rounded(last)} {self.unit} ({change}) over {len(self.values)} sessions"


# (measure, what it is counted in (None: the runner's unit), its value in one session in the session's unit)
TREND_MEASURES: tuple[tuple[str, str | None, Callable[[ExerciseSummary], float | None]], ...] = (
    ("e1RM", None, best_e1rm),
    ("longest hold", "s", lambda e: e.longest_hold),
    ("most reps", "reps", lambda e: e.most_reps),
)


TREND_HEADINGS = {"e1RM": "Best e1RM", "longest hold": "Longest hold", "most reps": "Most reps"}   # a column of one


def session_measure(summary: SessionSummary, exercise: ExerciseSummary, measure: str, unit: Unit) -> float | None:
    """One session's value of a trend measure of one exercise (an e1RM in `unit`); None when it has none."""
    label, value_of = next((label, value_of) for name, label, value_of in TREND_MEASURES if name == measure)
    value = value_of(exercise)
    return None if value is None else in_unit(value, summary.unit, unit) if label is None else float(value)


def _trend_of(found: Sequence[tuple[SessionSummary, ExerciseSummary]], unit: Unit) -> Trend | None:
    """The trend of the first measure in TREND_MEASURES that the sessions of one exercise (oldest first) have."""
    for measure, label, _ in TREND_MEASURES:
        points = tuple((session_day(s), value) for s, e in found
                       if (value := session_measure(s, e, measure, unit)) is not None)
        if points:
            return Trend(measure, label or unit, points)
    return None


def _best_set_of(found: Sequence[tuple[SessionSummary, ExerciseSummary]], unit: Unit) -> Trend | None:
    """The heaviest set of each session with a loaded set (load in `unit`), oldest first; None for unloaded work."""
    points = tuple((session_day(s), in_unit(e.best_load, s.unit, unit)) for s, e in found if e.best_load)
    return Trend("heaviest set", unit, points) if points else None


def exercise_trend(sessions: Sequence[SessionSummary], exercise_id: str, unit: Unit) -> Trend | None:
    """The trend of the best measure the sessions (oldest first) have of one exercise; None when they have none."""
    return _trend_of([(s, s.exercises[exercise_id]) for s in sessions if exercise_id in s.exercises], unit)


class ExerciseProgress(NamedTuple):
    """What the History screen and `stats --plot` draw of one exercise: its trend and its heaviest set over time."""

    exercise_id: str
    name: str
    trend: Trend | None
    best_set: Trend | None


def every_exercise_progress(summaries: Iterable[SessionSummary], unit: Unit,
                            library: Mapping[str, Exercise]) -> list[ExerciseProgress]:
    """Each exercise in the history (by name) with its trend and heaviest sets, in one walk of the sessions."""
    done: dict[str, list[tuple[SessionSummary, ExerciseSummary]]] = {}
    for summary in summaries:
        for exercise_id, exercise in summary.exercises.items():
            done.setdefault(exercise_id, []).append((summary, exercise))
    progress = [
        ExerciseProgress(exercise_id, exercise_name(exercise_id, next((e.name for _, e in reversed(found) if e.name), ""),
                                                    library),
                         _trend_of(found, unit), _best_set_of(found, unit))
        for exercise_id, found in done.items()
    ]
    return sorted(progress, key=lambda one: one.name.casefold())


class WeekCount(NamedTuple):
    """One ISO week (Monday to Sunday) and how many sessions were trained in it."""

    start: date
    sessions: int


def sessions_per_week(summaries: Sequence[SessionSummary], weeks: int, today: date) -> list[WeekCount]:
    """The last `weeks` ISO weeks, oldest first, the current (unfinished) week last; none before the first session's."""
    this_week = week_start(today)
    if summaries:
        weeks = max(1, min(weeks, (this_week - week_start(session_day(summaries[0]))).days // 7 + 1))
    counts = {this_week - timedelta(weeks=back): 0 for back in range(weeks - 1, -1, -1)}
    for summary in sessions_since(summaries, min(counts)):
        start = week_start(session_day(summary))
        if start in counts:
            counts[start] += 1
    return [WeekCount(start, sessions) for start, sessions in counts.items()]


@dataclass(frozen=True)
class WorkDone:
    """What work sets add up to: volume (load x reps, in the runner's unit), reps at bodyweight, seconds held."""

    volume: float = 0.0
    bodyweight_reps: int = 0
    hold_seconds: int = 0

    def __add__(self, other: WorkDone) -> WorkDone:
        return WorkDone(self.volume + other.volume, self.bodyweight_reps + other.bodyweight_reps,
                        self.hold_seconds + other.hold_seconds)


def work_done(summary: SessionSummary, unit: Unit) -> WorkDone:
    """A session's volume in `unit`, its reps of unloaded sets and its seconds held, from its work sets."""
    sets = [one for exercise in summary.exercises.values() for one in exercise.last_sets]
    return WorkDone(in_unit(summary.volume, summary.unit, unit),
                    sum(reps for reps, load, _rpe, _hold in sets if reps and not load),
                    sum(hold for _reps, _load, _rpe, hold in sets if hold))


def work_per_month(summaries: Sequence[SessionSummary], months: int, today: date, unit: Unit) -> list[tuple[date, WorkDone]]:
    """The work done in each of the last `months` months (oldest first, this one last).

    Months before the first session are left out: they were before the runner's history began.
    """
    first = month_start(session_day(summaries[0])) if summaries else month_start(today)
    totals = {month: WorkDone() for back in range(months - 1, -1, -1) if (month := month_start(today, back)) >= first}
    for summary in sessions_since(summaries, min(totals)):
        month = month_start(session_day(summary))
        if month in totals:
            totals[month] += work_done(summary, unit)
    return list(totals.items())


def held_text(seconds: float) -> str:
    """Seconds held as minutes and seconds: 45 s reads `0:45`, an hour `60:00`."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


# (what WorkDone holds, its column heading ({unit}: the runner's unit), the text of one value)
WORK_FIGURES: tuple[tuple[str, str, Callable[[float], str]], ...] = (
    ("volume", "Volume ({unit})", rounded),
    ("bodyweight_reps", "Bodyweight reps", lambda reps: f"{reps:,.0f}"),
    ("hold_seconds", "Held (m:ss)", held_text),
)


def work_figures(done: Iterable[WorkDone]) -> list[str]:
    """The figures of WORK_FIGURES that any of these has: the columns that mean something for this history.

    A bodyweight history has no volume but has reps and holds; a barbell one has volume; a mix has each.
    """
    done = list(done)
    return [figure for figure, _, _ in WORK_FIGURES if any(getattr(one, figure) for one in done)]


def work_heading(figure: str, unit: Unit) -> str:
    """A figure's column heading, e.g. `Volume (kg)`."""
    return next(heading for name, heading, _ in WORK_FIGURES if name == figure).format(unit=unit)


def work_cell(done: WorkDone, figure: str) -> str:
    """One figure of the work done as a table shows it; a dash where there is none."""
    value = getattr(done, figure)
    return next(text(value) for name, _, text in WORK_FIGURES if name == figure) if value else "-"


def adherence_line(weeks: Sequence[WeekCount], target: int) -> str:
    """How many finished weeks met the target, and how the current week is going."""
    finished, current = weeks[:-1], weeks[-1]
    met = sum(week.sessions >= target for week in finished)
    line = f"Target met in {met} of {len(finished)} full weeks" if finished else "No full weeks yet"
    return f"{line}; this week so far: {current.sessions} of {target}."
