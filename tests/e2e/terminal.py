"""The installed `strongstride` in a pseudo-terminal, its screen read back through a terminal emulator.

A test presses keys as a person would and waits until the screen shows what it expects; the only
waiting is short polling of the terminal's output inside `wait_for`, never a sleep standing in for it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import pexpect
import pyte

ROWS, COLUMNS = 24, 80
POLL_SECONDS = 0.05
EXIT_SECONDS = 10.0

# Key names as Textual's bindings name them, and the bytes a terminal sends for each.
KEYS: dict[str, str] = {
    "enter": "\r",
    "space": " ",
    "tab": "\t",
    "escape": "\x1b",
    "backspace": "\x7f",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "ctrl+s": "\x13",
}


def strongstride_script() -> Path:
    """The console script installed beside the interpreter running the tests."""
    return Path(sys.executable).parent / "strongstride"


def user_folders_env(root: Path) -> dict[str, str]:
    """The process environment with every user folder under root and a 256-colour terminal."""
    env = dict(os.environ)
    for kind in ("DATA", "CONFIG", "CACHE"):
        env[f"STRONGSTRIDE_{kind}_DIR"] = str(root / kind.lower())
    env["TERM"] = "xterm-256color"
    for variable in ("NO_COLOR", "TEXTUAL", "TMUX", "COLUMNS", "LINES"):
        env.pop(variable, None)
    return env


class Terminal:
    """One run of the app in an 80x24 pseudo-terminal, with the screen as a person would see it."""

    def __init__(self, args: Sequence[str], env: Mapping[str, str], cwd: Path | None = None) -> None:
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()     # every byte the app wrote, escapes and all
        self.child = pexpect.spawn(
            str(strongstride_script()), list(args), env=dict(env), cwd=str(cwd) if cwd else None,
            dimensions=(ROWS, COLUMNS),
        )

    def _pump(self, timeout: float) -> bool:
        """Feed whatever output arrives within timeout to the emulator; False once the app has exited."""
        try:
            output = self.child.read_nonblocking(65536, timeout=timeout)
            self.raw += output
            self.stream.feed(output)
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            return False
        return True

    def screen_text(self) -> str:
        """The screen now, one line a row, trailing spaces kept off."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def shows(self, texts: Sequence[str]) -> bool:
        """True when the screen shows every one of the texts at once."""
        shown = self.screen_text()
        return all(text in shown for text in texts)

    def wait_for(self, *texts: str, timeout: float = 10.0) -> str:
        """Poll the output until the screen shows every text at once; returns the screen, or fails showing it."""
        deadline = time.monotonic() + timeout
        while not self.shows(texts):
            if time.monotonic() > deadline:
                raise AssertionError(f"{texts!r} not all on screen after {timeout:g} s:\n{self.screen_text()}")
            if not self._pump(POLL_SECONDS) and not self.shows(texts):
                raise AssertionError(f"the app exited before showing {texts!r}:\n{self.screen_text()}")
        return self.screen_text()

    def press(self, *keys: str) -> None:
        """Send keys as typed: names from KEYS (enter, space, ...) or single characters."""
        for key in keys:
            self.child.send(KEYS.get(key, key))

    def wait_for_exit(self, timeout: float = EXIT_SECONDS) -> int:
        """Read output until the app exits; its exit status."""
        deadline = time.monotonic() + timeout
        while self._pump(POLL_SECONDS):
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not exit within {timeout:g} s:\n{self.screen_text()}")
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -(self.child.signalstatus or 0)

    def close(self) -> None:
        """Stop the app if it is still running."""
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close()
