"""Parsed plans, the exercise library and themes are kept in the cache folder, and never answer for a changed file or code."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w

from strongstride import resources
from strongstride.model import exercise_library
from strongstride.model import plan_parser
from strongstride.model.problems import ProblemsFound
from strongstride.services import library as library_service
from strongstride.services.library import load_exercise_library
from strongstride.services.plan_loading import PlanHeading, load_plan, load_plan_heading
from strongstride.store import parsed_cache
from strongstride.store.parsed_cache import file_stamp, folder_stamp
from strongstride.tui import themes as themes_module
from strongstride.tui.themes import load_kept_themes


def user_exercise(name: str) -> str:
    """An exercises.toml with one exercise of the user's own, named `name`."""
    table = {"name": name, "cues": ["Tall", "Quick", "Drive"], "mistake": "Leaning back", "muscles": ["glutes"],
             "equipment": "bodyweight", "kind": "reps", "why": "Power for the hills."}
    return tomli_w.dumps({"schema": 1, "exercises": {"hill_sprint_drill": table}})


def parsed_files(folders: Path) -> list[str]:
    return sorted(path.name for path in (folders / "cache" / "parsed").iterdir())


def count_calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """Calls of module.name from now on, the real function still called."""
    calls: list[int] = []
    real = getattr(module, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def a_plan(folders: Path, name: str) -> Path:
    """A copy of runner-foundation in the user's plans, under another name."""
    text = (resources.bundled_dir("sample_plans") / "runner-foundation.toml").read_text(encoding="utf-8")
    path = folders / "config" / "plans" / "mine.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace('name = "Runner foundation"', f'name = "{name}"', 1), encoding="utf-8")
    return path


def test_the_library_is_parsed_once_then_read_from_the_cache(folders: Path, monkeypatch) -> None:
    first, problems = load_exercise_library()
    assert problems == [] and parsed_files(folders) == ["library.pickle"]
    parses = count_calls(monkeypatch, library_service, "load_library")
    again, problems = load_exercise_library()
    assert parses == [] and problems == []
    assert dict(again) == dict(first)


def test_a_changed_exercises_file_is_read_again_without_deleting_anything(folders: Path) -> None:
    user_file = folders / "config" / "exercises.toml"
    user_file.write_text(user_exercise("Hill drill"), encoding="utf-8")
    assert load_exercise_library()[0]["hill_sprint_drill"].name == "Hill drill"
    user_file.write_text(user_exercise("Hill bound"), encoding="utf-8")   # the same size
    assert load_exercise_library()[0]["hill_sprint_drill"].name == "Hill bound"
    user_file.unlink()
    assert "hill_sprint_drill" not in load_exercise_library()[0]


def test_a_changed_plan_is_read_again_without_deleting_anything(folders: Path) -> None:
    library, _ = load_exercise_library()
    path = a_plan(folders, "Mine one")
    assert load_plan(path, library).name == "Mine one"
    assert load_plan(path, library).name == "Mine one"
    a_plan(folders, "Mine two")
    assert load_plan(path, library).name == "Mine two"


def test_a_plan_is_checked_again_when_the_library_changes(folders: Path) -> None:
    library, _ = load_exercise_library()
    path = a_plan(folders, "Mine")
    path.write_text(path.read_text(encoding="utf-8") + '\n[[sessions.A.blocks]]\nexercise = "hill_sprint_drill"\n'
                    'sets = 2\nreps = 6\n', encoding="utf-8")
    with pytest.raises(ProblemsFound):
        load_plan(path, library)
    (folders / "config" / "exercises.toml").write_text(user_exercise("Hill drill"), encoding="utf-8")
    library, problems = load_exercise_library()
    assert problems == []
    assert any(block.exercise_id == "hill_sprint_drill" for block in load_plan(path, library).sessions[0].blocks)


def test_changed_code_is_never_answered_from_the_cache(folders: Path, tmp_path: Path, monkeypatch) -> None:
    model_copy = tmp_path / "model"
    shutil.copytree(parsed_cache.MODEL_DIR, model_copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(parsed_cache, "MODEL_DIR", model_copy)
    library, _ = load_exercise_library()
    path = a_plan(folders, "Mine")
    load_plan(path, library)
    library_parses = count_calls(monkeypatch, library_service, "load_library")
    plan_parses = count_calls(monkeypatch, plan_parser, "load_plan_file")
    load_plan(path, load_exercise_library()[0])
    assert library_parses == plan_parses == []

    with (model_copy / "exercise.py").open("a", encoding="utf-8") as code:
        code.write("\n# a change to the code that reads exercises\n")
    load_plan(path, load_exercise_library()[0])
    assert library_parses == plan_parses == [1]


def test_a_damaged_cache_file_is_ignored_and_written_again(folders: Path, monkeypatch) -> None:
    library, _ = load_exercise_library()
    path = a_plan(folders, "Mine")
    load_plan(path, library)
    for entry in (folders / "cache" / "parsed").iterdir():
        entry.write_bytes(b"\x80\x05not a pickle at all")
    assert dict(load_exercise_library()[0]) == dict(library)
    assert load_plan(path, library).name == "Mine"
    for entry in (folders / "cache" / "parsed").iterdir():
        kept_key, value = pickle.loads(entry.read_bytes())
        assert value is not None and kept_key[0] == 1
    parses = count_calls(monkeypatch, library_service, "load_library")
    load_exercise_library()
    assert parses == []


def test_a_cache_folder_that_cannot_be_used_only_means_parsing_again(folders: Path, monkeypatch) -> None:
    not_a_folder = folders / "cache-is-a-file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("STRONGSTRIDE_CACHE_DIR", str(not_a_folder))
    library, problems = load_exercise_library()
    assert problems == [] and "back_squat" in library
    assert load_plan(a_plan(folders, "Mine"), library).name == "Mine"
    assert load_exercise_library()[0]["back_squat"] == library["back_squat"]


def test_a_broken_plan_is_never_kept_and_reports_the_same_problems_every_time(folders: Path) -> None:
    library, _ = load_exercise_library()
    path = a_plan(folders, "Mine")
    path.write_text(path.read_text(encoding="utf-8").replace("sets = ", "sets = 99 #", 1), encoding="utf-8")
    reports = []
    for _ in range(2):
        with pytest.raises(ProblemsFound) as found:
            load_plan(path, library)
        reports.append([str(problem) for problem in found.value.problems])
    assert reports[0] == reports[1] and "sets" in reports[0][0]
    assert not any(name.startswith("plan-") for name in parsed_files(folders))


def test_a_library_with_problems_is_never_kept(folders: Path) -> None:
    (folders / "config" / "exercises.toml").write_text("schema = 1\n[exercises.x]\nname = 3\n", encoding="utf-8")
    first = [str(problem) for problem in load_exercise_library()[1]]
    assert first and [str(problem) for problem in load_exercise_library()[1]] == first
    assert not (folders / "cache" / "parsed" / "library.pickle").exists()


def test_a_file_stamp_changes_with_every_write_and_a_folder_stamp_with_every_file(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("x = 1\n", encoding="utf-8")
    folder, first = folder_stamp(tmp_path), file_stamp(path)
    path.write_text("x = 2\n", encoding="utf-8")   # the same size
    assert file_stamp(path) != first and folder_stamp(tmp_path) != folder
    folder = folder_stamp(tmp_path)
    (tmp_path / "b.py").write_text("", encoding="utf-8")
    assert folder_stamp(tmp_path) != folder
    assert file_stamp(tmp_path / "gone.toml") == (str(tmp_path / "gone.toml"),)


def test_the_parsers_read_no_code_outside_the_model_folder_the_key_stamps() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, strongstride.model.plan_parser, strongstride.model.exercise_library;"
         "print(*sorted(m for m in sys.modules if m.startswith('strongstride')))"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    assert "strongstride.model.plan_parser" in loaded and exercise_library.__name__ in loaded
    assert [name for name in loaded if name != "strongstride" and not name.startswith("strongstride.model.")
            and name != "strongstride.model"] == []
    assert Path(plan_parser.__file__).parent == parsed_cache.MODEL_DIR


def test_themes_are_kept_until_a_theme_file_changes_and_a_broken_one_is_reported_every_time(folders: Path,
                                                                                            monkeypatch) -> None:
    user = folders / "config" / "themes"
    user.mkdir()
    (user / "mine.toml").write_text('name = "mine"\nprimary = "#ABCDEF"\n', encoding="utf-8")
    where = [resources.bundled_dir("themes"), user]
    first, problems = load_kept_themes(where)
    assert problems == [] and "themes.pickle" in parsed_files(folders)
    parses = count_calls(monkeypatch, themes_module, "load_themes")
    assert [theme.name for theme in load_kept_themes(where)[0]] == [theme.name for theme in first] and parses == []

    (user / "mine.toml").write_text('name = "mine"\nprimary = "#123456"\n', encoding="utf-8")   # the same size
    assert [theme.primary for theme in load_kept_themes(where)[0] if theme.name == "mine"] == ["#123456"]
    (user / "broken.toml").write_text('name = "broken\n', encoding="utf-8")
    for _ in range(2):
        themes, problems = load_kept_themes(where)
        assert [Path(problem.path).name for problem in problems] == ["broken.toml"]
        assert "mine" in {theme.name for theme in themes}


def test_a_plans_heading_is_kept_beside_it_and_follows_every_change(folders: Path, monkeypatch) -> None:
    library, _ = load_exercise_library()
    path = a_plan(folders, "Mine one")
    assert load_plan_heading(path, library) == PlanHeading("Mine one", load_plan(path, library).sessions_per_week)
    parses = count_calls(monkeypatch, plan_parser, "load_plan_file")
    assert load_plan_heading(path, library).name == "Mine one" and parses == []
    a_plan(folders, "Mine two")
    assert load_plan_heading(path, library).name == "Mine two" and parses == [1]
    path.write_text(path.read_text(encoding="utf-8").replace("sets = ", "sets = 99 #", 1), encoding="utf-8")
    with pytest.raises(ProblemsFound):
        load_plan_heading(path, library)


def test_a_warm_start_imports_neither_the_toml_parser_nor_the_key_locator(folders: Path) -> None:
    start = ("import sys; from datetime import date; from strongstride.tui.startup import load_app_state;"
             "import strongstride.tui.app; load_app_state(None, date.today());"
             "print(*sorted(m for m in sys.modules if m == 'tomllib' or m.startswith('strongstride.model.toml')))")
    subprocess.run([sys.executable, "-c", start], capture_output=True, text=True, check=True)   # fills the cache
    loaded = subprocess.run([sys.executable, "-c", start], capture_output=True, text=True, check=True).stdout.split()
    assert "strongstride.model.toml_file" in loaded      # the modules are there to read a changed file
    assert "tomllib" not in loaded and "strongstride.model.toml_locate" not in loaded
