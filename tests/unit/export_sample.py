"""One session to export, with the names the library would give its exercises."""

from __future__ import annotations

from datetime import datetime, timedelta

from strongstride.model.log import SessionLog, SetLog

START = datetime(2026, 11, 22, 18, 5, 12)
NAMES = {"back_squat": "Back squat", "plank": "Plank", "split_squat": "Split squat"}


def logged(minutes: int, **fields: object) -> SetLog:
    return SetLog(at=START + timedelta(minutes=minutes, microseconds=250), **fields)  # type: ignore[arg-type]


SESSION = SessionLog(
    id="2026-11-22T18-05-12_runner-foundation_A_k3f9x2",
    plan_id="runner-foundation", session_id="A", plan_name="Runner foundation", session_name="Session A",
    started_at=START, finished_at=START + timedelta(minutes=65), note="windy",
    sets=(
        logged(1, exercise_id="back_squat", set_number=1, kind="warmup", reps=5, load=40.0),
        logged(4, exercise_id="back_squat", set_number=1, target_reps=5, target_load=80.0, target_rpe=8.0,
               reps=5, load=80.0, rpe=7.5, rest_seconds=150, reason="e1RM 100 kg at RPE 8",
               note='felt "easy", [red]fast[/red]\nnext time more'),
        logged(8, exercise_id="split_squat", set_number=1, side="left", reps=8, load=30.0, unit="lb"),
        logged(9, exercise_id="split_squat", set_number=1, side="right", reps=8, load=30.0, unit="lb"),
        logged(12, exercise_id="plank", set_number=1, target_hold=45, hold_seconds=50),
        logged(14, exercise_id="plank", set_number=2, target_hold=45, skipped=True),
        logged(16, exercise_id="user:snatch_barbell", exercise_name="Snatch (Barbell)", set_number=1,
               reps=2, load=50.0),
    ),
)
