"""What a screen needs of the live session at any moment; plain frozen data, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from strongstride.engine.plates import PlateLoading
from strongstride.engine.target import SetTarget
from strongstride.model.exercise import Exercise
from strongstride.model.log import SetKind, SetLog, Side
from strongstride.model.moments import seconds_between
from strongstride.model.plan import Warmup
from strongstride.model.units import Unit

Step = Literal["warmup", "set", "rest", "done"]


@dataclass(frozen=True)
class SetCard:
    """The set to do now (or next, during a rest): exercise, cues, target and why."""

    exercise: Exercise
    kind: SetKind                 # "warmup" sets are shown and logged as such, never counted as work
    set_number: int
    set_count: int                # planned sets (warm-up: the ramp's length)
    set_count_max: int            # top of a "3-5" range; equal to set_count otherwise
    exercise_number: int
    exercise_count: int
    side: Side | None
    target: SetTarget
    rpe_meaning: str              # "RPE 8 = 2 reps left"
    last_time: str
    plates: PlateLoading | None   # barbell work: plates per side
    unit: Unit
    rest_seconds: int             # the rest that follows this set
    tempo: str | None = None
    superset: str | None = None
    extra_set: bool = False       # an offered set beyond the low end of a range: log it or skip it
    note: str = ""                # the plan's note on this block
    band: str | None = None       # band work: the plan's band level ("medium")
    test_ramp: bool = False       # a test set finding the load: numbered in its ramp, not among the plan's sets

    @property
    def is_hold(self) -> bool:
        return self.exercise.kind == "hold"

    @property
    def position(self) -> str:
        """ "set 2 of 3 · exercise 3 of 6", the runner's bearings at a glance."""
        if self.kind == "warmup":
            sets = f"warm-up {self.set_number} of {self.set_count}"
        elif self.test_ramp:    # the ramp ends when a set is no longer light: its length is not known ahead
            sets = f"test ramp set {self.set_number}"
        elif self.set_count_max > self.set_count:
            sets = f"set {self.set_number} of {self.set_count}-{self.set_count_max}"
        else:
            sets = f"set {self.set_number} of {self.set_count}"
        side = f" · {self.side} side" if self.side else ""
        return f"{sets}{side} · exercise {self.exercise_number} of {self.exercise_count}"


@dataclass(frozen=True)
class RestState:
    """A rest in progress, stored as "started at T for D seconds" so any clock can show what is left."""

    started_at: datetime
    seconds: int

    def remaining(self, now: datetime) -> float:
        """Seconds left (negative once the rest runs into overtime)."""
        return self.seconds - seconds_between(self.started_at, now)


@dataclass(frozen=True)
class Progress:
    """How far through the session: work sets and exercises."""

    sets_done: int
    sets_planned: int
    exercises_done: int
    exercise_count: int
    left: tuple[tuple[str, int], ...] = ()   # (exercise name, sets still to do), in session order
    exercises_skipped: int = 0

    @property
    def sets_left(self) -> int:
        return sum(count for _, count in self.left)

    @property
    def fraction(self) -> float:
        return self.sets_done / self.sets_planned if self.sets_planned else 1.0


@dataclass(frozen=True)
class SessionState:
    """Everything the screens render; `card` is the current set, or the next one during a rest."""

    step: Step
    card: SetCard | None
    rest: RestState | None
    warmup: Warmup | None
    progress: Progress
    logged: tuple[SetLog, ...]
    up_next: str                  # what follows the current step, in a few words
    notice: str = ""              # e.g. an offered easier or harder variation
    finished: bool = False
    abandoned: bool = False
