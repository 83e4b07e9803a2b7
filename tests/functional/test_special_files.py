"""A FIFO (or a symlink to one) where a file is read is refused with its path, never waited on forever.

Each command runs in a process of its own with a timeout: before only regular files were read, every
one of these waited for a writer that never came.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from strongstride.model.problems import ProblemsFound
from strongstride.model.toml_file import open_plain_file, read_toml_text

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")

TIMEOUT = 30   # seconds: a hang fails the test instead of stopping the suite
NOT_PLAIN = "not a regular file (a FIFO)"
VALID_PLAN = Path(__file__).parents[2] / "sample_plans" / "runner-foundation.toml"
APP_START = ("from datetime import date\nfrom strongstride.tui.startup import load_app_state\n"
             "for problem in load_app_state(None, date.today()).problems: print(problem)")


def python(folders: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Python run on the test's folders, killed (and the test failed) if it waits too long."""
    env = {**os.environ, **{f"STRONGSTRIDE_{name.upper()}_DIR": str(folders / name)
                            for name in ("config", "data", "cache")}}
    return subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env, timeout=TIMEOUT,
                          cwd=folders)


def strongstride(folders: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return python(folders, "-m", "strongstride", *argv)


def app_start(folders: Path) -> subprocess.CompletedProcess[str]:
    return python(folders, "-c", APP_START)


@pytest.mark.parametrize("command", ["today", "week", "stats", "history"])
@pytest.mark.parametrize("linked", [False, True], ids=["fifo", "symlink-to-fifo"])
def test_a_fifo_config_is_reported_and_the_command_answers(folders: Path, command: str, linked: bool) -> None:
    config = folders / "config" / "config.toml"
    if linked:
        os.mkfifo(folders / "pipe")
        config.symlink_to(folders / "pipe")
    else:
        os.mkfifo(config)
    done = strongstride(folders, command)
    assert done.returncode == 0, done.stderr
    assert f"{config}: (file): cannot read: {NOT_PLAIN}" in done.stderr


@pytest.mark.parametrize("argv", [("exercises",), ("check", str(VALID_PLAN)), ("today",)])
def test_a_fifo_exercise_library_is_reported(folders: Path, argv: tuple[str, ...]) -> None:
    os.mkfifo(folders / "config" / "exercises.toml")
    done = strongstride(folders, *argv)
    assert done.returncode == 0, done.stderr
    assert f"{folders / 'config' / 'exercises.toml'}" in done.stderr and NOT_PLAIN in done.stderr


@pytest.mark.parametrize(("argv", "why"), [(("check", "{plan}"), NOT_PLAIN),
                                           (("--plan", "{plan}", "today"), "no plan file at")])
def test_a_fifo_plan_is_refused_with_its_path(folders: Path, argv: tuple[str, ...], why: str) -> None:
    plan = folders / "oneoff.toml"
    os.mkfifo(plan)
    done = strongstride(folders, *(part.format(plan=plan) for part in argv))
    assert done.returncode == 1
    assert any(str(plan) in line and why in line for line in (done.stderr + done.stdout).splitlines())


def test_a_fifo_in_progress_file_and_index_cache_do_not_stop_the_app_starting(folders: Path) -> None:
    (folders / "data").mkdir(exist_ok=True)
    os.mkfifo(folders / "data" / "in-progress.toml")
    os.mkfifo(folders / "cache" / "index.json")
    done = app_start(folders)
    assert done.returncode == 0, done.stderr
    assert f"{folders / 'data' / 'in-progress.toml'}: (file): cannot read: {NOT_PLAIN}" in done.stdout


def test_a_fifo_export_is_refused_by_import(folders: Path) -> None:
    export = folders / "strong.csv"
    os.mkfifo(export)
    done = strongstride(folders, "import", str(export), "--from", "strong")
    assert done.returncode != 0
    assert str(export) in done.stderr and NOT_PLAIN in done.stderr


def test_a_folder_or_device_is_refused_too(tmp_path: Path) -> None:
    with pytest.raises(ProblemsFound, match="not a regular file \\(a folder\\)"):
        read_toml_text(tmp_path)
    with pytest.raises(OSError, match="not a regular file \\(a character device\\)"):
        open_plain_file(Path(os.devnull))


def test_a_plain_file_reads_as_before(tmp_path: Path) -> None:
    path = tmp_path / "plain.toml"
    path.write_text("a = 1\n", encoding="utf-8")
    with open_plain_file(path) as stream:
        assert stream.read() == b"a = 1\n"
    assert read_toml_text(path) == "a = 1\n"
