"""The installed app in a real pseudo-terminal: keys pressed as a runner would, sets checked on disk."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal, user_folders_env

pytestmark = pytest.mark.slow   # minutes of real processes: run in CI, left out locally with -m "not slow"

# A short stand-in for runner-foundation A: one loaded exercise whose load adapts, then a 5 s plank.
QUICK_PLAN = """\
schema = 1
name = "Quick foundation"
level = "beginner"
sessions_per_week = 2
units = "kg"

[sessions.A]
name = "Quick A"
warmup = { activity = "Stationary bike, easy", minutes = 5 }

[[sessions.A.blocks]]
exercise = "quarter_squat"
sets = 2
reps = 8
load = 40
rpe = 8
rest = 60
warmup_sets = false

[[sessions.A.blocks]]
exercise = "plank"
sets = 1
hold = 5
rpe = 8
rest = 30
"""

Launch = Callable[..., Terminal]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """User folders under tmp_path, with the quick plan among the runner's own plans."""
    plans = tmp_path / "config" / "plans"
    plans.mkdir(parents=True)
    (plans / "quick-foundation.toml").write_text(QUICK_PLAN, encoding="utf-8")
    return tmp_path


@pytest.fixture
def launch(root: Path) -> Iterator[Launch]:
    """Start the app with arguments; every run still going at the end of the test is stopped."""
    started: list[Terminal] = []

    def start(*args: str) -> Terminal:
        terminal = Terminal(args, user_folders_env(root), cwd=root)
        started.append(terminal)
        return terminal

    yield start
    for terminal in started:
        terminal.close()


def history_sets(root: Path) -> list[dict]:
    """The sets of the one session filed in history, read straight from its TOML file."""
    files = sorted((root / "data" / "history").glob("*/*.toml"))
    assert len(files) == 1, files
    session = tomllib.loads(files[0].read_text(encoding="utf-8"))
    assert session["plan_id"] == "quick-foundation" and session["session_id"] == "A"
    assert "finished_at" in session
    return session["sets"]


def start_quick_session(app: Terminal) -> None:
    """From home to the first set card: Enter starts today's session, Enter ends the warm-up."""
    app.wait_for("Sessions of Quick foundation", "Quick A")
    app.press("enter")
    app.wait_for("Warm up first", "Stationary bike, easy")
    app.press("enter")
    app.wait_for("Quarter squat", "set 1 of 2 · exercise 1 of 2", "Cues:", "0/3 sets")


def log_squat(app: Terminal, set_number: int, rpe_key: str, rpe_shown: str, sets_done: str) -> None:
    """Enter opens the log prefilled with the target, a digit picks the RPE, Enter saves."""
    app.press("enter")
    app.wait_for(f"Log Quarter squat · set {set_number} of 2")
    app.press(rpe_key)
    app.wait_for(f"▶ RPE {rpe_shown} ")
    app.press("enter")
    app.wait_for(sets_done)


def hold_plank(app: Terminal) -> None:
    """Space starts the hold, which completes by itself; a digit rates it and Enter logs it."""
    app.wait_for("Plank", "hold 5 s", "Cues:", "2/3 sets")
    app.press("space")
    app.wait_for("Get ready")
    app.wait_for("Held 5 s. How hard was it?", timeout=15)
    app.press("9")
    app.wait_for("▶ RPE 9 ")
    app.press("enter")


def file_the_session(app: Terminal, work_sets: int) -> None:
    """On the summary Enter files the session and Enter again goes home, where it is listed."""
    app.wait_for("Session summary · Quick foundation · Quick A", "Not saved yet")
    app.press("enter")
    app.wait_for("Saved to")
    app.press("enter")
    app.wait_for("Recent sessions", f"{work_sets:>2} sets  Quick A")
    app.press("q")
    assert app.wait_for_exit() == 0


def test_a_first_run_asks_the_questions_and_a_no_kit_beginner_reaches_a_bodyweight_set_in_two_keys(
        launch: Launch, root: Path) -> None:
    app = launch()
    app.wait_for("Strength training so far", "Your kit", "Your plan: Bodyweight beginner")
    assert not (root / "config" / "config.toml").exists()
    app.press("enter", "tab", "enter")   # new to strength work; no kit
    app.press("ctrl+s")
    app.wait_for("Sessions of Bodyweight beginner")
    config = (root / "config" / "config.toml").read_text(encoding="utf-8")
    assert config.startswith("# strongstride's settings.") and "owned = []" in config
    app.press("enter")
    app.wait_for("Warm up first", "Enter: warm-up done")
    app.press("enter")
    app.wait_for("Single-leg stand", "set 1 of 2 · left side · exercise 1 of 6", "bodyweight", "Cues:")
    app.press("q")
    app.wait_for("Unfinished: Balance and hips (Bodyweight beginner)", "F: file it")
    app.press("q")
    assert app.wait_for_exit() == 0


def test_a_whole_session_by_keys_is_filed_with_every_set(launch: Launch, root: Path) -> None:
    app = launch("--plan", "quick-foundation")
    start_quick_session(app)
    log_squat(app, 1, "7", "7", "1/3 sets")
    app.wait_for("s Skip rest", "Why: RPE 7 at target 8: 40 -> 42.5 kg")
    app.press("s")
    app.wait_for("set 2 of 2 · exercise 1 of 2", "Cues:", "42.5 kg")
    log_squat(app, 2, "9", "9", "2/3 sets")
    app.wait_for("s Skip rest", "Next: Plank")
    app.press("s")
    hold_plank(app)
    file_the_session(app, work_sets=3)

    squat_1, squat_2, plank = history_sets(root)
    assert (squat_1["exercise_id"], squat_1["set_number"], squat_1["reps"], squat_1["load"], squat_1["rpe"]) == (
        "quarter_squat", 1, 8, 40.0, 7.0)
    assert (squat_2["exercise_id"], squat_2["set_number"], squat_2["reps"], squat_2["load"], squat_2["rpe"]) == (
        "quarter_squat", 2, 8, 42.5, 9.0)
    assert squat_2["target_load"] == 42.5 and "rest_seconds" in squat_1
    assert (plank["exercise_id"], plank["hold_seconds"], plank["target_hold"], plank["rpe"]) == ("plank", 5, 5, 9.0)
    assert "reps" not in plank
    assert not (root / "data" / "in-progress.toml").exists()


def test_quitting_mid_session_and_resuming_loses_no_set(launch: Launch, root: Path) -> None:
    first = launch("--plan", "quick-foundation")
    start_quick_session(first)
    log_squat(first, 1, "6", "6", "1/3 sets")
    first.wait_for("s Skip rest")
    first.press("q")
    first.wait_for("Unfinished: Quick A (Quick foundation)", "r: resume")
    first.press("q")
    assert first.wait_for_exit() == 0
    saved = tomllib.loads((root / "data" / "in-progress.toml").read_text(encoding="utf-8"))
    assert [event["type"] for event in saved["events"]] == ["WarmupDone", "SetLogged"]

    second = launch("--plan", "quick-foundation")
    second.wait_for("Unfinished: Quick A (Quick foundation)")
    second.press("r")
    second.wait_for("1/3 sets", "s Skip rest", "Next: Quarter squat, set 2 of 2")
    second.press("s")
    second.wait_for("set 2 of 2 · exercise 1 of 2", "Cues:")
    log_squat(second, 2, "8", "8", "2/3 sets")
    second.wait_for("s Skip rest", "Next: Plank")
    second.press("s")
    second.wait_for("Plank", "hold 5 s", "Cues:", "s Skip set")
    second.press("s")
    file_the_session(second, work_sets=2)

    squat_1, squat_2, plank = history_sets(root)
    assert (squat_1["set_number"], squat_1["reps"], squat_1["load"], squat_1["rpe"]) == (1, 8, 40.0, 6.0)
    assert (squat_2["set_number"], squat_2["reps"], squat_2["rpe"]) == (2, 8, 8.0)
    assert (plank["exercise_id"], plank["skipped"]) == ("plank", True)
    assert not (root / "data" / "in-progress.toml").exists()
