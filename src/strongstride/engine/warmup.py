"""The warm-up ramp before heavy work: a few lighter sets so the first work set is not a shock."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from strongstride.engine.loading import lightest_load, nearest_available_load
from strongstride.engine.progression import fraction_of_1rm
from strongstride.engine.target import SetTarget
from strongstride.model.config import Config, Equipment
from strongstride.model.exercise import Exercise
from strongstride.model.plan import Block, Load, NumberRange

HEAVY_FRACTION_OF_1RM = 0.75
EMPTY_BAR_REPS = 8
# (fraction of the first work load, reps): fewer reps as the load climbs, so the ramp never tires.
RAMP_STEPS: tuple[tuple[float, int], ...] = ((0.50, 5), (0.70, 3), (0.85, 1))
_TOLERANCE = 1e-6


@dataclass(frozen=True)
class WarmupSet:
    """One warm-up set: reps at a load, labelled for the screen ("empty bar", "about 70%")."""

    reps: int
    load: float
    label: str


def heavy_prescription(prescribed: Load) -> bool:
    """True when a percent load reaches 75% of 1RM or more: seed 002's "80-100% of 5RM" is heavy work."""
    if prescribed.percent is None:
        return False
    top = dataclasses.replace(prescribed, percent=NumberRange.exactly(prescribed.percent.high))
    fraction = fraction_of_1rm(top)
    return fraction is not None and fraction >= HEAVY_FRACTION_OF_1RM - _TOLERANCE


def needs_warmup_ramp(
    exercise: Exercise, first_work_load: float | None, estimated_1rm: float | None, enabled: bool,
    prescribed: Load | None = None,
) -> bool:
    """Whether loaded work is heavy: about 75% of the e1RM or more, or a heavy percent prescription.

    `enabled` is the block's warmup_sets and the config's warmup_sets together.
    """
    if not enabled or first_work_load is None or not exercise.is_loaded:
        return False
    if prescribed is not None and heavy_prescription(prescribed):
        return True
    return estimated_1rm is not None and estimated_1rm != 0 and first_work_load >= HEAVY_FRACTION_OF_1RM * estimated_1rm - _TOLERANCE


def warmup_ramp(first_work_load: float, exercise: Exercise, equipment: Equipment) -> list[WarmupSet]:
    """Empty bar x 8, then about 50% x 5, 70% x 3, 85% x 1, each a load the equipment can make.

    A step is dropped when rounding puts it on the previous step's load or at the work load.
    """
    steps: list[tuple[int, float, str]] = []
    if exercise.equipment == "barbell":
        steps.append((EMPTY_BAR_REPS, lightest_load(exercise, equipment), "empty bar"))
    steps.extend((reps, first_work_load * share, f"about {share:.0%}") for share, reps in RAMP_STEPS)
    ramp: list[WarmupSet] = []
    for reps, wanted, label in steps:
        load = nearest_available_load(wanted, exercise, equipment)
        if load >= first_work_load - _TOLERANCE or (ramp and load <= ramp[-1].load + _TOLERANCE):
            continue
        ramp.append(WarmupSet(reps, load, label))
    return ramp


def ramp_before(target: SetTarget, exercise: Exercise, block: Block, estimated_1rm: float | None, config: Config) -> list[WarmupSet]:
    """The warm-up sets before a block's first work set: a ramp when it is heavy and warm-ups are on, else none."""
    enabled = block.warmup_sets and config.warmup_sets
    if target.load is None or not needs_warmup_ramp(exercise, target.load, estimated_1rm, enabled, block.prescription.load):
        return []
    return warmup_ramp(target.load, exercise, config.equipment)
