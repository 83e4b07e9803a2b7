"""Which plates go on each side of the bar for a load, from the gym's plate inventory."""

from __future__ import annotations

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


class _Reach:
    """Which per-side weights each tail of the inventory can make, as bit sets (bit n: n grains).

    Built with whole-number shifts, a plate size in a few of them however many pairs there are,
    so even a long, odd inventory in config.toml answers at once.
    """

    def __init__(self, inventory: Inventory, limit: int) -> None:
        self.inventory = inventory
        self.grain = math.gcd(*(plate for plate, _ in inventory)) if inventory else 1
        cells = limit // self.grain
        everything = (1 << (cells + 1)) - 1
        reach = 1
        tails = [reach]
        for plate, count in reversed(inventory):
            step = plate // self.grain
            for chunk in _chunks(cells // step if count is None else count):
                reach |= (reach << (chunk * step)) & everything
            tails.append(reach)
        self.cells = cells
        self.sets = tails[::-1]    # sets[i]: what inventory[i:] can make
        self.tables = [tail.to_bytes(cells // 8 + 1, "little") for tail in self.sets]

    def can_make(self, side: int, first: int = 0) -> bool:
        """True when the plates from inventory[first] on make exactly `side` thousandths."""
        if side % self.grain:
            return False
        cell = side // self.grain
        return cell <= self.cells and bool(self.tables[first][cell >> 3] >> (cell & 7) & 1)

    def nearest(self, wanted: int) -> int:
        """The makeable per-side weight closest to `wanted` (the lighter one on a tie)."""
        reach = self.sets[0]
        below_cell = min(self.cells, max(0, wanted) // self.grain)
        below = (reach & ((1 << (below_cell + 1)) - 1)).bit_length() - 1
        above_reach = reach >> (below_cell + 1)
        candidates = [below * self.grain]
        if above_reach:
            candidates.append((below_cell + 1 + (above_reach & -above_reach).bit_length() - 1) * self.grain)
        return min(candidates, key=lambda total: (abs(total - wanted), total))

    def plates_for(self, side: int) -> tuple[int, ...]:
        """Plates making exactly `side`: as many of the heaviest as fit, backing off only if it must."""
        plates: list[int] = []
        for index, (plate, count) in enumerate(self.inventory):
            most = side // plate if count is None else min(count, side // plate)
            n = next(n for n in range(most, -1, -1) if self.can_make(side - plate * n, index + 1))
            plates += [plate] * n
            side -= plate * n
        return tuple(plates)


def _chunks(count: int) -> list[int]:
    """Counts 1, 2, 4, ... and a remainder that add up to `count`, so any number up to it is a sum of some."""
    chunks, size = [], 1
    while count > 0:
        chunks.append(min(size, count))
        count -= size
        size *= 2
    return chunks


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
    reach = _Reach(inventory, min(wanted + heaviest, heaviest * _MOST_PLATES_PER_SIDE))
    side = reach.nearest(wanted)
    plates = tuple(clean(p / _SCALE) for p in reach.plates_for(side))
    made = clean(bar + 2 * side / _SCALE)
    if side == wanted:
        return PlateLoading(made, plates, True, _describe(bar, plates, unit))
    reason = f"{format_load(load, unit)} can't be made: loading {format_load(made, unit)} ({_describe(bar, plates, unit)})"
    return PlateLoading(made, plates, False, reason)
