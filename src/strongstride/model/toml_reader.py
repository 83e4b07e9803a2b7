"""Reading checked values out of parsed TOML (plans, config, history, themes), each bad key a Problem with its line."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from strongstride.model.calendar import YEARS
from strongstride.model.problems import Problem, closest
from strongstride.model.toml_types import kind_of
from strongstride.model.units import UNITS, Unit

T = TypeVar("T")
Check = Callable[[Any], T]
Parts = tuple[str | int, ...]   # a key path: table keys and array positions


# -- checks: each turns a TOML value into a Python value or raises ValueError saying what is wrong --

def whole_number(low: int, high: int) -> Check[int]:
    """A whole number from low to high."""
    def check(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ValueError(f"must be a whole number {low}-{high}{not_clause(value)}")
        return value
    return check


def number(low: float, high: float, half_steps: bool = False, unit: str = "") -> Check[float]:
    """A finite number from low to high, optionally in half steps (RPE 7, 7.5, 8)."""
    steps = " in half steps" if half_steps else ""
    def check(value: Any) -> float:
        if (not isinstance(value, int | float) or isinstance(value, bool) or not low <= value <= high
                or (half_steps and not float(value * 2).is_integer())):
            raise ValueError(f"must be a number {low:g}-{high:g}{unit}{steps}{not_clause(value)}")
        return float(value)
    return check


def choice(choices: Collection[str]) -> Check[str]:
    """One of a fixed set of words."""
    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}{not_clause(value)}")
        return cast(str, value)
    return check


def exactly(expected: int) -> Check[int]:
    """One whole number and no other, such as a file's schema version."""
    def check(value: Any) -> int:
        if value != expected or isinstance(value, bool):
            raise ValueError(f"must be {expected}{not_clause(value)}")
        return expected
    return check


def unit_choice(value: Any) -> Unit:
    """kg or lb."""
    return cast(Unit, choice(UNITS)(value))


def text(value: Any) -> str:
    """Any text, kept exactly as written."""
    if not isinstance(value, str):
        raise ValueError(f"must be text, not {kind_of(value)}")
    return value


def identifier(value: Any) -> str:
    """Text that names something: not empty."""
    written = text(value)
    if not written.strip():
        raise ValueError("must not be empty")
    return written


def flag(value: Any) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, not {kind_of(value)}")
    return value


def moment(value: Any) -> datetime:
    """A date and time such as 2026-11-22T18:05:12 (an offset such as +01:00 is kept), in years 1900-2999."""
    if not isinstance(value, datetime):
        raise ValueError(f"must be a date and time such as 2026-11-22T18:05:12, not {kind_of(value)}")
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise ValueError(f"must be in the years {YEARS[0]}-{YEARS[1]}, not {value.year}")
    return value


def day(value: Any) -> date:
    """A date such as 2026-11-22."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValueError(f"must be a date such as 2026-11-22, not {kind_of(value)}")
    return value


def not_clause(value: Any) -> str:
    """`, not 11` for a wrong value worth showing, `, not text` for a wrong kind."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f", not {value:g}"
    if isinstance(value, str):
        return f", not {value!r}"
    return f", not {kind_of(value)}"


class KeyReader:
    """Reads checked values out of parsed TOML, collecting a Problem (with its line) for each bad key."""

    def __init__(self, path: Path | str, source: str | None = None) -> None:
        self.path = path
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, parts: Parts, message: str) -> None:
        """Note what is wrong with one key, with its line when the source text is known."""
        from strongstride.model.toml_locate import format_key_path, locate   # only when a key is wrong

        key_path = format_key_path(parts)
        line = locate(self.source, key_path) if self.source is not None else None
        self.problems.append(Problem(self.path, key_path, message, line))

    def check_keys(self, table: Mapping[str, Any], parts: Parts, allowed: Collection[str]) -> None:
        """Report each key the format does not know (usually a typo)."""
        for key in table:
            if key not in allowed:
                close = closest(key, allowed)
                hint = f"did you mean '{close}'?" if close else f"known keys: {', '.join(allowed)}"
                self.problem(parts + (key,), f"unknown key ({hint})")

    def get(self, table: Mapping[str, Any], parts: Parts, key: str, check: Check[T], default: T,
            required: bool = False) -> T:
        """The checked value, or the default when it is absent or wrong (a problem is noted either way)."""
        if key not in table:
            if required:
                self.problem(parts + (key,), "missing")
            return default
        try:
            return check(table[key])
        except ValueError as error:
            self.problem(parts + (key,), str(error))
            return default

    def table(self, value: Any, parts: Parts, what: str = "a table") -> dict[str, Any] | None:
        """The value if it is a table; else a problem (saying what was wanted) and None."""
        if isinstance(value, dict):
            return value
        self.problem(parts, f"must be {what}, not {kind_of(value)}")
        return None


def list_of(check: Check[Any]) -> Check[tuple[Any, ...]]:
    """An array whose every item passes the check, as a tuple."""
    def check_list(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise ValueError("must be an array such as [1, 2]")
        items = []
        for position, item in enumerate(value):
            try:
                items.append(check(item))
            except ValueError as error:
                raise ValueError(f"item {position + 1} {error}") from None
        return tuple(items)
    return check_list
