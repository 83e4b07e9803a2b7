"""What the history index keeps of one session without its file: what was logged, set by set, and its plain sums.

Only stored facts and arithmetic on them live here (counts, volume, heaviest load, longest hold):
anything a coaching formula derives, such as an e1RM, is worked out when read (services/records.py),
so the index's cache never holds a value a changed formula would make wrong. Summaries are kept in
the cache as compact JSON lists (fields in the order below) and decoded only when read.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from strongstride.model.units import Unit, clean, convert

if TYPE_CHECKING:   # a summary is read from the index far more often than one is made from a session
    from strongstride.model.log import SessionLog, SetLog

SetSummary = tuple[int | None, float | None, float | None, int | None]   # (reps, load, rpe, hold)


class ExerciseSummary(NamedTuple):
    """One exercise's work sets in one session: its plain bests and each set, loads in the session's unit."""

    exercise_id: str
    name: str
    work_sets: int
    best_load: float | None
    best_load_reps: int | None
    longest_hold: int | None
    most_reps: int | None
    last_sets: tuple[SetSummary, ...]


class SessionSummary(NamedTuple):
    """What the home screen and the history commands show of one session, without its file."""

    id: str
    path: str
    started_at: datetime
    finished_at: datetime | None
    plan_id: str
    plan_name: str
    session_id: str
    session_name: str
    source: str
    unit: str
    work_sets: int
    volume: float
    average_rpe: float | None
    exercises: dict[str, ExerciseSummary]


# -- summarising a session ----------------------------------------------------------------

def summarise_session(log: SessionLog, path: Path | str) -> SessionSummary:
    """A session's summary: warm-up and skipped sets never count, loads converted to its unit."""
    by_exercise: dict[str, list[SetLog]] = {}
    for s in log.work_sets:
        by_exercise.setdefault(s.exercise_id, []).append(s)
    exercises = {exercise_id: _summarise_exercise(sets, log.unit) for exercise_id, sets in by_exercise.items()}
    volume = sum(_load_in(s, log.unit) * s.reps for s in log.work_sets if s.load is not None and s.reps is not None)
    return SessionSummary(
        id=log.id, path=str(path), started_at=log.started_at, finished_at=log.finished_at,
        plan_id=log.plan_id, plan_name=log.plan_name, session_id=log.session_id,
        session_name=log.session_name, source=log.source, unit=log.unit,
        work_sets=len(log.work_sets), volume=clean(volume), average_rpe=log.average_rpe,
        exercises=exercises,
    )


def _load_in(s: SetLog, unit: Unit) -> float:
    return clean(convert(s.load, s.unit, unit)) if s.load is not None else 0.0


def _summarise_exercise(sets: list[SetLog], unit: Unit) -> ExerciseSummary:
    heaviest = max((s for s in sets if s.load is not None), key=lambda s: (_load_in(s, unit), s.reps or 0), default=None)
    holds = [s.hold_seconds for s in sets if s.hold_seconds is not None]
    reps = [s.reps for s in sets if s.reps is not None]
    return ExerciseSummary(
        exercise_id=sets[0].exercise_id,
        name=next((s.exercise_name for s in sets if s.exercise_name), ""),
        work_sets=len(sets),
        best_load=_load_in(heaviest, unit) if heaviest else None,
        best_load_reps=heaviest.reps if heaviest else None,
        longest_hold=max(holds, default=None),
        most_reps=max(reps, default=None),
        last_sets=tuple((s.reps, _load_in(s, unit) if s.load is not None else None, s.rpe, s.hold_seconds)
                        for s in sets),
    )


def summary_to_json(summary: SessionSummary) -> list[Any]:
    """The summary as the cache keeps it."""
    return [
        summary.id, summary.started_at.isoformat(),
        summary.finished_at.isoformat() if summary.finished_at else None,
        summary.plan_id, summary.plan_name, summary.session_id, summary.session_name, summary.source,
        summary.unit, summary.work_sets, summary.volume, summary.average_rpe,
        [
            [e.exercise_id, e.name, e.work_sets, e.best_load, e.best_load_reps,
             e.longest_hold, e.most_reps, e.last_sets]
            for e in summary.exercises.values()
        ],
    ]


def summary_from_json(raw: list[Any], path: str) -> SessionSummary:
    """A summary from the cache; ValueError, KeyError, TypeError or IndexError when it is damaged."""
    (uid, started_at, finished_at, plan_id, plan_name, session_id, session_name, source, unit,
     work_sets, volume, average_rpe, exercises) = raw
    return SessionSummary(
        id=uid, path=path, started_at=datetime.fromisoformat(started_at),
        finished_at=datetime.fromisoformat(finished_at) if finished_at is not None else None,
        plan_id=plan_id, plan_name=plan_name, session_id=session_id, session_name=session_name,
        source=source, unit=unit, work_sets=work_sets, volume=volume, average_rpe=average_rpe,
        exercises={item[0]: _exercise_from_json(item) for item in exercises},
    )


def _exercise_from_json(item: list[Any]) -> ExerciseSummary:
    exercise_id, name, work_sets, best_load, best_load_reps, longest_hold, most_reps, last_sets = item
    return ExerciseSummary(exercise_id, name, work_sets, best_load, best_load_reps, longest_hold, most_reps,
                           last_sets=tuple(map(tuple, last_sets)))
