"""The end of a rest told to a runner who may be across the room: the bell, a desktop notification, a flash.

The desktop notification is the terminal's own: OSC 9 (iTerm2, Windows Terminal, WezTerm, ...) and
OSC 777 `notify` (VTE terminals such as GNOME Terminal, foot, urxvt). A terminal that knows neither
ignores both. They are written through Textual's driver, so they go out whole, between frames.
"""

from __future__ import annotations

import unicodedata

from textual.app import App

from strongstride.model.config import Alerts

FLASH_SECONDS = 2.0         # how long the whole screen stays lit, on the session's monotonic clock
NOTIFICATION_CHARS = 200    # terminals cut long notifications anyway


def notification_text(text: str) -> str:
    """Text safe inside an OSC sequence: no control characters (ESC, BEL, C1), no `;` that would end a field."""
    kept = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    return " ".join(kept.replace(";", ",").split())[:NOTIFICATION_CHARS]


def notification_sequences(title: str, body: str) -> str:
    """The OSC 9 and OSC 777 notifications for one message, each ended by BEL."""
    title, body = notification_text(title), notification_text(body)
    return f"\x1b]9;{title}: {body}\x07\x1b]777;notify;{title};{body}\x07"


def sound_and_notify(app: App[object], alerts: Alerts, title: str, body: str) -> None:
    """Ring the bell and send the desktop notification, each only when config leaves it on."""
    if alerts.bell:
        app.bell()
    driver = app._driver    # Textual's writer to the terminal: the only path that does not tear a frame
    if alerts.notification and driver is not None:
        driver.write(notification_sequences(title, body))
