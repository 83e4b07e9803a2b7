"""Imported sessions: deterministic ids, re-imports recognised, and every session fit for a history file."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strongstride.importers.dedupe import split_new_sessions
from strongstride.importers.reading import read_export, read_export_file
from strongstride.importers.csv_source import open_rows
from strongstride.importers.sessions import (
    OUT_OF_ORDER, ImportResult, DigestLines, build_sessions, digest_line, imported_session_id, session_slug,
    sets_fingerprint,
)
from strongstride.importers.strong import read_strong
from strongstride.model.exercise_library import load_library
from strongstride.model.log import SessionLog, SetLog
from strongstride.resources import exercise_library_file
from strongstride.store.history_codec import session_from_toml, session_to_toml

DATA = Path(__file__).parents[1] / "data" / "imports"
LIBRARY, _ = load_library(exercise_library_file())
START = datetime(2026, 3, 2, 18, 5, 12)
SQUAT = SetLog(exercise_id="back_squat", set_number=1, at=START, load=80.0, reps=5, rpe=8.0)


def test_the_id_is_a_file_stem_made_from_the_start_and_a_hash_of_source_and_sets() -> None:
    session_id = imported_session_id("strong", START, [SQUAT])
    assert session_id == imported_session_id("strong", START, [SQUAT])
    assert session_id.startswith("2026-03-02T18-05-12_strong-")
    assert session_id != imported_session_id("hevy", START, [SQUAT])
    assert session_id != imported_session_id("strong", START, [replace(SQUAT, reps=6)])
    assert set(session_id) <= set("0123456789abcdefghijklmnopqrstuvwxyzT_-")


def test_the_fingerprint_ignores_how_a_load_was_written_but_not_what_was_done() -> None:
    assert sets_fingerprint([SQUAT]) == sets_fingerprint([replace(SQUAT, load=80.000000001, note="x")])
    assert sets_fingerprint([SQUAT]) != sets_fingerprint([replace(SQUAT, unit="lb")])


def test_workout_names_become_session_ids() -> None:
    assert session_slug("Evening Workout", "strong") == "evening-workout"
    assert session_slug("  ", "strong") == "strong"


def test_a_second_import_of_the_same_file_adds_nothing() -> None:
    first = read_export_file(DATA / "strong_comma.csv", "strong", LIBRARY, "kg").sessions
    added, duplicates = split_new_sessions(first, [])
    assert added == first and duplicates == []
    again = read_export_file(DATA / "strong_comma.csv", "strong", LIBRARY, "kg").sessions
    added, duplicates = split_new_sessions(again, first)
    assert added == [] and len(duplicates) == len(first)


def test_the_same_workout_edited_in_the_app_is_still_recognised_by_source_and_start() -> None:
    (original,) = read_export_file(DATA / "strong_old_comma.csv", "strong", LIBRARY, "kg").sessions
    edited = replace(original, id="other", sets=original.sets[:1])
    assert split_new_sessions([edited], [original]) == ([], [edited])


def test_our_own_sessions_exported_and_imported_again_are_recognised_by_start_and_sets() -> None:
    ours = SessionLog(
        id="2026-03-02T18-05-12_plan_A_abc123", plan_id="plan", session_id="A", started_at=START, sets=(SQUAT,)
    )
    imported = replace(ours, id=imported_session_id("csv", START, ours.sets), source="csv", plan_id="imported")
    assert split_new_sessions([imported], [ours]) == ([], [imported])


def test_a_workout_twice_in_one_file_is_added_once() -> None:
    text = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        "2026-01-01 08:00:00,A,Push Up,1,0,10\n"
    )
    (session,) = read_export(io.StringIO(text), "strong", LIBRARY, "kg").sessions
    added, duplicates = split_new_sessions([session, session], [])
    assert added == [session] and duplicates == [session]


def test_two_workouts_started_together_in_one_file_are_both_added() -> None:
    text = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        "2026-01-01 08:00:00,A,Push Up,1,0,10\n"
        "2026-01-01 08:00:00,B,Plank,1,0,0\n"
        "2026-01-01 08:00:00,B,Push Up,1,0,12\n"
    )
    sessions = read_export(io.StringIO(text), "strong", LIBRARY, "kg").sessions
    added, duplicates = split_new_sessions(sessions, [])
    assert [s.session_name for s in added] == ["A", "B"] and duplicates == []


def test_every_imported_session_survives_the_history_file_format_unchanged() -> None:
    for name, source in [("strong_comma", "strong"), ("hevy_kg", "hevy"), ("fitnotes", "fitnotes")]:
        for session in read_export_file(DATA / f"{name}.csv", source, LIBRARY, "kg").sessions:
            assert session_from_toml(session_to_toml(session), "x.toml") == session


def test_sessions_are_handed_on_as_their_workouts_end_and_a_row_after_its_workout_ended_is_refused() -> None:
    header = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
    rows = [f"2026-01-{day:02d} 08:00:00,Day,Push Up,1,0,10\n" for day in range(1, 30)]
    rows += [f"2026-01-{day:02d} 09:00:00,Day,Push Up,1,0,10\n" for day in range(1, 31)]
    late = "2026-01-01 08:00:00,Day,Push Up,2,0,8\n"           # 58 workouts after its first row
    handed: list[SessionLog] = []
    result = build_sessions(
        read_strong(open_rows(io.StringIO(header + "".join(rows) + late)), "kg").outcomes,
        ImportResult(source="strong"), LIBRARY, "kg", sink=handed.append,
    )
    assert len(handed) == 59 and result.sessions == []
    assert [(bad.line, bad.reason) for bad in result.bad_rows] == [(61, OUT_OF_ORDER)]
    assert sum(result.row_counts().values()) == result.rows == 60


def test_an_activity_beyond_what_history_holds_is_a_bad_row() -> None:
    text = "Date,Exercise Name,Set Order,Weight,Reps,Distance,Seconds\n2026-01-01 08:00:00,Running,1,0,0,5,99:99:99\n"
    result = read_export(io.StringIO(text), "strong", LIBRARY, "kg")
    assert [(bad.line, bad.reason) for bad in result.bad_rows] == [(2, "seconds 362439 s is more than a day")]


def test_each_imported_set_is_the_set_setlog_itself_would_make() -> None:
    files = [("strong-export-sample", "strong"), ("strong_set_order_words", "strong"), ("hevy_kg", "hevy"),
             ("strong_rope_and_stretch", "strong"), ("fitnotes", "fitnotes")]
    sets = [s for name, source in files for session in read_export_file(DATA / f"{name}.csv", source, LIBRARY, "kg")
            .sessions for s in session.sets]
    assert len(sets) > 1900 and any(s.hold_seconds for s in sets) and any(s.rest_seconds for s in sets)
    for made in sets:
        by_hand = SetLog(**vars(made))
        assert by_hand == made and vars(by_hand) == vars(made) and hash(by_hand) == hash(made)


def test_a_fingerprint_worked_out_once_is_never_given_for_other_sets() -> None:
    first, other = (SQUAT,), (replace(SQUAT, reps=6),)
    expected = {sets: sets_fingerprint(list(sets)) for sets in (first, other)}
    for sets in (first, first, other, first, other, other):
        assert sets_fingerprint(sets) == expected[sets]
    assert expected[first] != expected[other]


SAME_FEW_SETS = st.lists(st.builds(
    SetLog, exercise_id=st.sampled_from(["back_squat", "user:sled_push"]), set_number=st.just(1), at=st.just(START),
    kind=st.sampled_from(["work", "warmup"]), side=st.sampled_from([None, "left"]),
    reps=st.one_of(st.none(), st.integers(0, 3)), load=st.one_of(st.none(), st.sampled_from([60.0, 60.0000001, 61])),
    unit=st.sampled_from(["kg", "lb"]), hold_seconds=st.one_of(st.none(), st.just(30)),
    rpe=st.one_of(st.none(), st.just(8.0)), skipped=st.booleans(),
), max_size=6)


@settings(max_examples=200, deadline=None)
@given(SAME_FEW_SETS)
def test_a_fingerprint_from_kept_lines_is_the_one_written_out_line_by_line(sets: list[SetLog]) -> None:
    written_out = hashlib.sha256(b"".join(digest_line(s) for s in sets)).hexdigest()
    assert sets_fingerprint(sets) == written_out
    assert sets_fingerprint(list(sets)) == written_out      # its lines kept now, unless they were already


def test_equal_numbers_written_apart_are_kept_apart_and_the_kept_lines_start_afresh_when_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(DigestLines, "MOST_KEPT", 2)
    monkeypatch.setattr(DigestLines, "kept", {})
    held = replace(SQUAT, hold_seconds=30)
    as_read = [held, replace(held, reps=5.0, hold_seconds=30.0, skipped=0)]   # equal to it, but written apart
    for sets in ([as_read[0]], [as_read[1]], [as_read[0]], as_read, as_read[::-1]):
        assert sets_fingerprint(sets) == hashlib.sha256(b"".join(digest_line(s) for s in sets)).hexdigest()
    assert digest_line(as_read[0]) != digest_line(as_read[1])
    assert len(DigestLines.kept) <= 2
