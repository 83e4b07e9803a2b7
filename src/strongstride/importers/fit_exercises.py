"""Our exercises as Garmin's FIT profile names them: the bundled mapping, else a match by name, else unknown."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from garmin_fit_sdk import Profile

from strongstride.importers.exercise_matching import USER_PREFIX, ExerciseMatcher, candidate_keys, exercise_key
from strongstride.model.exercise import Exercise
from strongstride.resources import garmin_exercises_file

UNKNOWN_CATEGORY = "unknown"


@dataclass(frozen=True)
class GarminExercise:
    """A FIT `exercise_category` and the `exercise_name` within it (None when Garmin has no name for it)."""

    category: str
    name: str | None = None

    @property
    def name_number(self) -> int | None:
        """The number a FIT `set` message carries as its category_subtype."""
        return None if self.name is None else profile_names()[self.category][self.name]


UNKNOWN = GarminExercise(UNKNOWN_CATEGORY)


@cache
def profile_names() -> dict[str, dict[str, int]]:
    """Every exercise name in the installed SDK's profile, by category: name to number."""
    types = Profile["types"]
    return {
        category: {name: number for number, name in types[f"{category}_exercise_name"].items()}
        for category in types["exercise_category"].values()
        if f"{category}_exercise_name" in types
    }


def read_mapping(path: Path) -> dict[str, GarminExercise]:
    """The `[exercises]` table of a mapping file: our exercise id to Garmin's category and name."""
    with path.open("rb") as stream:
        table = tomllib.load(stream)["exercises"]
    return {exercise_id: GarminExercise(entry["category"], entry["name"]) for exercise_id, entry in table.items()}


@cache
def bundled_mapping() -> dict[str, GarminExercise]:
    """The bundled library's exercises as Garmin names them (data/garmin_exercises.toml)."""
    return read_mapping(garmin_exercises_file())


def _garmin_by_key() -> dict[str, GarminExercise]:
    """Garmin's exercise names as our name matching compares them (`barbell back squat`); first category wins."""
    by_key: dict[str, GarminExercise] = {}
    for category, names in profile_names().items():
        for name in names:
            by_key.setdefault(exercise_key(name), GarminExercise(category, name))
    return by_key


class GarminExerciseMatcher:
    """Finds the Garmin exercise for a set: by its id, by our library's names, then by Garmin's own names."""

    def __init__(self, library: Mapping[str, Exercise]):
        self.names = {exercise_id: exercise.name for exercise_id, exercise in library.items()}
        self._mapping = bundled_mapping()
        self._ours = ExerciseMatcher(library)
        self._garmin = _garmin_by_key()

    def match(self, exercise_id: str, name: str) -> GarminExercise:
        """The Garmin exercise for one of ours (an id and the name it was logged by); UNKNOWN when none fits."""
        if exercise_id in self._mapping:
            return self._mapping[exercise_id]
        ours = self._ours.match(name) if name else None
        if ours is not None and ours.id in self._mapping:
            return self._mapping[ours.id]
        for key in candidate_keys(name or exercise_id.removeprefix(USER_PREFIX)):
            if key in self._garmin:
                return self._garmin[key]
        return UNKNOWN
