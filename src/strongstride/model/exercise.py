"""An exercise: how it is done well, what it does for a runner, and its progression ladder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

ExerciseKind = Literal["reps", "hold"]
EXERCISE_KINDS: tuple[str, ...] = get_args(ExerciseKind)

# Equipment decides how a load is rounded: barbell plates, the dumbbells on the rack, a machine stack.
Equipment = Literal[
    "barbell", "dumbbell", "kettlebell", "machine", "cable", "band",
    "bodyweight", "medicine_ball", "exercise_ball", "box", "bench", "towel",
]
EQUIPMENT: tuple[str, ...] = get_args(Equipment)


@dataclass(frozen=True)
class Exercise:
    """One movement from the library (bundled or the user's own)."""

    id: str
    name: str
    cues: tuple[str, ...]
    mistake: str
    muscles: tuple[str, ...]
    equipment: Equipment
    kind: ExerciseKind = "reps"
    unilateral: bool = False
    why: str = ""
    easier: str | None = None
    harder: str | None = None
    setup: str = ""                  # how to get into position, where the library says
    steps: tuple[str, ...] = ()      # the movement in order, where the library says
    user_defined: bool = field(default=False, compare=False)

    @property
    def is_loaded(self) -> bool:
        """True when the load is external weight that autoregulation rounds to an increment."""
        return self.equipment in ("barbell", "dumbbell", "kettlebell", "machine", "cable")
