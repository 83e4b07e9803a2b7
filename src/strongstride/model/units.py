"""Weight units: kg and lb, conversion, and rounding a load to what the equipment can make."""

from __future__ import annotations

import math
from typing import Literal, get_args

Unit = Literal["kg", "lb"]
UNITS: tuple[str, ...] = get_args(Unit)
KG_PER_LB = 0.45359237
MAX_LOAD_KG = 1000.0        # the heaviest load a set may target or log; more is a typo (history files refuse it)


def convert(value: float, from_unit: Unit, to_unit: Unit) -> float:
    """Convert a weight between kg and lb."""
    if from_unit == to_unit:
        return value
    if from_unit == "lb":
        return value * KG_PER_LB
    return value / KG_PER_LB


def clean(value: float) -> float:
    """Drop floating-point noise so 37.50000001 prints and compares as 37.5."""
    return round(value, 6) + 0.0


def round_to_increment(value: float, increment: float) -> float:
    """The nearest multiple of the increment (halves round up, as a lifter would load)."""
    if increment <= 0:
        raise ValueError(f"increment must be positive, not {increment}")
    return clean(math.floor(value / increment + 0.5 + 1e-9) * increment)


def format_load(value: float, unit: Unit) -> str:
    """A load as a lifter writes it: 37.5 kg, 40 kg, 95 lb."""
    return f"{clean(value):g} {unit}"
