"""The runner's calendar as the week needs it: each event classified as a kind of run, and why.

An event is classified from, in this order: the workout type at the end of its UID (Runna writes
`..._TEMPO`, `..._LEGS_AND_CORE`), its title, the first line of its description (Runna's
"Intervals • 6.5km • 45m - 50m"), then its distance, then its duration. Keywords come from
DEFAULT_KEYWORDS with the runner's own (`[running.keywords]` in config) added.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import NamedTuple

from strongstride.model.calendar import CalendarEvent
from strongstride.model.config import KEYWORD_KINDS

LONG_RUN, QUALITY, EASY, RACE = "long run", "quality run", "easy run", "race"
CROSS, APP_STRENGTH = "cross-training", "strength (running plan)"

# The keyword table's keys in config, and the kind each stands for; earlier kinds win a tie.
KIND_OF_KEY: dict[str, str] = dict(zip(KEYWORD_KINDS, (RACE, LONG_RUN, QUALITY, APP_STRENGTH, CROSS, EASY)))
DEFAULT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "race": ("race", "marathon", "half marathon", "ultramarathon"),
    "long": ("long run", "long slow", "lsd", "long"),
    "quality": ("intervals", "interval", "repeats", "tempo", "threshold", "hills", "hill repeats", "fartlek",
                "track", "speed", "vo2", "progression", "marathon pace", "race pace", "parkrun", "time trial"),
    "strength": ("legs and core", "strength", "lower body", "upper body", "core", "gym", "weights", "🏋"),
    "cross": ("cross-training", "cross training", "bike", "cycling", "cycle", "spin", "swim", "rowing",
              "elliptical", "yoga", "pilates", "mobility"),
    "easy": ("easy", "recovery", "walk run", "shakeout", "jog", "base run", "aerobic"),
}
RUN_WORDS = ("run", "running", "jog", "🏃")          # a run of no known kind: its distance or duration decide
LONG_RUN_KM = 16.0            # a common definition: 90 minutes or more, or about 16 km (10 miles) and over
LONG_RUN_MINUTES = 90
MARATHON_KM, HALF_KM = 42.195, 21.0975
NAMED_DISTANCES = (("half marathon", HALF_KM), ("marathon", MARATHON_KM), ("parkrun", 5.0))
FOCUS_RACE_KM = {"short": 5.0, "middle": HALF_KM, "marathon": MARATHON_KM, "ultra": 50.0}

_UID_TYPE = re.compile(r"[-_:./]([A-Z][A-Z_]{2,})(?:@.*)?$")
_DISTANCE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(km|k|kilometres?|kilometers?|mi|miles?)\b", re.IGNORECASE)
_REPEATS = re.compile(r"\b\d+\s*[x×]\s*\d+")
_DURATION = re.compile(r"(?:(\d+)\s*h\s*)?(\d+)\s*(?:m|min|mins|minutes)\b", re.IGNORECASE)
_CLOCK_DURATION = re.compile(r"\b(\d{1,2}):(\d{2}):\d{2}\b")     # TrainingPeaks' "Planned: 1:00:00"


class Run(NamedTuple):
    """One event of the runner's week, classified: its kind, distance, time, and the rule that decided."""

    kind: str
    title: str
    day: date
    start: datetime | None = None
    minutes: int | None = None
    distance_km: float | None = None
    why: str = ""
    source: str = "config"

    @property
    def end(self) -> datetime | None:
        """When the run ends, if its start is known (an hour when its length is not)."""
        if self.start is None:
            return None
        return self.start + timedelta(minutes=self.minutes or 60)

    def describe(self) -> str:
        """The run as the week shows it: "14km Long Run (long run, 14 km, 07:30)"."""
        details = [self.kind]
        if self.distance_km is not None:
            details.append(f"{self.distance_km:g} km")
        if self.start is not None:
            details.append(f"{self.start:%H:%M}")
        elif self.minutes:
            details.append(f"{self.minutes} min")
        return self.title if self.title == self.kind else f"{self.title} ({', '.join(details)})"


def keyword_table(extra: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """The default keywords with the runner's own added to each kind."""
    return {key: (*words, *(w.strip().lower() for w in extra.get(key, ()) if w.strip()))
            for key, words in DEFAULT_KEYWORDS.items()}


def _pattern(word: str) -> re.Pattern[str]:
    left = r"\b" if word[:1].isalnum() else ""
    right = r"\b" if word[-1:].isalnum() else ""
    return re.compile(left + re.escape(word) + right, re.IGNORECASE)


def _kind_in(text: str, keywords: Mapping[str, tuple[str, ...]]) -> tuple[str, str] | None:
    """The kind the text names and the keyword that named it; a keyword inside a longer match counts not."""
    matches = [(m.start(), m.end(), key, word) for key, words in keywords.items() for word in words
               for m in _pattern(word).finditer(text)]
    matches += [(m.start(), m.end(), "quality", m.group()) for m in _REPEATS.finditer(text)]
    kept = [m for m in matches if not any(o[0] <= m[0] and m[1] <= o[1] and (o[1] - o[0]) > (m[1] - m[0])
                                          for o in matches)]
    if not kept:
        return None
    order = list(KIND_OF_KEY)
    _, _, key, word = min(kept, key=lambda m: order.index(m[2]))
    return KIND_OF_KEY[key], word


def distance_in(text: str) -> float | None:
    """The longest distance written in the text, in km ("6.5km", "5mi", "30k"); a named race's if none."""
    found = [float(number.replace(",", ".")) * (1.609344 if unit.lower().startswith("mi") else 1.0)
             for number, unit in _DISTANCE.findall(text)]
    if found:
        return round(max(found), 2)
    lowered = text.lower()
    return next((km for name, km in NAMED_DISTANCES if _pattern(name).search(lowered)), None)


def minutes_in(text: str) -> int | None:
    """The first duration written in the text ("45m - 50m" is 45, "1h 30m" and "1:30:00" are 90)."""
    found = _DURATION.search(text) or _CLOCK_DURATION.search(text)
    if found is None:
        return None
    return int(found.group(1) or 0) * 60 + int(found.group(2))


def uid_type(uid: str) -> str | None:
    """The workout type a running app writes at the end of the UID ("LEGS_AND_CORE" as "legs and core")."""
    found = _UID_TYPE.search(uid)
    return found.group(1).replace("_", " ").lower() if found else None


def classify(event: CalendarEvent, keywords: Mapping[str, tuple[str, ...]]) -> Run | None:
    """The event as a run of some kind with the rule that decided it; None when it is not training at all."""
    first_line = event.description.strip().splitlines()[0] if event.description.strip() else ""
    distance = distance_in(event.title) or distance_in(first_line)
    minutes = event.minutes or minutes_in(first_line)

    def run(kind: str, why: str) -> Run:
        return Run(kind, event.title.strip() or kind, event.day, event.start, minutes, distance, why, event.source)

    for where, text in (("UID type", uid_type(event.uid) or ""), ("title", event.title), ("description", first_line)):
        named = _kind_in(text, keywords)
        if named is not None:
            return run(named[0], f"the {where} says {named[1]!r}")
    if not any(_pattern(word).search(f"{event.title} {first_line}") for word in RUN_WORDS) and distance is None:
        return None
    if distance is not None:
        long = distance >= LONG_RUN_KM
        return run(LONG_RUN if long else EASY,
                   f"a run of {distance:g} km: {'at least' if long else 'under'} {LONG_RUN_KM:g} km")
    if minutes is not None:
        long = minutes >= LONG_RUN_MINUTES
        return run(LONG_RUN if long else EASY,
                   f"a run of {minutes} min: {'at least' if long else 'under'} {LONG_RUN_MINUTES} min")
    return run(EASY, "a run with no kind, distance or duration: taken as easy")


def classify_all(events: Iterable[CalendarEvent], extra_keywords: Mapping[str, Iterable[str]]
                 ) -> tuple[tuple[Run, ...], tuple[CalendarEvent, ...]]:
    """Every event classified, by day and time; and the events that are not training (shown by `week --why`)."""
    keywords = keyword_table(extra_keywords)
    runs: list[Run] = []
    other: list[CalendarEvent] = []
    for event in events:
        classified = classify(event, keywords)
        if classified is None:
            other.append(event)
        else:
            runs.append(classified)
    return tuple(sorted(runs, key=_when)), tuple(other)


def _when(run: Run) -> tuple[date, datetime]:
    return run.day, run.start or datetime.combine(run.day, datetime.min.time())


def race_km(run: Run, focus: str) -> float:
    """A race's distance: as written, else the focus's usual race (seed 000's short, middle, marathon, ultra)."""
    return run.distance_km if run.distance_km is not None else FOCUS_RACE_KM.get(focus, HALF_KM)


def race_name(km: float) -> str:
    """"the marathon", "the half marathon", "the 10 km race", "the 50 km ultra"."""
    if math.isclose(km, MARATHON_KM, abs_tol=0.5):
        return "the marathon"
    if math.isclose(km, HALF_KM, abs_tol=0.3):
        return "the half marathon"
    return f"the {km:g} km {'ultra' if km > MARATHON_KM else 'race'}"
