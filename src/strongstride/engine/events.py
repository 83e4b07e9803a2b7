"""What the runner did, one event per key press; the live session is these events folded in order."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal


@dataclass(frozen=True)
class WarmupDone:
    """The general warm-up (bike, jog) is finished."""

    at: datetime


@dataclass(frozen=True)
class SetLogged:
    """A set of reps done: how many, with what load (None: bodyweight or band), how hard."""

    at: datetime
    reps: int
    load: float | None = None
    rpe: float | None = None
    note: str = ""


@dataclass(frozen=True)
class HoldCompleted:
    """A timed hold (plank, wall sit) done: seconds held and how hard."""

    at: datetime
    seconds: int
    rpe: float | None = None
    note: str = ""


@dataclass(frozen=True)
class SetEdited:
    """A set logged earlier in this session, corrected: its place in the log and what was really done."""

    at: datetime
    index: int                 # position in the session's log of sets (warm-ups and skipped sets count)
    count: int                 # reps, or seconds for a hold
    load: float | None = None
    rpe: float | None = None
    note: str = ""


@dataclass(frozen=True)
class SetSkipped:
    """The current set is not done (also declines an offered extra set)."""

    at: datetime


@dataclass(frozen=True)
class ExerciseSkipped:
    """The rest of the current exercise is not done."""

    at: datetime


@dataclass(frozen=True)
class VariationSwapped:
    """The current exercise is swapped for the easier or harder one of its ladder."""

    at: datetime
    direction: Literal["easier", "harder"]


@dataclass(frozen=True)
class RestChanged:
    """The running rest is made longer or shorter."""

    at: datetime
    delta_seconds: int


@dataclass(frozen=True)
class RestEnded:
    """The rest is over (skipped or run out): on to the next set."""

    at: datetime


@dataclass(frozen=True)
class Finished:
    """The session is done and goes to history, with the runner's note."""

    at: datetime
    note: str = ""


@dataclass(frozen=True)
class Abandoned:
    """The session is dropped; what was logged is still kept in history."""

    at: datetime


Event = (
    WarmupDone | SetLogged | HoldCompleted | SetEdited | SetSkipped | ExerciseSkipped | VariationSwapped
    | RestChanged | RestEnded | Finished | Abandoned
)
EVENT_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (WarmupDone, SetLogged, HoldCompleted, SetEdited, SetSkipped, ExerciseSkipped, VariationSwapped,
                RestChanged, RestEnded, Finished, Abandoned)
}


def event_to_dict(event: Event) -> dict[str, Any]:
    """A TOML-able table: the event's type and its fields, None fields left out."""
    fields = {k: v for k, v in dataclasses.asdict(event).items() if v is not None}
    return {"type": type(event).__name__, **fields}


def event_from_dict(data: dict[str, Any]) -> Event:
    """The event a table describes; ValueError names what is wrong with it."""
    kind = data.get("type")
    cls = EVENT_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise ValueError(f"unknown event type {kind!r}")
    known = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - known - {"type"}
    if unknown:
        raise ValueError(f"{kind} has unknown keys: {', '.join(sorted(unknown))}")
    try:
        event: Event = cls(**{k: v for k, v in data.items() if k != "type"})
    except TypeError as error:
        raise ValueError(f"{kind}: {error}") from None
    if not isinstance(event.at, datetime):
        raise ValueError(f"{kind}.at must be a date and time")
    return event
