"""`strongstride exercises ID` explains one exercise for the runner's kit; `--json` gives scripts the same facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strongstride.cli import main
from strongstride.model.exercise_library import EXERCISE_FIELDS

EXPLAINED_FIELDS = {
    "name": '"Wall lean"', "cues": '["Brace", "Breathe", "Slow"]', "mistake": '"Sagging hips"', "muscles": '["core"]',
    "equipment": '"bodyweight"', "setup": '"Stand an arm\'s length from a wall [b]not bold[/b]"',
    "steps": '["Lean in \\u001b[31m", "Push back"]',
}
EXPLAINED = "schema = 1\n[exercises.wall_lean]\n" + "".join(f"{key} = {value}\n" for key, value in EXPLAINED_FIELDS.items())


@pytest.fixture(autouse=True)
def config_dir(folders: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COLUMNS", "80")
    return folders / "config"


def owning(config_dir: Path, kit: str) -> None:
    (config_dir / "config.toml").write_text(f"schema = 1\n[equipment]\nowned = [{kit}]\n", encoding="utf-8")


def test_the_page_names_both_variations_and_marks_the_kit_the_runner_lacks(config_dir: Path, capsys) -> None:
    owning(config_dir, "")
    assert main(["exercises", "bodyweight_squat"]) == 0
    out = capsys.readouterr().out
    for shown in ("Why it helps a runner\nBuilds the leg strength", "Easier: Sit-to-stand (sit_to_stand)\n",
                  "Harder: Goblet squat (goblet_squat)  needs dumbbell, not in your kit\n",
                  "  3. goblet_squat      Goblet squat  (needs dumbbell, not in your kit)",
                  "  4. back_squat        Back squat  (needs barbell, not in your kit)"):
        assert shown in out
    assert main(["exercises", "back_squat"]) == 0
    out = capsys.readouterr().out
    assert "This exercise needs barbell, not in your kit." in out and "Harder: none" in out


def test_a_full_gym_marks_nothing(capsys) -> None:
    assert main(["exercises", "bodyweight_squat"]) == 0
    assert "not in your kit" not in capsys.readouterr().out


def test_set_up_and_steps_from_the_library_are_shown_literally(config_dir: Path, capsys) -> None:
    (config_dir / "exercises.toml").write_text(EXPLAINED, encoding="utf-8")
    assert main(["exercises", "wall_lean"]) == 0
    out = capsys.readouterr().out
    assert "Set-up\nStand an arm's length from a wall [b]not bold[/b]\n" in out
    assert "Steps\n  1. Lean in \\x1b[31m\n  2. Push back\n" in out and "\x1b" not in out


def test_json_gives_every_field_the_ladder_and_whether_the_runner_has_the_kit(config_dir: Path, capsys) -> None:
    owning(config_dir, '"dumbbell"')
    assert main(["exercises", "goblet_squat", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert set(shown) == {"id", *EXERCISE_FIELDS, "ladder", "have_kit", "user_defined"}
    assert shown["id"] == "goblet_squat" and shown["equipment"] == "dumbbell" and shown["have_kit"] is True
    assert shown["ladder"] == ["sit_to_stand", "bodyweight_squat", "goblet_squat", "back_squat"]
    assert isinstance(shown["cues"], list) and isinstance(shown["setup"], str) and shown["setup"]
    assert len(shown["steps"]) >= 3 and all(isinstance(step, str) and step for step in shown["steps"])
    assert main(["exercises", "back_squat", "--json"]) == 0
    back = json.loads(capsys.readouterr().out)
    assert back["have_kit"] is False and back["harder"] is None
    assert main(["exercises", "--json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert isinstance(every, list) and "goblet_squat" in {item["id"] for item in every}
    assert all(set(item) == set(shown) for item in every)


def test_an_unknown_id_exits_1_with_a_clear_message_and_no_json(capsys) -> None:
    assert main(["exercises", "golbet_squat", "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == "unknown exercise 'golbet_squat' - did you mean 'goblet_squat'?\n"
