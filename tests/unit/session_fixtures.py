"""A small hand-built library and plan for driving the live session in tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from strongstride.engine.session import SessionSetup
from strongstride.model.config import Config
from strongstride.model.exercise import Exercise
from strongstride.model.plan import (
    BODYWEIGHT, Block, Load, NumberRange, Plan, Prescription, SessionTemplate, Warmup,
)

START = datetime(2026, 11, 23, 18, 0, 0)


def exercise(exercise_id: str, equipment: str = "bodyweight", **fields) -> Exercise:
    """An exercise with placeholder coaching text."""
    return Exercise(
        id=exercise_id, name=fields.pop("name", exercise_id.replace("_", " ").capitalize()),
        cues=("Brace", "Breathe", "Drive"), mistake="Rushing", muscles=fields.pop("muscles", ("quadriceps",)),
        equipment=equipment, **fields,
    )


EXERCISES = {
    e.id: e
    for e in (
        exercise("back_squat", "barbell", easier="goblet_squat"),
        exercise("goblet_squat", "dumbbell", easier="bodyweight_squat", harder="back_squat"),
        exercise("bodyweight_squat", harder="goblet_squat"),
        exercise("split_squat", "dumbbell", unilateral=True, harder="bench_split_squat"),
        exercise("bench_split_squat", "dumbbell", unilateral=True, easier="split_squat"),
        exercise("plank", kind="hold", easier="kneeling_plank"),
        exercise("kneeling_plank", kind="hold", harder="plank"),
        exercise("push_up", muscles=("chest",)),
        exercise("band_row", "band", muscles=("back",)),
    )
}


def block(exercise_id: str, sets: float | tuple = 3, reps: tuple | None = (8, 10), load: Load = BODYWEIGHT, **fields) -> Block:
    """A block with a plain prescription; tuples are ranges."""
    def span(value):
        if value is None:
            return None
        return NumberRange(*value) if isinstance(value, tuple) else NumberRange.exactly(value)

    hold = fields.pop("hold", None)
    prescription = Prescription(
        sets=span(sets), reps=None if hold else span(reps), hold_seconds=span(hold), load=load,
        rpe=fields.pop("rpe", 8.0), rest_seconds=fields.pop("rest", 90),
    )
    progression = fields.pop("progression", "hold" if hold else "double" if load.kind != "bodyweight" else "bodyweight")
    return Block(exercise_id=exercise_id, prescription=prescription, progression=progression, **fields)


def plan_of(*blocks: Block, warmup: Warmup | None = None, level: str = "intermediate") -> Plan:
    """A one-session plan around the given blocks."""
    return Plan(
        id="test-plan", name="Test plan", description="", level=level, sessions_per_week=2,
        units="kg", source="tests", sessions=(SessionTemplate("A", "Session A", tuple(blocks), warmup),),
    )


def setup_of(*blocks: Block, history=(), volume_factor: float = 1.0, config: Config | None = None, **plan_fields) -> SessionSetup:
    """A SessionSetup for a one-session plan."""
    plan = plan_of(*blocks, **plan_fields)
    return SessionSetup(
        plan=plan, template=plan.sessions[0], exercises=EXERCISES, history=tuple(history),
        config=config or Config(), started_at=START, uid="2026-11-23T18-00-00_test-plan_A_abc123",
        volume_factor=volume_factor,
    )


class Clock:
    """Event times: each call is a few seconds after the last."""

    def __init__(self, start: datetime = START):
        self.now = start

    def __call__(self, seconds: float = 30) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now
