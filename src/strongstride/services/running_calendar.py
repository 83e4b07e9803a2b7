"""The runner's calendar as `today`, `week`, `next` and the app read it: feeds refreshed, events classified.

A plain command fetches a stale feed with a short timeout (it never waits long); the app reads the
cached copy at start and refreshes in the background.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from strongstride.engine.runs import Run, classify_all
from strongstride.model.calendar import CalendarEvent
from strongstride.model.config import RunningWeek
from strongstride.model.problems import Problem

PLAIN_FETCH_SECONDS = 3.0


class RunningCalendar(NamedTuple):
    """The calendar's runs (None: no calendar was read, so the weekday lists in config apply), and what else."""

    runs: tuple[Run, ...] | None = None
    not_training: tuple[CalendarEvent, ...] = ()
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()      # "Running plan from a copy 3 hours old (...)"


def load_running_calendar(running: RunningWeek, today: date, now: datetime,
                          fetch_timeout: float | None = PLAIN_FETCH_SECONDS) -> RunningCalendar:
    """Read the configured calendars (fetching stale feeds first unless `fetch_timeout` is None) and classify them."""
    if not running.calendar:
        return RunningCalendar()
    from strongstride.store import paths
    from strongstride.store.calendar_feed import read_calendars, refresh_feeds

    if fetch_timeout is not None:
        refresh_feeds(running.calendar, paths.cache_dir(), now, fetch_timeout)
    read = read_calendars(running.calendar, paths.cache_dir(), today)
    runs, other = classify_all(read.events, running.keywords)
    return RunningCalendar(runs if read.read else None, other, read.problems, tuple(read.notes(now)))
