"""What was done: every set with its target beside the result, and the session that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from strongstride.model.moments import seconds_between
from strongstride.model.units import Unit

SetKind = Literal["work", "warmup"]
Side = Literal["left", "right"]
ActivityKind = Literal["cardio", "mobility", "warm-up", "other"]


@dataclass(frozen=True)
class SetLog:
    """One set: the target it was given, what the runner did, and why the target was what it was."""

    exercise_id: str
    set_number: int                     # 1-based among the exercise's sets of this kind (per side)
    at: datetime                        # when the set was logged
    unit: Unit = "kg"
    kind: SetKind = "work"
    side: Side | None = None
    exercise_name: str = ""             # kept for exercises the library may not know (imports)
    target_reps: int | None = None
    target_load: float | None = None
    target_hold: int | None = None
    target_rpe: float | None = None
    reps: int | None = None
    load: float | None = None           # None: bodyweight
    rpe: float | None = None
    hold_seconds: int | None = None
    rest_seconds: int | None = None     # rest actually taken after this set
    reason: str = ""                    # why the target was what it was
    note: str = ""
    skipped: bool = False

    @property
    def counts_as_work(self) -> bool:
        """Warm-up and skipped sets never count in progression, volume or records."""
        return self.kind == "work" and not self.skipped

    @property
    def volume(self) -> float:
        """Load times reps; bodyweight and holds add nothing."""
        if not self.counts_as_work or self.load is None or self.reps is None:
            return 0.0
        return self.load * self.reps


@dataclass(frozen=True)
class ActivityLog:
    """Cardio, mobility or warm-up work done in a session: kept beside the sets, never counted as one."""

    name: str
    at: datetime
    kind: ActivityKind = "other"
    seconds: int | None = None
    distance_m: float | None = None     # metres, whatever unit the file wrote
    note: str = ""


@dataclass(frozen=True)
class SessionLog:
    """One session as saved to history: who, what plan, when, and its sets in order."""

    id: str                             # unique, also the file stem: time plus a random suffix
    plan_id: str
    session_id: str
    started_at: datetime
    finished_at: datetime | None = None
    plan_name: str = ""
    session_name: str = ""
    unit: Unit = "kg"
    sets: tuple[SetLog, ...] = ()
    note: str = ""
    source: str = "strongstride"        # or "strong", "hevy", "fitnotes", "csv" for imports
    abandoned: bool = False
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    activities: tuple[ActivityLog, ...] = ()

    @property
    def work_sets(self) -> tuple[SetLog, ...]:
        return tuple(s for s in self.sets if s.counts_as_work)

    @property
    def volume(self) -> float:
        return sum(s.volume for s in self.sets)

    @property
    def duration_seconds(self) -> float | None:
        if self.finished_at is None:
            return None
        return seconds_between(self.started_at, self.finished_at)

    @property
    def average_rpe(self) -> float | None:
        rpes = [s.rpe for s in self.work_sets if s.rpe is not None]
        return sum(rpes) / len(rpes) if rpes else None
