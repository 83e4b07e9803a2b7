"""When no load the equipment makes lands the target effort inside the plan's reps, the reps flex, bounded and said.

A light one-legged lift or a small machine stack can sit between two loads: the lighter too easy at the
top of the plan's range, the heavier too hard at its bottom. A coach then keeps the load and moves the
reps to the count that reaches the target effort, so the set keeps the seed's intent of enough
resistance with one or two reps left (seed 004: "8 to 10 repetitions, but feel like you could do 1 or 2
more"). The reps move at most REP_FLEX past the plan's range, the app's bound from the ACSM position
stand's progression trigger, "one to two repetitions over the desired number" (American College of
Sports Medicine, "Progression Models in Resistance Training for Healthy Adults", Med Sci Sports Exerc
41(3), 2009): within it the set is still the plan's, beyond it ACSM would change the load instead. Only a
range flexes: a plan that writes one count keeps it.
"""

from __future__ import annotations

import math

from strongstride.engine.aim import ON_TARGET_RPE, Forecast, about
from strongstride.engine.loading import available_load_at_least, available_load_at_most
from strongstride.engine.rpe import CHART_HIGHEST_RPE, fraction_to_failure
from strongstride.model.config import Equipment
from strongstride.model.exercise import Exercise
from strongstride.model.plan import NumberRange
from strongstride.model.units import Unit, format_load

REP_FLEX = 2    # at most this many reps past the plan's range: ACSM 2009's "one to two repetitions over"


def flex_bounds(allowed: NumberRange) -> tuple[int, int]:
    """The fewest and most reps a flexed set may ask: the plan's range widened by REP_FLEX, never under 1."""
    return max(1, int(allowed.low) - REP_FLEX), int(allowed.high) + REP_FLEX


def _reps_at_target(forecast: Forecast, load: float, reps: int) -> float:
    """The reps (continuous) that put this load at the target RPE by the forecast's e1RM."""
    return reps + forecast.goal_rpe - (forecast.rpe(load, reps) or 0.0)


def _best_count(forecast: Forecast, load: float, low: int, high: int) -> int:
    """The count between `low` and `high` whose predicted RPE at `load` is nearest the target."""
    return int(min(high, max(low, math.floor(_reps_at_target(forecast, load, low) + 0.5))))


def _lands(forecast: Forecast, load: float, reps: int) -> bool:
    rpe = forecast.rpe(load, reps)
    return rpe is not None and abs(rpe - forecast.goal_rpe) < ON_TARGET_RPE


def _bracket(e1rm: float, goal_rpe: float, allowed: NumberRange, exercise: Exercise, equipment: Equipment) -> tuple[float, float]:
    """The makeable loads either side of the one that puts the middle of the range at the target RPE."""
    to_failure = (allowed.low + allowed.high) / 2 + CHART_HIGHEST_RPE - goal_rpe
    ideal = e1rm * fraction_to_failure(max(1.0, math.floor(to_failure * 2 + 0.5) / 2))
    return available_load_at_most(ideal, exercise, equipment), available_load_at_least(ideal, exercise, equipment)


def _needed_words(lighter: float, heavier: float, load: float, unit: Unit) -> str:
    """Where the load that would land inside the range lies: between two makeable loads, or past the end of them."""
    if lighter == heavier:
        return f"{'under' if load <= lighter else 'over'} {format_load(load, unit)}"
    return f"between {format_load(lighter, unit)} and {format_load(heavier, unit)}"


def flexed_reps(
    forecast: Forecast, load: float, reps: int, allowed: NumberRange | None, exercise: Exercise, equipment: Equipment,
    unit: Unit,
) -> tuple[int, str]:
    """The reps at `load` nearest the target RPE up to REP_FLEX past the plan's range, with the reason's words (from
    the forecast's reps, the ones asked before), when `reps` miss the on-target band and no makeable load lands in it
    anywhere inside the range; else `reps` and no words. Where even REP_FLEX past the range does not reach the band,
    the bound holds the reps at its end, nearer the target than the range's, and the words give the RPE they cost. A plan
    that fixes its reps ("5", not "3-5") keeps them: only a range says the count may move.

    Any makeable load that lands inside the range lies next to the ideal one (the RPE falls with the load), so the
    two loads either side of it are all that need checking.
    """
    if forecast.e1rm is None or allowed is None or not allowed.is_range or _lands(forecast, load, reps):
        return reps, ""
    low, high = int(allowed.low), int(allowed.high)
    if any(_lands(forecast, near, _best_count(forecast, near, low, high))
           for near in _bracket(forecast.e1rm, forecast.goal_rpe, allowed, exercise, equipment)):
        return reps, ""
    count = _best_count(forecast, load, *flex_bounds(allowed))
    if low <= count <= high:
        return reps, ""
    lighter, heavier = _bracket(forecast.e1rm, forecast.goal_rpe, allowed, exercise, equipment)
    needed = _needed_words(lighter, heavier, load, unit)
    return count, (f", {forecast.reps} -> {count} reps ({about(forecast.rpe(load, count) or 0.0)} at {format_load(load, unit)}): "
                   f"the plan's {allowed} reps need a load {needed} (at most {REP_FLEX} reps past the range: "
                   "ACSM's one to two reps over)")
