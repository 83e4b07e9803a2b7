"""Years of believable training history, written as ordinary history files, for benchmarks and load tests."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

from strongstride.model.log import SessionLog, SetLog
from strongstride.store.history import HistoryStore, new_session_id

SESSIONS_PER_WEEK = 3
WEEKS_PER_YEAR = 52
SESSION_DAYS = (0, 2, 4)             # Monday, Wednesday, Friday
EXERCISES: tuple[tuple[str, str, float], ...] = (   # (id, name, starting load in kg)
    ("back_squat", "Back squat", 40.0),
    ("romanian_deadlift", "Romanian deadlift", 40.0),
    ("split_squat", "Split squat", 8.0),
    ("single_leg_calf_raise", "Single-leg calf raise", 0.0),
    ("hip_thrust", "Hip thrust", 40.0),
    ("plank", "Plank", 0.0),
)
HOLDS = {"plank"}


def write_synthetic_history(
    data_dir: Path,
    years: int = 10,
    exercises_per_session: int = 6,
    sets_per_exercise: int = 3,
    start: datetime | None = None,
    seed: int = 1,
) -> list[Path]:
    """Write 156 sessions a year (3 a week) of exercises x sets, slowly getting stronger; the files written.

    By default the history ends last week, as a runner's does who is still training: every size of
    history then meets the same week on the home screen, and no session lies in the future.
    """
    store = HistoryStore(data_dir, data_dir / "cache")
    if start is None:
        start = weeks_before_this_one(years * WEEKS_PER_YEAR)
    rng = random.Random(seed)
    written = []
    for week in range(years * WEEKS_PER_YEAR):
        for day in SESSION_DAYS[:SESSIONS_PER_WEEK]:
            started_at = start + timedelta(weeks=week, days=day, minutes=rng.randint(0, 90))
            progress = 1 + week / WEEKS_PER_YEAR * 0.08
            log = _session(started_at, progress, EXERCISES[:exercises_per_session], sets_per_exercise, rng)
            written.append(store.save(log))
    return written


def weeks_before_this_one(weeks: int, today: date | None = None) -> datetime:
    """Monday at 18:00, the given number of weeks before the Monday of this week."""
    today = today or date.today()
    monday = today - timedelta(days=today.weekday(), weeks=weeks)
    return datetime.combine(monday, time(18, 0))


def _session(started_at: datetime, progress: float, exercises: tuple[tuple[str, str, float], ...],
             sets_per_exercise: int, rng: random.Random) -> SessionLog:
    sets = []
    at = started_at
    for exercise_id, name, first_load in exercises:
        for number in range(1, sets_per_exercise + 1):
            at += timedelta(minutes=3)
            load = round(first_load * progress / 2.5) * 2.5 if first_load else None
            hold = exercise_id in HOLDS
            sets.append(SetLog(
                exercise_id=exercise_id, set_number=number, at=at, exercise_name=name,
                target_reps=None if hold else 8, target_load=load, target_hold=45 if hold else None,
                target_rpe=8.0,
                reps=None if hold else rng.choice((7, 8, 8, 9)), load=load,
                rpe=rng.choice((7.0, 7.5, 8.0, 8.5, 9.0)), hold_seconds=rng.randint(35, 60) if hold else None,
                rest_seconds=rng.randint(60, 150), reason="on target last time: same load",
            ))
    return SessionLog(
        id=new_session_id(started_at, "runner-foundation", "A"), plan_id="runner-foundation", session_id="A",
        started_at=started_at, finished_at=at + timedelta(minutes=2), plan_name="Runner foundation",
        session_name="Strength A", sets=tuple(sets),
    )
