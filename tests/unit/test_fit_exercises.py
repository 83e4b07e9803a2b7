"""Every bundled exercise has a Garmin name that exists in the SDK's profile; other exercises are matched by name."""

from __future__ import annotations

import tomllib

import pytest
from garmin_fit_sdk import Profile

from strongstride.importers.fit_exercises import (
    UNKNOWN, GarminExercise, GarminExerciseMatcher, bundled_mapping, profile_names,
)
from strongstride.services.library import load_exercise_library
from strongstride.resources import exercise_library_file

LIBRARY, _ = load_exercise_library()


def bundled_ids() -> set[str]:
    with exercise_library_file().open("rb") as stream:
        return set(tomllib.load(stream)["exercises"])


def test_every_bundled_exercise_is_mapped_and_nothing_else():
    assert set(bundled_mapping()) == bundled_ids()


@pytest.mark.parametrize("exercise_id", sorted(bundled_ids()))
def test_each_mapping_names_a_category_and_exercise_in_garmins_profile(exercise_id):
    garmin = bundled_mapping()[exercise_id]
    assert garmin.category in Profile["types"]["exercise_category"].values()
    assert garmin.name in Profile["types"][f"{garmin.category}_exercise_name"].values()
    assert profile_names()[garmin.category][garmin.name] == garmin.name_number


@pytest.mark.parametrize("exercise_id, name, expected", [
    ("back_squat", "Back squat", GarminExercise("squat", "barbell_back_squat")),
    # an exercise of ours logged under another app's name
    ("user:squat_barbell", "Squat (Barbell)", GarminExercise("squat", "barbell_back_squat")),
    # not ours, but Garmin knows it: equipment first, as Garmin writes it
    ("user:bench_press_barbell", "Bench Press (Barbell)", GarminExercise("bench_press", "barbell_bench_press")),
    ("user:snatch_barbell", "Snatch (Barbell)", GarminExercise("olympic_lift", "barbell_snatch")),
    ("user:farmers_walk", "", GarminExercise("carry", "farmers_walk")),
    ("user:grandmas_secret_lift", "Grandma's Secret Lift", UNKNOWN),
])
def test_exercises_outside_the_mapping_are_matched_by_name_else_unknown(exercise_id, name, expected):
    assert GarminExerciseMatcher(LIBRARY).match(exercise_id, name) == expected

