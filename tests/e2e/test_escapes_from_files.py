"""Escape sequences in imported and planned names reach the real terminal as text, never as commands."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal, strongstride_script, user_folders_env
from tests.toml_text import toml_string

pytestmark = pytest.mark.slow   # minutes of real processes: run in CI, left out locally with -m "not slow"

TITLE = "\x1b]0;PWNED\x07"                 # sets the terminal's window title
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"      # writes "pwned" to the clipboard
BLINK = "\x1b[6;9mBLINK\x1b[0m"           # rapid blink and strike-through: styles the app never uses
OBEYED = (b"\x1b]0;PWNED", b"\x1b]52;", b"\x1b[6;9m")


HOSTILE_PLAN = f"""\
schema = 1
name = {toml_string(f"Plan {CLIPBOARD} {BLINK}")}
level = "beginner"
sessions_per_week = 2
units = "kg"

[sessions.A]
name = {toml_string(f"Session {BLINK} {CLIPBOARD}")}

[[sessions.A.blocks]]
exercise = "plank"
sets = 1
hold = 5
"""

STRONG_EXPORT = (
    "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Workout Notes\n"
    f'2026-03-02 18:05:12,"Leg day {TITLE}","Squat {CLIPBOARD}",1,40,5,"note {BLINK}"\n'
)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """The app on a hostile plan, with a hostile Strong workout imported into its history."""
    plans = tmp_path / "config" / "plans"
    plans.mkdir(parents=True)
    (plans / "hostile.toml").write_text(HOSTILE_PLAN, encoding="utf-8")
    export = tmp_path / "strong.csv"
    export.write_text(STRONG_EXPORT, encoding="utf-8")
    env = user_folders_env(tmp_path)
    imported = subprocess.run([str(strongstride_script()), "import", str(export), "--from", "strong", "--unit", "kg"],
                              env=env, capture_output=True, timeout=60)
    assert imported.returncode == 0, imported.stderr
    app = Terminal(["--plan", "hostile"], env, cwd=tmp_path)
    yield app
    app.close()


def test_escapes_in_plan_session_and_history_names_are_shown_never_sent(terminal: Terminal) -> None:
    """The workout name used to set the window title at start, and OSC 52 and SGR from names were sent raw."""
    terminal.wait_for("Plan \\x1b]52;c;cHduZWQ=\\x07", "Session \\x1b[6;9mBLINK", "Leg day \\x1b]0")
    terminal.press("h")
    terminal.wait_for("1 Sessions", "Leg day \\x1b]0;PWNED\\x07")
    terminal.wait_for("Squat \\x1b]52;c;cHduZWQ=\\x07: 40 kg x 5", "Note: note \\x1b[6;9mBLINK\\x1b[0m")
    terminal.press("q")
    assert terminal.wait_for_exit() == 0
    assert terminal.screen.title != "PWNED"
    for obeyed in OBEYED:
        assert obeyed not in terminal.raw
