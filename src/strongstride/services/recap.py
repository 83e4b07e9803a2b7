"""What a finished session adds up to, against the runner's past: best sets, e1RM change, records.

Plain data and arithmetic over the history index's summaries; the summary screen only shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from strongstride.model.log import SessionLog
from strongstride.model.moments import chronological
from strongstride.model.units import Unit, clean, convert, format_load
from strongstride.services.records import best_e1rm
from strongstride.model.session_summary import (
    ExerciseSummary,
    SessionSummary,
    summarise_session,
)


@dataclass(frozen=True)
class ExerciseRecap:
    """One exercise of the session: its best set, its e1RM now and last time, and records broken."""

    name: str
    work_sets: int
    best_set: str
    e1rm: float | None
    e1rm_before: float | None
    records: tuple[str, ...]

    @property
    def e1rm_change(self) -> str:
        """ "e1RM 52.3 kg (+1.8)" or "e1RM 52.3 kg (first)", empty for unloaded work."""
        if self.e1rm is None:
            return ""
        if self.e1rm_before is None:
            return f"e1RM {self.e1rm:.1f} (first)"
        return f"e1RM {self.e1rm:.1f} ({self.e1rm - self.e1rm_before:+.1f})"


@dataclass(frozen=True)
class SessionRecap:
    """The session in numbers, as the summary screen shows it."""

    duration_seconds: float
    work_sets: int
    volume: float
    unit: Unit
    average_rpe: float | None
    target_rpe: float | None
    exercises: tuple[ExerciseRecap, ...]

    @property
    def records(self) -> tuple[str, ...]:
        return tuple(f"{e.name}: {record}" for e in self.exercises for record in e.records)


def best_set_words(summary: ExerciseSummary, unit: Unit) -> str:
    """The session's best set of one exercise: the heaviest load, the longest hold or the most reps."""
    if summary.best_load is not None:
        return f"{format_load(summary.best_load, unit)} x {summary.best_load_reps}"
    if summary.longest_hold is not None:
        return f"{summary.longest_hold} s hold"
    return f"{summary.most_reps} reps"


def _in_unit(value: float | None, from_unit: str, unit: Unit) -> float | None:
    return None if value is None else clean(convert(value, from_unit, unit))  # type: ignore[arg-type]


def _best_before(
    past: Sequence[SessionSummary], exercise_id: str, unit: Unit, field: Callable[[ExerciseSummary], float | None],
    weighed: bool,
) -> float | None:
    values = [
        _in_unit(value, s.unit, unit) if weighed else value
        for s in past
        if exercise_id in s.exercises and (value := field(s.exercises[exercise_id])) is not None
    ]
    return max(values, default=None)


# (record, how it is read from a summary, whether it is a weight in the session's unit, how it reads)
RECORD_KINDS: tuple[tuple[str, Callable[[ExerciseSummary], float | None], bool, str], ...] = (
    ("best estimated 1RM", best_e1rm, True, "{value:.1f} {unit}"),
    ("heaviest load", lambda e: e.best_load, True, "{value:g} {unit}"),
    ("most reps", lambda e: e.most_reps, False, "{value:g}"),
    ("longest hold", lambda e: e.longest_hold, False, "{value:g} s"),
)


def recap_exercise(now: ExerciseSummary, past: Sequence[SessionSummary], unit: Unit) -> ExerciseRecap:
    """Compare one exercise's work today with every earlier session of it."""
    before = [s for s in past if now.exercise_id in s.exercises]
    last = before[-1] if before else None
    records = []
    for label, field, weighed, shape in RECORD_KINDS:
        value, best = field(now), _best_before(before, now.exercise_id, unit, field, weighed)
        if value is not None and best is not None and value > best + 1e-9:
            records.append(f"{label} {shape.format(value=value, unit=unit)}")
    return ExerciseRecap(
        name=now.name, work_sets=now.work_sets, best_set=best_set_words(now, unit), e1rm=best_e1rm(now),
        e1rm_before=_in_unit(best_e1rm(last.exercises[now.exercise_id]), last.unit, unit) if last else None,
        records=tuple(records),
    )


def recap_session(log: SessionLog, past: Sequence[SessionSummary], ended_at_seconds: float | None = None) -> SessionRecap:
    """The session against its history (`past`, oldest first; the session itself is left out)."""
    today = summarise_session(log, "")
    earlier = [s for s in past if s.id != log.id and chronological(s.started_at) <= chronological(log.started_at)]
    targets = [s.target_rpe for s in log.work_sets if s.target_rpe is not None]
    duration = log.duration_seconds if log.duration_seconds is not None else ended_at_seconds or 0.0
    return SessionRecap(
        duration_seconds=duration, work_sets=today.work_sets, volume=today.volume, unit=log.unit,
        average_rpe=today.average_rpe, target_rpe=sum(targets) / len(targets) if targets else None,
        exercises=tuple(recap_exercise(e, earlier, log.unit) for e in today.exercises.values()),
    )
