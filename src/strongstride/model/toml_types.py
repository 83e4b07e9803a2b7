"""TOML values named in words for error messages; light enough for every reader of TOML files to import."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any


def kind_of(value: Any) -> str:
    """A TOML value's type in words, for "must be a number, not text"."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime | date | time):
        return "a date or time"
    return type(value).__name__
