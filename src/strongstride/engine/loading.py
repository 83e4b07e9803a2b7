"""What can actually be loaded: bar plus plates, the dumbbells on the rack, a machine's stack.

Three shapes of equipment:
- a barbell makes the bar plus increments (bar + k * barbell_increment) that the plate inventory can
  load exactly: a load the plates cannot make (too fine a step, too few pairs) is never planned;
- a machine or cable stack makes any number of its increments, at least one;
- dumbbells and kettlebells make only the weights on the rack (Equipment.dumbbells). With an
  empty rack they fall back to steps of the barbell increment, as for a machine.
"""

from __future__ import annotations

from functools import lru_cache

from strongstride.engine.plates import plates_per_side
from strongstride.model.config import Equipment
from strongstride.model.exercise import Exercise
from strongstride.model.units import MAX_LOAD_KG, Unit, clean, convert, round_to_increment

_TOLERANCE = 1e-6
_MOST_PLACES_SEARCHED = 400   # increments either way a barbell load looks for one the plates make


def _rack(exercise: Exercise, equipment: Equipment) -> tuple[float, ...] | None:
    """The dumbbells a hand-held exercise can use, lightest first; None for stacks and bars."""
    if exercise.equipment in ("dumbbell", "kettlebell") and equipment.dumbbells:
        return tuple(sorted(set(equipment.dumbbells)))
    return None


def _ladder(exercise: Exercise, equipment: Equipment) -> tuple[float, float]:
    """(lightest load, step) of a barbell or a stack."""
    if exercise.equipment == "barbell":
        return equipment.bar_weight, equipment.barbell_increment
    if exercise.equipment in ("machine", "cable"):
        return equipment.machine_increment, equipment.machine_increment
    if exercise.equipment in ("dumbbell", "kettlebell"):
        return equipment.barbell_increment, equipment.barbell_increment
    raise ValueError(f"{exercise.name} ({exercise.equipment}) takes no external load")


def load_increment(exercise: Exercise, equipment: Equipment) -> float:
    """The smallest jump in load this exercise's equipment allows."""
    rack = _rack(exercise, equipment)
    if rack is None:
        return _ladder(exercise, equipment)[1]
    gaps = [clean(heavier - lighter) for lighter, heavier in zip(rack, rack[1:])]
    return min(gaps) if gaps else rack[0]


def lightest_load(exercise: Exercise, equipment: Equipment) -> float:
    """The lightest load that can be made: the empty bar, the lightest dumbbell, one plate of the stack."""
    rack = _rack(exercise, equipment)
    return rack[0] if rack is not None else _ladder(exercise, equipment)[0]


@lru_cache(maxsize=4096)
def _plates_make(load: float, equipment: Equipment) -> bool:
    return plates_per_side(load, equipment).exact


def _loadable(position: int, exercise: Exercise, equipment: Equipment) -> bool:
    """Whether the ladder's place `position` can be loaded: always off a bar, on a bar when the plates make it."""
    if position < 0:
        return False
    if exercise.equipment != "barbell" or not equipment.plates or position == 0:
        return True
    lightest, step = _ladder(exercise, equipment)
    return _plates_make(clean(lightest + position * step), equipment)


def _position(load: float, exercise: Exercise, equipment: Equipment) -> int:
    """The ladder place nearest `load` (halves round up), never below the lightest, and one that can be loaded."""
    lightest, step = _ladder(exercise, equipment)
    wanted = max(0, round(round_to_increment(load - lightest, step) / step))
    for distance in range(_MOST_PLACES_SEARCHED):
        above, below = wanted + distance, wanted - distance
        nearer_first = (above, below) if lightest + above * step - load <= load - lightest - below * step else (below, above)
        for position in nearer_first:
            if _loadable(position, exercise, equipment):
                return position
    return 0


def _moved(position: int, steps: int, exercise: Exercise, equipment: Equipment) -> int:
    """The place `steps` loadable places up or down from `position`; where it stops when there are no more."""
    direction = 1 if steps > 0 else -1
    for _ in range(abs(steps)):
        found = next((position + direction * n for n in range(1, _MOST_PLACES_SEARCHED)
                      if _loadable(position + direction * n, exercise, equipment)), None)
        if found is None:
            break
        position = found
    return position


def nearest_available_load(load: float, exercise: Exercise, equipment: Equipment) -> float:
    """The makeable load closest to `load` (halves round up), never below the lightest."""
    rack = _rack(exercise, equipment)
    if rack is not None:
        return min(rack, key=lambda weight: (abs(weight - load), -weight))
    lightest, step = _ladder(exercise, equipment)
    return clean(lightest + _position(load, exercise, equipment) * step)


def step_load(load: float, steps: int, exercise: Exercise, equipment: Equipment) -> float:
    """The makeable load `steps` places up (+) or down (-) from `load`, never below the lightest."""
    start = nearest_available_load(load, exercise, equipment)
    rack = _rack(exercise, equipment)
    if rack is not None:
        index = min(len(rack) - 1, max(0, rack.index(start) + steps))
        return rack[index]
    lightest, step = _ladder(exercise, equipment)
    position = _moved(round((start - lightest) / step), steps, exercise, equipment)
    return clean(lightest + position * step)


def available_load_at_most(load: float, exercise: Exercise, equipment: Equipment) -> float:
    """The heaviest makeable load not above `load` (the lightest one if `load` is below it)."""
    nearest = nearest_available_load(load, exercise, equipment)
    if nearest > load + _TOLERANCE:
        return step_load(nearest, -1, exercise, equipment)
    return nearest


def available_load_at_least(load: float, exercise: Exercise, equipment: Equipment) -> float:
    """The lightest makeable load not below `load` (the heaviest dumbbell if `load` is above the rack)."""
    nearest = nearest_available_load(load, exercise, equipment)
    if nearest < load - _TOLERANCE:
        return step_load(nearest, +1, exercise, equipment)
    return nearest


def within_load_limit(load: float, exercise: Exercise, equipment: Equipment, unit: Unit) -> float:
    """The load, or the heaviest makeable load not above 1000 kg when it is beyond that (a set's limit)."""
    limit = convert(MAX_LOAD_KG, "kg", unit)
    return load if load <= limit else available_load_at_most(limit, exercise, equipment)


def step_words(exercise: Exercise, equipment: Equipment) -> str:
    """What one step of this exercise's load is to the runner: the next dumbbell, the smallest plate pair, the next pin."""
    if _rack(exercise, equipment) is not None:
        return f"the next {exercise.equipment}"
    if exercise.equipment == "barbell":
        return "the smallest plate pair"
    if exercise.equipment in ("machine", "cable"):
        return "the next pin"
    return "one increment"


def end_of_range_words(heavier: bool, exercise: Exercise, equipment: Equipment) -> str:
    """Why a load can go no further that way: the heaviest or lightest dumbbell, the empty bar, the stack's first plate."""
    if _rack(exercise, equipment) is not None:
        return f"the {'heaviest' if heavier else 'lightest'} {exercise.equipment}"
    if heavier:
        return f"the {MAX_LOAD_KG:g} kg a set may log"
    if exercise.equipment == "barbell":
        return "the empty bar"
    return "the lightest load it makes"
