"""Effort and strength: the RPE chart, reps in reserve, and estimated one-rep maxes.

RPE (rating of perceived exertion) is read as reps in reserve: RPE 10 = no reps left,
RPE 8 = two left, RPE 9.5 = maybe one left. A set of `reps` at a given RPE is a known
fraction of the lifter's one-rep max, taken from the RTS RPE chart:

    Mike Tuchscherer, "The Reactive Training Manual" (Reactive Training Systems, 2008),
    the RPE/percentage chart; reproduced in Helms, Cronin, Storey & Zourdos, "Application
    of the Repetitions in Reserve-Based Rating of Perceived Exertion Scale for Resistance
    Training", Strength and Conditioning Journal 38(4), 2016.

The chart depends only on reps + reps in reserve (2 reps at RPE 10 is a single at RPE 9), so it
is read as one curve of "reps to failure" from 1 to 16 (12 reps at RPE 6). Beyond 16 the curve
carries on as Epley's, scaled to meet the chart there, so one more rep always means a higher
estimate. Sets logged without an RPE are taken to failure by the classic formulas: Brzycki up to
10 reps, Epley beyond (the lower, more cautious estimate of the two).
"""

from __future__ import annotations

import math
from collections.abc import Callable

CHART_REPS = range(1, 13)
CHART_LOWEST_RPE = 6.0
CHART_HIGHEST_RPE = 10.0

# Percent of 1RM by RPE (rows) and reps 1..12 (columns), as published by RTS.
_RTS_CHART: dict[float, tuple[float, ...]] = {
    10.0: (100.0, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0),
    9.5: (97.8, 93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7),
    9.0: (95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3),
    8.5: (93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0),
    8.0: (92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6),
    7.5: (90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3),
    7.0: (89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6, 59.9),
    6.5: (87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3, 58.6),
    6.0: (86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6, 59.9, 57.3),
}

BRZYCKI_LIMIT = 37          # Brzycki's 36 / (37 - reps) is undefined from 37 reps on
_BRZYCKI_BEST_UP_TO = 10    # the two formulas agree at 10 reps; below it Brzycki is the lower


def _is_half_step(value: float) -> bool:
    return float(value * 2).is_integer()


def percent_of_1rm(reps: int, rpe: float) -> float:
    """The fraction of a one-rep max that `reps` at `rpe` represents, from the RTS chart."""
    if reps not in CHART_REPS:
        raise ValueError(f"the RPE chart covers 1-12 reps, not {reps}")
    if not (CHART_LOWEST_RPE <= rpe <= CHART_HIGHEST_RPE and _is_half_step(rpe)):
        raise ValueError(f"the RPE chart covers RPE 6-10 in half steps, not {rpe:g}")
    return _RTS_CHART[float(rpe)][reps - 1] / 100.0


def estimate_1rm(load: float, reps: int, rpe: float = 10.0) -> float:
    """The one-rep max a set on the RPE chart implies: load / percent_of_1rm."""
    return load / percent_of_1rm(reps, rpe)


def reps_in_reserve(rpe: float) -> float:
    """Reps the runner could still have done: RPE 10 = none, RPE 8 = two."""
    if not 1 <= rpe <= 10:
        raise ValueError(f"RPE must be between 1 and 10, not {rpe:g}")
    return 10.0 - rpe


def rpe_from_reps_in_reserve(rir: float) -> float:
    """The RPE of a set that left `rir` reps in the tank (a plan's `rir = 2` is RPE 8)."""
    if not 0 <= rir <= 9:
        raise ValueError(f"reps in reserve must be between 0 and 9, not {rir:g}")
    return 10.0 - rir


def epley_1rm(load: float, reps: float) -> float:
    """Epley's estimate for a set taken to failure: load * (1 + reps / 30); one rep is the load."""
    if reps < 1:
        raise ValueError(f"a one-rep max needs at least 1 rep, not {reps:g}")
    return load if reps == 1 else load * (1 + reps / 30)


def brzycki_1rm(load: float, reps: float) -> float:
    """Brzycki's estimate for a set taken to failure: load * 36 / (37 - reps), below 37 reps."""
    if reps < 1:
        raise ValueError(f"a one-rep max needs at least 1 rep, not {reps:g}")
    if reps >= BRZYCKI_LIMIT:
        raise ValueError(f"Brzycki's formula is undefined at {BRZYCKI_LIMIT} reps or more, not {reps:g}")
    return load * 36 / (BRZYCKI_LIMIT - reps)


def _formula_ratio(reps_possible: float) -> float:
    """1RM / load for a set of `reps_possible` to failure: Brzycki up to 10 reps, Epley beyond."""
    if reps_possible <= _BRZYCKI_BEST_UP_TO:
        return brzycki_1rm(1.0, reps_possible)
    return epley_1rm(1.0, reps_possible)


def chart_rpe(rpe: float) -> float:
    """An RPE placed on the chart: clamped to 6-10, and rounded up to a half step.

    Below RPE 6 the chart has no row; reading such a set as RPE 6 assumes it was harder
    than logged, which gives a lower (safer) estimated 1RM. Rounding up between half steps
    is cautious for the same reason.
    """
    clamped = min(CHART_HIGHEST_RPE, max(CHART_LOWEST_RPE, rpe))
    return math.ceil(clamped * 2 - 1e-9) / 2


CHART_MOST_TO_FAILURE = CHART_REPS[-1] + reps_in_reserve(CHART_LOWEST_RPE)   # 16: 12 reps at RPE 6


def fraction_to_failure(reps_possible: float) -> float:
    """The fraction of 1RM a lifter can do `reps_possible` times (in half reps): the chart, then Epley's curve.

    Up to 16 it is the chart's cell for those reps to failure; beyond, Epley's ratio from 16 on times the
    chart's 16 (57.3%), so the curve is continuous and falls with every rep.
    """
    if reps_possible < 1 or not _is_half_step(reps_possible):
        raise ValueError(f"reps to failure must be 1 or more in half reps, not {reps_possible:g}")
    if reps_possible > CHART_MOST_TO_FAILURE:
        edge = percent_of_1rm(CHART_REPS[-1], CHART_LOWEST_RPE)
        return edge * epley_1rm(1.0, CHART_MOST_TO_FAILURE) / epley_1rm(1.0, reps_possible)
    reps = min(CHART_REPS[-1], int(reps_possible))
    return percent_of_1rm(reps, CHART_HIGHEST_RPE - (reps_possible - reps))


def _fraction_of_1rm(reps: int, rpe: float | None) -> float:
    """The fraction of 1RM for any set: the chart's curve with an RPE, the formulas (to failure) without."""
    if rpe is None:
        return 1 / _formula_ratio(reps)
    return fraction_to_failure(reps + reps_in_reserve(chart_rpe(rpe)))


def estimate_1rm_from_set(load: float | None, reps: int | None, rpe: float | None) -> float | None:
    """A set's estimated 1RM: RTS chart when an RPE was logged, formulas (to failure) when not.

    None when there is nothing to estimate from: no load, no weight, or no reps. An RPE under
    6 is read as RPE 6 (see chart_rpe); reps and reps in reserve together place it on the curve.
    """
    if load is None or load <= 0 or reps is None or reps < 1:
        return None
    return load / _fraction_of_1rm(reps, rpe)


LIGHT_RESERVE = 6   # the picker's lightest choice, "easier than 5", says 6+ reps left: counted as 6


def least_reserve(rpe: float) -> float:
    """The fewest reps left a reading below the chart allows: RPE 5 is 5, easier than 5 at least LIGHT_RESERVE."""
    return min(LIGHT_RESERVE, reps_in_reserve(rpe))


def floor_1rm(load: float, reps: int, rpe: float) -> float:
    """The least e1RM a set read below the chart allows (its reps plus least_reserve to failure)."""
    return load / fraction_to_failure(reps + least_reserve(rpe))


def load_for_reps(estimated_1rm: float, reps: int, rpe: float) -> float:
    """The load that gives `reps` at `rpe` for this estimated 1RM (the inverse of the estimate)."""
    if reps < 1:
        raise ValueError(f"a target needs at least 1 rep, not {reps}")
    return estimated_1rm * _fraction_of_1rm(reps, rpe)


_MOST_REPS_READ = 60   # reps to failure read off the curve at most: no planned set comes near it


def reps_to_failure(estimated_1rm: float, load: float) -> float:
    """Reps (continuous) this e1RM allows to failure at `load`: the inverse of fraction_to_failure; 0 above the e1RM."""
    share = load / estimated_1rm
    if share > 1.0:
        return 0.0
    heavier, reps = 1.0, 1.0
    while reps < _MOST_REPS_READ:
        lighter = fraction_to_failure(reps + 0.5)
        if share >= lighter:
            return reps + 0.5 * (heavier - share) / (heavier - lighter)
        heavier, reps = lighter, reps + 0.5
    return float(_MOST_REPS_READ)


def predicted_rpe(estimated_1rm: float, load: float, reps: int) -> float:
    """The RPE this e1RM predicts for `reps` at `load`: 10 less the reps left; above 10 when they cannot be done."""
    return CHART_HIGHEST_RPE - (reps_to_failure(estimated_1rm, load) - reps)


# Below RPE 5 a set is "light effort" on the RIR-based scale (Helms et al. 2016, above): its reps
# in reserve are no longer counted, only said to be 6 or more.
LIGHT_BELOW_RPE = 5.0


def _in_reserve(rpe: float, off_chart: str, none_left: str, some_left: Callable[[int], str]) -> str:
    """The reps in reserve at an RPE in words: "maybe" for a half step, which sits between two counts."""
    if rpe < LIGHT_BELOW_RPE:
        return off_chart
    left = math.ceil(reps_in_reserve(rpe))
    if left == 0:
        return none_left
    maybe = "" if float(rpe).is_integer() else "maybe "
    return f"{maybe}{some_left(left)}"


def _reps_left(rpe: float) -> str:
    return _in_reserve(rpe, "6+ reps left (light)", "no reps left", lambda n: f"{n} rep{'' if n == 1 else 's'} left")


# A hold has no reps: its RPE says how much longer it could have been held, one step of time for each
# rep in reserve, in words, as no source gives seconds for them.
_LONGER = {1: "a moment longer", 2: "a little longer", 3: "a while longer", 4: "much longer", 5: "a lot longer"}


def _time_left(rpe: float) -> str:
    return _in_reserve(rpe, "far longer (light)", "could not hold longer", lambda n: _LONGER[n])


def describe_rpe(rpe: float, hold: bool = False) -> str:
    """What an RPE means in words a runner can act on: "RPE 8 = 2 reps left", or for a hold "could hold a little longer"."""
    reserve = reps_in_reserve(rpe)    # refuses an RPE off the scale
    if not hold:
        return f"RPE {rpe:g} = {_reps_left(rpe)}"
    words = _time_left(rpe)
    return f"RPE {rpe:g} = {words if reserve == 0 else 'could hold ' + words}"


_PICKED = (6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0)
RPE_SCALE: tuple[tuple[float, str], ...] = tuple((rpe, _reps_left(rpe)) for rpe in _PICKED)
"""Each RPE the picker offers, 6 to 10 in half steps, with its meaning ("2 reps left")."""
HOLD_RPE_SCALE: tuple[tuple[float, str], ...] = tuple((rpe, _time_left(rpe)) for rpe in _PICKED)
"""The same scale for a hold, each RPE said of time ("a little longer")."""
_BELOW_CHART = (4.0, 5.0)   # RPE 5, and 4 for any set easier than that
BELOW_CHART_SCALE: tuple[tuple[float, str], ...] = tuple((rpe, _reps_left(rpe)) for rpe in _BELOW_CHART)
"""The RPEs the picker offers below the chart, with their meaning ("5 reps left")."""
HOLD_BELOW_CHART_SCALE: tuple[tuple[float, str], ...] = tuple((rpe, _time_left(rpe)) for rpe in _BELOW_CHART)
"""The same for a hold, said of time ("a lot longer")."""
