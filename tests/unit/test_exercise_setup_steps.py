"""An exercise may say how to set up and the steps in order; a wrong type is a problem naming the file and key."""

from __future__ import annotations

from pathlib import Path

from strongstride.model.exercise_library import exercise_to_table, parse_exercise, parse_exercise_file

BASE = {"name": "Wall lean", "cues": ["Brace", "Breathe", "Slow"], "mistake": "Sagging", "muscles": ["core"],
        "equipment": "bodyweight"}


def test_set_up_and_steps_are_read_and_written_back_alike() -> None:
    exercise, problems = parse_exercise("wall_lean", {**BASE, "setup": " Face a wall ", "steps": ["Lean", "Push"]}, "x.toml", True)
    assert problems == [] and exercise is not None
    assert (exercise.setup, exercise.steps) == ("Face a wall", ("Lean", "Push"))
    assert parse_exercise("wall_lean", exercise_to_table(exercise), "x.toml", True)[0] == exercise


def test_both_are_optional() -> None:
    exercise, problems = parse_exercise("wall_lean", BASE, "x.toml", False)
    assert problems == [] and exercise is not None and (exercise.setup, exercise.steps) == ("", ())


def test_a_wrong_type_is_reported_with_file_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "exercises.toml"
    path.write_text('schema = 1\n[exercises.wall_lean]\nname = "Wall lean"\ncues = ["a", "b", "c"]\nmistake = "m"\n'
                    'muscles = ["core"]\nequipment = "bodyweight"\nsetup = 3\nsteps = "lean"\n', encoding="utf-8")
    exercises, problems = parse_exercise_file(path, True)
    assert exercises == {}
    assert [str(problem) for problem in problems] == [
        f"{path}:8: exercises.wall_lean.setup: must be text",
        f"{path}:9: exercises.wall_lean.steps: must be a list of non-empty text",
    ]
