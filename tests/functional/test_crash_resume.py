"""A session killed with SIGKILL between events resumes in a new process with every logged set."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("session_driver.py")
PLAN = ROOT / "sample_plans" / "runner-foundation.toml"


def _start(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(DRIVER), str(PLAN), "A"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=env,
    )


def _step(process: subprocess.Popen[str], command: str = "next") -> tuple[int, int, str]:
    """Send one line; the events and sets on disk afterwards, and the session's step."""
    process.stdin.write(command + "\n")
    process.stdin.flush()
    words = process.stdout.readline().split()
    assert words and words[0] == "saved", process.stderr.read()
    return int(words[1]), int(words[2]), words[3]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "STRONGSTRIDE_DATA_DIR": str(tmp_path / "data"),
        "STRONGSTRIDE_CONFIG_DIR": str(tmp_path / "config"),
        "STRONGSTRIDE_CACHE_DIR": str(tmp_path / "cache"),
    }


@pytest.mark.parametrize("seed", range(4))
def test_sigkill_between_events_loses_no_logged_set(env, tmp_path, seed):
    first = _start(env)
    assert first.stdout.readline().strip() == "started"
    for _ in range(random.Random(seed).randint(1, 12)):
        events, sets, _ = _step(first)
    first.send_signal(signal.SIGKILL)
    first.wait()

    second = _start(env)
    assert second.stdout.readline().split() == ["resumed", str(events), str(sets)]
    step = ""
    while step != "done":
        events, sets, step = _step(second)
    _step(second, "finish")
    second.stdin.close()
    second.wait(timeout=30)
    history = list((tmp_path / "data" / "history").rglob("*.toml"))
    assert len(history) == 1
    saved = tomllib.loads(history[0].read_text())
    assert len(saved["sets"]) == sets
    assert not (tmp_path / "data" / "in-progress.toml").exists()
