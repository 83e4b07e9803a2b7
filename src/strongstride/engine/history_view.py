"""What past sessions say about one exercise: the last time it was done and its latest e1RM."""

from __future__ import annotations

from collections.abc import Sequence

from strongstride.engine.autoregulation import counted_rpe
from strongstride.engine.rpe import CHART_LOWEST_RPE, estimate_1rm_from_set, floor_1rm
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.moments import chronological
from strongstride.model.units import Unit, clean, convert


def last_work_sets(history: Sequence[SessionLog], exercise_id: str) -> tuple[SessionLog, list[SetLog]] | None:
    """The most recent session with work sets of this exercise, and those sets."""
    for session in sorted(history, key=lambda s: chronological(s.started_at), reverse=True):
        sets = [s for s in session.work_sets if s.exercise_id == exercise_id]
        if sets:
            return session, sets
    return None


def set_estimated_1rm(set_log: SetLog, unit: Unit) -> float | None:
    """One set's e1RM in `unit`, a missed target counted as RPE 10 (the set went to failure).

    A set logged below the chart (RPE 5, or easier than 5) counts by the least e1RM its reading allows, as the
    next set within a session does (engine/rpe.py floor_1rm): reading it as RPE 6 would keep the estimate from
    growing while the sets stay light.
    """
    rpe = counted_rpe(set_log)
    load, reps = set_log.load, set_log.reps
    if rpe is not None and rpe < CHART_LOWEST_RPE and load and load > 0 and reps and reps >= 1:
        return convert(floor_1rm(load, reps, rpe), set_log.unit, unit)
    e1rm = estimate_1rm_from_set(load, reps, rpe)
    return None if e1rm is None else convert(e1rm, set_log.unit, unit)


def latest_estimated_1rm(history: Sequence[SessionLog], exercise_id: str, unit: Unit) -> float | None:
    """The best e1RM of the last session that did this exercise with a load, in `unit`."""
    found = last_work_sets(history, exercise_id)
    if found is None:
        return None
    estimates = [e1rm for s in found[1] if (e1rm := set_estimated_1rm(s, unit)) is not None]
    return max(estimates) if estimates else None


def describe_set(s: SetLog, unit: Unit) -> str:
    """One set as a log reads it: "40 kg x 8 L @8", "30 s @7"."""
    if s.hold_seconds is not None and s.reps is None:
        done = f"{s.hold_seconds} s"
    else:
        done = f"{s.reps}"
    if s.load:
        done = f"{clean(convert(s.load, s.unit, unit)):g} {unit} x {done}"
    side = f" {s.side[0].upper()}" if s.side else ""
    effort = f" @{s.rpe:g}" if s.rpe is not None else ""
    return f"{done}{side}{effort}"


def last_time_line(history: Sequence[SessionLog], exercise_id: str, unit: Unit) -> str:
    """One line a runner reads mid-session: when, and each work set as load x reps @RPE."""
    found = last_work_sets(history, exercise_id)
    if found is None:
        return "First time: no history for this exercise yet"
    session, sets = found
    return f"Last time ({session.started_at:%d %b}): " + ", ".join(describe_set(s, unit) for s in sets)
