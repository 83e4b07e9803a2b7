"""Other apps' exercise names matched to library ids, tolerant of case, spacing and "(Barbell)"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from strongstride.model.exercise import Exercise

USER_PREFIX = "user:"

# What Strong, Hevy and FitNotes call the movements of our library (written as exercise_key gives them).
ALIASES: dict[str, str] = {
    "squat": "back_squat", "barbell squat": "back_squat", "barbell back squat": "back_squat",
    "high bar squat": "back_squat", "low bar squat": "back_squat",
    "air squat": "bodyweight_squat", "squat bodyweight": "bodyweight_squat",
    "barbell front squat": "front_squat",
    "barbell deadlift": "deadlift", "conventional deadlift": "deadlift",
    "rdl": "romanian_deadlift", "stiff leg deadlift": "romanian_deadlift",
    "hex bar deadlift": "trap_bar_deadlift",
    "single leg romanian deadlift": "single_leg_deadlift", "single leg rdl": "single_leg_deadlift",
    "bulgarian split squat": "bench_split_squat", "rear foot elevated split squat": "bench_split_squat",
    "standing calf raise": "calf_raise",
    "barbell hip thrust": "hip_thrust",
    "leg curl": "hamstring_curl", "lying leg curl": "hamstring_curl", "seated leg curl": "hamstring_curl",
    "nordic hamstring curl": "nordic_curl",
    "pushup": "push_up", "kneeling push up": "knee_push_up",
    "front plank": "plank", "forearm plank": "plank",
    "military press": "overhead_press", "strict military press": "overhead_press",
    "standing overhead press": "overhead_press", "barbell overhead press": "overhead_press",
    "seated row": "seated_cable_row", "cable row": "seated_cable_row",
    "one arm dumbbell row": "dumbbell_row", "single arm dumbbell row": "dumbbell_row",
    "bent over one arm row": "dumbbell_row",
    "resistance band row": "band_row",
    "pogo jumps": "pogo_hops", "pogos": "pogo_hops",
    "clam shell": "clamshell",
    "lateral band walk": "banded_lateral_walk", "banded side walk": "banded_lateral_walk",
    "monster walk": "banded_lateral_walk",
}

BRACKETED = re.compile(r"\(([^)]*)\)")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def exercise_key(name: str) -> str:
    """A name as compared: lower case, words only, single spaces (`Push-Up` and `push up` agree)."""
    return " ".join(_NOT_WORD.sub(" ", name.lower().replace("'", "")).split())


def user_exercise_id(name: str) -> str:
    """The id an exercise the library lacks is kept under: `user:` and a slug of its whole name."""
    return USER_PREFIX + (exercise_key(name).replace(" ", "_") or "unnamed")


def candidate_keys(name: str) -> Iterator[str]:
    """The keys to try, most specific first: whole name, equipment first, bare name, singular."""
    tags = [exercise_key(tag) for tag in BRACKETED.findall(name)]
    base = exercise_key(BRACKETED.sub(" ", name))
    yield exercise_key(name)
    for tag in tags:
        yield f"{tag} {base}"
    yield base
    if base.endswith("s"):
        yield base[:-1]


class ExerciseMatcher:
    """Finds the library exercise another app's name means, by id, library name or known alias."""

    def __init__(self, library: Mapping[str, Exercise]):
        self._library = library
        self._matched: dict[str, Exercise | None] = {}
        self._ids: dict[str, str] = {}
        self._by_key: dict[str, str] = {
            key: exercise_id for key, exercise_id in ALIASES.items() if exercise_id in library
        }
        for exercise in library.values():
            self._by_key[exercise_key(exercise.id)] = exercise.id
            self._by_key[exercise_key(exercise.name)] = exercise.id

    def match(self, name: str) -> Exercise | None:
        """The library exercise the name means, or None when it is not one of ours (each name worked out once)."""
        if name not in self._matched:
            self._matched[name] = next(
                (self._library[self._by_key[key]] for key in candidate_keys(name) if key in self._by_key), None
            )
        return self._matched[name]

    def exercise_id(self, name: str) -> str:
        """The library id the name means, else its `user:` id (each name worked out once)."""
        if name not in self._ids:
            exercise = self.match(name)
            self._ids[name] = exercise.id if exercise else user_exercise_id(name)
        return self._ids[name]
