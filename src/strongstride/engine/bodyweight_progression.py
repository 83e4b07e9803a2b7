"""Session to session without a load: reps and holds up a ladder, and down it after a failed session.

Up: one rep (or HOLD_STEP_SECONDS) more each session at or under the target RPE, up to the top of the
range; then longer holds, then the harder variation on a `bodyweight` block. Down: a set that fell
short starts next time at what was done; a set at RPE 10 one rep (or step) under it; two sessions in
a row like that offer the easier variation.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from strongstride.engine.autoregulation import HOLD_STEP_SECONDS
from strongstride.engine.outings import Outing, away_words, layoff_days
from strongstride.engine.target import SetTarget
from strongstride.model.exercise import Exercise
from strongstride.model.plan import Block, NumberRange


def _low(allowed: NumberRange | None) -> int | None:
    return None if allowed is None else int(allowed.low)


def _within(value: int, allowed: NumberRange) -> int:
    return min(int(allowed.high), max(int(allowed.low), value))


def _least_done(outing: Outing, is_hold: bool) -> int | None:
    """Last time's fewest reps or shortest hold (a hold not timed counts as its target)."""
    done = [(s.target_hold if s.hold_seconds is None else s.hold_seconds) if is_hold else s.reps for s in outing.sets]
    counts = [d for d in done if d is not None]
    return min(counts) if counts else None


def _asked(outing: Outing, is_hold: bool) -> int | None:
    asked = [s.target_hold if is_hold else s.target_reps for s in outing.sets]
    return max((a for a in asked if a is not None), default=None)


def _after_failure(
    first: SetTarget, exercise: Exercise, outings: list[Outing], is_hold: bool, today_as: int,
) -> SetTarget | None:
    """After a failed session: what was done (one step under it after an RPE-10 set), and the easier rung after two."""
    last = outings[-1]
    if not last.failed:
        return None
    done = _least_done(last, is_hold)
    if done is None:
        return None
    step, words = (HOLD_STEP_SECONDS, "s") if is_hold else (1, "reps")
    asked = _asked(last, is_hold) or today_as
    if last.missed:
        aim, why = max(step, done), f"{done} of {asked} {words} last time"
    else:
        aim, why = max(step, done - step), f"RPE 10 at {done} {words} last time"
    reason = f"{why}: {asked} -> {aim} {words}"
    offer = None
    if len(outings) >= 2 and outings[-2].failed and exercise.easier:
        offer, reason = "easier", f"{reason}; two sessions failed: try the easier variation"
    changed = {"hold_seconds": aim} if is_hold else {"reps": aim}
    return replace(first, reason=reason, offer_variation=offer, **changed)  # type: ignore[arg-type]


def _longer_hold(allowed: NumberRange, outing: Outing, goal_rpe: float) -> tuple[int, str] | None:
    """The next hold from last time's shortest: 5 s more if every hold was at or under target; None at the top."""
    held = _within(_least_done(outing, is_hold=True) or int(allowed.low), allowed)
    if not outing.at_or_under(goal_rpe):
        return held, f"Holds felt hard last time: stay at {held} s"
    if held >= allowed.high:
        return None
    longer = _within(held + HOLD_STEP_SECONDS, allowed)
    return longer, f"Held {held} s at RPE {goal_rpe:g} or easier last time: {held} -> {longer} s"


def _at_the_top(first: SetTarget, exercise: Exercise, block: Block, what: str, **target: Any) -> SetTarget:
    """At the top of every range: the harder variation on a `bodyweight` block, else stay there."""
    if block.progression == "bodyweight" and exercise.harder:
        return replace(first, offer_variation="harder", reason=f"Reached the {what} easily: try the harder variation", **target)
    return replace(first, reason=f"Reached the {what}: stay there", **target)


def hold_start(block: Block, exercise: Exercise, outings: list[Outing], today: date, goal_rpe: float) -> SetTarget:
    """Holds: 5 seconds more each time up to the top of the range (then, on `bodyweight`, harder)."""
    allowed = block.prescription.hold_seconds
    first = SetTarget(hold_seconds=_low(allowed), reps=_low(block.prescription.reps), rpe=goal_rpe)
    if allowed is None:
        return replace(first, reason="No hold time in the plan: hold at a steady effort")
    if not outings:
        return replace(first, reason=f"First time: start with {first.hold_seconds} s holds")
    if (days := layoff_days(outings[-1], today)) is not None:
        return replace(first, reason=f"{away_words(days)}: back to {first.hold_seconds} s")
    failed = _after_failure(first, exercise, outings, True, int(allowed.low))
    if failed is not None:
        return failed
    longer = _longer_hold(allowed, outings[-1], goal_rpe)
    if longer is not None:
        return replace(first, hold_seconds=longer[0], reason=longer[1])
    return _at_the_top(first, exercise, block, f"top of {allowed} s", hold_seconds=int(allowed.high))


def reps_start(block: Block, exercise: Exercise, outings: list[Outing], today: date, goal_rpe: float) -> SetTarget:
    """Bodyweight and band reps: one more rep up to the top, then longer holds, then harder; down after a failure."""
    reps_range, hold_range = block.prescription.reps, block.prescription.hold_seconds
    first = SetTarget(reps=_low(reps_range), hold_seconds=_low(hold_range), rpe=goal_rpe)
    if reps_range is None:
        return replace(first, reason="No reps in the plan: work at a steady effort")
    if not outings:
        return replace(first, reason=f"First time: start at {first.reps} reps")
    last = outings[-1]
    if (days := layoff_days(last, today)) is not None:
        return replace(first, reason=f"{away_words(days)}: back to {first.reps} reps")
    failed = _after_failure(first, exercise, outings, False, int(reps_range.low))
    if failed is not None:
        return failed
    done = _within(_least_done(last, is_hold=False) or int(reps_range.low), reps_range)
    if not last.at_or_under(goal_rpe):
        return replace(first, reps=done, reason=f"Reps felt hard last time: stay at {done} reps")
    if done < reps_range.high:
        return replace(first, reps=done + 1, reason=f"Easy enough last time: {done} -> {done + 1} reps")
    top = replace(first, reps=done)
    longer = _longer_hold(hold_range, last, goal_rpe) if hold_range is not None else None
    if longer is not None:
        return replace(top, hold_seconds=longer[0], reason=f"Top of {reps_range} reps. {longer[1]}")
    return _at_the_top(top, exercise, block, f"top of {reps_range} reps")
