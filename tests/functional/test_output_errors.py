"""Plain commands whose standard output fails end with one line on stderr and status 1, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.functional.saved_history import save_session

TIMEOUT = 60
COMMANDS = [("history",), ("stats",), ("today",), ("export", "--format", "csv")]


def strongstride(folders: Path, *argv: str, env: dict[str, str] | None = None,
                 **options: Any) -> subprocess.CompletedProcess[bytes]:
    folder_env = {f"STRONGSTRIDE_{name.upper()}_DIR": str(folders / name) for name in ("config", "data", "cache")}
    options.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "strongstride", *argv], stderr=subprocess.PIPE,
                          env={**os.environ, **folder_env, **(env or {})}, timeout=TIMEOUT, **options)


@pytest.fixture
def history(folders: Path) -> Path:
    """A history with a session whose name is not ASCII."""
    save_session(folders, datetime(2026, 3, 2, 18), session_name="Kniebeuge für Läufer")
    return folders


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_full_disk_is_one_line_and_status_1(history: Path, argv: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        done = strongstride(history, *argv, stdout=full)
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        "strongstride: cannot write to standard output: No space left on device"]


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_closed_standard_output_is_one_line_and_status_1(history: Path, argv: tuple[str, ...]) -> None:
    closing: Callable[[], None] = lambda: os.close(1)   # noqa: E731   # as `>&-` leaves it
    done = strongstride(history, *argv, stdout=None, preexec_fn=closing)
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == ["strongstride: standard output is closed"]


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_pipe_closed_by_its_reader_ends_quietly_with_status_1(history: Path, argv: tuple[str, ...]) -> None:
    reader, writer = os.pipe()
    os.close(reader)   # as `| head -1` does once it has its line
    try:
        done = strongstride(history, *argv, stdout=writer)
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (1, b"")


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_characters_the_output_cannot_encode_are_replaced(history: Path, argv: tuple[str, ...]) -> None:
    done = strongstride(history, *argv, env={"PYTHONIOENCODING": "ascii"})
    assert (done.returncode, done.stderr) == (0, b"")
    if argv[0] in ("history", "export"):
        assert b"Kniebeuge f?r L?ufer" in done.stdout
