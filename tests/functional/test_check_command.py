"""`strongstride check`: ok lines for valid plans, FILE:LINE: key: message for the rest, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from strongstride.cli import main
from strongstride.commands.check import plan_summary
from strongstride.model.plan import Block, NumberRange, Phase, Plan, Prescription, SessionTemplate

REPO = Path(__file__).resolve().parents[2]
SAMPLE_IDS = ["bodyweight-beginner", "gym-circuit", "heavy-strength", "runner-foundation", "ultra-block"]

VALID = """\
schema = 1
name = "Quick legs"
level = "beginner"
sessions_per_week = 1
units = "kg"
[sessions.A]
name = "Legs"
[[sessions.A.blocks]]
exercise = "bodyweight_squat"
sets = 2
reps = "8-10"
"""


pytestmark = pytest.mark.usefixtures("folders")


def check(capsys, *files) -> tuple[int, list[str], str]:
    code = main(["check", *map(str, files)])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_every_sample_plan_passes(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    code, lines, _ = check(capsys, *(f"sample_plans/{plan_id}.toml" for plan_id in SAMPLE_IDS))
    assert code == 0
    assert [line.split(":")[0] for line in lines] == [f"sample_plans/{plan_id}.toml" for plan_id in SAMPLE_IDS]
    assert all(": ok - " in line for line in lines)
    assert "sample_plans/runner-foundation.toml: ok - Runner foundation (beginner, 2 sessions/week, sessions A, B; 12 blocks)" in lines
    assert "sample_plans/ultra-block.toml: ok - Ultra block (intermediate, 2 sessions/week, sessions A, B; 10 blocks; 2 phases)" in lines


def test_a_plan_with_problems_lists_each_with_file_and_line(tmp_path, capsys):
    path = tmp_path / "broken.toml"
    path.write_text(VALID.replace('"beginner"', '"pro"').replace('reps = "8-10"', 'reps = "10-8"\nrpe = 11'), encoding="utf-8")
    code, lines, _ = check(capsys, path)
    assert code == 1
    assert lines == [
        f"{path}:3: level: must be one of beginner, intermediate, advanced, not 'pro'",
        f"{path}:11: sessions.A.blocks[0].reps: the low end 10 is above the high end 8",
        f"{path}:12: sessions.A.blocks[0].rpe: must be 1-10, not 11",
    ]


def test_good_and_bad_files_together_exit_1_and_report_both(tmp_path, capsys):
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(VALID, encoding="utf-8")
    bad.write_text(VALID.replace("bodyweight_squat", "bodyweight_sqat"), encoding="utf-8")
    code, lines, _ = check(capsys, good, bad)
    assert code == 1
    assert lines == [
        f"{good}: ok - Quick legs (beginner, 1 session/week, session A; 1 block)",
        f"{bad}:9: sessions.A.blocks[0].exercise: unknown exercise 'bodyweight_sqat' - did you mean 'bodyweight_squat'?",
    ]


def test_a_missing_file_is_an_error(tmp_path, capsys):
    code, lines, _ = check(capsys, tmp_path / "nowhere.toml")
    assert code == 1
    assert lines == [f"{tmp_path / 'nowhere.toml'}: (file): cannot read: No such file or directory"]


def test_a_directory_is_an_error(tmp_path, capsys):
    code, lines, _ = check(capsys, tmp_path)
    assert code == 1
    assert lines == [f"{tmp_path}: (file): cannot read: not a regular file (a folder)"]


def test_garbage_bytes_are_an_error(tmp_path, capsys):
    path = tmp_path / "garbage.toml"
    path.write_bytes(bytes(range(256)) * 4)
    code, lines, _ = check(capsys, path)
    assert code == 1
    assert lines == [f"{path}:2: (file): not UTF-8 text"]  # byte 128 follows the one line end (byte 10)


def test_a_two_mebibyte_file_is_refused(tmp_path, capsys):
    path = tmp_path / "huge.toml"
    path.write_text(VALID + "# padding\n" * (2 * 1024 * 1024 // 10), encoding="utf-8")
    code, lines, _ = check(capsys, path)
    assert code == 1
    assert lines == [f"{path}: (file): file is {path.stat().st_size:,} bytes; the limit is 1 MiB"]


def test_bad_toml_is_reported_with_its_line(tmp_path, capsys):
    path = tmp_path / "syntax.toml"
    path.write_text(VALID.replace("sets = 2", "sets = = 2"), encoding="utf-8")
    code, lines, _ = check(capsys, path)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{path}:10: (file): TOML syntax: ")


def test_text_from_the_file_is_printed_literally(tmp_path, capsys):
    path = tmp_path / "markup.toml"
    path.write_text(VALID.replace('"Quick legs"', '"[bold red]Loud[/] \\u001b[31m"'), encoding="utf-8")
    code, lines, _ = check(capsys, path)
    assert code == 0
    assert lines == [f"{path}: ok - [bold red]Loud[/] \\x1b[31m (beginner, 1 session/week, session A; 1 block)"]


def test_a_broken_user_exercise_file_is_a_warning_not_a_failure(tmp_path, capsys):
    (tmp_path / "config" / "exercises.toml").write_text("schema = [", encoding="utf-8")
    path = tmp_path / "good.toml"
    path.write_text(VALID, encoding="utf-8")
    code, lines, err = check(capsys, path)
    assert code == 0 and lines[0].startswith(f"{path}: ok - ")
    assert err.startswith("warning: ") and "exercises.toml" in err


def test_the_summary_counts_blocks_and_phases():
    block = Block("plank", Prescription(sets=NumberRange.exactly(1), hold_seconds=NumberRange(20, 30)))
    plan = Plan(
        id="p", name="P", description="", level="advanced", sessions_per_week=3, units="lb", source="",
        sessions=(SessionTemplate("X", "X", (block, block)), SessionTemplate("Y", "Y", (block,))),
        phases=(Phase("Base", 6), ),
    )
    assert plan_summary(plan) == "P (advanced, 3 sessions/week, sessions X, Y; 3 blocks; 1 phase)"


def test_the_installed_command_never_shows_a_traceback(tmp_path):
    garbage = tmp_path / "garbage.toml"
    garbage.write_bytes(b"\x00\xff[[[\n" * 100)
    environment = {**os.environ, "STRONGSTRIDE_CONFIG_DIR": str(tmp_path / "config"),
                   "STRONGSTRIDE_DATA_DIR": str(tmp_path / "data"), "STRONGSTRIDE_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "strongstride", "check", str(garbage), str(tmp_path), str(tmp_path / "missing.toml")],
        capture_output=True, text=True, env=environment, timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_the_documented_example_passes(tmp_path, capsys):
    document = (REPO / "docs" / "plan-format.md").read_text(encoding="utf-8")
    example = document.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "hill-strength.toml"
    path.write_text(example, encoding="utf-8")
    code, lines, _ = check(capsys, path)
    assert (code, lines) == (0, [f"{path}: ok - Hill strength (intermediate, 2 sessions/week, sessions A, B; 7 blocks; 2 phases)"])


def test_a_config_file_is_checked_as_settings_with_every_problem_and_its_line(tmp_path, capsys):
    path = tmp_path / "config.toml"
    path.write_text('plan = "heavy-strength"\nunits = "stone"\n[known]\nback-squat = "100 kg x 5"\n', encoding="utf-8")
    code, lines, _ = check(capsys, path)
    assert code == 1
    assert lines == [
        f"{path}:2: units: must be one of kg, lb, not 'stone'",
        f"{path}:4: known.back-squat: no exercise has this id (did you mean 'back_squat'?)",
    ]


def test_a_good_config_file_says_what_it_sets(tmp_path, capsys):
    path = tmp_path / "config.toml"
    path.write_text('plan = "heavy-strength"\n[known]\nback_squat = "100 kg x 5"\n', encoding="utf-8")
    code, lines, _ = check(capsys, path)
    assert code == 0
    assert lines == [f"{path}: ok - settings (kg, plan heavy-strength, 1 known set)"]
