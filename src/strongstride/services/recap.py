"""What a finished session adds up to, against the runner's past: best sets, e1RM change, records.

Plain data and arithmetic over the history index's summaries; the records are those of
services/records.py, the same `stats` and the History screen show. The summary screen only shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from strongstride.model.log import SessionLog
from strongstride.model.moments import chronological
from strongstride.model.units import Unit, clean, format_load
from strongstride.services.records import (
    ExerciseRecords, add_sessions, amount, best_e1rm, in_unit, records_set, session_day,
)
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


def recap_exercise(now: ExerciseSummary, before: ExerciseRecords | None, last: SessionSummary | None, unit: Unit,
                   on: date) -> ExerciseRecap:
    """One exercise's work today against its records so far and the last session of it."""
    after = (before or ExerciseRecords(now.exercise_id, now.name, unit)).with_session(now, 1.0, on)
    last_e1rm = best_e1rm(last.exercises[now.exercise_id]) if last is not None else None
    return ExerciseRecap(
        name=now.name, work_sets=now.work_sets, best_set=best_set_words(now, unit), e1rm=best_e1rm(now),
        e1rm_before=clean(in_unit(last_e1rm, last.unit, unit)) if last is not None and last_e1rm is not None else None,
        records=tuple(f"{what} {amount(record, label)}" for what, record, label in records_set(before, after)),
    )


def recap_session(log: SessionLog, past: Sequence[SessionSummary], ended_at_seconds: float | None = None) -> SessionRecap:
    """The session against its history (`past`, oldest first; the session itself is left out)."""
    today = summarise_session(log, "")
    earlier = [s for s in past if s.id != log.id and chronological(s.started_at) <= chronological(log.started_at)]
    before = add_sessions({}, earlier, log.unit)
    last = {exercise_id: s for s in earlier for exercise_id in s.exercises}   # the latest session of each
    on = session_day(today)
    targets = [s.target_rpe for s in log.work_sets if s.target_rpe is not None]
    duration = log.duration_seconds if log.duration_seconds is not None else ended_at_seconds or 0.0
    return SessionRecap(
        duration_seconds=duration, work_sets=today.work_sets, volume=today.volume, unit=log.unit,
        average_rpe=today.average_rpe, target_rpe=sum(targets) / len(targets) if targets else None,
        exercises=tuple(recap_exercise(e, before.get(e.exercise_id), last.get(e.exercise_id), log.unit, on)
                        for e in today.exercises.values()),
    )
