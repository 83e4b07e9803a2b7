"""`strongstride exercises`: the list, one exercise, unknown ids, the user's file, and plain output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.text import Text

from strongstride.cli import main
from strongstride.model.exercise_library import load_library
from strongstride.resources import exercise_library_file

BOX_CHARACTERS = set("─│┃━┏┓┗┛┌┐└┘├┤┬┴┼╭╮╯╰")
MARKUP_NAME = "[red]x[/red]"
MARKUP_EXERCISE = f"""schema = 1

[exercises.markup_test]
name = "{MARKUP_NAME}"
cues = ["[bold]Brace[/bold]", "Stand [i]tall[/i]", "Breathe"]
mistake = "[blink]Rushing[/blink]"
muscles = ["core"]
equipment = "bodyweight"
"""


@pytest.fixture(autouse=True)
def user_folders(folders: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets empty user folders and output that is not a terminal unless it asks."""
    monkeypatch.setenv("COLUMNS", "80")
    return folders / "config"


def write_user_exercises(config: Path, text: str) -> Path:
    path = config / "exercises.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_list_is_plain_aligned_text_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "Name", "Kind", "Equipment", "Unilateral"]
    bundled, _ = load_library(exercise_library_file())
    assert [line.split()[0] for line in lines[1:]] == list(bundled) and err == ""
    assert not BOX_CHARACTERS & set(out) and "\x1b" not in out
    squat = next(line for line in lines if line.startswith("goblet_squat "))
    assert squat.split() == ["goblet_squat", "Goblet", "squat", "reps", "dumbbell", "no"]
    side_plank = next(line for line in lines if line.startswith("side_plank "))
    assert side_plank.split()[-3:] == ["hold", "bodyweight", "yes"]
    name_column = lines[0].index("Name")
    assert all(line[name_column - 2 : name_column] == "  " for line in lines)


def test_list_is_a_table_on_a_terminal_that_fits_80_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert main(["exercises"]) == 0
    out = capsys.readouterr().out
    assert BOX_CHARACTERS & set(out)
    visible = Text.from_ansi(out).plain.splitlines()
    assert all(len(line.rstrip()) <= 80 for line in visible)
    assert any(line.startswith("side_lying_hip_abduction") for line in visible)


def test_one_exercise_shows_everything_and_marks_its_ladder_rung(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises", "single_leg_reach"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Single-leg reach  (single_leg_reach)"
    assert "reps, bodyweight, one side at a time" in out
    assert "Links balance to the hip hinge" in out
    assert "  1. Balance on one leg, knee soft" in out
    assert "Common mistake: Standing knee collapsing inward as you reach" in out
    assert "Muscles: gluteals, hamstrings, glute medius, foot arch" in out
    ladder = out.split("Ladder, easiest to hardest\n")[1].splitlines()
    assert [line.split()[:3] for line in ladder] == [
        ["1.", "supported_single_leg_stand", "Supported"],
        ["2.", "single_leg_stand", "Single-leg"],
        [">", "3.", "single_leg_reach"],
        ["4.", "single_leg_deadlift", "Single-leg"],
    ]
    assert "\x1b" not in out


def test_unknown_exercise_suggests_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises", "golbet_squat"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "unknown exercise 'golbet_squat' - did you mean 'goblet_squat'?\n"


def test_unknown_exercise_without_a_near_match(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises", "xyzzy"]) == 1
    assert capsys.readouterr().err == "unknown exercise 'xyzzy' - run `strongstride exercises` for the list\n"


def test_problems_in_the_user_file_are_reported_but_do_not_stop_the_command(
    capsys: pytest.CaptureFixture[str], user_folders: Path
) -> None:
    user = write_user_exercises(user_folders, 'schema = 1\n\n[exercises.plank]\nkind = "forever"\n')
    assert main(["exercises", "plank"]) == 0
    out, err = capsys.readouterr()
    assert err == f"{user}:4: exercises.plank.kind: must be one of reps, hold\n"
    assert out.startswith("Plank  (plank)")


def test_user_exercise_is_listed_and_shown_from_the_user_file(
    capsys: pytest.CaptureFixture[str], user_folders: Path
) -> None:
    write_user_exercises(user_folders, MARKUP_EXERCISE)
    assert main(["exercises"]) == 0
    assert any(line.startswith("markup_test") for line in capsys.readouterr().out.splitlines())
    assert main(["exercises", "markup_test"]) == 0
    assert "reps, bodyweight, both sides together, from your exercises.toml" in capsys.readouterr().out


@pytest.mark.parametrize("terminal", [False, True], ids=["plain", "terminal"])
def test_names_and_cues_are_printed_literally(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, user_folders: Path, terminal: bool
) -> None:
    write_user_exercises(user_folders, MARKUP_EXERCISE)
    if terminal:
        monkeypatch.setenv("FORCE_COLOR", "1")
    assert main(["exercises"]) == 0
    listing = Text.from_ansi(capsys.readouterr().out).plain
    assert MARKUP_NAME in listing
    assert main(["exercises", "markup_test"]) == 0
    shown = Text.from_ansi(capsys.readouterr().out).plain
    for literal in (MARKUP_NAME, "[bold]Brace[/bold]", "Stand [i]tall[/i]", "[blink]Rushing[/blink]"):
        assert literal in shown


def test_runs_as_a_module_without_importing_textual(user_folders: Path) -> None:
    environment = {**os.environ, "STRONGSTRIDE_CONFIG_DIR": str(user_folders)}
    result = subprocess.run(
        [sys.executable, "-m", "strongstride", "exercises", "box_jump"],
        capture_output=True, text=True, env=environment, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Box jump  (box_jump)")
    assert "> 2. box_jump" in result.stdout
    probe = subprocess.run(
        [sys.executable, "-c",
         "import sys, contextlib, io\n"
         "from strongstride.cli import main\n"
         "with contextlib.redirect_stdout(io.StringIO()): code = main(['exercises'])\n"
         "print(code, 'textual' in sys.modules)"],
        capture_output=True, text=True, env=environment, timeout=60, check=False,
    )
    assert probe.stdout.split() == ["0", "False"], probe.stderr
