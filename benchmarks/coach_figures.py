"""What months of logs say about the coach, measured against the lifter's true strength.

- on target: the share of work sets whose true RPE is within 1 of the target RPE, each exercise's
  first CALIBRATION_OUTINGS sessions left out (a missed set is above RPE 10, so off target);
- reachable: the same share counted only over the sets where some load the equipment makes, at some
  rep count the coach may ask (the plan's range, flexed past its ends as engine/rep_flex.py allows), is
  within 1 RPE of the target for the true strength that day (where
  none is, no coach could land the set, and the figure above measures the equipment and the plan);
- why off target: each off-target set after calibration as one of: no load and rep count could land it,
  in the first BACK_OUTINGS sessions of its exercise back from the layoff (the deload and the climb
  back), or anything else (the coach's aim, the noise of a reading);
- first-set distance: how many load steps the first work set's target is from the load that makes its
  reps at its RPE for the true strength (normal starts after calibration);
- drift: with a constant true strength, how far the first-set load moves between the first and the
  last few normal starts before the layoff, in load steps;
- deloads: each first session after the layoff or after two sessions running with missed reps, and
  whether its first set is lighter than the last normal start (when anything lighter can be made).
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from simulated_lifter import Lifter, true_target_load

from strongstride.engine.loading import lightest_load, step_load
from strongstride.engine.plates import plates_per_side
from strongstride.model.config import Equipment
from strongstride.model.exercise import Exercise
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.units import Unit, convert

CALIBRATION_OUTINGS = 2      # the brief: goals hold "after the first two sessions"
BACK_OUTINGS = 2             # sessions of an exercise counted as "back from the layoff": the deload and the next
DRIFT_WINDOW = 3             # normal starts averaged at each end of the steady stretch
ON_TARGET_RPE = 1.0
LADDER_TOP_KG = 500.0        # no simulated lifter comes near it

Start = Literal["normal", "layoff", "misses"]
Ladder = tuple[float, ...]   # the loads the equipment makes, lightest first


@dataclass(frozen=True)
class Outing:
    """One session's work on one exercise, beside the lifter's true strength that day."""

    exercise_id: str
    day: date
    number: int                          # 1-based: the n-th session with this exercise
    start: Start
    first_load: float | None             # the first work set's target load, in the set-up's unit
    true_target: float | None            # the load making that set's reps at its RPE for the true 1RM
    efforts: tuple[tuple[float, float], ...]   # (target RPE, true RPE) of each work set
    missed: bool                         # a work set fell short of its reps or seconds
    reachable: tuple[bool, ...] = ()     # per effort: could any load and rep count land it (empty: all could)

    @property
    def calibrating(self) -> bool:
        return self.number <= CALIBRATION_OUTINGS


def _missed(set_log: SetLog) -> bool:
    if set_log.target_reps is not None and set_log.reps is not None and set_log.hold_seconds is None:
        return set_log.reps < set_log.target_reps
    return set_log.target_hold is not None and set_log.hold_seconds is not None and set_log.hold_seconds < set_log.target_hold


def _kg(load: float | None, unit: Unit) -> float | None:
    return None if load is None else convert(load, unit, "kg")


def _true_effort(lifter: Lifter, day: date, set_log: SetLog) -> float:
    """The true RPE of the set asked: its target reps or seconds at the load lifted."""
    return lifter.true_rpe(set_log.exercise_id, day, set_log.target_reps, set_log.target_hold,
                           _kg(set_log.load, set_log.unit))


def _true_target(lifter: Lifter, day: date, first: SetLog) -> float | None:
    if first.target_load is None or first.target_reps is None or first.target_rpe is None:
        return None
    if lifter.strengths[first.exercise_id].kind != "load":
        return None
    kg = true_target_load(lifter.today(first.exercise_id, day), first.target_reps, first.target_rpe)
    return convert(kg, "kg", first.unit)


def _start(previous: Sequence[Outing], day: date, layoff: tuple[date, date] | None) -> Start:
    """Why this start may be a deload: the layoff lies since the last session, or the last two missed."""
    if previous and layoff is not None and previous[-1].day < layoff[0] and day >= layoff[1]:
        return "layoff"
    if len(previous) >= 2 and previous[-1].missed and previous[-2].missed:
        return "misses"
    return "normal"


@dataclass(frozen=True)
class Reach:
    """What the equipment and the plan let a set of one exercise be: the loads made, and the reps the plan allows."""

    ladder: Ladder
    fewest: int
    most: int


def reachable(lifter: Lifter, day: date, set_log: SetLog, reach: Reach) -> bool:
    """Whether some load on the ladder, at some rep count in the plan's range, is within ON_TARGET_RPE of the set's target."""
    if set_log.target_rpe is None:
        return True
    one_rm = lifter.today(set_log.exercise_id, day)
    for reps in range(reach.fewest, reach.most + 1):
        heaviest = convert(true_target_load(one_rm, reps, set_log.target_rpe + ON_TARGET_RPE), "kg", set_log.unit)
        lightest = convert(true_target_load(one_rm, reps, set_log.target_rpe - ON_TARGET_RPE), "kg", set_log.unit)
        index = bisect.bisect_left(reach.ladder, lightest - 1e-9)
        if index < len(reach.ladder) and reach.ladder[index] <= heaviest + 1e-9:
            return True
    return False


def outings_from_logs(logs: Iterable[SessionLog], lifter: Lifter, layoff: tuple[date, date] | None,
                      reaches: Mapping[str, Reach] | None = None) -> list[Outing]:
    """Each session's work on each exercise, oldest first, measured against the lifter's truth (and, for the
    exercises in `reaches`, whether each set could have landed)."""
    by_exercise: dict[str, list[Outing]] = {}
    for log in sorted(logs, key=lambda s: s.started_at):
        day = log.started_at.date()
        sets_of: dict[str, list[SetLog]] = {}
        for set_log in log.work_sets:
            sets_of.setdefault(set_log.exercise_id, []).append(set_log)
        for exercise_id, sets in sets_of.items():
            previous = by_exercise.setdefault(exercise_id, [])
            first = sets[0]
            judged = [s for s in sets if s.target_rpe is not None]
            efforts = tuple((s.target_rpe, _true_effort(lifter, day, s)) for s in judged)
            reach = (reaches or {}).get(exercise_id)
            previous.append(Outing(
                exercise_id, day, len(previous) + 1, _start(previous, day, layoff), first.target_load,
                _true_target(lifter, day, first), efforts, any(_missed(s) for s in sets),
                tuple(reachable(lifter, day, s, reach) for s in judged) if reach else (),
            ))
    return sorted((o for outings in by_exercise.values() for o in outings), key=lambda o: (o.day, o.exercise_id))


def equipment_ladder(exercise: Exercise, equipment: Equipment, unit: Unit) -> Ladder:
    """Every load the equipment makes for this exercise up to LADDER_TOP_KG; on a bar, what the plates make."""
    top = convert(LADDER_TOP_KG, "kg", unit)
    loads = [lightest_load(exercise, equipment)]
    while (heavier := step_load(loads[-1], 1, exercise, equipment)) > loads[-1] and heavier <= top:
        loads.append(heavier)
    if exercise.equipment == "barbell":
        loads = [plates_per_side(load, equipment, unit).load for load in loads]
    return tuple(sorted(set(loads)))


def position(ladder: Ladder, load: float) -> float:
    """Where a load falls on the ladder, in steps from its lightest load (between steps: a fraction)."""
    if len(ladder) < 2:
        return 0.0
    index = min(len(ladder) - 1, max(1, bisect.bisect_left(ladder, load)))
    lighter, heavier = ladder[index - 1], ladder[index]
    return index - 1 + (load - lighter) / (heavier - lighter)


def steps_apart(ladder: Ladder, load: float, wanted: float) -> float:
    """Load steps from `wanted` to `load`: positive when `load` is heavier."""
    return position(ladder, load) - position(ladder, wanted)


@dataclass(frozen=True)
class DeloadCheck:
    """A first session back after a layoff or misses, beside the last normal start of the exercise."""

    exercise_id: str
    day: date
    why: Start
    load: float
    normal_load: float

    @property
    def lighter(self) -> bool:
        return self.load < self.normal_load


@dataclass(frozen=True)
class Figures:
    """The figures of one run: work sets counted, on-target share, first-set distances, drift, deloads."""

    work_sets: int
    on_target: float | None
    first_set_steps: tuple[float, ...]     # |steps| of each normal first set after calibration
    drift: tuple[str, float] | None        # (exercise, signed steps) of the largest drift
    deloads: tuple[DeloadCheck, ...]
    missed_sessions: int
    reachable_sets: int = 0                # work sets after calibration that some load and rep count could land
    on_target_reachable: float | None = None   # the on-target share among those
    off_target: tuple[tuple[str, int], ...] = ()   # (cause, sets) of the off-target sets, see off_target_causes

    @property
    def median_steps(self) -> float | None:
        return statistics.median(self.first_set_steps) if self.first_set_steps else None

    @property
    def within_one_step(self) -> float | None:
        if not self.first_set_steps:
            return None
        return sum(steps <= 1.0 + 1e-9 for steps in self.first_set_steps) / len(self.first_set_steps)

    @property
    def deloads_lighter(self) -> int:
        return sum(check.lighter for check in self.deloads)


def _landed(efforts: Sequence[tuple[float, float]]) -> tuple[int, float | None]:
    """(sets, the share within ON_TARGET_RPE of their target)."""
    if not efforts:
        return 0, None
    return len(efforts), sum(abs(true - goal) <= ON_TARGET_RPE + 1e-9 for goal, true in efforts) / len(efforts)


def on_target_share(outings: Sequence[Outing]) -> tuple[int, float | None]:
    """(work sets after calibration, the share within ON_TARGET_RPE of their target)."""
    return _landed([e for o in outings if not o.calibrating for e in o.efforts])


def reachable_share(outings: Sequence[Outing]) -> tuple[int, float | None]:
    """(work sets after calibration that could land, the share of them that did)."""
    return _landed([e for o in outings if not o.calibrating
                    for e, could in zip(o.efforts, o.reachable or (True,) * len(o.efforts)) if could])


OFF_TARGET_CAUSES = ("unreachable", "back from layoff", "other")


def off_target_causes(outings: Sequence[Outing], layoff: tuple[date, date] | None) -> tuple[tuple[str, int], ...]:
    """How many off-target sets after calibration nothing could land, came back from the layoff, or neither."""
    counts = dict.fromkeys(OFF_TARGET_CAUSES, 0)
    back: dict[str, int] = {}
    for o in outings:
        if layoff is not None and o.day >= layoff[1]:
            back[o.exercise_id] = back.get(o.exercise_id, 0) + 1
        if o.calibrating:
            continue
        for (goal, true), could in zip(o.efforts, o.reachable or (True,) * len(o.efforts)):
            if abs(true - goal) <= ON_TARGET_RPE + 1e-9:
                continue
            if not could:
                counts["unreachable"] += 1
            elif 0 < back.get(o.exercise_id, 0) <= BACK_OUTINGS:
                counts["back from layoff"] += 1
            else:
                counts["other"] += 1
    return tuple(counts.items())


def first_set_distances(outings: Sequence[Outing], ladders: Mapping[str, Ladder]) -> tuple[float, ...]:
    """How many steps each normal first set after calibration is from its true target."""
    return tuple(
        abs(steps_apart(ladders[o.exercise_id], o.first_load, o.true_target))
        for o in outings
        if not o.calibrating and o.start == "normal" and o.first_load is not None and o.true_target is not None
    )


def largest_drift(outings: Sequence[Outing], ladders: Mapping[str, Ladder],
                  layoff: tuple[date, date] | None) -> tuple[str, float] | None:
    """The exercise whose first-set load moved most between the first and last normal starts before the layoff."""
    drifts: list[tuple[str, float]] = []
    for exercise_id, ladder in ladders.items():
        places = [position(ladder, o.first_load) for o in outings
                  if o.exercise_id == exercise_id and not o.calibrating and o.start == "normal"
                  and o.first_load is not None and (layoff is None or o.day < layoff[0])]
        window = min(DRIFT_WINDOW, len(places) // 2)
        if window:
            drifts.append((exercise_id, statistics.fmean(places[-window:]) - statistics.fmean(places[:window])))
    return max(drifts, key=lambda drift: abs(drift[1]), default=None)


def deload_checks(outings: Sequence[Outing], ladders: Mapping[str, Ladder]) -> tuple[DeloadCheck, ...]:
    """Each deload start with a load, beside the exercise's last normal start after calibration.

    A normal start already at the lightest load the equipment makes is left out: nothing is lighter.
    """
    checks = []
    for index, outing in enumerate(outings):
        if outing.start == "normal" or outing.first_load is None:
            continue
        normal = [o.first_load for o in outings[:index] if o.exercise_id == outing.exercise_id
                  and o.start == "normal" and not o.calibrating and o.first_load is not None]
        if normal and normal[-1] > ladders[outing.exercise_id][0] + 1e-9:
            checks.append(DeloadCheck(outing.exercise_id, outing.day, outing.start, outing.first_load, normal[-1]))
    return tuple(checks)


def measure(outings: Sequence[Outing], steady: Sequence[Outing], ladders: Mapping[str, Ladder],
            layoff: tuple[date, date] | None) -> Figures:
    """Every figure of a run: drift from the `steady` lifter's outings (a constant true strength), the rest from `outings`."""
    work_sets, share = on_target_share(outings)
    reachable_sets, reachable_on_target = reachable_share(outings)
    return Figures(
        work_sets=work_sets, on_target=share, first_set_steps=first_set_distances(outings, ladders),
        drift=largest_drift(steady, ladders, layoff),
        deloads=deload_checks(outings, ladders), missed_sessions=sum(o.missed for o in outings),
        reachable_sets=reachable_sets, on_target_reachable=reachable_on_target,
        off_target=off_target_causes(outings, layoff),
    )
