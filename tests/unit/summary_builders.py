"""Index summaries of sessions made from a few sets, the way the index makes them, for tests of records and charts."""

from __future__ import annotations

from datetime import date, datetime

from strongstride.model.log import SessionLog, SetLog
from strongstride.model.session_summary import SessionSummary, summarise_session

Done = tuple[str, int | None, float | None, float | None, int | None]   # (exercise, reps, load, rpe, hold)


def summary(day: date, *sets: Done, unit: str = "kg", warmups: tuple[Done, ...] = ()) -> SessionSummary:
    """A session's index summary, made the way the index makes it."""
    started = datetime(day.year, day.month, day.day, 18, 0)
    logs = [
        SetLog(exercise_id=exercise, set_number=number, at=started, unit=unit, kind=kind, exercise_name=exercise.title(),
               reps=reps, load=load, rpe=rpe, hold_seconds=hold)
        for kind, group in (("warmup", warmups), ("work", sets))
        for number, (exercise, reps, load, rpe, hold) in enumerate(group, start=1)
    ]
    log = SessionLog(id=f"{day}_p_A", plan_id="p", session_id="A", started_at=started, unit=unit, sets=tuple(logs))
    return summarise_session(log, f"/history/{day}.toml")
