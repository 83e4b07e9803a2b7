"""A training plan: sessions of blocks, each block an exercise with its prescription, and phases."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from strongstride.model.units import Unit

Level = Literal["beginner", "intermediate", "advanced"]
LEVELS: tuple[str, ...] = get_args(Level)

ProgressionRule = Literal["double", "linear", "rpe", "bodyweight", "hold"]
PROGRESSION_RULES: tuple[str, ...] = get_args(ProgressionRule)

LoadKind = Literal["absolute", "bodyweight", "band", "percent_1rm", "percent_rm"]
BAND_LEVELS: tuple[str, ...] = ("light", "medium", "heavy", "extra-heavy")


@dataclass(frozen=True)
class NumberRange:
    """A prescribed count that is a single number (low == high) or a range such as "8-10"."""

    low: float
    high: float

    @classmethod
    def exactly(cls, value: float) -> NumberRange:
        return cls(value, value)

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    def __contains__(self, value: float) -> bool:
        return self.low <= value <= self.high

    def __str__(self) -> str:
        low, high = f"{self.low:g}", f"{self.high:g}"
        return low if low == high else f"{low}-{high}"


@dataclass(frozen=True)
class Load:
    """How heavy: a weight, bodyweight, a band, a % of estimated 1RM or a % range of an n-rep max."""

    kind: LoadKind
    weight: float | None = None          # absolute, in the plan's units
    band: str | None = None              # one of BAND_LEVELS
    percent: NumberRange | None = None   # percent_1rm and percent_rm, e.g. 80-100
    rep_max: int | None = None           # percent_rm: the n of "of 5RM"

    def __str__(self) -> str:
        if self.kind == "absolute":
            return f"{self.weight:g}"
        if self.kind == "band":
            return f"band {self.band}"
        if self.kind == "percent_1rm":
            return f"{self.percent}% 1RM"
        if self.kind == "percent_rm":
            return f"{self.percent}% of {self.rep_max}RM"
        return "bodyweight"


BODYWEIGHT = Load("bodyweight")


@dataclass(frozen=True)
class Prescription:
    """What each set of a block asks for: sets, reps or hold, load, effort, rest, tempo."""

    sets: NumberRange
    reps: NumberRange | None = None
    hold_seconds: NumberRange | None = None
    load: Load = BODYWEIGHT
    rpe: float | None = None      # target RPE; a plan's `rir = 2` is stored as rpe 8
    rest_seconds: int | None = None   # None: the runner's default rest from config.toml
    tempo: str | None = None


@dataclass(frozen=True)
class Block:
    """One exercise in a session with its prescription and how it progresses."""

    exercise_id: str
    prescription: Prescription
    progression: ProgressionRule = "double"
    per_side: bool | None = None      # None: as the exercise says (unilateral or not)
    superset: str | None = None       # blocks sharing a label alternate, rest after each round
    warmup_sets: bool = True          # the plan may turn the warm-up ramp off
    note: str = ""


@dataclass(frozen=True)
class Warmup:
    """A general warm-up before the first set, such as 5-10 minutes on a bike (seed 004)."""

    activity: str
    minutes: int


@dataclass(frozen=True)
class SessionTemplate:
    """One session of the plan's rotation (A, B, ...)."""

    id: str
    name: str
    blocks: tuple[Block, ...]
    warmup: Warmup | None = None


@dataclass(frozen=True)
class Phase:
    """A block of weeks at a volume factor: 1.0 is the sets as written, 0.5 half of them."""

    name: str
    weeks: int
    volume_factor: float = 1.0


@dataclass(frozen=True)
class Plan:
    """A whole plan as read from its TOML file."""

    id: str                      # the file's stem
    name: str
    description: str
    level: Level
    sessions_per_week: int
    units: Unit
    source: str
    sessions: tuple[SessionTemplate, ...]
    phases: tuple[Phase, ...] = ()
    path: Path | None = field(default=None, compare=False)

    def session(self, session_id: str) -> SessionTemplate:
        """The session with this id; KeyError names the ids there are."""
        for template in self.sessions:
            if template.id == session_id:
                return template
        raise KeyError(f"plan {self.id!r} has no session {session_id!r} (it has {', '.join(s.id for s in self.sessions)})")
