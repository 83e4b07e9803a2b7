"""The runner's settings: units, equipment, warm-up sets, body weight, running week, rest, theme."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from strongstride.model.units import Unit

WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RUNNING_FOCUSES: tuple[str, ...] = ("short", "middle", "marathon", "ultra")


@dataclass(frozen=True)
class Equipment:
    """What the gym has, in the config's units: increments, dumbbells on the rack, bar and plates."""

    barbell_increment: float
    machine_increment: float
    dumbbells: tuple[float, ...]
    bar_weight: float
    plates: tuple[float, ...]           # plate sizes available, heaviest first, in pairs (one per side)
    plate_pairs: tuple[int, ...] = ()   # how many pairs of each size; empty: as many as needed

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


@dataclass(frozen=True)
class RunningWeek:
    """The running around which strength fits (the runner's-week issue)."""

    long_run_days: tuple[str, ...] = ("sunday",)
    hard_days: tuple[str, ...] = ()
    focus: str = "middle"
    race_date: date | None = None
    not_running_until: date | None = None


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
    export_fit_to: Path | None = None    # a folder: each session filed is also written there as a FIT activity
