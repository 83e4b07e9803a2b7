"""Hevy's export: newest first, set types, notes with line breaks, bodyweight, holds, kg or lb columns."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

from strongstride.importers.reading import read_export_file
from strongstride.model.exercise_library import load_library
from strongstride.resources import exercise_library_file

DATA = Path(__file__).parents[1] / "data" / "imports"
LIBRARY, _ = load_library(exercise_library_file())


def test_newest_first_workouts_come_out_oldest_first_with_their_times() -> None:
    result = read_export_file(DATA / "hevy_kg.csv", "hevy", LIBRARY, "lb")
    leg_day, pull_day = result.sessions
    assert (leg_day.session_name, leg_day.started_at) == ("Leg Day", datetime(2026, 4, 6, 18, 0))
    assert (pull_day.started_at, pull_day.finished_at) == (datetime(2026, 4, 8, 16, 50), datetime(2026, 4, 8, 17, 40))
    assert pull_day.note == "Short one\nbut good"                              # a literal \n
    assert result.assumed_unit is None                                        # weight_kg says kg


def test_set_types_become_warmups_or_work_with_a_note() -> None:
    pull_day = read_export_file(DATA / "hevy_kg.csv", "hevy", LIBRARY, "kg").sessions[1]
    rows = [s for s in pull_day.sets if s.exercise_id == "seated_cable_row"]
    assert [(s.kind, s.set_number, s.load, s.unit, s.rpe) for s in rows] == [
        ("warmup", 1, 30.0, "kg", None), ("work", 1, 55.0, "kg", 8.0), ("work", 2, 40.0, "kg", None),
    ]
    assert rows[0].note == "Elbows in" and rows[1].note == "" and rows[2].note == "drop set"


def test_bodyweight_failure_set_keeps_its_multiline_note_and_a_timed_plank_is_a_hold() -> None:
    pull_day = read_export_file(DATA / "hevy_kg.csv", "hevy", LIBRARY, "kg").sessions[1]
    push_up = next(s for s in pull_day.sets if s.exercise_id == "push_up")
    assert (push_up.load, push_up.reps, push_up.rpe) == (None, 21, 10.0)
    assert push_up.note == "failure set; Chest to floor\nevery rep"
    plank = next(s for s in pull_day.sets if s.exercise_id == "plank")
    assert (plank.hold_seconds, plank.reps) == (75, None)


def test_cardio_is_an_activity_and_an_unknown_set_type_is_a_bad_row_with_the_rest_imported() -> None:
    result = read_export_file(DATA / "hevy_kg.csv", "hevy", LIBRARY, "kg")
    [run] = result.sessions[1].activities
    assert (run.name, run.seconds, run.distance_m) == ("Treadmill Running", 1200, 3200.0)
    assert result.row_counts() == Counter({"set": 6, "warm-up": 1, "activity": 1, "refused": 1})
    assert [(bad.line, bad.reason) for bad in result.bad_rows] == [
        (10, "set_type 'superset' is not normal, warmup, dropset or failure"),
    ]
    leg_day = result.sessions[0]
    assert [s.exercise_id for s in leg_day.sets] == ["bench_split_squat", "nordic_curl"]


def test_weight_lbs_column_means_pounds() -> None:
    result = read_export_file(DATA / "hevy_lbs.csv", "hevy", LIBRARY, "kg")
    (session,) = result.sessions
    assert [(s.exercise_id, s.load, s.unit) for s in session.sets] == [("deadlift", 225.0, "lb")]
    assert session.unit == "lb"
    assert [(a.name, round(a.distance_m or 0)) for a in session.activities] == [("Cycling", 9978)]   # 6.2 mi
