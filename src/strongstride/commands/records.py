"""Personal records and the progress of one exercise, read from the history index alone (no session file opened)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from strongstride.model.units import Unit, convert
from strongstride.store.index import ExerciseSummary, SessionSummary, chronological


def session_day(summary: SessionSummary) -> date:
    """The day a session was trained, on the local clock."""
    return chronological(summary.started_at).date()


def in_unit(load: float, session_unit: str, unit: Unit) -> float:
    """A load (or e1RM) of a session, in the unit the runner reads."""
    return convert(load, cast(Unit, session_unit), unit)


def rounded(value: float) -> str:
    """A number as a lifter reads it: at most one decimal, thousands grouped (62.5, 100, 12,340)."""
    return f"{round(value, 1):,.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Record:
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
    heaviest_for_reps: dict[int, Record] = field(default_factory=dict)
    best_e1rm: Record | None = None
    longest_hold: Record | None = None
    most_bodyweight_reps: Record | None = None

    def add(self, exercise: ExerciseSummary, session_unit: str, unit: Unit, on: date) -> None:
        """Fold one session's work sets of this exercise into the records."""
        self.name = exercise.name or self.name
        if exercise.best_e1rm is not None:
            self.best_e1rm = _better(self.best_e1rm, in_unit(exercise.best_e1rm, session_unit, unit), on)
        for reps, load, _rpe, hold in exercise.last_sets:
            if hold is not None:
                self.longest_hold = _better(self.longest_hold, hold, on)
            if not reps:
                continue
            if load:
                self.heaviest_for_reps[reps] = _better(self.heaviest_for_reps.get(reps), in_unit(load, session_unit, unit), on)
            else:
                self.most_bodyweight_reps = _better(self.most_bodyweight_reps, reps, on)


def personal_records(summaries: Iterable[SessionSummary], unit: Unit) -> dict[str, ExerciseRecords]:
    """Every exercise's records over the sessions given oldest first, loads in `unit`."""
    records: dict[str, ExerciseRecords] = {}
    for summary in summaries:
        on = session_day(summary)
        for exercise in summary.exercises.values():
            mine = records.setdefault(exercise.exercise_id, ExerciseRecords(exercise.exercise_id, exercise.name))
            mine.add(exercise, summary.unit, unit, on)
    return records


@dataclass(frozen=True)
class Trend:
    """How one measure of an exercise moved over sessions, oldest first: e1RM, else longest hold, else most reps."""

    measure: str
    unit: str
    values: tuple[float, ...]

    def describe(self) -> str:
        """E.g. `e1RM 52.5 -> 61 kg (+8.5 kg, +16%) over 20 sessions`."""
        first, last = round(self.values[0], 1), round(self.values[-1], 1)   # the change adds up as printed
        if len(self.values) == 1:
            return f"{self.measure} {rounded(last)} {self.unit} (one session)"
        change = f"{'+' if last >= first else '-'}{rounded(abs(last - first))} {self.unit}"
        if first > 0:
            change += f", {(last - first) / first:+.0%}"
        return f"{self.measure} {rounded(first)} -> {rounded(last)} {self.unit} ({change}) over {len(self.values)} sessions"


def exercise_trend(sessions: Sequence[tuple[str, ExerciseSummary]], unit: Unit) -> Trend | None:
    """The trend of the best measure the sessions have, given as (session unit, exercise) oldest first."""
    e1rms = [in_unit(e.best_e1rm, session_unit, unit) for session_unit, e in sessions if e.best_e1rm is not None]
    if e1rms:
        return Trend("e1RM", unit, tuple(e1rms))
    holds = [float(e.longest_hold) for _, e in sessions if e.longest_hold is not None]
    if holds:
        return Trend("longest hold", "s", tuple(holds))
    reps = [float(e.most_reps) for _, e in sessions if e.most_reps is not None]
    return Trend("most reps", "reps", tuple(reps)) if reps else None
