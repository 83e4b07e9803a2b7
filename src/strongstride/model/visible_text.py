"""Text from a file made safe to print: escape sequences and control characters shown, never obeyed."""

from __future__ import annotations


def visible(text: str) -> str:
    """The text with each control character written as its escape (ESC as `\\x1b`), so no terminal acts on it."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
