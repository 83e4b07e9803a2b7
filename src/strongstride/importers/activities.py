"""Strength set or not: decided from what a row holds and a curated list of names, never from a substring.

A row with load and reps is strength whatever it is called ("Triceps Rope Pushdown", "Sled Push"); cardio,
mobility and warm-up work (by its name, or the file's own category) is kept as an activity of the session;
time alone is a hold only for the movements that are holds.
"""

from __future__ import annotations

import functools
from typing import Literal

from strongstride.importers.exercise_matching import BRACKETED, exercise_key
from strongstride.importers.rows import RowSet
from strongstride.model.exercise import Exercise
from strongstride.model.log import ActivityKind, ActivityLog

RowKind = Literal["set", "activity", "empty"]

# Whole names (brackets and their equipment taken off, as exercise_key writes them) that are not strength work.
ACTIVITY_NAMES: dict[str, ActivityKind] = {
    **dict.fromkeys((
        "running", "run", "jogging", "jog", "treadmill", "treadmill run", "treadmill running", "sprint", "sprints",
        "cycling", "bike", "biking", "stationary bike", "exercise bike", "spin bike", "spinning", "indoor cycling",
        "air bike", "assault bike", "echo bike", "elliptical", "elliptical trainer", "cross trainer",
        "rowing", "rowing machine", "rower", "indoor rowing", "erg", "ski erg", "skierg", "swimming", "swim",
        "walking", "walk", "incline walk", "hiking", "hike", "stair climber", "stairmaster", "stair stepper",
        "stairs", "step mill", "jump rope", "skipping", "skipping rope", "battle ropes", "battle rope",
        "cardio", "aerobics", "zumba", "hiit", "boxing", "kickboxing", "shadow boxing", "jumping jacks",
    ), "cardio"),
    **dict.fromkeys((
        "stretching", "stretch", "stretches", "couch stretch", "90 90 hold", "90 90 stretch", "90 90",
        "pigeon pose", "pigeon stretch", "hip flexor stretch", "hamstring stretch", "quad stretch", "calf stretch",
        "foam rolling", "foam roll", "foam roller", "yoga", "mobility", "hip mobility", "ankle mobility",
        "thoracic mobility", "cat cow", "world s greatest stretch", "worlds greatest stretch", "pilates",
    ), "mobility"),
    **dict.fromkeys((
        "warm up", "warmup", "warm ups", "general warm up", "warm up cardio", "dynamic warm up", "cool down",
        "cooldown", "activation",
    ), "warm-up"),
}
# A last word that makes any name mobility work ("Standing Quad Stretch", "Lat Stretches").
MOBILITY_LAST_WORDS = frozenset({"stretch", "stretches", "stretching", "mobility", "pose"})
# Words that make time alone a strength hold ("Plank", "Dead Hang", "Wall Sit", "Hollow Body Hold").
HOLD_WORDS = frozenset({
    "plank", "planks", "hang", "hangs", "hold", "holds", "sit", "hollow", "bridge", "support", "isometric",
    "iso", "l sit", "superman", "carry", "carries", "walk", "static",
})


@functools.lru_cache(maxsize=4096)
def activity_kind(name: str) -> ActivityKind | None:
    """The kind of non-strength work a name is on the curated list as, or None for any other name."""
    key = exercise_key(BRACKETED.sub(" ", name))
    if key in ACTIVITY_NAMES:
        return ACTIVITY_NAMES[key]
    words = key.split()
    return "mobility" if words and words[-1] in MOBILITY_LAST_WORDS else None


@functools.lru_cache(maxsize=4096)
def _is_hold_name(name: str) -> bool:
    words = exercise_key(BRACKETED.sub(" ", name)).split()
    return bool(set(words) & HOLD_WORDS) or " ".join(words[-2:]) in HOLD_WORDS


def row_kind(row: RowSet, exercise: Exercise | None) -> RowKind:
    """Whether a row is a strength set, an activity, or holds nothing done at all."""
    if row.activity_kind:
        return "activity"
    if not row.skipped and row.reps is None and row.seconds is None and row.distance_m is None:
        return "empty"
    if exercise is not None:
        return "set" if row.skipped or row.reps is not None or row.seconds is not None else "activity"
    weighted_reps = row.load is not None and row.reps is not None
    if (row.cardio_category or activity_kind(row.exercise_name)) and not weighted_reps:
        return "activity"
    if row.skipped or row.reps is not None:
        return "set"
    if row.seconds is not None and (row.load is not None or _is_hold_name(row.exercise_name)):
        return "set"
    return "activity"


def activity_of(row: RowSet) -> ActivityLog:
    """The activity a row records: its name, when, how long and how far, and its note."""
    kind = row.activity_kind or activity_kind(row.exercise_name) or ("cardio" if row.cardio_category else "other")
    return ActivityLog(
        name=row.exercise_name, at=row.at or row.workout.started_at, kind=kind,
        seconds=row.seconds, distance_m=row.distance_m, note=row.note,
    )
