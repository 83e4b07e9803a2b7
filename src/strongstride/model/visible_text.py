"""Text from a file, an import or the user made safe to show: escapes and controls shown, never obeyed.

The one sanitiser for every such text. `visible` is for plain output; `literal` gives the Rich
`Text` the app and the styled commands draw, so the text is never read as markup either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text


def visible(text: str) -> str:
    """The text with each control character (C0, ESC, DEL, C1, ...) written as its escape (ESC as `\\x1b`), so no terminal acts on it."""
    if text.isprintable():   # most text: checked whole, at C speed
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def visible_lines(text: str) -> str:
    """Many lines made safe to print: each line's control characters escaped, the line breaks kept."""
    return "\n".join(visible(line) for line in text.split("\n"))


def literal(text: str, style: str = "") -> Text:
    """The text as a Rich Text to draw: markup shown as typed, control characters as their escapes."""
    from rich.text import Text   # loaded where text is drawn, not by every reader of a file

    return Text(visible(text), style=style)


TYPED_TEXT = r"[^\x00-\x1f\x7f-\x9f]*"
"""What a text field accepts: anything but control characters, so a pasted escape never reaches the screen."""
