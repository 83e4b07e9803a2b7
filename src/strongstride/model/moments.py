"""Moments in time as the runner's history holds them: with their offset, so clock changes do not bend durations.

New times carry the local offset (a session across a daylight-saving change lasts as long as it
really did); files written before that, and some imports, hold local times without one, which are
read on the local clock whenever they meet a time with an offset.
"""

from __future__ import annotations

from datetime import datetime, timezone


def local_now() -> datetime:
    """Now, on the local clock, with its offset from UTC."""
    return datetime.now().astimezone()


def chronological(moment: datetime) -> datetime:
    """A sort key that puts times with and without an offset on one local clock."""
    return moment if moment.tzinfo is None else moment.astimezone().replace(tzinfo=None)


def seconds_between(start: datetime, end: datetime) -> float:
    """Seconds from start to end: exact across a clock change when both have an offset, else on the local clock."""
    if start.tzinfo is None or end.tzinfo is None:
        return (chronological(end) - chronological(start)).total_seconds()
    return (end.astimezone(timezone.utc) - start.astimezone(timezone.utc)).total_seconds()   # never wall-clock maths
