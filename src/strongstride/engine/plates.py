"""Which plates go on each side of the bar for a load, from the gym's plate inventory."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from strongstride.model.config import Equipment
from strongstride.model.units import Unit, clean, format_load

_SCALE = 1000   # plate maths in thousandths, so 1.25 + 1.25 is exactly 2.5
_MOST_PLATES_PER_SIDE = 100   # no bar holds more: the search for a makeable load stops there


@dataclass(frozen=True)
class PlateLoading:
    """The plates for one side of the bar (heaviest first), and whether they make the load asked for."""

    load: float                   # what the bar weighs once loaded
    per_side: tuple[float, ...]
    exact: bool
    reason: str


Inventory = tuple[tuple[int, int | None], ...]


def _inventory(equipment: Equipment) -> Inventory:
    """(plate in thousandths, pairs available or None for as many as needed), heaviest first."""
    counts: list[int | None] = list(equipment.plate_pairs) or [None] * len(equipment.plates)
    sizes = [(round(plate * _SCALE), count) for plate, count in zip(equipment.plates, counts) if plate > 0]
    return tuple(sorted(sizes, reverse=True))


def _reachable_sides(inventory: Inventory, limit: int) -> list[int]:
    """Every per-side weight (in thousandths, up to `limit`) the inventory can make."""
    grain = math.gcd(*(plate for plate, _ in inventory)) if inventory else 1
    cells = limit // grain
    can = bytearray(cells + 1)
    can[0] = 1
    for plate, count in inventory:
        step = plate // grain
        if count is None:
            for total in range(step, cells + 1):
                can[total] |= can[total - step]
            continue
        for _ in range(count):
            for total in range(cells, step - 1, -1):
                can[total] |= can[total - step]
    return [total * grain for total in range(cells + 1) if can[total]]


@functools.cache
def _plates_for(side: int, inventory: Inventory) -> tuple[int, ...] | None:
    """Plates making exactly `side`: as many of the heaviest as fit, backing off only if it must."""
    if side == 0:
        return ()
    if not inventory:
        return None
    (plate, count), rest = inventory[0], inventory[1:]
    most = side // plate if count is None else min(count, side // plate)
    for n in range(most, -1, -1):
        tail = _plates_for(side - plate * n, rest)
        if tail is not None:
            return (plate,) * n + tail
    return None


def _describe(bar: float, plates: tuple[float, ...], unit: Unit) -> str:
    if not plates:
        return f"The {format_load(bar, unit)} bar alone"
    return f"{format_load(bar, unit)} bar + {' + '.join(f'{p:g}' for p in plates)} per side"


def plates_per_side(load: float, equipment: Equipment, unit: Unit = "kg") -> PlateLoading:
    """The plates per side for `load`, or for the nearest load the inventory can make (say which)."""
    bar = equipment.bar_weight
    if load < bar - 1e-9:
        reason = f"{format_load(load, unit)} is lighter than the {format_load(bar, unit)} bar: the bar alone"
        return PlateLoading(bar, (), False, reason)
    inventory = _inventory(equipment)
    wanted = round((load - bar) / 2 * _SCALE)
    heaviest = inventory[0][0] if inventory else 0
    reachable = _reachable_sides(inventory, min(wanted + heaviest, heaviest * _MOST_PLATES_PER_SIDE))
    side = min(reachable, key=lambda total: (abs(total - wanted), total))
    plates = tuple(clean(p / _SCALE) for p in _plates_for(side, inventory) or ())
    made = clean(bar + 2 * side / _SCALE)
    if side == wanted:
        return PlateLoading(made, plates, True, _describe(bar, plates, unit))
    reason = f"{format_load(load, unit)} can't be made: loading {format_load(made, unit)} ({_describe(bar, plates, unit)})"
    return PlateLoading(made, plates, False, reason)
