"""What the runner's kit allows: the kit a block needs, the variations within reach, what a plan lacks."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import NamedTuple

from strongstride.model.config import Equipment
from strongstride.model.exercise import Exercise
from strongstride.model.plan import BODYWEIGHT, Load, Plan

# A loaded exercise swapped in for a body-weight one: no weight from the plan, so the coach finds it
# (the runner's known set or history, else a test set with the lightest load).
COACHED_LOAD = Load("absolute")


def kit_name(kind: str) -> str:
    """An equipment name as the runner reads it: "exercise ball", not "exercise_ball"."""
    return kind.replace("_", " ")


def kit_needed(exercise: Exercise, load: Load) -> str | None:
    """The kit one exercise done at this load needs; None for body weight alone (a lunge without dumbbells)."""
    if exercise.equipment == "bodyweight" or (exercise.is_loaded and load.kind == "bodyweight"):
        return None
    return exercise.equipment


def load_after_swap(planned_load: Load, planned: Exercise, new: Exercise) -> Load:
    """The load a block takes when the runner swaps its planned exercise for `new` (directly or rung by rung).

    The planned exercise gets the plan's load back. An unloaded exercise is done at body weight (a band stays).
    A loaded one keeps body weight where the plan does that loaded movement without weights (a lunge without
    dumbbells) and a percentage of its own max; otherwise the coach finds its load, since the plan's weight,
    or body weight, was for another exercise."""
    if new.id == planned.id:
        return planned_load
    if not new.is_loaded:
        return planned_load if planned_load.kind == "band" else BODYWEIGHT
    if planned_load.kind == "absolute" or (planned_load.kind == "bodyweight" and not planned.is_loaded):
        return COACHED_LOAD
    return planned_load


def can_do(exercise: Exercise, planned_load: Load, planned: Exercise, equipment: Equipment) -> bool:
    """Whether the runner's kit allows this exercise in place of the planned one, at the load a swap would give."""
    needed = kit_needed(exercise, load_after_swap(planned_load, planned, exercise))
    return needed is None or equipment.has(needed)


def kit_owned(equipment: Equipment) -> Callable[[Exercise], bool]:
    """Whether the runner has each exercise's own kit, where no plan says it is done at body weight."""
    return lambda exercise: equipment.has(exercise.equipment)


def within_reach(exercise: Exercise, planned_load: Load, planned: Exercise, exercises: Mapping[str, Exercise],
                 equipment: Equipment) -> Exercise:
    """The exercise with its easier and harder links kept only where the runner has the kit the swap would need."""
    def reachable(link: str | None) -> str | None:
        new = exercises.get(link) if link is not None else None
        return link if new is not None and can_do(new, planned_load, planned, equipment) else None

    easier, harder = reachable(exercise.easier), reachable(exercise.harder)
    if (easier, harder) == (exercise.easier, exercise.harder):
        return exercise
    return dataclasses.replace(exercise, easier=easier, harder=harder)


class KitNeed(NamedTuple):
    """One kind of kit a plan needs, and the names of the plan's exercises that need it."""

    kind: str
    exercises: tuple[str, ...]


def plan_needs(plan: Plan, exercises: Mapping[str, Exercise]) -> list[KitNeed]:
    """The kit the plan's exercises need beyond body weight, in the order first met, each with its exercises."""
    needs: dict[str, list[str]] = {}
    for session in plan.sessions:
        for block in session.blocks:
            exercise = exercises[block.exercise_id]
            kind = kit_needed(exercise, block.prescription.load)
            if kind is not None and exercise.name not in needs.setdefault(kind, []):
                needs[kind].append(exercise.name)
    return [KitNeed(kind, tuple(names)) for kind, names in needs.items()]


def missing_kit(plan: Plan, exercises: Mapping[str, Exercise], equipment: Equipment) -> list[KitNeed]:
    """The kit the plan needs that the runner does not have, each with the exercises needing it."""
    return [need for need in plan_needs(plan, exercises) if not equipment.has(need.kind)]


def missing_kit_list(missing: list[KitNeed]) -> str:
    """ "barbell (Quarter squat, Romanian deadlift); machine (Leg press)": each kind lacking, with its exercises."""
    return "; ".join(f"{kit_name(need.kind)} ({', '.join(need.exercises)})" for need in missing)


def missing_kit_words(missing: list[KitNeed]) -> str:
    """ "Needs kit you do not have: barbell (Quarter squat, Romanian deadlift); machine (Leg press)", or ""."""
    return f"Needs kit you do not have: {missing_kit_list(missing)}" if missing else ""
