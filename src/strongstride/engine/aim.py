"""What an e1RM predicts for a set, so a load step or a rep count is chosen by the effort it should cost.

The prediction is the RTS chart read backwards (engine/rpe.py): the reps this e1RM allows to failure at
a load, less the reps asked, is the reps in reserve. The on-target band, a set within ON_TARGET_RPE of
its target, is the app's own measure of a set that landed (docs/coaching.md); the seeds give none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from strongstride.engine.rpe import LIGHT_BELOW_RPE, predicted_rpe
from strongstride.model.plan import NumberRange

ON_TARGET_RPE = 1.0         # the app's on-target band: a set within 1 RPE of its target landed
STEP_OVERSHOOT_RPE = ON_TARGET_RPE   # a step up may land at most this far over target (still on target)


def about(rpe: float) -> str:
    """A predicted RPE as the runner reads it: "about RPE 8.5" to the nearest half step, "under RPE 5" below the picker's 5."""
    if rpe < LIGHT_BELOW_RPE:
        return f"under RPE {LIGHT_BELOW_RPE:g}"
    return f"about RPE {math.floor(rpe * 2 + 0.5) / 2:g}"


@dataclass(frozen=True)
class Forecast:
    """What an e1RM predicts for `reps` at a load, against the target RPE."""

    e1rm: float | None
    reps: int
    goal_rpe: float
    fewest: int | None = None    # the plan's fewest reps: a step up is judged there, as double progression goes back to them

    @property
    def step_reps(self) -> int:
        return self.reps if self.fewest is None else min(self.reps, self.fewest)

    def rpe(self, load: float, reps: int | None = None) -> float | None:
        if not self.e1rm:    # no estimate, or none from a set without load
            return None
        return predicted_rpe(self.e1rm, load, self.reps if reps is None else reps)

    def worth_stepping(self, same: float, stepped: float) -> bool:
        """A step up is taken when the e1RM puts it, at the plan's fewest reps, at most STEP_OVERSHOOT_RPE over
        target; where the reps cannot come down to make room (a fixed count), only when it is also nearer the
        target than staying."""
        at_step, at_same = self.rpe(stepped, self.step_reps), self.rpe(same)
        if at_step is None or at_same is None:
            return True
        if at_step > self.goal_rpe + STEP_OVERSHOOT_RPE:
            return False
        return self.step_reps < self.reps or abs(at_step - self.goal_rpe) <= abs(at_same - self.goal_rpe)

    def words(self, load: float, source: str) -> str:
        """"would be about RPE 10.5 for 10 reps by this set's e1RM": why a step was not taken."""
        return f"would be {about(self.rpe(load, self.step_reps) or 0.0)} for {self.step_reps} reps by {source}"

    def reps_in_range(self, load: float, allowed: NumberRange | None) -> tuple[int, str]:
        """The reps at `load`: the ones asked, or, when the e1RM puts them a whole ON_TARGET_RPE or more off target,
        the count in the block's range nearest the target (double progression's more reps at a load, or fewer)."""
        rpe = self.rpe(load)
        if rpe is None or allowed is None or abs(rpe - self.goal_rpe) < ON_TARGET_RPE:
            return self.reps, ""
        at_target = self.reps + self.goal_rpe - rpe      # reps at the target RPE, continuous
        reps = int(min(allowed.high, max(allowed.low, math.floor(at_target + 0.5))))
        if reps == self.reps:
            return reps, ""
        return reps, f", {self.reps} -> {reps} reps (in the plan's {allowed}: {about(self.rpe(load, reps) or 0.0)})"
