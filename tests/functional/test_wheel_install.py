"""The built wheel works on its own: installed in a fresh venv, run from outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow   # minutes of real processes: run in CI, left out locally with -m "not slow"

REPO = Path(__file__).resolve().parents[2]
SAMPLE_IDS = ["bodyweight-beginner", "gentle-start", "gym-circuit", "heavy-strength", "runner-foundation", "ultra-block"]
LONG = 600  # seconds: building and installing may fetch packages


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=LONG)
    assert result.returncode in (0, 1), f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def test_installed_wheel_lists_and_checks_its_sample_plans(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update({f"STRONGSTRIDE_{kind}_DIR": str(tmp_path / kind.lower()) for kind in ("DATA", "CONFIG", "CACHE")})
    outside = tmp_path / "elsewhere"
    outside.mkdir()

    wheels = tmp_path / "wheels"
    build = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)], outside, env)
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("strongstride-*.whl")

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], outside, env)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / "python"
    install = run([str(python), "-m", "pip", "install", "-q", str(wheel)], outside, env)
    assert install.returncode == 0, install.stderr

    where = run([str(python), "-c", "from strongstride import resources\n"
                 "print(resources.bundled_dir('sample_plans'))\nprint(resources.bundled_dir('themes'))"], outside, env)
    installed_plans, installed_themes = (Path(line) for line in where.stdout.splitlines())
    assert venv in installed_plans.parents, installed_plans
    assert sorted(path.stem for path in installed_plans.glob("*.toml")) == SAMPLE_IDS
    # themes/ ships in the wheel too: the installed folder holds exactly the source tree's themes
    source_themes = sorted(path.name for path in (REPO / "themes").glob("*.toml"))
    shipped_themes = sorted(path.name for path in installed_themes.glob("*.toml")) if venv in installed_themes.parents else []
    assert shipped_themes == source_themes

    plans = run([str(scripts / "strongstride"), "plans"], outside, env)
    assert plans.returncode == 0, plans.stderr
    for plan_id in SAMPLE_IDS:
        assert f"\n{plan_id} - " in plans.stdout

    sample_files = sorted(str(path) for path in installed_plans.glob("*.toml"))
    check = run([str(scripts / "strongstride"), "check", *sample_files], outside, env)
    assert check.returncode == 0, check.stdout
    assert [line.split(": ok - ")[0] for line in check.stdout.splitlines()] == sample_files

    # the Garmin names of the bundled exercises ship beside the library, and a FIT export works installed
    mapped = run([str(python), "-c", "from strongstride.importers.fit_exercises import bundled_mapping\n"
                  "from strongstride.services.library import load_exercise_library\n"
                  "print(sorted(bundled_mapping()) == sorted(load_exercise_library()[0]))"], outside, env)
    assert mapped.stdout.strip() == "True", mapped.stderr
    exported = run([str(scripts / "strongstride"), "export", "--format", "fit", "--out", str(tmp_path / "fit")], outside, env)
    assert exported.returncode == 0 and "Wrote 0 FIT activities" in exported.stderr, exported.stderr
