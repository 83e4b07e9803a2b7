"""A session survives TOML exactly, the file reads well by hand, and every bad key is named on the way in."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings

from strongstride.model.log import ActivityLog, SessionLog, SetLog
from strongstride.model.problems import ProblemsFound
from strongstride.store.history_codec import (
    session_from_dict, session_from_toml, session_to_dict, session_to_toml,
)
from tests.unit.history_builders import SESSION_LOGS, make_session, make_set

def problems_of(text: str) -> list[str]:
    with pytest.raises(ProblemsFound) as raised:
        session_from_toml(text, "history/2026/s.toml")
    return [str(problem) for problem in raised.value.problems]


# The file a session of every kind of field is written as, byte for byte (the import writes the same bytes).
EVERY_FIELD_FILE = """\
schema = 1
id = "2026-11-22T18-05-12_p_A_x"
plan_id = "p"
plan_name = "Plan"
session_id = "A"
session_name = "Strength A"
started_at = 2026-11-22 18:05:12+01:00
finished_at = 2026-11-22 19:05:12+01:00
unit = "kg"
source = "strongstride"

[extra]
k = "v"

[[sets]]
exercise_id = "back_squat"
exercise_name = "Back squat"
set_number = 1
kind = "warmup"
at = 2026-11-22 18:05:12+01:00
reps = 8
load = 20.0

[[sets]]
exercise_id = "split_squat"
exercise_name = "Split \\"squat\\""
set_number = 2
side = "left"
unit = "lb"
at = 2026-11-22 18:08:12+01:00
target_reps = 8
target_load = 40.0
target_rpe = 8.0
reps = 7
load = 42.5
rpe = 8.5
rest_seconds = 90
reason = "knee"
note = "line one\\nline two"

[[sets]]
exercise_id = "plank"
set_number = 1
at = 2026-11-22 18:14:12+01:00
target_hold = 45
hold_seconds = 50
skipped = true
reason = "tired"

[[activities]]
name = "Running"
kind = "cardio"
at = 2026-11-22 18:05:12+01:00
seconds = 600
distance_m = 2000.0
"""


def test_a_session_of_every_kind_of_field_is_written_byte_for_byte_so() -> None:
    start = datetime(2026, 11, 22, 18, 5, 12, tzinfo=timezone(timedelta(hours=1)))
    sets = (
        SetLog("back_squat", 1, start, unit="kg", kind="warmup", exercise_name="Back squat", reps=8, load=20.0),
        SetLog("split_squat", 2, start + timedelta(minutes=3), unit="lb", side="left",
               exercise_name='Split "squat"', target_reps=8, target_load=40.0, target_rpe=8.0, reps=7, load=42.5,
               rpe=8.5, rest_seconds=90, reason="knee", note="line one\nline two"),
        SetLog("plank", 1, start + timedelta(minutes=9), target_hold=45, hold_seconds=50, skipped=True,
               reason="tired"),
    )
    log = SessionLog(id="2026-11-22T18-05-12_p_A_x", plan_id="p", session_id="A", started_at=start,
                     finished_at=start + timedelta(hours=1), plan_name="Plan", session_name="Strength A", unit="kg",
                     sets=sets, extra={"k": "v"},
                     activities=(ActivityLog("Running", start, kind="cardio", seconds=600, distance_m=2000.0),))
    assert session_to_toml(log) == EVERY_FIELD_FILE


# -- round trip ---------------------------------------------------------------------------

@settings(max_examples=100, deadline=None)
@given(SESSION_LOGS)
def test_any_session_survives_toml_unchanged(log: SessionLog) -> None:
    back = session_from_toml(session_to_toml(log), "s.toml")
    assert back == log
    assert back.extra == log.extra
    assert [s.at.utcoffset() for s in back.sets] == [s.at.utcoffset() for s in log.sets]
    assert back.started_at.utcoffset() == log.started_at.utcoffset()


def test_text_with_markup_quotes_newlines_and_unicode_comes_back_literally() -> None:
    note = 'felt [red]great[/red]\n"heavy" \\ day \u00e9\u2603 \x00'
    log = make_session(make_set(note=note, reason="[bold]up 2.5 kg[/bold]"), note=note)
    back = session_from_toml(session_to_toml(log), "s.toml")
    assert back.note == note
    assert back.sets[0].reason == "[bold]up 2.5 kg[/bold]"


# -- the file as a person reads it ---------------------------------------------------------

def test_file_starts_with_schema_then_session_fields_then_a_sets_table_per_set() -> None:
    text = session_to_toml(make_session(make_set(), make_set(number=2, minutes=8)))
    lines = text.splitlines()
    assert lines[0] == "schema = 1"
    assert lines[1] == 'id = "2026-11-22T18-05-12_runner-foundation_A_test01"'
    assert text.count("[[sets]]") == 2
    assert text.index("started_at") < text.index("[[sets]]")


def test_datetimes_are_toml_datetimes_keeping_their_offset() -> None:
    started = datetime(2026, 11, 22, 18, 5, 12, tzinfo=timezone(timedelta(hours=1)))
    text = session_to_toml(make_session(make_set(), started_at=started))
    assert "started_at = 2026-11-22 18:05:12+01:00" in text or "started_at = 2026-11-22T18:05:12+01:00" in text
    assert tomllib.loads(text)["started_at"] == started


def test_empty_and_default_fields_are_left_out() -> None:
    data = session_to_dict(make_session(make_set(rpe=None, load=None, target_load=None)))
    assert "finished_at" not in data and "note" not in data and "abandoned" not in data
    first = data["sets"][0]
    assert {"rpe", "load", "target_load", "side", "kind", "unit", "skipped", "note"}.isdisjoint(first)
    assert first["reps"] == 8


def test_a_set_in_another_unit_than_its_session_says_so() -> None:
    data = session_to_dict(make_session(make_set(unit="lb", load=135.0)))
    assert data["sets"][0]["unit"] == "lb"
    assert session_from_dict(data, "s.toml").sets[0].unit == "lb"


def test_a_hand_written_file_with_whole_numbers_and_no_optional_keys_loads() -> None:
    log = session_from_toml(
        'schema = 1\nid = "a"\nplan_id = "p"\nsession_id = "A"\nstarted_at = 2026-11-22T18:05:00\nunit = "lb"\n'
        '[[sets]]\nexercise_id = "deadlift"\nset_number = 1\nat = 2026-11-22T18:10:00\nreps = 5\nload = 225\n',
        "s.toml",
    )
    assert log.sets[0].load == 225.0 and isinstance(log.sets[0].load, float)
    assert log.sets[0].unit == "lb" and log.sets[0].kind == "work" and log.sets[0].side is None


# -- validation -----------------------------------------------------------------------------

VALID = session_to_toml(make_session(make_set(), make_set(number=2, minutes=8), make_set(number=3, minutes=11),
                                     make_set(number=4, minutes=14)))


def test_every_bad_key_is_named_with_its_line() -> None:
    lines = VALID.splitlines()
    rpe_lines = [n for n, line in enumerate(lines) if line.startswith("rpe = ")]
    lines[rpe_lines[3]] = "rpe = 11"
    lines[rpe_lines[0]] = "rpe = 7.3"
    problems = problems_of("\n".join(lines))
    assert problems == [
        f"history/2026/s.toml:{rpe_lines[0] + 1}: sets[0].rpe: must be a number 1-10 in half steps, not 7.3",
        f"history/2026/s.toml:{rpe_lines[3] + 1}: sets[3].rpe: must be a number 1-10 in half steps, not 11",
    ]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("\nreps = 8\n", "\nreps = 101\n", "sets[0].reps: must be a whole number 0-100, not 101"),
    ("\nreps = 8\n", "\nreps = 8.5\n", "sets[0].reps: must be a whole number 0-100, not 8.5"),
    ("\nreps = 8\n", '\nreps = "eight"\n', "sets[0].reps: must be a whole number 0-100, not 'eight'"),
    ("\nload = 60.0\n", "\nload = 1000.5\n", "sets[0].load: must be a number 0-1000 kg, not 1000.5"),
    ("\nload = 60.0\n", "\nload = -5\n", "sets[0].load: must be a number 0-1000 kg, not -5"),
    ('unit = "kg"\n', 'unit = "stone"\n', "unit: must be one of kg, lb, not 'stone'"),
    ("set_number = 1\n", 'set_number = 1\nkind = "cooldown"\n', "sets[0].kind: must be one of work, warmup"),
    ("set_number = 1\n", 'set_number = 1\nside = "both"\n', "sets[0].side: must be one of left, right"),
    ("set_number = 1\n", "set_number = 1\nskipped = 1\n", "sets[0].skipped: must be true or false, not a number"),
    ("set_number = 1\n", "set_number = 1\nrps = 3\n", "sets[0].rps: unknown key (did you mean 'reps'?)"),
    ("started_at = 2026-11-22 18:05:12\n", "started_at = 2026-11-22\n",
     "started_at: must be a date and time such as 2026-11-22T18:05:12, not a date or time"),
    ('plan_id = "runner-foundation"\n', "", "plan_id: missing"),
    ("schema = 1\n", "schema = 2\n", "schema: must be 1, not 2"),
    ("schema = 1\n", "", "schema: missing: a history file starts with schema = 1"),
])
def test_bad_values_are_named(old: str, new: str, expected: str) -> None:
    assert old in VALID
    problems = problems_of(VALID.replace(old, new, 1))
    assert any(expected in problem for problem in problems), problems


def test_lb_loads_are_limited_to_the_lb_equivalent_of_1000_kg() -> None:
    text = VALID.replace('unit = "kg"', 'unit = "lb"').replace("\nload = 60.0", "\nload = 2000.0", 1)
    assert session_from_toml(text, "s.toml").sets[0].load == 2000.0
    problems = problems_of(text.replace("load = 2000.0", "load = 2300.0", 1))
    assert any("sets[0].load: must be a number 0-2204.62 lb, not 2300" in p for p in problems)


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = VALID.replace("\nreps = 8\n", "\nreps = -1\n").replace('session_id = "A"\n', "")
    problems = problems_of(text)
    assert len(problems) == 5    # four sets' reps and the missing session_id


def test_sets_that_are_not_tables_are_reported() -> None:
    data = tomllib.loads(VALID)
    data["sets"][1] = "a set"
    with pytest.raises(ProblemsFound) as raised:
        session_from_dict(data, "s.toml")
    assert [str(p) for p in raised.value.problems] == ["s.toml: sets[1]: must be a table, not text"]


def test_a_toml_syntax_error_gives_its_line() -> None:
    problems = problems_of(VALID.replace("\nreps = 8\n", "\nreps = = 8\n", 1))
    line = VALID.splitlines().index("reps = 8") + 1
    assert len(problems) == 1 and problems[0].startswith(f"history/2026/s.toml:{line}: (file): TOML syntax")


def test_a_date_outside_the_years_of_a_training_log_is_refused():
    from strongstride.store.history_codec import session_from_toml

    text = 'schema = 1\nid = "x"\nplan_id = "p"\nsession_id = "A"\nstarted_at = 0001-01-01T00:00:00+23:59\n'
    with pytest.raises(ProblemsFound) as found:
        session_from_toml(text, "old.toml")
    assert any("started_at" in str(p) and "1900-2999" in str(p) for p in found.value.problems)
