"""When no load the equipment makes lands the target effort inside the plan's reps, the reps flex, bounded and said.

A light one-legged lift or a small machine stack can sit between two loads: the lighter too easy at the
top of the plan's range, the heavier too hard at its bottom. A coach then keeps the load and moves the
reps to the count that reaches the target effort (or takes the next load for fewer reps when only that lands), so the set keeps the seed's intent of enough
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
from strongstride.engine.loading import available_load_at_least, available_load_at_most, step_load
from strongstride.engine.rpe import CHART_HIGHEST_RPE, fraction_to_failure
from strongstride.model.config import Equipment
from strongstride.model.exercise import Exercise
from strongstride.model.plan import NumberRange
from strongstride.model.units import Unit, format_load

_TOLERANCE = 1e-6
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


def _lands(forecast: Forecast, load: float, reps: int, edge: bool = True) -> bool:
    """Whether the e1RM puts `reps` at `load` within ON_TARGET_RPE of the target, its edge included unless `edge` is False."""
    rpe = forecast.rpe(load, reps)
    off = None if rpe is None else abs(rpe - forecast.goal_rpe)
    return off is not None and (off <= ON_TARGET_RPE + _TOLERANCE if edge else off < ON_TARGET_RPE - _TOLERANCE)


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


def flexed_set(
    forecast: Forecast, load: float, reps: int, allowed: NumberRange | None, exercise: Exercise, equipment: Equipment,
    unit: Unit, heaviest: float,
) -> tuple[float, int, str]:
    """(load, reps, the reason's words) when `reps` at `load` are not inside the on-target band (its edge is a miss
    here: a set a whole RPE off by the estimate is as likely under it as on it) and no makeable load lands inside it
    anywhere in the plan's range: the reps at `load` nearest the target up to REP_FLEX past the range, or, when
    those miss the band and the next load up (not above `heaviest`, the load the caller's caps allow) lands in it at
    fewer reps, that load for them; else `load`, `reps` and no words.

    The load the rules chose is kept whenever it lands, so the caps stand; the step up is taken only to land. Where
    nothing lands even REP_FLEX past the range, the bound holds the reps at its end, nearer the target than the
    range's, and the words give the RPE they cost. A plan that fixes its reps ("5", not "3-5") keeps them: only a
    range says the count may move. Any makeable load that lands inside the range lies next to the ideal one (the RPE
    falls with the load), so the two loads either side of it are all that need checking.
    """
    if forecast.e1rm is None or allowed is None or not allowed.is_range or _lands(forecast, load, reps, edge=False):
        return load, reps, ""
    low, high = int(allowed.low), int(allowed.high)
    lighter, heavier = _bracket(forecast.e1rm, forecast.goal_rpe, allowed, exercise, equipment)
    if any(_lands(forecast, near, _best_count(forecast, near, low, high), edge=False) for near in (lighter, heavier)):
        return load, reps, ""
    flexed, count = load, _best_count(forecast, load, *flex_bounds(allowed))
    step_up = step_load(load, 1, exercise, equipment)
    if not _lands(forecast, load, count) and load < step_up <= heaviest + _TOLERANCE:
        up_count = _best_count(forecast, step_up, *flex_bounds(allowed))
        if _lands(forecast, step_up, up_count):
            flexed, count = step_up, up_count
    if low <= count <= high:     # nothing past the range: the load and reps stay as the rules chose them
        return load, reps, ""
    move = f"{count} reps again" if count == forecast.reps else f"{forecast.reps} -> {count} reps"
    return flexed, count, (f", {move} ({about(forecast.rpe(flexed, count) or 0.0)} at "
                           f"{format_load(flexed, unit)}): the plan's {allowed} reps need a load "
                           f"{_needed_words(lighter, heavier, flexed, unit)} (at most {REP_FLEX} reps past the range: "
                           "ACSM's one to two reps over)")


def reps_at(
    forecast: Forecast, load: float, allowed: NumberRange | None, exercise: Exercise, equipment: Equipment, unit: Unit,
    heaviest: float,
) -> tuple[float, int, str]:
    """(load, reps, the reason's words) at `load`: the reps moved in the plan's range (Forecast.reps_in_range), or
    flexed past it where no makeable load lands the target inside it (`flexed_set`, which may take the next load up,
    not above `heaviest`)."""
    moved, words = forecast.reps_in_range(load, allowed)
    flexed_load, flexed, flex_words = flexed_set(forecast, load, moved, allowed, exercise, equipment, unit, heaviest)
    return (flexed_load, flexed, flex_words) if flex_words else (load, moved, words)
