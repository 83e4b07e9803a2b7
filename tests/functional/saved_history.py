"""History files for command tests, saved where the test's folders fixture points strongstride."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from strongstride.model.log import SessionLog, SetLog
from strongstride.store.history import HistoryStore, new_session_id

Done = tuple[str, int | None, float | None, float | None, int | None]   # (exercise, reps, load, rpe, hold)
SQUATS: tuple[Done, ...] = (("back_squat", 8, 60.0, 8.0, None), ("back_squat", 8, 60.0, 9.0, None))


def save_session(folders: Path, started_at: datetime, sets: tuple[Done, ...] = SQUATS, unit: str = "kg",
                 session_name: str = "Strength A") -> Path:
    logs = tuple(
        SetLog(exercise_id=exercise, set_number=number, at=started_at + timedelta(minutes=3 * number), unit=unit,
               exercise_name=exercise.replace("_", " ").capitalize(), reps=reps, load=load, rpe=rpe, hold_seconds=hold)
        for number, (exercise, reps, load, rpe, hold) in enumerate(sets, start=1)
    )
    log = SessionLog(id=new_session_id(started_at, "runner-foundation", "A"), plan_id="runner-foundation",
                     session_id="A", started_at=started_at, plan_name="Runner foundation", session_name=session_name,
                     unit=unit, sets=logs)
    return HistoryStore(folders / "data", folders / "cache").save(log)
