"""The runner's settings: units, equipment, warm-up sets, body weight, known maxes, running week, rest, theme, alerts."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from pathlib import Path

from strongstride.model.units import MAX_LOAD_KG, Unit, clean, convert

WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RUNNING_FOCUSES: tuple[str, ...] = ("short", "middle", "marathon", "ultra")
KEYWORD_KINDS: tuple[str, ...] = ("race", "long", "quality", "strength", "cross", "easy")   # [running.keywords]


@dataclass(frozen=True)
class Equipment:
    """What the gym has, in the config's units: increments, dumbbells on the rack, bar and plates."""

    barbell_increment: float
    machine_increment: float
    dumbbells: tuple[float, ...]
    bar_weight: float
    plates: tuple[float, ...]           # plate sizes available, heaviest first, in pairs (one per side)
    plate_pairs: tuple[int, ...] = ()   # how many pairs of each size; empty: as many as needed
    owned: tuple[str, ...] | None = None   # the kinds of kit the runner has (exercise equipment names); None: a full gym

    def has(self, kind: str) -> bool:
        """Whether an exercise needing this kind of kit can be done: body weight always, the rest if owned."""
        return kind == "bodyweight" or self.owned is None or kind in self.owned

    @classmethod
    def defaults(cls, unit: Unit) -> Equipment:
        """A typical commercial gym in kg or lb."""
        if unit == "lb":
            return cls(
                barbell_increment=5.0,
                machine_increment=10.0,
                dumbbells=tuple(float(w) for w in range(5, 105, 5)),
                bar_weight=45.0,
                plates=(45.0, 35.0, 25.0, 10.0, 5.0, 2.5),
            )
        return cls(
            barbell_increment=2.5,
            machine_increment=5.0,
            dumbbells=(2.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 12.5, 14.0, 16.0, 17.5, 18.0, 20.0,
                       22.0, 22.5, 24.0, 25.0, 26.0, 27.5, 28.0, 30.0, 32.0, 32.5, 34.0, 35.0,
                       36.0, 37.5, 40.0, 42.5, 45.0, 47.5, 50.0),
            bar_weight=20.0,
            plates=(25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25),
        )


_GRAINS = 1000   # plate maths in thousandths, so 1.25 + 1.25 is exactly 2.5


def plate_step(plates: tuple[float, ...]) -> float | None:
    """The smallest change in bar weight these plates make: a pair of the finest step they share; None without plates."""
    grains = [round(plate * _GRAINS) for plate in plates if plate > 0]
    return clean(2 * math.gcd(*grains) / _GRAINS) if grains else None


def makeable_increment(increment: float, plates: tuple[float, ...]) -> float:
    """The increment, or the smallest multiple of it the plates can make (the two steps' least common multiple)."""
    step = plate_step(plates)
    if step is None:
        return increment
    return clean(math.lcm(round(increment * _GRAINS), round(step * _GRAINS)) / _GRAINS)


KNOWN_REPS = (1, 30)
_SET_TEXT = re.compile(
    r"^\s*(?P<load>\d+(?:\.\d+)?)\s*(?P<unit>kg|lb)?\s*[x×]\s*(?P<reps>\d+)\s*(?:@\s*(?P<rpe>\d+(?:\.\d+)?))?\s*$",
    re.IGNORECASE,
)
KNOWN_FORMS = '"100 kg x 5", "80 x 5 @ 8" or { one_rep_max = 120 }'


def _shown(value: Any) -> str:
    """A value as a problem quotes it: numbers plainly (2000, not 2000.0), text in quotes."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return f"{value:g}"
    return repr(value)


@dataclass(frozen=True)
class KnownSet:
    """A set the runner knows they can do, in the config's units: a 1RM, a 5RM, or a working set at an RPE."""

    load: float
    reps: int
    rpe: float | None = None     # None: a rep max, the reps taken to failure

    def describe(self, unit: Unit) -> str:
        """"1RM of 120 kg", "5RM of 100 kg" or "80 kg x 5 @8", as the runner wrote it."""
        if self.rpe is None or self.rpe == 10:
            return f"{self.reps}RM of {self.load:g} {unit}"
        return f"{self.load:g} {unit} x {self.reps} @{self.rpe:g}"

    @classmethod
    def parse(cls, value: Any, unit: Unit) -> KnownSet:
        """A [known] entry: "LOAD [kg|lb] x REPS [@ RPE]", or a table of one_rep_max, or load, reps and rpe.

        ValueError says what is wrong. A load in the other unit is converted to `unit`.
        """
        if isinstance(value, str) and (match := _SET_TEXT.match(value)):
            written: Unit = (match["unit"] or unit).lower()  # type: ignore[assignment]
            rpe = match["rpe"]
            return cls._checked(convert(float(match["load"]), written, unit), int(match["reps"]),
                                None if rpe is None else float(rpe), unit)
        if isinstance(value, dict) and set(value) == {"one_rep_max"}:
            return cls._checked(value["one_rep_max"], 1, None, unit)
        if isinstance(value, dict) and {"load", "reps"} <= set(value) <= {"load", "reps", "rpe"}:
            return cls._checked(value["load"], value["reps"], value.get("rpe"), unit)
        if isinstance(value, dict) and value:
            raise ValueError("give one_rep_max alone, or load and reps (and rpe)")
        raise ValueError(f"must be a set such as {KNOWN_FORMS}, not {_shown(value)}")

    @classmethod
    def _checked(cls, load: Any, reps: Any, rpe: Any, unit: Unit) -> KnownSet:
        heaviest = clean(round(convert(MAX_LOAD_KG, "kg", unit), 1))
        if not isinstance(load, int | float) or isinstance(load, bool) or not 0.1 <= load <= heaviest:
            raise ValueError(f"load must be a number 0.1-{heaviest:g} {unit}, not {_shown(load)}")
        if not isinstance(reps, int) or isinstance(reps, bool) or not KNOWN_REPS[0] <= reps <= KNOWN_REPS[1]:
            raise ValueError(f"reps must be a whole number {KNOWN_REPS[0]}-{KNOWN_REPS[1]}, not {_shown(reps)}")
        if rpe is not None and (not isinstance(rpe, int | float) or not 6 <= rpe <= 10 or not float(rpe * 2).is_integer()):
            raise ValueError(f"RPE must be 6-10 in half steps, not {_shown(rpe)}")
        return cls(float(load), reps, None if rpe is None else float(rpe))


@dataclass(frozen=True)
class RunningWeek:
    """The running week strength fits around: long-run and hard days, focus, races, calendars, a break."""

    long_run_days: tuple[str, ...] = ("sunday",)
    hard_days: tuple[str, ...] = ()
    focus: str = "middle"
    race_date: date | None = None
    not_running_until: date | None = None
    calendar: tuple[str, ...] = ()               # .ics files (whole paths) or https/webcal feeds: the running plan
    strength_before_long_run: bool = False       # true allows strength the day before a long run
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)   # kind -> the runner's own words


@dataclass(frozen=True)
class Alerts:
    """How the end of a rest reaches a runner away from the keyboard; each can be turned off."""

    bell: bool = True             # the terminal bell
    notification: bool = True     # a desktop notification, where the terminal passes one on (OSC 9, OSC 777)
    flash: bool = True            # the whole screen flashes for a moment


@dataclass(frozen=True)
class Config:
    """Everything config.toml can set; missing keys take these defaults."""

    units: Unit = "kg"
    equipment: Equipment = field(default_factory=lambda: Equipment.defaults("kg"))
    warmup_sets: bool = True
    body_weight: float | None = None
    default_rest_seconds: int = 90
    theme: str = "strongstride-dark"
    plan: str = "runner-foundation"      # the current plan's id
    plan_started: date | None = None     # counts the plan's phases
    running: RunningWeek = field(default_factory=RunningWeek)
    known: Mapping[str, KnownSet] = field(default_factory=dict)   # exercise id -> what the runner can do
    export_fit_to: Path | None = None    # a folder: each session filed is also written there as a FIT activity
    alerts: Alerts = field(default_factory=Alerts)   # [alerts]: how the end of a rest is told
