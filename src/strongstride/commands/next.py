"""`strongstride next`: the next session as the app would start it today, and what to bring for it.

For each exercise: the warm-up ramp, the first work set (reps or hold, load, RPE) and the reason, from
the same engine the app runs. Plates per side for each barbell load and the dumbbells used add up to
what a runner needs on the floor.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from rich.text import Text

from strongstride.commands.context import (
    Context,
    context_or_report,
    output_console,
    print_problems,
)
from strongstride.services.running_calendar import load_running_calendar
from strongstride.engine.plates import plates_per_side
from strongstride.engine.progression import starting_target
from strongstride.engine.strength import estimated_strength
from strongstride.engine.target import SetTarget
from strongstride.engine.warmup import WarmupSet, ramp_before
from strongstride.engine.week import next_in_rotation, suggest_day
from strongstride.model.exercise import Exercise
from strongstride.model.moments import local_now
from strongstride.model.problems import Problem
from strongstride.model.sources import name_sources
from strongstride.model.units import Unit, format_load
from strongstride.model.visible_text import visible


@dataclass(frozen=True)
class ExerciseStart:
    """One block as the app would open it: its exercise, warm-up sets and first work set."""

    exercise: Exercise
    warmups: list[WarmupSet]
    target: SetTarget


def _plates(load: float | None, exercise: Exercise, context: Context) -> tuple[float, ...] | None:
    if load is None or exercise.equipment != "barbell":
        return None
    return plates_per_side(load, context.config.equipment, context.config.units).per_side


def _session_id(context: Context, wanted: str | None, today: date) -> str:
    """The asked-for session, else today's suggestion, else the next in the plan's rotation (as Enter starts)."""
    if wanted is not None:
        return context.plan.session(wanted).id
    past = context.past_sessions(today)
    calendar = load_running_calendar(context.config.running, today, datetime.now())
    print_problems(calendar.problems)
    suggestion = suggest_day(context.plan, context.library, context.config.running, context.config.plan_started, past,
                             today, calendar.runs)
    return suggestion.session_id or next_in_rotation(context.plan, past).id


def next_session(context: Context, session_id: str, now: datetime) -> list[ExerciseStart]:
    """Each block's start as the app would make it at `now`, from the history of its exercises."""
    from strongstride.services.keeper import build_setup
    from strongstride.store.history import HistoryStore

    setup = build_setup(context.plan, session_id, context.library, HistoryStore.default(), context.config, now)
    config, today = context.config, now.date()
    starts = []
    for block in setup.template.blocks:
        exercise = context.library[block.exercise_id]
        known = config.known.get(exercise.id)
        target = starting_target(block, exercise, setup.plan, setup.history, config.equipment, config.units, today, known)
        strength = estimated_strength(setup.history, exercise.id, config.units, today, known)
        warmups = ramp_before(target, exercise, block, None if strength is None else strength.e1rm, config)
        starts.append(ExerciseStart(exercise, warmups, target))
    return starts


def _work_words(target: SetTarget, unit: Unit) -> str:
    amount = f"{target.hold_seconds} s hold" if target.reps is None and target.hold_seconds else f"{target.reps} reps"
    if target.reps is not None and target.hold_seconds:
        amount += f" with {target.hold_seconds} s holds"
    load = "bodyweight" if target.load is None else format_load(target.load, unit)
    effort = "" if target.rpe is None else f", RPE {target.rpe:g}"
    return f"{amount} @ {load}{effort}"


def _bring(starts: list[ExerciseStart], context: Context) -> tuple[list[float], list[float]]:
    """(plates per side, most of each size any load needs; dumbbells used), heaviest first."""
    plates: Counter[float] = Counter()
    dumbbells: set[float] = set()
    for start in starts:
        loads = [w.load for w in start.warmups] + ([start.target.load] if start.target.load is not None else [])
        for load in loads:
            per_side = _plates(load, start.exercise, context)
            if per_side is not None:
                plates |= Counter(per_side)
            elif start.exercise.equipment in ("dumbbell", "kettlebell"):
                dumbbells.add(load)
    return sorted(plates.elements(), reverse=True), sorted(dumbbells, reverse=True)


def next_lines(starts: list[ExerciseStart], context: Context, session_id: str, today: date) -> list[Text]:
    """The answer as text, one Text a line; names from files stay literal text."""
    unit = context.config.units
    template = context.plan.session(session_id)
    lines = [Text(visible(f"Next: {template.id} - {template.name} ({context.plan.name}), {today:%a %d %b}"), style="bold")]
    for start in starts:
        lines.append(Text(visible(start.exercise.name), style="bold"))
        if start.warmups:
            ramp = ", ".join(f"{format_load(w.load, unit)} x {w.reps} ({w.label})" for w in start.warmups)
            lines.append(Text(f"  Warm-up: {ramp}"))
        plates = _plates(start.target.load, start.exercise, context)
        on_bar = "" if plates is None else f" ({' + '.join(f'{p:g}' for p in plates) or 'no plates'} per side)"
        lines.append(Text(visible(f"  First work set: {_work_words(start.target, unit)}{on_bar}")))
        lines.append(Text(visible(f"  Why: {name_sources(start.target.reason)}")))
        if start.target.offer_variation:
            lines.append(Text(f"  Offered: the {start.target.offer_variation} variation"))
    all_plates, dumbbells = _bring(starts, context)
    things = ([f"plates per side {', '.join(f'{p:g}' for p in all_plates)} {unit}"] if all_plates else []) + (
        [f"dumbbells {', '.join(f'{d:g}' for d in dumbbells)} {unit}"] if dumbbells else [])
    lines.append(Text(f"Bring: {'; '.join(things) if things else 'nothing but yourself'}"))
    return lines


def next_json(starts: list[ExerciseStart], context: Context, session_id: str, today: date) -> dict[str, Any]:
    """The answer as one JSON object."""
    plates, dumbbells = _bring(starts, context)
    return {
        "date": today.isoformat(), "plan": context.plan.id, "session": session_id, "unit": context.config.units,
        "exercises": [
            {
                "id": start.exercise.id, "name": start.exercise.name,
                "warmup": [{"reps": w.reps, "load": w.load, "label": w.label} for w in start.warmups],
                "first_set": {
                    "reps": start.target.reps, "hold_seconds": start.target.hold_seconds, "load": start.target.load,
                    "rpe": start.target.rpe, "plates_per_side": _plates(start.target.load, start.exercise, context),
                },
                "reason": start.target.reason, "offer_variation": start.target.offer_variation,
            }
            for start in starts
        ],
        "bring": {"plates_per_side": plates, "dumbbells": dumbbells},
    }


def run(args: argparse.Namespace) -> int:
    """Print the next session; 1 with the problems when the plan or the session cannot be found."""
    context = context_or_report(args.plan)
    if context is None:
        return 1
    now = local_now()
    try:
        session_id = _session_id(context, args.session, now.date())
    except KeyError as error:
        print_problems([Problem("--session", "session", str(error.args[0]))])
        return 1
    starts = next_session(context, session_id, now)
    if args.json:
        print(json.dumps(next_json(starts, context, session_id, now.date()), indent=2))
        return 0
    console = output_console()
    for line in next_lines(starts, context, session_id, now.date()):
        console.print(line)
    return 0
