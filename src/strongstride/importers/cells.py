"""One CSV cell as a number, a date, a duration or a unit, the way other apps write them."""

from __future__ import annotations

import functools
import re
from datetime import datetime

from strongstride.model.calendar import YEARS
from strongstride.model.units import Unit


class BadCell(ValueError):
    """A cell that cannot mean what its column says; the row is reported and skipped."""


_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y-%m-%d %I:%M:%S %p",   # Strong on a 12-hour clock: 2025-01-30 12:34:56 pm (a narrow space before pm)
    "%Y-%m-%d %I:%M %p",
    "%d %b %Y, %H:%M",      # Hevy: 8 Apr 2026, 16:50
    "%d %B %Y, %H:%M",
    "%d %b %Y %H:%M",
    "%b %d, %Y, %I:%M %p",
    "%b %d, %Y %I:%M %p",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d",
    "%d.%m.%Y, %H:%M",      # Hevy in German, Dutch, Polish...: 05.06.2026, 07:30
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
)

_UNITS: dict[str, Unit] = {
    "kg": "kg", "kgs": "kg", "kilogram": "kg", "kilograms": "kg",
    "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb",
}

# Dates outside these years are typos or broken exports, and near year 1 or 9999 no clock arithmetic works.
LONGEST_DURATION_SECONDS = 366 * 86_400

# `1h 5m`, `38min`, `1h 2min`, `2 hrs 5 mins`, `26s`, `90 sec`: each number with the unit after it.
_DURATION_PART = re.compile(
    r"(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])", re.IGNORECASE
)
# Text a spreadsheet would run as a formula (OWASP "CSV injection"), after any apostrophes already there.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def formula_safe(text: str) -> str:
    """A cell as written: a `'` put before text a spreadsheet would run, and before text already so guarded,
    so `from_formula_safe` gives back exactly the text (a note that really starts `'=` keeps its `'`)."""
    return "'" + text if _FORMULA_START.match(text) else text


def from_formula_safe(cell: str) -> str:
    """A cell as read: the `'` that `formula_safe` put in front taken off; any other text as it is."""
    return cell[1:] if cell.startswith("'") and _FORMULA_START.match(cell, 1) else cell


def parse_number(text: str, column: str) -> float | None:
    """A decimal, with a point or a comma (`62,5`) or both (`1.062,5`); empty means none."""
    if "," not in text:
        try:
            value = float(text)     # the common case, read at once
        except ValueError:
            pass
        else:
            if value == value and value not in (float("inf"), float("-inf")):
                return value
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    if not text or text == "-":
        return None
    if "," in text:
        last = max(text.rfind(","), text.rfind("."))
        text = text[:last].replace(",", "").replace(".", "") + "." + text[last + 1 :]
    try:
        value = float(text)
    except ValueError:
        raise BadCell(f"{column} {text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise BadCell(f"{column} {text!r} is not a number")
    return value


def parse_amount(text: str, column: str) -> float | None:
    """A weight, distance or time: never negative; zero means none (Strong writes 0 for bodyweight)."""
    value = parse_number(text, column)
    if value is not None and value < 0:
        raise BadCell(f"{column} {text.strip()!r} is negative")
    return value or None


def parse_whole(text: str, column: str) -> int | None:
    """A count such as reps, written `10` or `10.0` (newer Strong exports); zero means none."""
    value = parse_amount(text, column)
    if value is None:
        return None
    if value != int(value):
        raise BadCell(f"{column} {text.strip()!r} is not a whole number")
    return int(value)


def parse_rpe(text: str, column: str) -> float | None:
    """An RPE from 1 to 10 (half points allowed); empty or 0 means it was not recorded."""
    value = parse_amount(text, column)
    if value is not None and not 1 <= value <= 10:
        raise BadCell(f"{column} {text.strip()!r} is not an RPE from 1 to 10")
    return value


def parse_datetime(text: str, column: str) -> datetime:
    """A date and time in the formats Strong, Hevy, FitNotes and ISO 8601 use; local time, no zone."""
    text = " ".join(text.split())
    if not text:
        raise BadCell(f"{column} is empty")
    parsed = _first_date_format(text) or _iso_datetime(text, column)
    if not YEARS[0] <= parsed.year <= YEARS[1]:
        raise BadCell(f"{column} {text!r} is not a date from {YEARS[0]} to {YEARS[1]}")
    return parsed.astimezone().replace(tzinfo=None) if parsed.tzinfo else parsed


def _first_date_format(text: str) -> datetime | None:
    for date_format in _DATE_FORMATS:
        try:
            return datetime.strptime(text, date_format)
        except ValueError:
            continue
    return None


def _iso_datetime(text: str, column: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise BadCell(f"{column} {text!r} is not a date") from None


@functools.lru_cache(maxsize=4096)     # an export repeats the same few rest times and durations on row after row
def parse_duration(text: str, column: str) -> int | None:
    """Seconds from `1h 5m`, `45m`, `26s`, `1:05:00`, `05:30` or a plain number of seconds; at most a year."""
    seconds = _duration_seconds(text.strip(), column)
    if seconds is not None and seconds > LONGEST_DURATION_SECONDS:
        raise BadCell(f"{column} {text.strip()!r} is longer than a year")
    return seconds


def _duration_seconds(text: str, column: str) -> int | None:
    if not text:
        return None
    if ":" in text:
        parts = text.split(":")
        if len(parts) > 3 or not all(p.strip().isdecimal() for p in parts):
            raise BadCell(f"{column} {text!r} is not a duration")
        seconds = 0
        for part in parts:
            seconds = seconds * 60 + int(part)
        return seconds or None
    if _DURATION_PART.search(text):
        if _DURATION_PART.sub("", text).strip():
            raise BadCell(f"{column} {text!r} is not a duration")
        scale = {"h": 3600, "m": 60, "s": 1}
        total = sum(float(n) * scale[u[0].lower()] for n, u in _DURATION_PART.findall(text))
        if total == float("inf"):
            raise BadCell(f"{column} {text!r} is longer than a year")
        return round(total) or None
    try:
        value = parse_number(text, column)
    except BadCell:
        raise BadCell(f"{column} {text!r} is not a duration") from None
    if value is not None and value < 0:
        raise BadCell(f"{column} {text!r} is negative")
    return round(value) if value else None


METRES_PER: dict[str, float] = {
    "m": 1.0, "meter": 1.0, "meters": 1.0, "metre": 1.0, "metres": 1.0, "km": 1000.0, "kms": 1000.0,
    "kilometers": 1000.0, "kilometres": 1000.0, "mi": 1609.344, "mile": 1609.344, "miles": 1609.344,
    "ft": 0.3048, "feet": 0.3048, "yd": 0.9144, "yards": 0.9144,
}


def distance_unit_in_header(header_cell: str) -> str:
    """The distance unit a header names, as in `Distance (km)`, `distance_miles` or a column called `km`."""
    match = re.search(r"(?:^|[(_ ])([a-z]+)\)?$", header_cell.strip().lower())
    return match.group(1) if match and match.group(1) in METRES_PER else ""


def parse_distance(text: str, column: str, unit: str) -> float | None:
    """A distance in metres from a number in `unit` (km when the file names none: Strong's and Hevy's default)."""
    value = parse_amount(text, column)
    return None if value is None else in_metres(value, column, unit)


def in_metres(value: float, column: str, unit: str) -> float:
    """A distance in `unit` (km when empty) as metres."""
    key = unit.strip().lower() or "km"
    if key not in METRES_PER:
        raise BadCell(f"{column} unit {unit.strip()!r} is not m, km or mi")
    return round(value * METRES_PER[key], 3)


def parse_unit(text: str, column: str) -> Unit | None:
    """`kg`/`kgs` or `lb`/`lbs` (any case); empty means the file's default."""
    key = text.strip().lower()
    if not key:
        return None
    if key not in _UNITS:
        raise BadCell(f"{column} {text.strip()!r} is not kg or lb")
    return _UNITS[key]


def unit_in_header(header_cell: str) -> Unit | None:
    """The unit a header names, as in `Weight (kg)`, `Weight (lbs)` or Hevy's `weight_lbs`."""
    match = re.search(r"(?:^|[(_ ])(kgs?|lbs?)\)?$", header_cell.strip().lower())
    return _UNITS[match.group(1)] if match else None


def note_text(text: str, literal_breaks: bool = False) -> str:
    """A note cell: a CRLF (a line break in a note of a CRLF file) becomes `\\n`, outer space trimmed; with
    `literal_breaks`, a typed `\\n` (how Hevy writes a line break) becomes one too."""
    if literal_breaks:
        text = text.replace("\\n", "\n")
    return text.replace("\r\n", "\n").strip()
