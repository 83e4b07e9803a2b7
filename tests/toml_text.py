"""Writing test files by hand: any text, control characters included, as a TOML string."""

from __future__ import annotations


def toml_string(text: str) -> str:
    """A TOML basic string holding text exactly, control characters escaped."""
    return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in text) + '"'
