"""The setup a live session keeps beside its events comes back exactly, for every session of every sample plan."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from strongstride.engine.session import SessionSetup
from strongstride.services.library import load_exercise_library
from strongstride.model.config import Config, Equipment, KnownSet, RunningWeek
from strongstride.model.exercise_library import exercise_to_table, parse_exercise
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.plan_parser import load_plan_file
from strongstride.model.problems import ProblemsFound
from strongstride.resources import bundled_dir
from strongstride.store.config import config_from_document, config_to_document
from strongstride.store.session_snapshot import exercises_for, setup_from_snapshot, setup_snapshot

LIBRARY, _ = load_exercise_library()
PLANS = sorted(bundled_dir("sample_plans").glob("*.toml"))
CONFIGS = [
    Config(),
    Config(units="lb", equipment=Equipment.defaults("lb"), warmup_sets=False, body_weight=150.0, default_rest_seconds=75,
           plan_started=datetime(2026, 9, 1).date(), running=RunningWeek(("saturday",), ("tuesday",), "marathon")),
    Config(equipment=Equipment(2.5, 5.0, (4.0, 8.0), 15.0, (20.0, 10.0, 5.0, 1.25), (2, 2, 1, 1)),
           known={"back_squat": KnownSet(100.0, 5), "split_squat": KnownSet(16.0, 8, 8.0)}),
]


def _history(exercise_ids: list[str]) -> list[SessionLog]:
    at = datetime(2026, 11, 1, 18, 0)
    sets = tuple(SetLog(e, 1, at + timedelta(minutes=n), reps=8, load=40.0, rpe=8.0, note="knee [red]ok[/]\x1b",
                        reason="Last time 8 reps") for n, e in enumerate(exercise_ids))
    return [SessionLog(id="past", plan_id="p", session_id="A", started_at=at, finished_at=at + timedelta(hours=1), sets=sets)]


@pytest.mark.parametrize("config", CONFIGS, ids=["default", "lb", "limited-plates-and-known-sets"])
def test_the_config_comes_back_as_it_was(config: Config) -> None:
    assert config_from_document(config_to_document(config), "in-progress.toml") == (config, [])


def test_every_bundled_exercise_comes_back_as_it_was() -> None:
    for exercise_id, exercise in LIBRARY.items():
        assert parse_exercise(exercise_id, exercise_to_table(exercise), "x", user_defined=False) == (exercise, [])


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_every_session_of_every_sample_plan_resumes_from_its_setup(path: Path) -> None:
    plan = load_plan_file(path, LIBRARY)
    exercises = exercises_for(plan, LIBRARY)
    for template in plan.sessions:
        setup = SessionSetup(
            plan=plan, template=template, exercises=exercises, config=CONFIGS[1], uid="u", volume_factor=0.5,
            history=_history([b.exercise_id for b in template.blocks]), started_at=datetime(2026, 11, 24, 18, 0),
        )
        snapshot = setup_snapshot(setup, path.read_text(encoding="utf-8"))
        assert setup_from_snapshot(setup.header(), snapshot, "in-progress.toml") == setup


def test_a_broken_setup_is_reported_by_its_key_in_the_in_progress_file() -> None:
    plan = load_plan_file(PLANS[0], LIBRARY)
    setup = SessionSetup(plan, plan.sessions[0], exercises_for(plan, LIBRARY), [], Config(), datetime(2026, 11, 24), "u")
    snapshot = setup_snapshot(setup, PLANS[0].read_text(encoding="utf-8"))
    snapshot["config"]["units"] = "stone"
    del snapshot["history"]
    with pytest.raises(ProblemsFound) as found:
        setup_from_snapshot(setup.header(), snapshot, "in-progress.toml")
    assert [(str(p.path), p.key_path) for p in found.value.problems] == [("in-progress.toml", "setup.history")]
    snapshot["history"] = []
    with pytest.raises(ProblemsFound) as found:
        setup_from_snapshot(setup.header(), snapshot, "in-progress.toml")
    assert [p.key_path for p in found.value.problems] == ["setup.config.units"]
