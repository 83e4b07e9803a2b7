"""Exercise names from other apps matched to library ids, or kept as the runner's own exercises."""

from __future__ import annotations

import pytest

from strongstride.importers.exercise_matching import (
    ALIASES, ExerciseMatcher, exercise_key, user_exercise_id,
)
from strongstride.model.exercise_library import load_library
from strongstride.resources import exercise_library_file

LIBRARY, _ = load_library(exercise_library_file())
MATCHER = ExerciseMatcher(LIBRARY)


@pytest.mark.parametrize(
    ("name", "exercise_id"),
    [
        ("Squat (Barbell)", "back_squat"),
        ("squat   (barbell)", "back_squat"),
        ("Back squat", "back_squat"),
        ("back_squat", "back_squat"),
        ("Front Squat (Barbell)", "front_squat"),
        ("Squat (Bodyweight)", "bodyweight_squat"),
        ("Push-Up", "push_up"),
        ("Push Ups", "push_up"),
        ("Deadlift (Barbell)", "deadlift"),
        ("Romanian Deadlift (Dumbbell)", "romanian_deadlift"),
        ("Bulgarian Split Squat", "bench_split_squat"),
        ("Strict Military Press (Barbell)", "overhead_press"),
        ("Seated Cable Row (Cable)", "seated_cable_row"),
        ("Plank", "plank"),
        ("Barbell Squat", "back_squat"),
    ],
)
def test_names_match_library_ids_whatever_the_case_spacing_or_equipment_suffix(name: str, exercise_id: str) -> None:
    assert MATCHER.exercise_id(name) == exercise_id


def test_a_name_the_library_lacks_becomes_a_user_exercise_with_a_slug_id() -> None:
    assert MATCHER.match("Snatch (Barbell)") is None
    assert MATCHER.exercise_id("Snatch (Barbell)") == "user:snatch_barbell"
    assert MATCHER.exercise_id("Snatch") == "user:snatch"
    assert user_exercise_id("Farmer's Walk") == "user:farmers_walk"
    assert user_exercise_id("!!!") == "user:unnamed"


def test_matching_follows_the_library_it_is_given() -> None:
    only_plank = {"plank": LIBRARY["plank"]}
    assert ExerciseMatcher(only_plank).exercise_id("Squat (Barbell)") == "user:squat_barbell"
    assert ExerciseMatcher(only_plank).exercise_id("Front Plank") == "plank"


def test_every_alias_names_an_exercise_of_the_library() -> None:
    assert set(ALIASES.values()) <= set(LIBRARY)
    assert all(exercise_key(alias) == alias for alias in ALIASES)
