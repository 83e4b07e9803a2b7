"""Set to set: the next set's load, reps or hold, from how the one just logged felt.

Loaded work re-estimates the 1RM from the set just done and picks the load that gives the
target reps at the target RPE, moving at most 10% in one set: the top of the 2-10% load
increase the ACSM position stand recommends (American College of Sports Medicine,
"Progression Models in Resistance Training for Healthy Adults", Med Sci Sports Exerc 41(3),
2009). A strong signal (RPE 1.5 or more off target, the middle of ACSM's "one to two
repetitions over the desired number", or reps outside the block's range) always moves the
load at least one step the equipment can make (the next dumbbell, the smallest plate pair,
the next pin), even where that one step is more than 10%: the overshoot is that one step,
and the reason says how far it goes. When anything holds the load (the cap, a gap in the
rack, the end of the rack) the reason says so.

A missed target (fewer reps or seconds than asked) counts as RPE 10 at the reps done: the
set went to failure, whatever RPE was logged. Bodyweight and band work change the reps (or
hold seconds) instead, and two sets in a row far off target offer an easier or harder
variation from the exercise's ladder.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from strongstride.engine.loading import (
    available_load_at_least,
    available_load_at_most,
    end_of_range_words,
    load_increment,
    nearest_available_load,
    step_load,
    step_words,
    within_load_limit,
)
from strongstride.engine.aim import STEP_OVERSHOOT_RPE, Forecast, about
from strongstride.engine.rep_flex import reps_at
from strongstride.engine.rpe import (
    CHART_HIGHEST_RPE, CHART_LOWEST_RPE, LIGHT_BELOW_RPE, estimate_1rm_from_set, floor_1rm, least_reserve, load_for_reps,
)
from strongstride.engine.target import SetTarget
from strongstride.model.config import Equipment
from strongstride.model.exercise import Exercise
from strongstride.model.log import SetLog
from strongstride.model.plan import Block, NumberRange
from strongstride.model.units import Unit, clean, convert, format_load

DEFAULT_TARGET_RPE = 8.0
MAX_CHANGE_PER_SET = 0.10   # ACSM 2009: a 2-10% increase in load (the top of it, for one set)
FAR_OFF_RPE = 1.5           # ACSM 2009's "one to two repetitions over", met halfway: a strong signal
HOLD_STEP_SECONDS = 5
_TOLERANCE = 1e-6

Effort = Literal["easy", "hard"]


def target_rpe(block: Block) -> float:
    """The block's target RPE, or RPE 8 (two reps left) when the plan sets none."""
    rpe = block.prescription.rpe
    return DEFAULT_TARGET_RPE if rpe is None else rpe


def missed_target(set_log: SetLog) -> bool:
    """True when the set fell short of the reps or seconds it asked for."""
    if set_log.target_reps is not None and set_log.reps is not None:
        return set_log.reps < set_log.target_reps
    if set_log.target_hold is not None and set_log.hold_seconds is not None:
        return set_log.hold_seconds < set_log.target_hold
    return False


def counted_rpe(set_log: SetLog) -> float | None:
    """The RPE a set is judged by: a missed target counts as RPE 10, else the RPE logged."""
    return 10.0 if missed_target(set_log) else set_log.rpe


def _done(set_log: SetLog, is_hold: bool) -> int | None:
    return set_log.hold_seconds if is_hold else set_log.reps


def far_off_target(set_log: SetLog, goal_rpe: float, allowed: NumberRange | None, is_hold: bool) -> Effort | None:
    """"hard" or "easy" when the set was RPE 1.5+ off target or outside the block's range, else None."""
    rpe = counted_rpe(set_log)
    if rpe is not None and rpe - goal_rpe >= FAR_OFF_RPE:
        return "hard"
    if rpe is not None and goal_rpe - rpe >= FAR_OFF_RPE:
        return "easy"
    done = _done(set_log, is_hold)
    if allowed is not None and done is not None:
        if done < allowed.low:
            return "hard"
        if done > allowed.high:
            return "easy"
    return None


def set_rounds(sets_done: Sequence[SetLog]) -> list[list[SetLog]]:
    """Work sets grouped by set number, so both sides of a unilateral set form one round."""
    rounds: dict[int, list[SetLog]] = {}
    for set_log in sets_done:
        if set_log.counts_as_work:
            rounds.setdefault(set_log.set_number, []).append(set_log)
    return list(rounds.values())


def _harder_side(round_sets: list[SetLog]) -> SetLog:
    """The set of a round to judge it by: the one that felt hardest (a logged RPE beats none)."""
    return max(round_sets, key=lambda s: (counted_rpe(s) is not None, counted_rpe(s) or 0.0))


def _effort_words(rpe: float, goal_rpe: float) -> str:
    if rpe == goal_rpe:
        return f"On target at RPE {rpe:g}"
    if abs(rpe - goal_rpe) < 1:
        return f"Near target at RPE {rpe:g}"
    return f"{'Easy' if rpe < goal_rpe else 'Hard'} at RPE {rpe:g}"


def _change(before: str, after: str, unit_words: str) -> str:
    return f"stay at {after} {unit_words}" if before == after else f"{before} -> {after} {unit_words}"


def next_set_target(
    block: Block, exercise: Exercise, current: SetTarget, sets_done: Sequence[SetLog], equipment: Equipment, unit: Unit,
) -> SetTarget:
    """The next set's target from the set (or both sides of the set) just logged."""
    rounds = set_rounds(sets_done)
    if not rounds:
        return current
    judged = _harder_side(rounds[-1])
    goal_rpe = target_rpe(block)
    if exercise.is_loaded and current.load is not None:
        last_load = convert(judged.load, judged.unit, unit) if judged.load is not None else current.load
        return _next_load(block, exercise, current, judged, last_load, equipment, unit, goal_rpe)
    return _next_reps_or_hold(block, exercise, current, rounds, goal_rpe)


def _within_cap(ideal: float, last_load: float, exercise: Exercise, equipment: Equipment) -> float:
    """The makeable load nearest `ideal` that stays within 10% of the last load (one increment inside)."""
    upper, lower = last_load * (1 + MAX_CHANGE_PER_SET), last_load * (1 - MAX_CHANGE_PER_SET)
    load = nearest_available_load(min(upper, max(lower, ideal)), exercise, equipment)
    if load > upper + _TOLERANCE:
        return available_load_at_most(upper, exercise, equipment)
    if load < lower - _TOLERANCE:
        return available_load_at_least(lower, exercise, equipment)
    return load


def _past_cap(load: float, last_load: float) -> bool:
    """True when a load is more than ACSM's 10% step from the last."""
    return abs(load - last_load) > last_load * MAX_CHANGE_PER_SET + _TOLERANCE


def _percent(load: float, last_load: float) -> str:
    """The change from the last load as a runner reads it: "+25%"."""
    return f"{(load / last_load - 1) * 100:+.0f}%"


def _signal(set_log: SetLog, goal_rpe: float, allowed: NumberRange | None) -> tuple[Effort, str] | None:
    """A strong signal ("easy" or "hard") and what made it one, in words; None when the set was near target."""
    effort = far_off_target(set_log, goal_rpe, allowed, is_hold=False)
    if effort is None:
        return None
    rpe = counted_rpe(set_log)
    if rpe is not None and abs(rpe - goal_rpe) >= FAR_OFF_RPE:
        return effort, f"{FAR_OFF_RPE:g}+ RPE off target"
    return effort, f"reps outside the plan's {allowed}"


def _step_or_hold(
    ideal: float, last_load: float, signal: tuple[Effort, str] | None, exercise: Exercise, equipment: Equipment,
    unit: Unit, forecast: Forecast,
) -> tuple[float, str]:
    """The load within the cap, stepped once for a strong signal when the step is in reach; with words when not."""
    same = nearest_available_load(last_load, exercise, equipment)
    load = _within_cap(ideal, last_load, exercise, equipment)
    if load != same:
        capped = ideal > last_load * (1 + MAX_CHANGE_PER_SET) and load < nearest_available_load(ideal, exercise, equipment)
        return load, ", at most ACSM's 10% step in one set" if capped else ""
    heavier = ideal > last_load
    stepped = step_load(same, 1 if heavier else -1, exercise, equipment)
    strong = signal is not None and signal[0] == ("easy" if heavier else "hard")   # the ideal load agrees
    if signal is not None and strong and stepped != same:
        if heavier and not forecast.worth_stepping(same, stepped):
            words = forecast.words(stepped, "this set's e1RM")
            return same, f", held: {step_words(exercise, equipment)} ({format_load(stepped, unit)}) {words}"
        over = f": {_percent(stepped, last_load)}, past ACSM's 10% step" if _past_cap(stepped, last_load) else ""
        return stepped, f", one step ({step_words(exercise, equipment)}) for {signal[1]}{over}"
    if not strong and abs(ideal - same) < load_increment(exercise, equipment) / 2:
        return same, ""    # the ideal is within half the finest step: nothing holds the load
    if stepped == same:
        return same, f", held: {format_load(same, unit)} is {end_of_range_words(heavier, exercise, equipment)}"
    if nearest_available_load(ideal, exercise, equipment) != same:    # the cap kept it
        next_load = format_load(stepped, unit)
        return same, f", held: {step_words(exercise, equipment)} ({next_load}) is {_percent(stepped, last_load)}, past ACSM's 10% step"
    return same, f", held: {step_words(exercise, equipment)} is {format_load(stepped, unit)}"


def _aimed_from_floor(
    ideal: float, last_load: float, rpe: float, exercise: Exercise, equipment: Equipment, unit: Unit, forecast: Forecast,
    test: bool,
) -> tuple[float, str]:
    """After a set read below the chart: the load aimed from the least e1RM the reading allows.

    ACSM's 10% step is for sets near their target; this one was 5 or more reps from failure, and the floor keeps
    the aim cautious: a work set aims at the target from it (the nearest load, or the one under when the nearest is
    past the on-target band), a test set at failure (the heaviest load not above it: no missed rep). Where the aim
    rounds back to the same load, a test set takes one step up; a work set takes it when the floor puts the step at
    most STEP_OVERSHOOT_RPE over target, or, after a set logged easier than 5 (a floor that may lie far under the
    runner's strength), when even at the floor no rep of the step would be missed; else it holds and says why.
    """
    same = nearest_available_load(last_load, exercise, equipment)
    reserve = least_reserve(rpe)
    floor_words = (f"no rep missed even if RPE {rpe:g} meant only {reserve:g} reps left" if test
                   else f"aimed from {reserve:g} reps left, the least RPE {rpe:g} says")
    load = nearest_available_load(ideal, exercise, equipment)
    if test or (forecast.rpe(load) or 0.0) > forecast.goal_rpe + STEP_OVERSHOOT_RPE:
        load = available_load_at_most(ideal, exercise, equipment)
    if load > same:
        over = f" ({_percent(load, last_load)}, past ACSM's 10% step)" if _past_cap(load, last_load) else ""
        return load, f", {floor_words}{over}"
    stepped = step_load(same, 1, exercise, equipment)
    if stepped == same:
        return same, f", held: {format_load(same, unit)} is {end_of_range_words(True, exercise, equipment)}"
    at_floor = forecast.rpe(stepped, forecast.step_reps)
    unbounded = rpe < LIGHT_BELOW_RPE and at_floor is not None and at_floor <= CHART_HIGHEST_RPE
    if test or forecast.worth_stepping(same, stepped) or unbounded:
        over = f" ({_percent(stepped, last_load)}, past ACSM's 10% step)" if _past_cap(stepped, last_load) else ""
        if not (test or forecast.worth_stepping(same, stepped)):
            floor_words = (f"no rep missed even if RPE {rpe:g} meant only {reserve:g} reps left "
                           f"({about(at_floor or 0.0)} for {forecast.step_reps} reps at that)")
        return stepped, f", one step ({step_words(exercise, equipment)}), {floor_words}{over}"
    words = forecast.words(stepped, f"{reserve:g} reps left")
    return same, f", held: {step_words(exercise, equipment)} ({format_load(stepped, unit)}) {words}"


def _next_load(
    block: Block, exercise: Exercise, current: SetTarget, judged: SetLog, last_load: float,
    equipment: Equipment, unit: Unit, goal_rpe: float,
) -> SetTarget:
    """Loaded work: the load for the target reps at the target RPE, from the 1RM this set implies."""
    same = nearest_available_load(last_load, exercise, equipment)
    base = replace(current, rpe=goal_rpe, offer_variation=None)
    rpe = counted_rpe(judged)
    if rpe is None or judged.reps is None:
        missing = "RPE" if judged.reps is not None else "reps"
        return replace(base, load=same, reason=f"No {missing} logged: load stays {format_load(same, unit)}")
    allowed = block.prescription.reps
    # a test set's next asks the plan's fewest reps (the first test set may have asked more)
    reps_wanted = (int(allowed.low) if current.test and allowed else current.reps) or judged.reps or 1
    light = last_load > 0 and judged.reps >= 1 and rpe < CHART_LOWEST_RPE and goal_rpe - rpe >= FAR_OFF_RPE
    # the ramp goes on while a test set is logged easier than 5; RPE 5 (5 reps left) is a count to aim the work from
    ramping = current.test and light and rpe < LIGHT_BELOW_RPE
    estimated_1rm = floor_1rm(last_load, judged.reps, rpe) if light else estimate_1rm_from_set(last_load, judged.reps, rpe)
    if estimated_1rm is None:   # not a single rep: as light as one set may go
        ideal = last_load * (1 - MAX_CHANGE_PER_SET)
    else:   # a test set aims its next at failure from the floor: no rep is missed even at the floor itself
        ideal = load_for_reps(estimated_1rm, reps_wanted, CHART_HIGHEST_RPE if ramping else goal_rpe)
    signal = _signal(judged, goal_rpe, allowed)
    forecast = Forecast(estimated_1rm, reps_wanted, goal_rpe, None if allowed is None else int(allowed.low))
    if light:
        load, why = _aimed_from_floor(ideal, last_load, rpe, exercise, equipment, unit, forecast, ramping)
    else:
        load, why = _step_or_hold(ideal, last_load, signal, exercise, equipment, unit, forecast)
    load = within_load_limit(load, exercise, equipment, unit)
    if ramping:
        reps, reps_why = forecast.reps_in_range(load, allowed)
    else:     # the flex takes at most one step past the load just lifted (none past a step up), as a strong signal may
        flexed_load, reps, reps_why = reps_at(forecast, load, allowed, exercise, equipment, unit,
                                              heaviest=math.inf if load <= same else load)
        if flexed_load != load:     # the rules' load moves up for fewer reps: the flex's words say why
            over = f": {_percent(flexed_load, last_load)}, past ACSM's 10% step" if _past_cap(flexed_load, last_load) else ""
            why = f", one step ({step_words(exercise, equipment)}) for fewer reps{over}" if flexed_load != same else ""
        load = flexed_load
    move = _change(f"{clean(last_load):g}", f"{clean(load):g}", unit)
    if missed_target(judged):
        reason = f"{judged.reps or 0} of {judged.target_reps} reps: counted as RPE 10, {move}"
    elif rpe == goal_rpe and load == same and not reps_why:
        reason = f"On target at RPE {rpe:g}: {move}"
    else:
        reason = f"RPE {rpe:g} at target {goal_rpe:g}: {move}"
    testing = ramping and load > same
    label = "Test ramp: " if testing else ""
    return replace(base, load=load, reps=reps, reason=label + reason + why + reps_why, test=testing)


def _next_reps_or_hold(
    block: Block, exercise: Exercise, current: SetTarget, rounds: list[list[SetLog]], goal_rpe: float,
) -> SetTarget:
    """Bodyweight and band work: more reps (or seconds) when easy, fewer when hard, within the range."""
    is_hold = exercise.kind == "hold"
    allowed = block.prescription.hold_seconds if is_hold else block.prescription.reps
    step, words = (HOLD_STEP_SECONDS, "s") if is_hold else (1, "reps")
    judged = _harder_side(rounds[-1])
    done = _done(judged, is_hold)
    now = current.hold_seconds if is_hold else current.reps
    now = now if now is not None else done
    base = replace(current, rpe=goal_rpe, offer_variation=_variation_offer(exercise, rounds, goal_rpe, allowed, is_hold))
    rpe = counted_rpe(judged)
    if now is None:
        return replace(base, reason=_with_offer(f"No {words} logged: same target", base.offer_variation))
    if rpe is None:
        return replace(base, reason=_with_offer(f"No RPE logged: stay at {now} {words}", base.offer_variation))
    points = int(goal_rpe - rpe)     # whole reps in reserve away from target, toward zero
    start = done if done is not None else now
    wanted = _bounded_count(start + points * step, now, rpe, goal_rpe, allowed, step)
    move = _change(str(now), str(wanted), words)
    if rpe >= CHART_HIGHEST_RPE and wanted < now:
        move += f" ({start} less {-points * step} in reserve at RPE {goal_rpe:g})"
    elif allowed is not None and wanted != max(step, start + points * step):
        move += f", {_range_words(wanted, allowed)} the plan's {allowed} {words}"
    if missed_target(judged):
        reason = f"{done} of {now} {words}: counted as RPE 10, {move}"
    elif done is not None and done != now:
        reason = f"{done} {words} at RPE {rpe:g} (target {goal_rpe:g}): {move}"
    else:
        reason = f"{_effort_words(rpe, goal_rpe)}: {move}"
    reason = _with_offer(reason, base.offer_variation)
    return replace(base, reason=reason, hold_seconds=wanted) if is_hold else replace(base, reason=reason, reps=wanted)


def _range_words(count: int, allowed: NumberRange) -> str:
    """How the block's range held a count: at its end, or already outside it (the set's effort kept it there)."""
    if count < allowed.low:
        return "already below"
    if count > allowed.high:
        return "already above"
    return "held by"


def _bounded_count(wanted: int, now: int, rpe: float, goal_rpe: float, allowed: NumberRange | None, step: int) -> int:
    """Reps or seconds kept in the block's range, except that a failed or RPE 10 set may go below it,
    a hard set never raises the target and an easy one never lowers it; never under one step."""
    low = step if rpe >= CHART_HIGHEST_RPE or allowed is None else int(allowed.low)
    high = None if allowed is None else int(allowed.high)
    if rpe > goal_rpe:
        low = min(low, now)
    if rpe < goal_rpe and high is not None:
        high = max(high, now)
    bounded = max(low, wanted) if high is None else min(high, max(low, wanted))
    return max(step, bounded)


def _variation_offer(
    exercise: Exercise, rounds: list[list[SetLog]], goal_rpe: float, allowed: NumberRange | None, is_hold: bool,
) -> Literal["easier", "harder"] | None:
    """After two sets in a row far off target the same way, the ladder's next rung (if there is one)."""
    if len(rounds) < 2:
        return None
    efforts = {far_off_target(_harder_side(r), goal_rpe, allowed, is_hold) for r in rounds[-2:]}
    if efforts == {"easy"} and exercise.harder:
        return "harder"
    if efforts == {"hard"} and exercise.easier:
        return "easier"
    return None


def _with_offer(reason: str, offer: Literal["easier", "harder"] | None) -> str:
    if offer is None:
        return reason
    article = "an" if offer == "easier" else "a"
    return f"{reason}; {article} {offer} variation is offered"


def offer_extra_set(block: Block, sets_done: Sequence[SetLog]) -> bool:
    """For sets given as a range ("3-5"): one more set while the last set and the block's average are at or under target."""
    sets = block.prescription.sets
    rounds = set_rounds(sets_done)
    if not sets.is_range or not rounds:
        return False
    sides = {s.side for round_sets in rounds for s in round_sets}
    last = rounds[-1]
    if len(last) < len(sides):
        return False        # the other side of this set is still to do
    if not sets.low <= last[0].set_number < sets.high:
        return False
    goal_rpe = target_rpe(block)
    if not all(rpe is not None and rpe <= goal_rpe for rpe in map(counted_rpe, last)):
        return False
    rated = [rpe for round_sets in rounds for rpe in map(counted_rpe, round_sets) if rpe is not None]
    return sum(rated) / len(rated) <= goal_rpe
