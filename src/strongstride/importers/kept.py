"""Values read once and kept for the rows after: an export repeats the same few cells row after row."""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def keep(cache: dict[K, V], key: K, value: V, most: int) -> V:
    """The value, kept under its key; past `most` values the cache starts afresh, so memory stays flat."""
    if len(cache) >= most:
        cache.clear()
    cache[key] = value
    return value
