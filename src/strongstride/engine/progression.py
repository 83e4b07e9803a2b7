"""Session to session: where today's first set of a block starts, from the block's rule and history.

Rules: `double` (top of the rep range on every set at or under target RPE: one increment more
and back to the bottom of the range; otherwise the same load and one rep more), `linear` (one
increment after a completed session at or under target RPE), `rpe` (the load for the bottom of
the range at target RPE from the latest e1RM), `bodyweight` (reps up to the top of the range,
then longer holds, then the harder variation) and `hold` (5 seconds more up to the top).

Safety, because connective tissue adapts slower than muscle ("don't go too hard too soon"):
beginners go up at most one increment a session; load never rises more than 10% above the
heaviest of the last 7 days; two sessions in a row with missed reps, or more than 14 days
away, start 10% lighter; a first time with a percent load is a light test set.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from strongstride.engine.autoregulation import HOLD_STEP_SECONDS, counted_rpe, missed_target, target_rpe
from strongstride.engine.history_view import latest_estimated_1rm
from strongstride.engine.loading import (
    available_load_at_most, lightest_load, nearest_available_load, step_load, within_load_limit,
)
from strongstride.engine.rpe import load_for_reps
from strongstride.engine.target import SetTarget
from strongstride.model.config import Equipment
from strongstride.model.exercise import Exercise
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.plan import Block, Load, NumberRange, Plan
from strongstride.model.units import Unit, convert, format_load

LAYOFF_DAYS = 14
DELOAD_FRACTION = 0.10
WEEKLY_RISE_CAP = 0.10
WEEK = timedelta(days=7)
FALLBACK_REPS = 5          # a loaded block whose plan gives no reps


@dataclass(frozen=True)
class _Outing:
    """One past session's work sets of this exercise, loads in today's unit."""

    day: date
    sets: tuple[SetLog, ...]

    @property
    def heaviest(self) -> float | None:
        loads = [s.load for s in self.sets if s.load is not None]
        return max(loads) if loads else None

    @property
    def missed(self) -> bool:
        return any(missed_target(s) for s in self.sets)

    def at_or_under(self, goal_rpe: float) -> bool:
        """Every target met and no set above the target RPE (a set without an RPE is not evidence against)."""
        return all((rpe := counted_rpe(s)) is None or rpe <= goal_rpe for s in self.sets)


def _outings(history: Sequence[SessionLog], exercise_id: str, unit: Unit) -> list[_Outing]:
    """The sessions that did this exercise, oldest first, each with its work sets of it."""
    outings = []
    for session in sorted(history, key=lambda s: s.started_at):
        sets = tuple(
            replace(s, load=None if s.load is None else convert(s.load, s.unit, unit), unit=unit)
            for s in session.work_sets if s.exercise_id == exercise_id
        )
        if sets:
            outings.append(_Outing(session.started_at.date(), sets))
    return outings


def fraction_of_1rm(prescribed: Load) -> float | None:
    """The low end of a percent load as a share of 1RM: "80-100% of 5RM" is 0.8 x 86.3%; else None."""
    if prescribed.percent is None:
        return None
    share = prescribed.percent.low / 100
    if prescribed.kind == "percent_1rm":
        return share
    if prescribed.kind == "percent_rm" and prescribed.rep_max:
        return share * load_for_reps(1.0, prescribed.rep_max, 10.0)
    return None


def starting_target(
    block: Block, exercise: Exercise, plan: Plan, history: Sequence[SessionLog], equipment: Equipment,
    unit: Unit, today: date,
) -> SetTarget:
    """The first set's target for this block today, with the reason the runner sees."""
    outings = _outings(history, block.exercise_id, unit)
    goal_rpe = target_rpe(block)
    if exercise.kind == "hold" or block.progression == "hold":
        return _hold_start(block, exercise, outings, today, goal_rpe)
    if exercise.is_loaded and block.prescription.load.kind not in ("bodyweight", "band"):
        return _loaded_start(block, exercise, plan, history, outings, equipment, unit, today, goal_rpe)
    return _reps_start(block, exercise, outings, today, goal_rpe)


# -- bodyweight, band and holds -------------------------------------------------------------------


def _low(allowed: NumberRange | None) -> int | None:
    return None if allowed is None else int(allowed.low)


def _within(value: int, allowed: NumberRange) -> int:
    return min(int(allowed.high), max(int(allowed.low), value))


def _layoff(outing: _Outing, today: date) -> int | None:
    """Days since the exercise was last done, when that is more than LAYOFF_DAYS."""
    days = (today - outing.day).days
    return days if days > LAYOFF_DAYS else None


def _least_done(outing: _Outing, is_hold: bool) -> int | None:
    """Last time's fewest reps or shortest hold (a hold not timed counts as its target)."""
    done = [(s.target_hold if s.hold_seconds is None else s.hold_seconds) if is_hold else s.reps for s in outing.sets]
    counts = [d for d in done if d is not None]
    return min(counts) if counts else None


def _longer_hold(
    allowed: NumberRange, outing: _Outing, goal_rpe: float,
) -> tuple[int, str] | None:
    """The next hold from last time's shortest: 5 s more if every hold was at or under target; None at the top."""
    held = _within(_least_done(outing, is_hold=True) or int(allowed.low), allowed)
    if not outing.at_or_under(goal_rpe):
        return held, f"Holds felt hard last time: stay at {held} s"
    if held >= allowed.high:
        return None
    longer = _within(held + HOLD_STEP_SECONDS, allowed)
    return longer, f"Held {held} s at RPE {goal_rpe:g} or easier last time: {held} -> {longer} s"


def _hold_start(block: Block, exercise: Exercise, outings: list[_Outing], today: date, goal_rpe: float) -> SetTarget:
    """Holds: 5 seconds more each time up to the top of the range (then, on `bodyweight`, harder)."""
    allowed = block.prescription.hold_seconds
    first = SetTarget(hold_seconds=_low(allowed), reps=_low(block.prescription.reps), rpe=goal_rpe)
    if allowed is None:
        return replace(first, reason="No hold time in the plan: hold at a steady effort")
    if not outings:
        return replace(first, reason=f"First time: start with {first.hold_seconds} s holds")
    if (days := _layoff(outings[-1], today)) is not None:
        return replace(first, reason=f"{days} days since you last did this: back to {first.hold_seconds} s")
    longer = _longer_hold(allowed, outings[-1], goal_rpe)
    if longer is not None:
        return replace(first, hold_seconds=longer[0], reason=longer[1])
    return _at_the_top(first, exercise, block, f"top of {allowed} s", hold_seconds=int(allowed.high))


def _at_the_top(first: SetTarget, exercise: Exercise, block: Block, what: str, **target: int) -> SetTarget:
    """At the top of every range: the harder variation on a `bodyweight` block, else stay there."""
    if block.progression == "bodyweight" and exercise.harder:
        return replace(first, offer_variation="harder", reason=f"Reached the {what} easily: try the harder variation", **target)
    return replace(first, reason=f"Reached the {what}: stay there", **target)


def _reps_start(block: Block, exercise: Exercise, outings: list[_Outing], today: date, goal_rpe: float) -> SetTarget:
    """Bodyweight and band reps: one more rep up to the top, then longer holds, then harder."""
    reps_range, hold_range = block.prescription.reps, block.prescription.hold_seconds
    first = SetTarget(reps=_low(reps_range), hold_seconds=_low(hold_range), rpe=goal_rpe)
    if reps_range is None:
        return replace(first, reason="No reps in the plan: work at a steady effort")
    if not outings:
        return replace(first, reason=f"First time: start at {first.reps} reps")
    last = outings[-1]
    if (days := _layoff(last, today)) is not None:
        return replace(first, reason=f"{days} days since you last did this: back to {first.reps} reps")
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


# -- loaded work ----------------------------------------------------------------------------------


def _test_set_words(exercise: Exercise) -> str:
    if exercise.equipment == "barbell":
        return "the empty bar"
    if exercise.equipment in ("dumbbell", "kettlebell"):
        return "the lightest dumbbell"
    return "one plate of the stack"


def _loaded_start(
    block: Block, exercise: Exercise, plan: Plan, history: Sequence[SessionLog], outings: list[_Outing],
    equipment: Equipment, unit: Unit, today: date, goal_rpe: float,
) -> SetTarget:
    """Loaded work: the rule's load from the last session, then the safety caps."""
    prescribed = block.prescription.load
    reps_range = block.prescription.reps or NumberRange.exactly(FALLBACK_REPS)
    first = SetTarget(reps=int(reps_range.low), rpe=goal_rpe)
    loaded = [o for o in outings if o.heaviest is not None]
    if not loaded:
        if prescribed.kind == "absolute" and prescribed.weight is not None:
            load = nearest_available_load(convert(prescribed.weight, plan.units, unit), exercise, equipment)
            load = within_load_limit(load, exercise, equipment, unit)
            return replace(first, load=load, reason=f"No history: plan's start load {format_load(load, unit)}")
        load = lightest_load(exercise, equipment)
        words = f"{_test_set_words(exercise)}, {format_load(load, unit)}"
        reason = f"No history: a test set with {words}, or log the load you know you lift; the coach adjusts from there"
        return replace(first, load=load, reason=reason)
    last = loaded[-1]
    reference = max(s.load for s in last.sets if s.load is not None)
    days = _layoff(last, today)
    if days is not None or (len(loaded) >= 2 and loaded[-1].missed and loaded[-2].missed):
        load = available_load_at_most(reference * (1 - DELOAD_FRACTION), exercise, equipment)
        why = f"{days} days since you last did this" if days is not None else "Missed reps two sessions running"
        return replace(first, load=load, reason=f"{why}: 10% lighter, {format_load(load, unit)}")
    load, reps, why = _rule_load(block, exercise, history, last, reference, reps_range, equipment, unit, goal_rpe)
    load = nearest_available_load(load, exercise, equipment)
    if plan.level == "beginner" and load > (one_step := step_load(reference, 1, exercise, equipment)):
        load, why = one_step, f"{why} (one step at a time on a beginner plan)"
    recent = [o.heaviest for o in loaded if o.heaviest is not None and today - o.day < WEEK]
    weekly_cap = available_load_at_most(max(recent or [reference]) * (1 + WEEKLY_RISE_CAP), exercise, equipment)
    if load > weekly_cap:
        load, why = max(weekly_cap, nearest_available_load(reference, exercise, equipment)), f"{why} (at most 10% a week)"
    load = within_load_limit(load, exercise, equipment, unit)
    before = nearest_available_load(reference, exercise, equipment)
    move = f"stay at {format_load(load, unit)}" if load == before else f"{before:g} -> {format_load(load, unit)}"
    return replace(first, reps=reps, load=load, reason=f"{why}: {move}")


def _rule_load(
    block: Block, exercise: Exercise, history: Sequence[SessionLog], last: _Outing, reference: float,
    reps_range: NumberRange, equipment: Equipment, unit: Unit, goal_rpe: float,
) -> tuple[float, int, str]:
    """(load, reps, why) from the block's rule, before the safety caps."""
    low = int(reps_range.low)
    share = fraction_of_1rm(block.prescription.load)
    estimated_1rm = latest_estimated_1rm(history, block.exercise_id, unit)
    shown_1rm = "" if estimated_1rm is None else format_load(round(estimated_1rm, 1), unit)
    if estimated_1rm is not None and share is not None:
        return estimated_1rm * share, low, f"{block.prescription.load} from your e1RM of {shown_1rm}"
    if estimated_1rm is not None and block.progression == "rpe":
        why = f"e1RM {shown_1rm}, {low} reps at RPE {goal_rpe:g}"
        return load_for_reps(estimated_1rm, low, goal_rpe), low, why
    if block.progression == "linear":
        if last.at_or_under(goal_rpe):
            return step_load(reference, 1, exercise, equipment), low, f"Completed at RPE {goal_rpe:g} or easier last time"
        return reference, low, f"Last session not completed at RPE {goal_rpe:g}"
    return _double_progression(last, reference, reps_range, exercise, equipment, goal_rpe)


def _double_progression(
    last: _Outing, reference: float, reps_range: NumberRange, exercise: Exercise, equipment: Equipment,
    goal_rpe: float,
) -> tuple[float, int, str]:
    """Top of the rep range on every set at or under target: heavier and back to the bottom; else one rep more."""
    low, high = int(reps_range.low), int(reps_range.high)
    top_every_set = all(s.reps is not None and s.reps >= high for s in last.sets)
    if top_every_set and last.at_or_under(goal_rpe):
        return step_load(reference, 1, exercise, equipment), low, f"Top of {reps_range} at RPE {goal_rpe:g} last time"
    fewest = min((s.reps for s in last.sets if s.reps is not None), default=low - 1)
    aim = min(high, max(low, fewest + 1))
    return reference, aim, f"Working up to {high} reps, aim for {aim}"
