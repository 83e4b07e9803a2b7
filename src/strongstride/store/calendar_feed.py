"""The runner's calendars: .ics files read, feeds fetched at most once an hour and kept in the cache folder.

Reading never touches the network (the app reads at start, then refreshes feeds in the background);
`refresh_feeds` fetches the feeds whose last try is over an hour old, with a timeout. A broken file or
event, a feed that cannot be fetched: each is a Problem, never an exception, and a feed that cannot
be fetched is read from its cached copy, whose age is said.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from strongstride.model.calendar import CalendarEvent
from strongstride.model.problems import Problem

FETCH_EVERY = timedelta(hours=1)
DAYS_BACK, DAYS_AHEAD = 60, 400        # races up to 4 weeks back still shape recovery; blocks look ahead a year
MAX_FEED_BYTES = 20_000_000
KEY = "running.calendar"
WHOLE_FILE = "(calendar)"     # the key path of a problem that leaves the whole calendar unread


@dataclass(frozen=True)
class FeedCopy:
    """A feed's cached copy: when it was fetched, and why the last try failed (None if it did not)."""

    source: str
    fetched_at: datetime | None
    error: str | None

    def note(self, now: datetime) -> str | None:
        """"Calendar copy from 3 hours ago (...)" once the copy is over an hour old; None while fresh."""
        now = _local_clock(now)
        if self.fetched_at is None or now - self.fetched_at <= FETCH_EVERY:
            return None
        why = f": {self.error}" if self.error else ""
        return f"Running plan from a copy {_age(now - self.fetched_at)} old (the feed could not be fetched{why})"


@dataclass(frozen=True)
class CalendarRead:
    """What the calendars gave: their events, their problems, and the age of each feed's copy."""

    events: tuple[CalendarEvent, ...] = ()
    problems: tuple[Problem, ...] = ()
    feeds: tuple[FeedCopy, ...] = ()
    read: bool = False      # at least one calendar was read: its runs replace the weekday lists in config

    def notes(self, now: datetime) -> list[str]:
        """The age of every feed copy that is stale."""
        return [note for feed in self.feeds if (note := feed.note(now)) is not None]


def is_feed(source: str) -> bool:
    """A feed address rather than a file."""
    return source.lower().startswith(("https://", "http://", "webcal://"))


def cache_file(cache_dir: Path, source: str) -> Path:
    """Where a feed's copy is kept: one file per address."""
    return cache_dir / "calendars" / f"{hashlib.sha256(source.encode()).hexdigest()[:20]}.ics"


def _try_file(copy: Path) -> Path:
    return copy.with_suffix(".last-try")


def read_calendars(sources: Sequence[str], cache_dir: Path, today: date, zone: tzinfo | None = None) -> CalendarRead:
    """Every calendar's events from 60 days back to 400 ahead, on the local clock (or `zone`); no network."""
    events: list[CalendarEvent] = []
    problems: list[Problem] = []
    feeds: list[FeedCopy] = []
    read = False
    for source in sources:
        if is_feed(source):
            copy = cache_file(cache_dir, source)
            feed = _feed_copy(source, copy)
            feeds.append(feed)
            if feed.fetched_at is None:
                why = f": {feed.error}" if feed.error else " yet"
                problems.append(Problem(source, KEY, f"not fetched{why}; the weekday lists in config are used meanwhile"))
                continue
            label: Path | str = source
        else:
            copy = label = Path(source).expanduser()
        try:
            data = copy.read_bytes()
        except OSError as error:
            problems.append(Problem(label, KEY, f"cannot read the calendar: {error.strerror or error}"))
            continue
        found, broken = events_from_ics(data, source, label, today, zone)
        problems.extend(broken)
        read = read or not any(problem.key_path == WHOLE_FILE for problem in broken)
        events.extend(found)
    return CalendarRead(tuple(events), tuple(problems), tuple(feeds), read)


def _feed_copy(source: str, copy: Path) -> FeedCopy:
    try:
        fetched_at: datetime | None = datetime.fromtimestamp(copy.stat().st_mtime)
    except OSError:
        fetched_at = None
    try:
        error = _try_file(copy).read_text(encoding="utf-8").strip() or None
    except OSError:
        error = None
    return FeedCopy(source, fetched_at, error)


def refresh_feeds(sources: Iterable[str], cache_dir: Path, now: datetime, timeout: float) -> bool:
    """Fetch each feed last tried over an hour ago (at most once an hour); True when a copy changed.

    A failure keeps the old copy and notes why beside it; a feed that does not parse is not kept.
    """
    changed = False
    for source in sources:
        if not is_feed(source):
            continue
        copy = cache_file(cache_dir, source)
        tried = _try_file(copy)
        try:
            if _local_clock(now) - datetime.fromtimestamp(tried.stat().st_mtime) < FETCH_EVERY:
                continue
        except OSError:
            pass
        error = _fetch(source, copy, timeout)
        tried.parent.mkdir(parents=True, exist_ok=True)
        tried.write_text(error or "", encoding="utf-8")
        changed = changed or error is None
    return changed


def _fetch(source: str, copy: Path, timeout: float) -> str | None:
    """Fetch one feed into its copy; None on success, else why not."""
    import urllib.error
    import urllib.request

    from strongstride.store.atomic import atomic_write_bytes

    url = re.sub(r"^webcal://", "https://", source, flags=re.IGNORECASE)
    request = urllib.request.Request(url, headers={"User-Agent": "strongstride"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_FEED_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        return str(getattr(error, "reason", None) or error)
    if len(data) > MAX_FEED_BYTES:
        return f"the feed is over {MAX_FEED_BYTES // 1_000_000} MB"
    problem = _unreadable(data)
    if problem is not None:
        return f"the feed is not a calendar ({problem}); the last good copy is kept"
    copy.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(copy, data)
    return None


def _unreadable(data: bytes) -> str | None:
    import icalendar

    try:
        icalendar.Calendar.from_ical(data)
    except ValueError as error:
        return str(error)
    return None


def events_from_ics(data: bytes, source: str, label: Path | str, today: date, zone: tzinfo | None = None
                    ) -> tuple[list[CalendarEvent], list[Problem]]:
    """The events of one calendar's text and the problems in it, each with its line where it can be found."""
    import icalendar
    import recurring_ical_events

    text = data.decode("utf-8", errors="replace")
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as error:
        return [], [Problem(label, WHOLE_FILE, f"not a calendar that can be read: {error}", _line_of(text, str(error)))]
    problems = _drop_broken_events(calendar, label, text)
    _keep_latest_sequence(calendar)
    start, end = today - timedelta(days=DAYS_BACK), today + timedelta(days=DAYS_AHEAD)
    try:
        occurrences = list(recurring_ical_events.of(calendar).between(start, end))
    except Exception as error:   # the library raises many kinds for a broken recurrence: all mean the same here
        problems.append(Problem(label, WHOLE_FILE, f"its repeating events cannot be read: {error}"))
        return [], problems
    return [_event(occurrence, source, zone) for occurrence in occurrences], problems


def _drop_broken_events(calendar: Any, label: Path | str, text: str) -> list[Problem]:
    """Take out each event with a property that cannot be read, as a problem naming the property and its line."""
    problems = []
    for component in list(calendar.subcomponents):
        errors = getattr(component, "errors", [])
        if component.name != "VEVENT" or not errors:
            continue
        calendar.subcomponents.remove(component)
        name, message = errors[0]
        summary = str(component.get("SUMMARY", component.get("UID", "")))
        problems.append(Problem(label, f"VEVENT {name}", f"{message}; the event {summary!r} is left out",
                                _line_of(text, name, _raw_value(component, name))))
    return problems


def _raw_value(component: Any, name: str) -> str:
    return str(component.get(name, ""))


def _keep_latest_sequence(calendar: Any) -> None:
    """One copy of an event a feed lists twice (TrainingPeaks bumps SEQUENCE on each edit): the latest."""
    latest: dict[str, Any] = {}
    for component in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in component:
            continue
        uid = str(component.get("UID", ""))
        if uid in latest and int(latest[uid].get("SEQUENCE", 0)) >= int(component.get("SEQUENCE", 0)):
            calendar.subcomponents.remove(component)
        elif uid:
            if uid in latest:
                calendar.subcomponents.remove(latest[uid])
            latest[uid] = component


def _line_of(text: str, *fragments: str) -> int | None:
    """The first line that starts with the first fragment and holds the rest (quoted text in a message counts)."""
    quoted = re.findall(r"'([^']+)'", fragments[0])
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if quoted and quoted[0] in line:
            return number
        if not quoted and line.upper().startswith(fragments[0].upper()) and all(f in line for f in fragments[1:]):
            return number
    return None


def _event(occurrence: Any, source: str, zone: tzinfo | None) -> CalendarEvent:
    """One occurrence on the local clock (or `zone`): all-day events keep their date and have no start."""
    begins = occurrence.get("DTSTART").dt
    ends = occurrence.get("DTEND")
    minutes = None
    start: datetime | None = None
    if isinstance(begins, datetime):
        start = _local(begins, zone)
        if ends is not None and isinstance(ends.dt, datetime):
            minutes = round((ends.dt - begins).total_seconds() / 60) or None
        day = start.date()
    else:
        day = begins
    estimated = occurrence.get("X-WORKOUT-ESTIMATED-DURATION")
    if minutes is None and estimated is not None and str(estimated).strip().isdigit():
        minutes = round(int(str(estimated)) / 60)
    return CalendarEvent(str(occurrence.get("UID", "")), str(occurrence.get("SUMMARY", "")),
                         str(occurrence.get("DESCRIPTION", "")), day, start, minutes, source)


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    """A time on the runner's clock, without its zone (floating times are taken as local already)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(zone).replace(tzinfo=None)


def _local_clock(now: datetime) -> datetime:
    """The time on the local clock without a zone, as file times are read."""
    return now.astimezone().replace(tzinfo=None) if now.tzinfo is not None else now


def _age(elapsed: timedelta) -> str:
    """"45 minutes", "3 hours", "2 days"."""
    minutes = int(elapsed.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} minutes"
    if minutes < 48 * 60:
        return f"{minutes // 60} hours"
    return f"{minutes // (24 * 60)} days"
