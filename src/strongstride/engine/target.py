"""What the coach asks of the next set, and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class SetTarget:
    """The next set's reps or hold, load and effort, with a one-line reason the runner reads."""

    reps: int | None = None            # reps to do (None for holds)
    hold_seconds: int | None = None
    load: float | None = None          # None: bodyweight or band
    rpe: float | None = None
    reason: str = ""                   # one line a runner understands
    offer_variation: Literal["easier", "harder"] | None = None
    test: bool = False                 # a test set: no strength known yet, light sets rise until the effort tells it
