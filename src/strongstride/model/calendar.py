"""Calendar facts the week, the stats and the file readers share: weeks, months, the years a log spans, and
an event of the runner's own calendar as the week reads it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

YEARS = (1900, 2999)      # the years a training log's dates fall in; outside them a date is a typo


def week_start(day: date) -> date:
    """The Monday of the ISO week the day falls in."""
    return day - timedelta(days=day.weekday())


def month_start(day: date, months_back: int = 0) -> date:
    """The first day of the month `months_back` months before the day's month."""
    months = day.year * 12 + day.month - 1 - months_back
    return date(months // 12, months % 12 + 1, 1)


class CalendarEvent(NamedTuple):
    """One event as read from a calendar, on the local clock: what the week reads of it."""

    uid: str
    title: str
    description: str
    day: date
    start: datetime | None          # None for an all-day event
    minutes: int | None             # from the end time or the feed's estimated duration
    source: str                     # the calendar it came from, as written in config
