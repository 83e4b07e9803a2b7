"""Whatever a plan file holds, reading it gives a Plan or a list of problems, never another exception."""

from __future__ import annotations

import copy
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride import resources
from strongstride.services.library import load_exercise_library
from strongstride.model.plan import Plan
from strongstride.model.plan_parser import BLOCK_KEYS, PHASE_KEYS, PLAN_KEYS, SESSION_KEYS, parse_plan
from strongstride.model.problems import ProblemsFound
from strongstride.model.toml_locate import format_key_path

SAMPLE_FILES = sorted(resources.bundled_dir("sample_plans").glob("*.toml"))
SAMPLE_TEXTS = [path.read_text(encoding="utf-8") for path in SAMPLE_FILES]
SAMPLE_DOCUMENTS = [tomllib.loads(text) for text in SAMPLE_TEXTS]
LIBRARY, _ = load_exercise_library()
FUZZ_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KNOWN_KEYS = sorted(set(PLAN_KEYS + PHASE_KEYS + SESSION_KEYS + BLOCK_KEYS + ("activity", "minutes", "A", "B")))
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(min_size=1, max_size=8))
scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=20),
    st.sampled_from(["8-10", "3-5", "80-100% of 5RM", "70% 1RM", "band medium", "bodyweight", "10-8", "0-0", "3-1-1-0",
                     "goblet_squat", "plank", "double", "hold", "kg", "beginner", "999999999-1"]),
    st.dates(),
    st.datetimes(),
    st.times(),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=20,
)
documents = st.dictionaries(keys, values, max_size=8)


def assert_plan_or_problems(text: str) -> None:
    """The property: a Plan, or ProblemsFound with at least one problem whose line is in the text."""
    try:
        plan = parse_plan(text, Path("fuzz.toml"), LIBRARY)
    except ProblemsFound as found:
        assert found.problems
        line_count = text.count("\n") + 1
        for problem in found.problems:
            assert problem.line is None or 1 <= problem.line <= line_count, problem
            assert isinstance(problem.message, str) and problem.message
        return
    assert isinstance(plan, Plan)


def paths_in(document: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key path (dict keys and list indexes) inside a parsed TOML document."""
    found = []
    items = document.items() if isinstance(document, dict) else enumerate(document) if isinstance(document, list) else []
    for key, value in items:
        found.append(prefix + (key,))
        found.extend(paths_in(value, prefix + (key,)))
    return found


def mutate(document: dict, path: tuple, replacement: Any, drop: bool) -> dict:
    mutated = copy.deepcopy(document)
    parent = mutated
    for key in path[:-1]:
        parent = parent[key]
    if drop:
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return mutated


def test_the_sample_plans_are_there_to_mutate():
    assert len(SAMPLE_DOCUMENTS) == 5


@FUZZ_SETTINGS
@given(documents)
def test_random_documents(document):
    assert_plan_or_problems(tomli_w.dumps(document))


@FUZZ_SETTINGS
@given(st.data())
def test_mutated_sample_plans(data):
    document = data.draw(st.sampled_from(SAMPLE_DOCUMENTS))
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        path = data.draw(st.sampled_from(paths_in(document)))
        drop = data.draw(st.booleans()) and not isinstance(path[-1], int)
        document = mutate(document, path, data.draw(values), drop)
    assert_plan_or_problems(tomli_w.dumps(document))


@FUZZ_SETTINGS
@given(st.data())
def test_mangled_sample_text(data):
    lines = data.draw(st.sampled_from(SAMPLE_TEXTS)).splitlines(keepends=True)
    index = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    lines[index] = data.draw(st.one_of(st.just(""), st.text(max_size=30), st.sampled_from(["[", "[[x]]\n", '"""\n', "a.b = {\n"])))
    assert_plan_or_problems("".join(lines))


def test_odd_values_seen_by_hand():
    """Values that once looked risky: non-finite numbers, huge integers, dates where numbers go."""
    base = SAMPLE_DOCUMENTS[[path.stem for path in SAMPLE_FILES].index("runner-foundation")]
    block_path = ("sessions", next(iter(base["sessions"])), "blocks", 0)
    for key, value in [("rpe", float("nan")), ("rpe", float("inf")), ("sets", 2**63 - 1), ("reps", date(2026, 1, 1)),
                       ("rest", time(0, 0, 30)), ("load", datetime(2026, 1, 1)), ("rest", -(2**63))]:
        text = tomli_w.dumps(mutate(base, block_path + (key,), value, drop=False))
        with pytest.raises(ProblemsFound) as raised:
            parse_plan(text, Path("odd.toml"), LIBRARY)
        assert [problem.key_path for problem in raised.value.problems] == [format_key_path(block_path + (key,))]
