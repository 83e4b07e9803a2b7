"""`today` says, before the session starts, when the current plan needs kit the runner does not have."""

from __future__ import annotations

from pathlib import Path

from strongstride import cli


def today_output(folders: Path, config: str, capsys) -> str:
    (folders / "config" / "config.toml").write_text(config, encoding="utf-8")
    assert cli.main(["today"]) == 0
    return capsys.readouterr().out


def test_today_names_the_missing_kit_and_the_exercises_needing_it(folders: Path, capsys) -> None:
    out = today_output(folders, 'schema = 1\n[equipment]\nowned = []\n', capsys)
    lines = out.splitlines()
    missing = ("Needs kit you do not have: barbell (Quarter squat, Romanian deadlift); dumbbell (Dumbbell row, "
               "Split squat); machine (Leg press, Hamstring curl, Seated calf raise)")
    assert lines[lines.index("Plan: Runner foundation") + 1] == missing


def test_today_says_nothing_of_kit_when_the_plan_needs_none_the_runner_lacks(folders: Path, capsys) -> None:
    assert "do not have" not in today_output(folders, 'schema = 1\nplan = "bodyweight-beginner"\n[equipment]\nowned = []\n', capsys)
    assert "do not have" not in today_output(folders, "schema = 1\n", capsys)
