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

pytestmark = pytest.mark.slow   # minutes of real processes: run in CI, left out locally with -m "not slow"

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("session_driver.py")
PLAN = ROOT / "sample_plans" / "runner-foundation.toml"


def _start(env: dict[str, str], plan: Path = PLAN) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(DRIVER), str(plan), "A"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
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
def env(folders: Path) -> dict[str, str]:
    """The environment of the processes a test starts and kills: this one's, with the user folders."""
    return dict(os.environ)


@pytest.mark.parametrize("seed", range(4))
def test_sigkill_between_events_loses_no_logged_set(env, tmp_path, seed):
    first = _start(env)
    assert first.stdout.readline().strip() == "started"
    for _ in range(random.Random(seed).randint(1, 12)):
        events, sets, _ = _step(first)
    first.send_signal(signal.SIGKILL)
    first.wait()

    second = _start(env)
    assert second.stdout.readline().split()[:3] == ["resumed", str(events), str(sets)]
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


KILLS = 50


def test_fifty_kills_at_random_points_lose_no_acknowledged_set(env, tmp_path):
    """Kill after random steps, sometimes mid-write: every set reported saved is there after each restart."""
    chance = random.Random(2026)
    saved_sets = 0        # sets of earlier sessions already filed in history
    acknowledged = 0      # sets of the live session reported saved
    process = _start(env)
    assert process.stdout.readline().strip() == "started"
    for kill in range(KILLS):
        step = "set"
        for _ in range(chance.randint(0, 3)):
            _, acknowledged, step = _step(process)
            if step == "done":
                _step(process, "finish")
                saved_sets += acknowledged
                acknowledged = 0
                break
        if kill % 5 == 4 and step != "done":
            process.stdin.write("next\n")   # killed while it may be writing: either state is fine
            process.stdin.flush()
        process.send_signal(signal.SIGKILL)
        process.wait()
        process = _start(env)
        words = process.stdout.readline().split()
        if words[0] == "resumed":
            assert int(words[2]) >= acknowledged, f"kill {kill}: {acknowledged} sets saved, {words[2]} resumed"
            acknowledged = int(words[2])
        else:
            assert words == ["started"] and acknowledged == 0
    process.stdin.close()
    process.wait(timeout=30)
    filed = sum(len(tomllib.loads(p.read_text())["sets"]) for p in (tmp_path / "data" / "history").rglob("*.toml"))
    assert filed == saved_sets
    assert saved_sets > 0, "the chain of kills should have filed at least one whole session"


def _kinds_after(process: subprocess.Popen[str], command: str = "next") -> tuple[str, str]:
    process.stdin.write(command + "\n")
    process.stdin.flush()
    words = process.stdout.readline().split()
    assert words and words[0] == "saved", process.stderr.read()
    return words[3], words[4]


def _older_squats(env: dict[str, str]) -> None:
    """An import of an older session of the same exercises, as `strongstride import` would file it."""
    from datetime import datetime, timedelta

    from strongstride.model.log import SessionLog, SetLog
    from strongstride.store.history import HistoryStore

    at = datetime(2026, 10, 1, 18, 0)
    sets = tuple(SetLog("quarter_squat", n, at + timedelta(minutes=n), reps=5, load=100.0, rpe=9.0) for n in (1, 2, 3))
    store = HistoryStore(Path(env["STRONGSTRIDE_DATA_DIR"]), Path(env["STRONGSTRIDE_CACHE_DIR"]))
    store.save(SessionLog(id="imported-squats", plan_id="strong", session_id="import", started_at=at,
                          finished_at=at + timedelta(hours=1), source="strong", sets=sets))


def test_kills_around_filing_and_edits_while_paused_lose_and_double_nothing(env, tmp_path):
    """Paused, then history, config and plan edited, then killed between filing and clearing: one whole session."""
    plan = tmp_path / "runner-foundation.toml"
    plan.write_text(PLAN.read_text())
    first = _start(env, plan)
    assert first.stdout.readline().strip() == "started"
    for _ in range(4):
        step, kinds = _kinds_after(first)
    first.send_signal(signal.SIGKILL)
    first.wait()

    _older_squats(env)
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "config.toml").write_text('schema = 1\nunits = "lb"\n')
    plan.write_text(plan.read_text().replace("sets = 1", "sets = 2"))

    second = _start(env, plan)
    assert second.stdout.readline().split()[1:] == ["4", str(len(kinds) // 2), kinds]
    while step != "done":
        step, kinds = _kinds_after(second)
    second.stdin.write("file-then-die\n")
    second.stdin.flush()
    assert second.wait(timeout=30) == 9
    assert (tmp_path / "data" / "in-progress.toml").exists(), "killed before the in-progress file was cleared"

    third = _start(env, plan)
    assert third.stdout.readline().split()[3] == kinds
    _step(third, "finish")
    third.stdin.close()
    third.wait(timeout=30)
    ours = [tomllib.loads(p.read_text()) for p in (tmp_path / "data" / "history").rglob("*.toml")]
    ours = [session for session in ours if session.get("source") != "strong"]
    assert len(ours) == 1, "filed once"
    filed = ours[0]["sets"]
    assert "".join(("w" if s.get("kind", "work") == "work" else "u") + ours[0]["unit"][0] for s in filed) == kinds
    assert ours[0]["unit"] == "kg" and not any("unit" in s for s in filed)
    assert not (tmp_path / "data" / "in-progress.toml").exists()
