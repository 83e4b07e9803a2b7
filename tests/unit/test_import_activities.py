"""Strength set or activity, decided from what the row holds and a curated list of names, never a substring."""

from __future__ import annotations

from datetime import datetime

import pytest

from strongstride.importers.activities import activity_kind, activity_of, row_kind
from strongstride.importers.rows import RowSet, Workout
from strongstride.services.library import load_exercise_library

LIBRARY, _ = load_exercise_library()
WORKOUT = Workout(key="w", started_at=datetime(2026, 3, 2, 18, 0), name="Gym")


def row(name: str, **fields) -> RowSet:
    return RowSet(line=2, workout=WORKOUT, exercise_name=name, unit="kg", **fields)


@pytest.mark.parametrize("name", [
    "Triceps Rope Pushdown", "Rope Cable Curl", "Rope Straight Arm Pulldown", "Rope Push Down",
    "Single Arm Tricep Rope", "Walking Lunge", "Bent Over Row (Barbell)", "Seated Row (Cable)",
])
def test_names_with_rope_row_or_walk_in_them_are_strength_when_they_have_reps(name: str) -> None:
    assert row_kind(row(name, reps=12, load=25.0), None) == "set"
    assert row_kind(row(name, reps=12), None) == "set"


@pytest.mark.parametrize(("name", "kind"), [
    ("Running (Treadmill)", "cardio"), ("Cycling", "cardio"), ("Rowing (Machine)", "cardio"),
    ("Battle Ropes", "cardio"), ("Jump Rope", "cardio"), ("Warm Up", "warm-up"), ("Stretching", "mobility"),
    ("Couch Stretch", "mobility"), ("90/90 Hold", "mobility"), ("Standing Quad Stretch", "mobility"),
])
def test_curated_names_are_activities_of_their_kind(name: str, kind: str) -> None:
    assert activity_kind(name) == kind
    assert row_kind(row(name, seconds=300), None) == "activity"
    assert activity_of(row(name, seconds=300)).kind == kind


@pytest.mark.parametrize("name", ["Triceps Rope Pushdown", "Row", "Face Pull (Rope)", "Walking Lunge"])
def test_strength_names_are_not_on_the_activity_list(name: str) -> None:
    assert activity_kind(name) is None


def test_time_alone_is_a_hold_for_holds_and_an_activity_for_anything_else() -> None:
    assert row_kind(row("Dead Hang", seconds=40), None) == "set"
    assert row_kind(row("Side Plank", seconds=45), None) == "set"
    assert row_kind(row("Weighted Something", seconds=30, load=20.0), None) == "set"
    assert row_kind(row("Sauna", seconds=900), None) == "activity"


def test_a_library_exercise_is_strength_and_distance_alone_is_an_activity() -> None:
    assert row_kind(row("Plank", seconds=60), LIBRARY["plank"]) == "set"
    assert row_kind(row("Sled Drag", distance_m=40.0), None) == "activity"


def test_weighted_reps_are_strength_even_under_a_cardio_name_or_category() -> None:
    assert row_kind(row("Rowing", reps=10, load=40.0), None) == "set"
    assert row_kind(row("Assault Bike", seconds=600, cardio_category=True), None) == "activity"


def test_a_row_with_nothing_done_is_empty() -> None:
    assert row_kind(row("Squat (Barbell)", load=80.0), None) == "empty"


def test_an_activity_keeps_its_name_time_distance_and_note() -> None:
    activity = activity_of(row("Running", seconds=1200, distance_m=4000.0, note="easy"))
    assert (activity.name, activity.seconds, activity.distance_m, activity.note) == ("Running", 1200, 4000.0, "easy")
    assert activity.at == WORKOUT.started_at
