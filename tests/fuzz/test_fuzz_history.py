"""Whatever a history file holds, reading it gives a session or listed problems, and the file is never touched."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride.model.log import SessionLog, SetLog
from strongstride.model.problems import ProblemsFound
from strongstride.store.history import HistoryStore
from strongstride.store.history_codec import SESSION_KEYS, SET_KEYS, session_from_toml, session_to_toml
from tests.unit.plan_mutation import mutate, paths_in, values

FUZZ_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILE_SETTINGS = settings(
    max_examples=60, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
START = datetime(2026, 11, 23, 18, 5, 12)


def real_session() -> SessionLog:
    """A session as the app files it: a warm-up, loaded work sets, a skipped set, a hold and notes."""
    return SessionLog(
        id="2026-11-23T18-05-12_runner-foundation_A_k3f9x2", plan_id="runner-foundation", session_id="A",
        started_at=START, finished_at=START + timedelta(minutes=40), plan_name="Runner foundation",
        session_name="Foundation A", note="Legs felt fresh", extra={"device": "phone"},
        sets=(
            SetLog("quarter_squat", 1, START, kind="warmup", exercise_name="Quarter squat", reps=5, load=20.0),
            SetLog("quarter_squat", 1, START + timedelta(minutes=4), exercise_name="Quarter squat", target_reps=8,
                   target_load=40.0, target_rpe=8.5, reps=8, load=40.0, rpe=8.0, rest_seconds=120,
                   reason="First time: 40 kg from the plan", note="deep enough"),
            SetLog("single_leg_calf_raise", 1, START + timedelta(minutes=9), side="left", reps=10, rpe=8.5),
            SetLog("single_leg_calf_raise", 1, START + timedelta(minutes=10), side="right", skipped=True),
            SetLog("plank", 1, START + timedelta(minutes=14), exercise_name="Plank", target_hold=30,
                   hold_seconds=35, rpe=7.5),
        ),
    )


REAL_TEXT = session_to_toml(real_session())
REAL_DOCUMENT = tomllib.loads(REAL_TEXT)
history_keys = st.one_of(st.sampled_from(sorted(set(SESSION_KEYS + SET_KEYS))), st.text(min_size=1, max_size=8))
documents = st.dictionaries(history_keys, values, max_size=10)


def assert_session_or_problems(text: str) -> None:
    """The property: a SessionLog, or ProblemsFound listing problems whose lines are in the text."""
    try:
        log = session_from_toml(text, "fuzz.toml")
    except ProblemsFound as found:
        assert found.problems
        line_count = text.count("\n") + 1
        for problem in found.problems:
            assert problem.line is None or 1 <= problem.line <= line_count, problem
            assert problem.message and str(problem).startswith("fuzz.toml")
        return
    assert isinstance(log, SessionLog)


def test_the_real_session_reads_back_as_written():
    assert session_from_toml(REAL_TEXT, "real.toml") == real_session()


@FUZZ_SETTINGS
@given(st.text(max_size=400))
def test_random_text(text):
    assert_session_or_problems(text)


@FUZZ_SETTINGS
@given(documents)
def test_random_documents(document):
    assert_session_or_problems(tomli_w.dumps(document))


@FUZZ_SETTINGS
@given(st.data())
def test_mutated_real_session(data):
    document = REAL_DOCUMENT
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        path = data.draw(st.sampled_from(paths_in(document)))
        drop = data.draw(st.booleans()) and not isinstance(path[-1], int)
        document = mutate(document, path, data.draw(values), drop)
    assert_session_or_problems(tomli_w.dumps(document))


@FUZZ_SETTINGS
@given(st.data())
def test_mangled_real_text(data):
    lines = REAL_TEXT.splitlines(keepends=True)
    index = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    lines[index] = data.draw(st.one_of(
        st.just(""), st.text(max_size=40),
        st.sampled_from(["[[sets]]\n", "[sets]\n", '"""\n', "reps = 1e400\n", "rpe = nan\n", "at = 0001-01-01T00:00:00+23:59\n"]),
    ))
    assert_session_or_problems("".join(lines))


@pytest.mark.parametrize("text, key_path, message", [
    ("reps = " + "[" * 3000, "", "nested too deeply"),
    (REAL_TEXT.replace("\nreps = 8\n", "\nreps = 99999999999999999999999\n"), "sets[1].reps", "64-bit"),
    (REAL_TEXT.replace("\nload = 40.0\n", "\nload = -18446744073709551616\n"), "sets[1].load", "64-bit"),
], ids=["deep nesting", "huge reps", "huge negative load"])
def test_hostile_toml_is_a_listed_problem(text, key_path, message):
    """Found by fuzzing: deep nesting raised RecursionError, a huge integer OverflowError."""
    with pytest.raises(ProblemsFound) as raised:
        session_from_toml(text, "hostile.toml")
    [problem] = raised.value.problems
    assert problem.key_path == key_path and message in problem.message


@FILE_SETTINGS
@given(content=st.one_of(st.binary(max_size=300), st.builds(str.encode, st.text(max_size=300)),
                         st.builds(lambda cut: REAL_TEXT.encode()[:cut], st.integers(0, len(REAL_TEXT)))))
def test_a_history_file_of_any_bytes_is_loaded_or_listed_and_left_as_it_was(tmp_path_factory, content):
    root = tmp_path_factory.mktemp("history")
    good = HistoryStore(root / "data", root / "cache")
    good.save(real_session())
    suspect = root / "data" / "history" / "2026" / "2026-11-24T07-00-00_suspect.toml"
    suspect.write_bytes(content)
    before = suspect.stat()

    loaded = good.load_all()

    assert suspect.read_bytes() == content
    assert (suspect.stat().st_mtime_ns, suspect.stat().st_size) == (before.st_mtime_ns, before.st_size)
    assert real_session() in loaded.sessions
    listed = [problem for problem in loaded.problems if Path(problem.path) == suspect]
    assert len(loaded.sessions) + bool(listed) == 2
    assert all(problem.message for problem in listed)
