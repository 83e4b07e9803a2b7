"""What the app draws: the current screen as a terminal would show it, read back as plain text."""

from __future__ import annotations

import io
import unicodedata

from rich.console import Console
from textual.app import App


def drawn_text(app: App[object]) -> str:
    """The whole screen (toasts included), rendered as it would be sent to a terminal, as plain text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False)


def control_characters(text: str) -> list[str]:
    """Every control character (ESC, C1, BEL, ...) in drawn text, line breaks aside: none should reach a terminal."""
    return [c for c in text if c != "\n" and unicodedata.category(c) == "Cc"]
