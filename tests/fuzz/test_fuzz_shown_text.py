"""Random hostile text as plan, session, exercise and note names: every screen and command shows it, none obeys it.

The strings mix control characters, ESC, OSC and CSI sequences, C1 bytes, brackets and Rich/Textual
markup. Each is drawn by the home, plan picker, history, set card, exercise page and summary screens and
printed by the plain commands; nothing may crash and no control character may reach the terminal.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.screen import Screen

from strongstride.cli import main
from strongstride.model.log import SessionLog, SetLog
from strongstride.store.history import HistoryStore
from strongstride.tui.app import StrongstrideApp
from strongstride.tui.screens.exercise_page import ExercisePageScreen
from strongstride.tui.screens.history import HistoryScreen
from strongstride.tui.screens.home import HomeScreen
from strongstride.tui.screens.log_set import LogSetScreen
from strongstride.tui.screens.plan_choice import PlanChoiceScreen
from strongstride.tui.screens.session import SessionScreen
from strongstride.tui.screens.confirm import ConfirmScreen
from strongstride.tui.screens.summary import SummaryScreen
from strongstride.tui.startup import load_app_state
from strongstride.tui.widgets.session_rest import RestPanel
from tests.toml_text import toml_string
from tests.tui.app_fixtures import NOW, TODAY, FakeClock, user_folders
from tests.tui.drawn import control_characters, drawn_text
from tests.tui.session_harness import Clocks, keeper_of, session_app
from tests.unit.session_fixtures import EXERCISES, block, exercise, setup_of

FRAGMENTS = ["\x1b", "\x1b]0;title\x07", "\x1b]52;c;cHduZWQ=\x07", "\x1b[31m", "\x1b[0m", "\x9b2J", "\x85", "\x07",
             "\x00", "\x7f", "\r", "\n", "\t", "[", "]", "[/]", "[red]", "[/red]", "[link=file:///etc]", "[/link]",
             "[b", "\\", "$accent", "{", "}", "@click=app.quit", "\u202e"]
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), min_size=1, max_size=6).map(
    lambda parts: "".join(parts)).map(lambda text: text if text.strip() else f"x{text}")


class Names(NamedTuple):
    """The hostile text of each field: plan, session and exercise names, and the notes."""

    plan: str
    session: str
    exercise: str
    note: str


hostile_names = st.builds(Names, hostile, hostile, hostile, hostile)
# Each app run takes a second or two, so few examples, each naming every field differently.
FUZZ_APP = settings(max_examples=4, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FUZZ_COMMANDS = settings(FUZZ_APP, max_examples=10)
RICH_STYLE = re.compile(r"\x1b\[[0-9;]*m")     # the only escape a styled command writes itself
SIZE = (100, 30)


def plan_text(names: Names) -> str:
    """A one-session plan whose plan name, session name and block note are the hostile texts."""
    return f"""\
schema = 1
name = {toml_string(names.plan)}
description = {toml_string(names.note)}
level = "beginner"
sessions_per_week = 2
units = "kg"

[sessions.A]
name = {toml_string(names.session)}

[[sessions.A.blocks]]
exercise = "push_up"
sets = 1
reps = 5
note = {toml_string(names.note)}
"""


def past_session(names: Names) -> SessionLog:
    """A filed session whose plan, session and exercise names and notes are the hostile texts."""
    start = datetime(2026, 11, 20, 18, 0)
    return SessionLog(
        id="2026-11-20T18-00-00_mine_A_abc123", plan_id="mine", session_id="A", started_at=start,
        finished_at=start + timedelta(minutes=30), plan_name=names.plan, session_name=names.session, note=names.note,
        sets=(SetLog("user:odd", 1, start, exercise_name=names.exercise, reps=5, load=20.0, rpe=8.0, note=names.note),),
    )


def write_folders(root: Path, monkeypatch: pytest.MonkeyPatch, names: Names) -> None:
    folders = user_folders(root, monkeypatch)
    (folders["config"] / "plans").mkdir()
    (folders["config"] / "plans" / "mine.toml").write_text(plan_text(names), encoding="utf-8")
    (folders["config"] / "config.toml").write_text('plan = "mine"\n', encoding="utf-8")
    HistoryStore(folders["data"], folders["cache"]).save(past_session(names))


async def drawn_safely_after(pilot: Pilot, keys: str, screen: str) -> Screen:
    """Press the keys (none: just let the app settle); the screen then shown, its drawing free of control characters."""
    await pilot.press(*keys.split())
    await pilot.app.workers.wait_for_complete()   # what a worker reads is drawn too
    await pilot.pause()
    shown = drawn_text(pilot.app)
    assert control_characters(shown) == [], f"{screen}: {control_characters(shown)!r}"
    return pilot.app.screen


@FUZZ_APP
@given(names=hostile_names)
async def test_hostile_names_on_home_history_and_a_live_session(names: Names, monkeypatch: pytest.MonkeyPatch) -> None:
    with tempfile.TemporaryDirectory() as root:
        write_folders(Path(root), monkeypatch, names)
        app = StrongstrideApp(load_app_state(None, TODAY), clock=FakeClock(), wall_clock=lambda: NOW)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            assert isinstance(await drawn_safely_after(pilot, "", "home"), HomeScreen)
            assert app.state.plan is not None
            assert isinstance(await drawn_safely_after(pilot, "p", "plan picker"), PlanChoiceScreen)
            assert isinstance(await drawn_safely_after(pilot, "escape h", "history"), HistoryScreen)
            await drawn_safely_after(pilot, "2", "trends")
            assert isinstance(await drawn_safely_after(pilot, "b enter", "set card"), SessionScreen)
            assert isinstance(await drawn_safely_after(pilot, "f", "finish early?"), ConfirmScreen)   # names the sets left
            assert isinstance(await drawn_safely_after(pilot, "f", "summary"), SummaryScreen)


@FUZZ_APP
@given(names=hostile_names)
async def test_hostile_exercise_text_on_the_set_card_log_and_rest(names: Names) -> None:
    odd = replace(exercise("odd", name=names.exercise), cues=(names.plan, names.session), mistake=names.note,
                  why=names.session, setup=names.plan, steps=(names.note, names.exercise))
    setup = replace(setup_of(block("odd", sets=2, reps=5, rest=30, note=names.note)), exercises={**EXERCISES, "odd": odd})
    with tempfile.TemporaryDirectory() as root:
        app = session_app(keeper_of(setup, Path(root)), Clocks())
        async with app.run_test(size=SIZE) as pilot:
            assert isinstance(await drawn_safely_after(pilot, "", "set card"), SessionScreen)
            assert isinstance(await drawn_safely_after(pilot, "i", "exercise page"), ExercisePageScreen)
            assert isinstance(await drawn_safely_after(pilot, "escape enter", "log set"), LogSetScreen)
            assert isinstance(await drawn_safely_after(pilot, "enter", "rest"), SessionScreen)
            assert app.screen.query(RestPanel)


COMMANDS = [["today"], ["week"], ["plans"], ["history"], ["history", "--exercise", "user:odd"], ["stats"],
            ["check", "config/plans/mine.toml"], ["exercises", "push_up"], ["exercises", "push_up", "--json"]]


@FUZZ_COMMANDS
@given(names=hostile_names)
def test_hostile_names_in_the_plain_commands(names: Names, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as root:
        write_folders(Path(root), monkeypatch, names)
        for styled in (False, True):
            if styled:
                monkeypatch.setenv("FORCE_COLOR", "1")
            else:
                monkeypatch.delenv("FORCE_COLOR", raising=False)
            for command in COMMANDS:
                main(command)
                captured = capsys.readouterr()
                for stream, text in (("stdout", captured.out), ("stderr", captured.err)):
                    left = control_characters(RICH_STYLE.sub("", text) if styled else text)
                    assert left == [], f"{command} {stream} ({'styled' if styled else 'plain'}): {left!r}"
