"""Session to session: where today's first set of a block starts, from the block's rule and what the runner can do.

Loaded work aims at the prescription: with an estimate of the runner's strength (engine/strength.py:
recent sessions, or a known set from config), the first work set is the makeable load nearest the
plan's reps at its target RPE, kept inside a "% of 1RM" or "% of 5RM" range as the plan writes it.
Blocks whose load comes from the e1RM (a percentage, or the `rpe` rule) move their reps down the
range as the load rises, then start again at the top: seed 000, "starting with low-weight high-reps
before gradually increasing the weight as you decrease your reps". `double` (more reps at a load,
then one step heavier; an easy set counts the reps it had in reserve) and `linear` (one step after a
session at or under target) move from the last session's load. Bodyweight and holds are in
engine/bodyweight_progression.py.

Safety, because connective tissue adapts slower than muscle (seed 002, "progression with strength
work should be extremely gradual"; seed 000, "progressively overload ... the same way you increase
your running distance"): beginners go up at most one step a session; load never rises more than 10%
above the heaviest of the last 7 days (the runners' 10% rule for weekly distance); two sessions in a
row with missed reps, or more than 21 days away (engine/outings.py LAYOFF_DAYS), start at 90% of what a normal start would be (the
app's deload rule: the seeds give no figure).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from strongstride.engine.aim import STEP_OVERSHOOT_RPE, Forecast
from strongstride.engine.autoregulation import DEFAULT_TARGET_RPE, counted_rpe
from strongstride.engine.bodyweight_progression import hold_start, reps_start
from strongstride.engine.loading import (
    available_load_at_most, lightest_load, nearest_available_load, step_load, step_words, within_load_limit,
)
from strongstride.engine.rep_flex import flexed_set, reps_at
from strongstride.engine.outings import Outing, away_words, layoff_days, outings_of
from strongstride.engine.rpe import load_for_reps
from strongstride.engine.strength import RECENT_SESSIONS, Strength, estimated_strength
from strongstride.engine.target import SetTarget
from strongstride.model.config import Equipment, KnownSet
from strongstride.model.exercise import Exercise
from strongstride.model.log import SessionLog
from strongstride.model.plan import Block, Load, NumberRange, Plan
from strongstride.model.units import Unit, convert, format_load

DELOAD_FRACTION = 0.10     # the app's deload rule: 90% of a normal start
WEEKLY_RISE_CAP = 0.10     # the runners' 10% rule, applied to the week's heaviest load
WEEK = timedelta(days=7)
FALLBACK_REPS = 5          # a loaded block whose plan gives no reps
# A first test set with no load known asks this many reps: the NSCA's RM test starts with "a light resistance
# that easily allows 5-10 repetitions", and seed 000 starts "with low-weight high-reps". A set of 10 logged
# easier than 5 says at least 16 reps to failure, so the next test set may rise by half (at 3 reps) where a
# set of 3 allows a fifth.
TEST_FIRST_REPS = 10
_TOLERANCE = 1e-6


def fraction_of_1rm(prescribed: Load) -> float | None:
    """The low end of a percent load as a share of 1RM: "80-100% of 5RM" is 0.8 x 86.3%; else None."""
    bounds = percent_bounds(prescribed)
    return None if bounds is None else bounds[0]


def percent_bounds(prescribed: Load) -> tuple[float, float] | None:
    """A percent load's range as shares of 1RM, (low, high); None for any other load."""
    if prescribed.percent is None:
        return None
    if prescribed.kind == "percent_1rm":
        scale = 1.0
    elif prescribed.kind == "percent_rm" and prescribed.rep_max:
        scale = load_for_reps(1.0, prescribed.rep_max, 10.0)
    else:
        return None
    return prescribed.percent.low / 100 * scale, prescribed.percent.high / 100 * scale


def plan_target_rpe(block: Block, plan: Plan) -> float:
    """The block's target RPE; a block without one takes the plan's most written RPE (the lower on a tie), else 8."""
    if block.prescription.rpe is not None:
        return block.prescription.rpe
    written = [b.prescription.rpe for s in plan.sessions for b in s.blocks if b.prescription.rpe is not None]
    if not written:
        return DEFAULT_TARGET_RPE
    return min(set(written), key=lambda rpe: (-written.count(rpe), rpe))


def starting_target(
    block: Block, exercise: Exercise, plan: Plan, history: Sequence[SessionLog], equipment: Equipment,
    unit: Unit, today: date, known: KnownSet | None = None,
) -> SetTarget:
    """The first set's target for this block today, with the reason the runner sees.

    `known` is the runner's known set for this exercise from config.toml, used while history has none.
    """
    outings = outings_of(history, block.exercise_id, unit)
    goal_rpe = plan_target_rpe(block, plan)
    if exercise.kind == "hold" or block.progression == "hold":
        return hold_start(block, exercise, outings, today, goal_rpe)
    if exercise.is_loaded and block.prescription.load.kind not in ("bodyweight", "band"):
        strength = estimated_strength(history, block.exercise_id, unit, today, known)
        return _LoadedStart(block, exercise, plan, outings, strength, equipment, unit, today, goal_rpe).target()
    return reps_start(block, exercise, outings, today, goal_rpe)


def _test_set_words(exercise: Exercise) -> str:
    if exercise.equipment == "barbell":
        return "the empty bar"
    if exercise.equipment in ("dumbbell", "kettlebell"):
        return "the lightest dumbbell"
    return "one plate of the stack"


@dataclass(frozen=True)
class _LoadedStart:
    """Loaded work: the rule's load (aimed from the strength estimate where there is one), then the safety caps."""

    block: Block
    exercise: Exercise
    plan: Plan
    outings: list[Outing]
    strength: Strength | None
    equipment: Equipment
    unit: Unit
    today: date
    goal_rpe: float

    @property
    def reps_range(self) -> NumberRange:
        return self.block.prescription.reps or NumberRange.exactly(FALLBACK_REPS)

    @property
    def from_e1rm(self) -> bool:
        """The load comes from the e1RM: a percentage of a max, or the `rpe` rule."""
        return percent_bounds(self.block.prescription.load) is not None or self.block.progression == "rpe"

    def _shown(self, load: float) -> str:
        return format_load(load, self.unit)

    def target(self) -> SetTarget:
        loaded = [o for o in self.outings if o.heaviest is not None]
        if not loaded:
            return self._first_time()
        last = loaded[-1]
        reference = last.heaviest or 0.0
        load, reps, why = self._normal_start(loaded, last, reference)
        load, reps, why = self._within_reach(load, reps, why)
        first = SetTarget(reps=reps, rpe=self.goal_rpe)
        days = layoff_days(last, self.today)
        if days is not None or (len(loaded) >= 2 and loaded[-1].missed and loaded[-2].missed):
            last_start = next((s.load for s in last.sets if s.load is not None), load)
            normal = min(load, last_start)     # lighter than today's normal start and the last session's first set
            deload = available_load_at_most(normal * (1 - DELOAD_FRACTION), self.exercise, self.equipment)
            if deload >= normal - _TOLERANCE:
                deload = step_load(normal, -1, self.exercise, self.equipment)
            cause = away_words(days) if days is not None else "Missed reps two sessions running"
            which = "a normal start" if normal == load else "your last first set"
            words = f"deload to {1 - DELOAD_FRACTION:.0%} of {which} ({self._shown(normal)}, app rule)"
            return replace(first, load=deload, reason=f"{cause}: {words}: {self._shown(deload)}")
        before = nearest_available_load(reference, self.exercise, self.equipment)
        move = f"stay at {self._shown(load)}" if load == before else f"{before:g} -> {self._shown(load)}"
        return replace(first, reps=reps, load=load, reason=f"{why}: {move}")

    def _first_time(self) -> SetTarget:
        """No loaded history: aimed from a known set, else the plan's start load, else a light test set."""
        reps, reps_words = self._wave(None)
        first = SetTarget(reps=reps, rpe=self.goal_rpe)
        prescribed = self.block.prescription.load
        if self.strength is not None:
            load, why = self._aimed(self.strength, reps, reps_words)
            forecast = Forecast(self.strength.e1rm, reps, self.goal_rpe)
            load, reps, flexed = flexed_set(forecast, load, reps, self.block.prescription.reps, self.exercise,
                                            self.equipment, self.unit, heaviest=load)
            return replace(first, reps=reps, load=load, reason=f"{why}{flexed}: {self._shown(load)}")
        if prescribed.kind == "absolute" and prescribed.weight is not None:
            wanted = convert(prescribed.weight, self.plan.units, self.unit)
            load = within_load_limit(nearest_available_load(wanted, self.exercise, self.equipment),
                                     self.exercise, self.equipment, self.unit)
            return replace(first, load=load, reason=f"No history: plan's start load {self._shown(load)}")
        load = lightest_load(self.exercise, self.equipment)
        # the next test sets ask the range's fewest reps: without a range there are none to come back to
        low = int(self.reps_range.low)
        reps = max(low, TEST_FIRST_REPS) if self.block.prescription.reps else low
        words = f"{reps} easy reps with {_test_set_words(self.exercise)}, {self._shown(load)}"
        light = " (NSCA's light first set of 5-10)" if reps == TEST_FIRST_REPS else ""
        reason = (f"No history: a test set of {words}{light}, or log the load you know "
                  "you lift (or give it in config [known]); the coach adjusts from there")
        return replace(first, reps=reps, load=load, reason=reason, test=True)

    def _wave(self, last: Outing | None) -> tuple[int, str]:
        """(reps, words): e1RM-driven blocks go down the rep range as the load rises, then back to the top."""
        low, high = int(self.reps_range.low), int(self.reps_range.high)
        if not self.from_e1rm or low == high:
            return low, f"{low} reps"
        if last is None:
            return high, f"{high} reps"
        asked = [s.target_reps if s.target_reps is not None else s.reps for s in last.sets]
        before = min(high, max(low, max((a for a in asked if a is not None), default=high)))
        if not last.at_or_under(self.goal_rpe):
            return before, f"{before} reps again"
        reps = before - 1 if before > low else high
        heavier = "heavier" if reps < before else "a new round"
        return reps, f"{before} -> {reps} reps ({heavier}: seed 000, fewer reps as the load rises)"

    def _aimed(self, strength: Strength, reps: int, reps_words: str) -> tuple[float, str]:
        """The makeable load nearest `reps` at the target RPE for this e1RM, inside the plan's percent range."""
        share = load_for_reps(1.0, reps, self.goal_rpe)
        bounds = percent_bounds(self.block.prescription.load)
        held = ""
        percent = self.block.prescription.load.percent
        where = "1RM" if self.block.prescription.load.kind == "percent_1rm" else f"{self.block.prescription.load.rep_max}RM"
        if bounds is not None and percent is not None and share > bounds[1]:
            share, held = bounds[1], f"; held at {percent.high:g}% of {where} by the plan"
        elif bounds is not None and percent is not None and share < bounds[0]:
            share, held = bounds[0], f"; raised to {percent.low:g}% of {where} by the plan"
        load = nearest_available_load(strength.e1rm * share, self.exercise, self.equipment)
        if bounds is not None and load > strength.e1rm * bounds[1] + _TOLERANCE:
            load = available_load_at_most(strength.e1rm * bounds[1], self.exercise, self.equipment)
        load = within_load_limit(load, self.exercise, self.equipment, self.unit)
        return load, f"{reps_words} at RPE {self.goal_rpe:g} ({share:.0%} of your {strength.source}{held})"

    def _reps_at(self, forecast: Forecast, load: float, heaviest: float) -> tuple[float, int, str]:
        """(load, reps, words) at `load` for this block (engine/rep_flex.py `reps_at`)."""
        return reps_at(forecast, load, self.block.prescription.reps, self.exercise, self.equipment, self.unit, heaviest)

    def _within_reach(self, load: float, reps: int, why: str) -> tuple[float, int, str]:
        """The rule's start checked against the e1RM: a whole ON_TARGET_RPE or more off target moves the reps in
        the plan's range (or past it, bounded, where no load lands inside it); still more than that over target at
        the range's fewest reps, the load comes down to the e1RM's aim for them (a step up the e1RM says the runner
        cannot make is not asked), unless the rule's load lands at fewer reps where no load lands inside the range."""
        if self.strength is None:
            return load, reps, why
        forecast = Forecast(self.strength.e1rm, reps, self.goal_rpe)
        fewest = int(self.reps_range.low)
        too_heavy = (forecast.rpe(load, fewest) or 0.0) > self.goal_rpe + STEP_OVERSHOOT_RPE
        if not too_heavy:
            moved_load, moved, words = self._reps_at(forecast, load, heaviest=load)
            return moved_load, moved, f"{why}{words}"
        moved, words = forecast.reps_in_range(load, self.block.prescription.reps)
        if words:
            return load, moved, f"{why}{words}"
        lighter = available_load_at_most(load_for_reps(self.strength.e1rm, fewest, self.goal_rpe), self.exercise, self.equipment)
        at_fewest = Forecast(self.strength.e1rm, fewest, self.goal_rpe)
        start, reps, words = self._reps_at(at_fewest, lighter, heaviest=load)
        if start != lighter:     # the next load up lands at fewer reps: the flex's words say why
            return start, reps, f"{why}{words}"
        too_far = f"{self._shown(load)} {at_fewest.words(load, 'your ' + self.strength.source)}"
        return lighter, reps, f"{why}, but {too_far}{words}"

    def _normal_start(self, loaded: list[Outing], last: Outing, reference: float) -> tuple[float, int, str]:
        """(load, reps, why) from the block's rule and the safety caps, before any deload.

        The caps hold back loads the runner has not met lately: a load lifted without a missed rep in the last
        RECENT_SESSIONS sessions is not new, so after a deload or a light day the start may go straight back to it.
        """
        wanted, reps, rule_why = self._rule_load(last, reference)
        wanted = nearest_available_load(wanted, self.exercise, self.equipment)
        load, why = wanted, rule_why
        if self.plan.level == "beginner" and load > (one_step := step_load(reference, 1, self.exercise, self.equipment)):
            load, why = one_step, f"{why} (one step at a time on a beginner plan)"
        recent = [o.heaviest for o in loaded if o.heaviest is not None and self.today - o.day < WEEK]
        weekly_cap = available_load_at_most(max(recent or [reference]) * (1 + WEEKLY_RISE_CAP), self.exercise, self.equipment)
        one_up = step_load(reference, 1, self.exercise, self.equipment)
        if load > weekly_cap and one_up > weekly_cap:   # the 10% rule caps the rise, not the one-step minimum
            load = one_up
            why = f"{why} (one step ({step_words(self.exercise, self.equipment)}): the least the equipment moves, past the runners' 10% a week)"
        elif load > weekly_cap:
            load = max(weekly_cap, nearest_available_load(reference, self.exercise, self.equipment))
            why = f"{why} (at most 10% a week: the runners' 10% rule)"
        met = max((o.heaviest for o in loaded[-RECENT_SESSIONS:] if o.heaviest is not None and not o.missed), default=0.0)
        if load < min(wanted, met) - _TOLERANCE:
            load = min(wanted, met)
            why = f"{rule_why} ({self._shown(load)}, lifted in your last {RECENT_SESSIONS} sessions, is not a new load: app rule)"
        return within_load_limit(load, self.exercise, self.equipment, self.unit), reps, why

    def _rule_load(self, last: Outing, reference: float) -> tuple[float, int, str]:
        """(load, reps, why) from the block's rule, before the safety caps."""
        low = int(self.reps_range.low)
        if self.strength is not None and self.from_e1rm:
            reps, reps_words = self._wave(last)
            load, why = self._aimed(self.strength, reps, reps_words)
            return load, reps, why
        if self.block.progression == "linear":
            if last.at_or_under(self.goal_rpe):
                return self._step_up(reference), low, f"Completed at RPE {self.goal_rpe:g} or easier last time"
            return reference, low, f"Last session not completed at RPE {self.goal_rpe:g}"
        return self._double_progression(last, reference)

    def _step_up(self, reference: float) -> float:
        return step_load(reference, 1, self.exercise, self.equipment)

    def _double_progression(self, last: Outing, reference: float) -> tuple[float, int, str]:
        """Reps up at a load, then one step heavier and back to the bottom; an easy set counts its reps in reserve."""
        low, high = int(self.reps_range.low), int(self.reps_range.high)
        goal = self.goal_rpe
        done = [s.reps for s in last.sets if s.reps is not None]
        fewest = min(done, default=low - 1)
        could = min(
            (int(s.reps + goal - rpe) for s in last.sets if s.reps is not None and (rpe := counted_rpe(s)) is not None),
            default=fewest,
        )
        if not last.at_or_under(goal):
            stay = min(high, max(low, fewest))
            return reference, stay, f"Harder than RPE {goal:g} last time: {stay} reps again"
        if fewest >= high:
            return self._heavier(reference, low), low, f"Top of {self.reps_range} at RPE {goal:g} last time"
        if could >= high:
            why = f"{fewest} reps last time, about {could} reps at RPE {goal:g}: heavier, back to {low} reps"
            return self._heavier(reference, low), low, why
        aim = min(high, max(low, fewest + 1, could))
        if aim > fewest + 1:
            return reference, aim, f"About {could} reps at RPE {goal:g} last time, aim for {aim}"
        return reference, aim, f"Working up to {high} reps, aim for {aim}"

    def _heavier(self, reference: float, reps: int) -> float:
        """At least one step up; as far as the e1RM says for `reps` at the target RPE when it says more."""
        one_step = self._step_up(reference)
        if self.strength is None:
            return one_step
        return max(one_step, load_for_reps(self.strength.e1rm, reps, self.goal_rpe))
