"""Whatever a plan file holds, reading it gives a Plan or a list of problems, never another exception."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride import resources
from strongstride.services.library import load_exercise_library
from strongstride.model.plan import Plan
from strongstride.model.plan_parser import parse_plan
from strongstride.model.problems import ProblemsFound
from strongstride.model.toml_locate import format_key_path
from tests.unit.plan_mutation import keys, mutate, paths_in, values

SAMPLE_FILES = sorted(resources.bundled_dir("sample_plans").glob("*.toml"))
SAMPLE_TEXTS = [path.read_text(encoding="utf-8") for path in SAMPLE_FILES]
SAMPLE_DOCUMENTS = [tomllib.loads(text) for text in SAMPLE_TEXTS]
LIBRARY, _ = load_exercise_library()
FUZZ_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

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


def test_the_sample_plans_are_there_to_mutate():
    assert len(SAMPLE_DOCUMENTS) == 6


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
