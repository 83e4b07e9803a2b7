"""Strong's exports in each layout, and the real sample: every strength set in, cardio counted out."""

from __future__ import annotations

import io
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from strongstride.importers.csv_source import UnreadableFile
from strongstride.importers.reading import read_export, read_export_file
from strongstride.model.exercise_library import load_library
from strongstride.resources import exercise_library_file

DATA = Path(__file__).parents[1] / "data" / "imports"
REAL_SAMPLE = DATA / "strong-export-sample.csv"
LIBRARY, _ = load_library(exercise_library_file())


def test_comma_layout_with_bom_markers_rest_timer_hold_and_cardio() -> None:
    result = read_export_file(DATA / "strong_comma.csv", "strong", LIBRARY, "lb")
    leg_day, upper = result.sessions
    assert leg_day.started_at == datetime(2026, 3, 2, 18, 5, 12)
    assert leg_day.finished_at == datetime(2026, 3, 2, 19, 10, 12)          # Duration "1h 5m"
    assert (leg_day.session_name, leg_day.session_id, leg_day.note) == ("Leg Day", "leg-day", "Felt strong")
    assert (leg_day.source, leg_day.plan_id) == ("strong", "imported")
    squats = [s for s in leg_day.sets if s.exercise_id == "back_squat"]
    assert [(s.kind, s.set_number, s.load, s.reps) for s in squats] == [
        ("warmup", 1, 40.0, 5), ("work", 1, 80.0, 5), ("work", 2, 82.5, 5), ("work", 3, 60.0, 10),
    ]
    assert all(s.unit == "lb" and s.exercise_name == "Squat (Barbell)" for s in squats)
    assert squats[1].rest_seconds == 150                                     # from the Rest Timer row
    assert [s.rpe for s in squats] == [None, 7.5, 8.0, None]                 # empty RPE stays unknown
    assert squats[3].note == "drop set"
    rdl_failure = [s for s in leg_day.sets if s.exercise_id == "romanian_deadlift"][-1]
    assert (rdl_failure.kind, rdl_failure.note) == ("work", "failure set")
    plank = next(s for s in leg_day.sets if s.exercise_id == "plank")
    assert (plank.hold_seconds, plank.reps, plank.load) == (60, None, None)
    assert [s.exercise_id for s in upper.sets] == ["push_up", "push_up", "user:snatch_barbell"]
    assert upper.sets[0].load is None                                        # Strong's 0 is bodyweight
    assert [(a.name, a.kind, a.seconds, a.distance_m) for a in leg_day.activities] == [
        ("Running", "cardio", 900, 2500.0)]                                  # Distance in km, Strong's default
    assert result.row_counts() == Counter({"set": 9, "warm-up": 1, "rest timer": 1, "activity": 1, "refused": 1})
    assert result.rows == 13
    assert [(bad.line, bad.reason) for bad in result.bad_rows] == [(11, "Reps 'ten' is not a number")]
    assert result.assumed_unit == "lb"


def test_semicolon_layout_with_every_field_quoted_is_kilograms_with_decimal_commas() -> None:
    result = read_export_file(DATA / "strong_semicolon_quoted.csv", "strong", LIBRARY, "lb")
    leg_day, hips = result.sessions
    assert [(s.load, s.unit, s.rpe) for s in leg_day.sets] == [(82.5, "kg", 8.0), (82.5, "kg", 8.5)]
    assert leg_day.finished_at == datetime(2026, 3, 2, 19, 10, 12)           # Duration (sec) 3900
    assert hips.sets[0].exercise_id == "hip_thrust"
    assert [(a.name, a.seconds, a.distance_m) for a in leg_day.activities] == [("Cycling", 600, 5000.0)]
    assert result.assumed_unit is None


def test_semicolon_layout_with_a_unit_column_keeps_each_rows_unit() -> None:
    result = read_export_file(DATA / "strong_semicolon_units.csv", "strong", LIBRARY, "kg")
    (session,) = result.sessions
    assert [(s.exercise_id, s.load, s.unit) for s in session.sets] == [
        ("back_squat", 185.0, "lb"), ("back_squat", 185.0, "lb"), ("goblet_squat", 24.0, "kg"),
    ]
    assert session.unit == "lb"
    assert session.finished_at == datetime(2026, 3, 2, 19, 10, 12)           # trailing Workout Duration
    assert [(bad.line, bad.reason) for bad in result.bad_rows] == [(5, "Weight Unit 'stone' is not kg or lb")]


def test_older_comma_layout_without_duration_or_rpe_and_an_unknown_column() -> None:
    result = read_export_file(DATA / "strong_old_comma.csv", "strong", LIBRARY, "kg")
    (session,) = result.sessions
    assert session.finished_at is None
    assert [(s.exercise_id, s.reps, s.hold_seconds) for s in session.sets] == [
        ("deadlift", 5, None), ("deadlift", 3, None), ("side_plank", None, 45),
    ]
    assert result.unknown_columns == ("Mood",)


def test_a_file_that_is_not_a_strong_export_is_refused_as_a_whole() -> None:
    with pytest.raises(UnreadableFile, match="not a Strong export"):
        read_export(io.StringIO("title,start_time,exercise_title\n"), "strong", LIBRARY, "kg")


def test_a_workout_of_only_cardio_is_a_session_of_activities() -> None:
    text = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds\n"
        "2026-01-01 08:00:00,Run,Running,1,0,0,5,1500\n"
    )
    result = read_export(io.StringIO(text), "strong", LIBRARY, "kg")
    [session] = result.sessions
    assert session.sets == () and [(a.name, a.distance_m) for a in session.activities] == [("Running", 5000.0)]


def test_a_set_with_nothing_done_is_counted_as_such() -> None:
    text = "Date,Exercise Name,Set Order,Weight,Reps\n2026-01-01 08:00:00,Push Up,1,0,0\n"
    result = read_export(io.StringIO(text), "strong", LIBRARY, "kg")
    assert result.row_counts() == Counter({"nothing done": 1}) and result.workouts_without_sets == 1


def test_a_set_beyond_what_history_can_hold_is_a_bad_row() -> None:
    text = "Date,Exercise Name,Set Order,Weight,Reps,RPE\n2026-01-01 08:00:00,Squat (Barbell),1,100,5,8.3\n"
    result = read_export(io.StringIO(text), "strong", LIBRARY, "kg")
    assert [(bad.line, bad.reason) for bad in result.bad_rows] == [(2, "RPE 8.3 is not in half steps (7, 7.5, 8)")]


def test_the_real_strong_sample_imports_every_strength_set_and_keeps_the_cardio() -> None:
    result = read_export_file(REAL_SAMPLE, "strong", LIBRARY, "kg")
    assert sum(len(s.sets) for s in result.sessions) == 1903 - 21          # 20 Aerobics rows and a Swim
    assert sum(len(s.activities) for s in result.sessions) == 21
    assert result.row_counts() == Counter({"set": 1882, "activity": 21}) and result.rows == 1903
    assert result.bad_rows == [] and result.unknown_columns == ()
    assert len(result.sessions) == 86
    assert len({s.id for s in result.sessions}) == len(result.sessions)
    assert [s.started_at for s in result.sessions] == sorted(s.started_at for s in result.sessions)
    first = result.sessions[0]
    assert (first.started_at, first.duration_seconds) == (datetime(2020, 12, 30, 18, 51, 52), 2 * 3600 + 38 * 60)
    ids = Counter(s.exercise_id for session in result.sessions for s in session.sets)
    assert ids["back_squat"] == 407 and ids["user:snatch_barbell"] == 527


def test_reading_the_same_file_twice_gives_the_same_session_ids() -> None:
    first = read_export_file(DATA / "strong_comma.csv", "strong", LIBRARY, "kg")
    second = read_export_file(DATA / "strong_comma.csv", "strong", LIBRARY, "kg")
    assert [s.id for s in first.sessions] == [s.id for s in second.sessions]
    assert first.sessions[0].id.startswith("2026-03-02T18-05-12_strong-")


def test_a_backslash_in_a_strong_note_is_kept_as_written() -> None:
    """Strong writes a note's line break as a real one inside quotes; a literal `\\n` (a path, a typed escape) is
    text, and comes back as written, as our Strong export wrote it."""
    text = ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
            '2026-05-04 18:00:00,Push,45m,Plank,1,0,0,0,60,"C:\\new\\n","two\nlines\\n",\n')
    [session] = read_export(io.StringIO(text, newline=""), "strong", LIBRARY, "kg").sessions
    assert [s.note for s in session.sets] == ["C:\\new\\n"]
    assert session.note == "two\nlines\\n"
