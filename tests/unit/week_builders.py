"""A small exercise library, sessions and plans to test the runner's week with."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from strongstride.engine.week import PastSession, Suggestion
from strongstride.model.exercise import Exercise
from strongstride.model.plan import BODYWEIGHT, Block, Load, NumberRange, Phase, Plan, Prescription, SessionTemplate

MUSCLES = {
    "goblet_squat": ("quadriceps", "gluteals"),
    "calf_raise": ("calves",),
    "plank": ("core",),
    "romanian_deadlift": ("hamstrings", "gluteals"),
    "band_row": ("upper back",),
    "push_up": ("chest", "triceps"),
}
LIBRARY = {
    exercise_id: Exercise(exercise_id, exercise_id.replace("_", " ").title(), ("one", "two", "three"),
                          "rushing", muscles, "bodyweight")
    for exercise_id, muscles in MUSCLES.items()
}
HEAVY_LOAD = Load("percent_rm", percent=NumberRange(80, 100), rep_max=5)


def session(session_id: str, *exercise_ids: str, load: Load = BODYWEIGHT) -> SessionTemplate:
    prescription = Prescription(NumberRange(1, 3), NumberRange(8, 10), load=load)
    return SessionTemplate(session_id, f"Session {session_id}", tuple(Block(e, prescription) for e in exercise_ids))


LEGS_A = session("A", "goblet_squat", "calf_raise", "plank")
LEGS_B = session("B", "romanian_deadlift", "band_row", "push_up")       # shares gluteals with A
UPPER = session("U", "band_row", "push_up")                             # shares nothing with A


def make_plan(sessions: Sequence[SessionTemplate] = (LEGS_A, LEGS_B), per_week: int = 2,
              level: str = "intermediate", phases: Sequence[Phase] = (), plan_id: str = "test-plan") -> Plan:
    return Plan(plan_id, "Test plan", "", level, per_week, "kg", "seed 000", tuple(sessions), tuple(phases))


MONDAY = date(2025, 3, 3)


def weekday(n: int, weeks: int = 0) -> date:
    """Monday is 0, Sunday 6, of the week `weeks` after MONDAY's."""
    return MONDAY + timedelta(days=7 * weeks + n)


def done(plan: Plan, session_id: str, on: date, hour: int = 18) -> PastSession:
    """A finished session, its muscles taken from the test library."""
    template = plan.session(session_id)
    muscles = frozenset(m for block in template.blocks for m in MUSCLES.get(block.exercise_id, ()))
    return PastSession(datetime.combine(on, time(hour)), plan.id, session_id, muscles)


def has_reason(suggestion: Suggestion, words: str) -> bool:
    return any(words in reason for reason in suggestion.reasons)
