"""Whatever config.toml holds: a Config and its problems, never an exception, and a session still starts with it."""

from __future__ import annotations

import time
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride.engine.events import RestEnded, SetLogged
from strongstride.engine.session import LiveSession
from strongstride.model.config import Config, Equipment
from strongstride.model.plan import Load
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.store.config import CONFIG_KEYS, EQUIPMENT_KEYS, RUNNING_KEYS, load_config, save_config_values
from tests.unit.session_fixtures import START, block, setup_of
from tests.unit.plan_mutation import mutate, paths_in, values

FUZZ_SETTINGS = settings(
    max_examples=120, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
# A barbell set that needs plates, then a dumbbell set that needs the rack.
BLOCKS = (
    block("back_squat", sets=1, reps=5, load=Load("absolute", weight=102.5), warmup_sets=False),
    block("goblet_squat", sets=1, reps=8, load=Load("absolute", weight=17.5)),
)

FULL_CONFIG = """\
schema = 1
units = "kg"
warmup_sets = true
body_weight = 64.5
default_rest_seconds = 120
theme = "strongstride-light"
plan = "heavy-strength"
plan_started = 2026-10-05

[equipment]
barbell_increment = 2.5
machine_increment = 5
dumbbells = [2, 4, 6, 8, 10, 12.5, 15, 17.5, 20]
bar_weight = 20
plates = [25, 20, 15, 10, 5, 2.5, 1.25]
plate_pairs = [2, 4, 2, 2, 2, 2, 2]

[running]
long_run_days = ["sunday"]
hard_days = ["tuesday", "thursday"]
focus = "marathon"
race_date = 2027-04-18
not_running_until = 2026-12-01
"""
FULL_DOCUMENT = tomllib.loads(FULL_CONFIG)
config_keys = st.one_of(st.sampled_from(sorted(set(CONFIG_KEYS + EQUIPMENT_KEYS + RUNNING_KEYS))), st.text(min_size=1, max_size=8))
documents = st.dictionaries(config_keys, values, max_size=8)


def assert_config_and_a_session(path: Path) -> Config:
    """The property: a Config and problems naming this file; with it a barbell and a dumbbell set are shown and logged."""
    config, problems = load_config(path)
    assert isinstance(config, Config)
    assert all(isinstance(problem, Problem) and Path(problem.path) == path and problem.message for problem in problems)
    session = LiveSession(setup_of(*BLOCKS, config=config))
    at = START
    while (card := session.state.card) is not None:
        assert card.target.load is not None
        assert card.plates is not None or card.exercise.equipment != "barbell"
        at += timedelta(minutes=2)
        session.apply(SetLogged(at, card.target.reps or 1, card.target.load, 8.0))
        if session.state.rest is not None:
            session.apply(RestEnded(at))
    return config


def test_the_full_config_is_read_without_problems(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(FULL_CONFIG, encoding="utf-8")
    assert load_config(path)[1] == []
    assert assert_config_and_a_session(path).equipment.plate_pairs == (2, 4, 2, 2, 2, 2, 2)


@FUZZ_SETTINGS
@given(text=st.text(max_size=300))
def test_random_text(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    assert_config_and_a_session(path)


@FUZZ_SETTINGS
@given(document=documents)
def test_random_documents(tmp_path, document):
    path = tmp_path / "config.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    assert_config_and_a_session(path)


@FUZZ_SETTINGS
@given(data=st.data())
def test_mutated_full_config(tmp_path, data):
    document = FULL_DOCUMENT
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        path = data.draw(st.sampled_from(paths_in(document)))
        drop = data.draw(st.booleans()) and not isinstance(path[-1], int)
        document = mutate(document, path, data.draw(values), drop)
    path = tmp_path / "config.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    assert_config_and_a_session(path)


@FUZZ_SETTINGS
@given(text=st.one_of(st.text(max_size=200), documents.map(tomli_w.dumps)), theme=st.text(max_size=20))
def test_saving_the_theme_into_any_config(tmp_path, text, theme):
    """A config that parses keeps its other keys and gets the theme; one that does not is left exactly as it was."""
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    try:
        old = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        old = None
    try:
        save_config_values(path, {"theme": theme})
    except ProblemsFound as broken:
        assert broken.problems and path.read_bytes() == before
        return
    assert old is not None
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert in_key_order(saved) == in_key_order({**old, "theme": theme})   # as text, so NaN equals NaN


def in_key_order(document: dict) -> str:
    """A parsed document written out with its top-level keys sorted."""
    return repr(sorted(document.items(), key=lambda item: item[0]))


@pytest.mark.parametrize("text", ["units = " + "[" * 3000, "default_rest_seconds = " + "9" * 40])
def test_hostile_toml_gives_the_defaults_and_a_problem(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    config, [problem] = load_config(path)
    assert config == Config() and problem.message


def test_a_long_odd_plate_inventory_still_shows_the_set_at_once(tmp_path):
    """30 plate sizes of 50 pairs each took a minute to plan the plates of one barbell set; the app froze."""
    plates = ", ".join(f"{100 - 0.1 * i - 0.001:.3f}" for i in range(30))
    path = tmp_path / "config.toml"
    path.write_text(f"[equipment]\nplates = [{plates}]\nplate_pairs = [{', '.join(['50'] * 30)}]\n", encoding="utf-8")
    started = time.perf_counter()
    config = assert_config_and_a_session(path)
    assert time.perf_counter() - started < 2.0
    assert len(config.equipment.plates) == 30 and isinstance(config.equipment, Equipment)
