"""A plan with thousands of blocks is checked and run like any other, without stalling."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from strongstride.cli import main
from strongstride.engine.events import RestEnded, SetLogged
from strongstride.engine.session import LiveSession, SessionSetup
from strongstride.services.library import load_exercise_library
from strongstride.model.config import Config
from strongstride.model.plan_parser import load_plan_file

BLOCKS = 3000
START = datetime(2026, 11, 23, 18, 0)


def _huge_plan(path: Path) -> Path:
    block = '[[sessions.A.blocks]]\nexercise = "push_up"\nsets = 1\nreps = "8-12"\nrest = 30\n\n'
    path.write_text(
        'schema = 1\nname = "Thousands"\nlevel = "beginner"\nsessions_per_week = 1\nunits = "kg"\n\n'
        '[sessions.A]\nname = "All of them"\n\n' + block * BLOCKS,
        encoding="utf-8",
    )
    return path


def test_check_accepts_a_plan_of_thousands_of_blocks(tmp_path, capsys):
    plan_file = _huge_plan(tmp_path / "huge.toml")
    assert main(["check", str(plan_file)]) == 0
    assert f"{BLOCKS} blocks" in capsys.readouterr().out


def test_a_session_of_thousands_of_blocks_runs_set_by_set(tmp_path):
    library, _ = load_exercise_library()
    plan = load_plan_file(_huge_plan(tmp_path / "huge.toml"), library)
    setup = SessionSetup(plan, plan.sessions[0], library, (), Config(), START, "huge")
    session = LiveSession(setup)
    assert session.state.card.position == f"set 1 of 1 · exercise 1 of {BLOCKS}"
    at = START
    for _ in range(3):
        at += timedelta(minutes=1)
        session.apply(SetLogged(at, 10, None, 8.0))
        session.apply(RestEnded(at + timedelta(seconds=30)))
    assert session.state.card.exercise_number == 4
    assert session.state.progress.sets_done == 3 and session.state.progress.sets_planned == BLOCKS
