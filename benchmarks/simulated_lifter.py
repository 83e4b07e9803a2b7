"""A simulated lifter: a true strength per exercise, and the RPE an honest runner reports for a set.

Effort is read as reps in reserve, as the RTS chart reads it: RPE 10 leaves no rep, RPE 8 two. The
reps a lifter can do to failure at a share of their true 1RM are the chart's own curve
(strongstride.engine.rpe.fraction_to_failure): its cells to 16 reps from failure (12 reps at RPE 6),
each half step a cell, then Epley's shape joined to the chart there. The lifter and the coach read
the same chart, so the figures measure the coach's choices, not a disagreement between two curves
(docs/coaching.md says why the chart's cells past 12 reps are kept). A set of R reps with F reps
possible is then RPE 10 - (F - R); above 10 the lifter cannot finish it and stops at the last whole
rep, logging RPE 10 (a miss). Bodyweight work uses a true maximum of reps the same way, and a hold a
true longest hold, one RPE point for each HOLD_SECONDS_PER_RPE seconds left.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date
from typing import Literal

from strongstride.engine.rpe import BELOW_CHART_SCALE, RPE_SCALE, fraction_to_failure

StrengthKind = Literal["load", "reps", "hold"]

HOLD_SECONDS_PER_RPE = 5   # an assumption, as the seeds give no seconds per point: the coach's hold step today
REPORTING_NOISE = 0.5      # reported RPE within +/-0.5 of the true one
PICKER_RPES = tuple(sorted(rpe for rpe, _ in (*BELOW_CHART_SCALE, *RPE_SCALE)))   # every RPE the picker offers
LOWEST_REPORTED_RPE = PICKER_RPES[0]       # "easier than 5"
MOST_REPS = 60                             # the curve stops here: no set in a plan comes near it
_HALF = 0.5
_FAILURE_CURVE: tuple[float, ...] = tuple(fraction_to_failure(1 + _HALF * n) for n in range(int((MOST_REPS - 1) / _HALF) + 1))
"""The share of 1RM that is exactly 1, 1.5, 2 ... MOST_REPS reps to failure: the coach's chart curve."""


def reps_to_failure(share_of_1rm: float) -> float:
    """How many reps (continuous) a lifter can do at this share of their true 1RM; 0 above it."""
    if share_of_1rm > 1.0:
        return 0.0
    for index, (heavier, lighter) in enumerate(zip(_FAILURE_CURVE, _FAILURE_CURVE[1:])):
        if share_of_1rm >= lighter:
            return 1 + _HALF * (index + (heavier - share_of_1rm) / (heavier - lighter))
    return float(MOST_REPS)


def share_for_reps_to_failure(reps: float) -> float:
    """The share of 1RM that allows exactly `reps` (continuous) to failure: the inverse of reps_to_failure."""
    if reps <= 1:
        return 1.0
    place = min((reps - 1) / _HALF, len(_FAILURE_CURVE) - 1)
    index = min(int(place), len(_FAILURE_CURVE) - 2)
    heavier, lighter = _FAILURE_CURVE[index], _FAILURE_CURVE[index + 1]
    return heavier - (place - index) * (heavier - lighter)


@dataclass(frozen=True)
class TrueStrength:
    """What a lifter can really do on one exercise at the start, and how fast it grows per week."""

    kind: StrengthKind
    start: float                 # 1RM in kg, most reps, or longest hold in seconds
    weekly_growth: float = 0.0   # a share per week: 0.005 is half a percent

    def on(self, day: date, since: date) -> float:
        """The true strength on a day, grown for the weeks since `since`."""
        weeks = max(0, (day - since).days) / 7
        return self.start * (1 + self.weekly_growth) ** weeks


@dataclass(frozen=True)
class Effort:
    """One set as the lifter did it: reps or seconds done, the RPE reported, and the true RPE of the set asked."""

    done: int
    reported_rpe: float
    true_rpe: float              # above 10: the set asked for more than the lifter had


def true_rpe(strength: TrueStrength, today: float, reps: int | None, hold: int | None, load_kg: float | None) -> float:
    """The RPE of the set asked (reps at a load, bodyweight reps, or a hold) for today's true strength."""
    if strength.kind == "hold":
        return 10.0 - (today - (hold or 0)) / HOLD_SECONDS_PER_RPE
    possible = reps_to_failure(load_kg / today) if strength.kind == "load" and load_kg else today
    return 10.0 - (possible - (reps or 0))


def true_target_load(one_rm_kg: float, reps: int, rpe: float) -> float:
    """The load in kg that makes `reps` exactly RPE `rpe` for this true 1RM."""
    return one_rm_kg * share_for_reps_to_failure(reps + 10.0 - rpe)


def picker_choice(felt: float) -> float:
    """The RPE the picker offers nearest to what the lifter felt (a tie takes the harder one)."""
    return min(PICKER_RPES, key=lambda rpe: (abs(rpe - felt), -rpe))


class Lifter:
    """A runner with a true strength per exercise who reports each set's RPE honestly, give or take the noise."""

    def __init__(self, strengths: dict[str, TrueStrength], since: date, seed: int | str, noise: float = REPORTING_NOISE):
        self.strengths = strengths
        self.since = since
        self.noise = noise
        self._random = random.Random(seed)

    def today(self, exercise_id: str, day: date) -> float:
        """The true 1RM (kg), most reps or longest hold of an exercise on a day."""
        return self.strengths[exercise_id].on(day, self.since)

    def true_rpe(self, exercise_id: str, day: date, reps: int | None, hold: int | None, load_kg: float | None) -> float:
        """The true RPE of a set asked of this lifter on a day."""
        return true_rpe(self.strengths[exercise_id], self.today(exercise_id, day), reps, hold, load_kg)

    def perform(self, exercise_id: str, day: date, reps: int | None, hold: int | None, load_kg: float | None) -> Effort:
        """Do the set asked: all of it when it can be done, else up to the last whole rep or second (RPE 10)."""
        strength = self.strengths[exercise_id]
        asked = hold if strength.kind == "hold" else reps
        effort = self.true_rpe(exercise_id, day, reps, hold, load_kg)
        if effort > 10.0 + 1e-9:
            over = (effort - 10.0) * (HOLD_SECONDS_PER_RPE if strength.kind == "hold" else 1)
            return Effort(max(0, math.floor((asked or 0) - over + 1e-9)), 10.0, effort)
        felt = effort + self._random.uniform(-self.noise, self.noise)
        reported = picker_choice(felt)
        return Effort(asked or 0, reported, effort)
