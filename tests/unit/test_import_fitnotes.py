"""FitNotes' export: one session per date, units per row or in the header, Category Cardio kept as activities."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

from strongstride.importers.reading import read_export_file
from strongstride.model.exercise_library import load_library
from strongstride.resources import exercise_library_file

DATA = Path(__file__).parents[1] / "data" / "imports"
LIBRARY, _ = load_library(exercise_library_file())


def test_one_session_per_date_with_each_rows_unit() -> None:
    result = read_export_file(DATA / "fitnotes.csv", "fitnotes", LIBRARY, "lb")
    first, second = result.sessions
    assert (first.started_at, first.source) == (datetime(2026, 2, 10), "fitnotes")
    assert [(s.exercise_id, s.set_number, s.load, s.unit) for s in first.sets] == [
        ("user:flat_barbell_bench_press", 1, 60.0, "kg"),
        ("user:flat_barbell_bench_press", 2, 60.0, "kg"),
        ("back_squat", 1, 135.0, "lb"),
        ("plank", 1, None, "lb"),
    ]
    assert first.sets[-1].hold_seconds == 90                                  # Time 0:01:30
    assert [s.exercise_id for s in second.sets] == ["walking_lunge"]
    assert result.assumed_unit is None


def test_cardio_category_is_an_activity_and_a_bad_date_is_reported_by_row() -> None:
    result = read_export_file(DATA / "fitnotes.csv", "fitnotes", LIBRARY, "kg")
    [rowing] = result.sessions[0].activities
    assert (rowing.name, rowing.kind, rowing.seconds, rowing.distance_m) == ("Rowing Machine", "cardio", 480, 2000.0)
    assert result.row_counts() == Counter({"set": 5, "activity": 1, "refused": 1}) and result.rows == 7
    assert [(bad.line, bad.reason) for bad in result.bad_rows] == [(8, "Date '2026-02-31' is not a date")]


def test_the_unit_may_be_named_in_the_weight_header() -> None:
    result = read_export_file(DATA / "fitnotes_lbs_header.csv", "fitnotes", LIBRARY, "kg")
    (session,) = result.sessions
    assert [(s.load, s.unit) for s in session.sets] == [(135.0, "lb")]
    assert [(a.name, a.distance_m) for a in session.activities] == [("Elliptical Trainer", 3000.0)]
