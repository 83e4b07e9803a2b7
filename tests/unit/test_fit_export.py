"""Sessions written as FIT activities and read back with Garmin's Decoder equal the sessions in our history."""

from __future__ import annotations

import io
import random
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride.importers.fit_exercises import UNKNOWN, GarminExercise, GarminExerciseMatcher, bundled_mapping
from strongstride.importers.fit_export import MAX_TEXT_BYTES, FitExportError, fit_text, session_to_fit, timeline
from strongstride.importers.reading import read_export
from strongstride.model.config import Config, Equipment
from strongstride.model.log import SessionLog, SetLog
from tests.unit.fit_reading import assert_sets_match, assert_times_match, in_utc, read_fit
from tests.unit.history_builders import SESSION_LOGS
from tests.unit.sample_walks import LIBRARY, SESSIONS, START, walk

BERLIN = ZoneInfo("Europe/Berlin")
MATCHER = GarminExerciseMatcher(LIBRARY)


def export(log: SessionLog, zone=BERLIN) -> dict:
    return read_fit(session_to_fit(log, MATCHER, zone))


@pytest.mark.parametrize("plan_id, session_id", SESSIONS)
def test_every_sample_session_reads_back_with_its_sets_rests_holds_and_times(plan_id, session_id):
    log = walk(plan_id, session_id, (), START, random.Random(f"{plan_id}{session_id}"))
    messages = export(log)
    assert_sets_match(messages, log, bundled_mapping())
    assert_times_match(messages, log, BERLIN)
    session = messages["session_mesgs"][0]
    assert (session["sport"], session["sub_sport"]) == ("training", "strength_training")
    assert messages["file_id_mesgs"][0]["type"] == "activity"
    assert messages["activity_mesgs"][0]["num_sessions"] == 1
    assert session["developer_fields"]["session_name"] == log.session_name


def test_warm_ups_holds_and_unilateral_sets_are_marked_as_such():
    squats = tuple(SetLog("back_squat", n, START - timedelta(days=7), reps=5, load=100.0, rpe=8.0) for n in (1, 2, 3))
    history = (SessionLog("last-week", "heavy-strength", "A", START - timedelta(days=7), sets=squats),)
    log = walk("heavy-strength", "A", history, START, random.Random(1))
    sets = [m for m in export(log)["set_mesgs"] if m["set_type"] == "active"]
    warmups = [m for m in sets if m["developer_fields"]["set_kind"] == "warmup"]
    assert warmups and all("rpe" not in m["developer_fields"] for m in warmups)
    assert len(warmups) == sum(1 for s in log.sets if s.kind == "warmup")
    sides = [m["developer_fields"].get("side") for m in sets if m["category_subtype"] == bundled_mapping()["split_squat"].name_number]
    assert sides and sides[:2] == ["left", "right"], "each side of a one-legged set is a set of its own"


def test_a_unilateral_hold_session_keeps_each_side_and_its_hold():
    log = walk("bodyweight-beginner", "A", (), START, random.Random(3))
    assert any(s.side for s in log.sets) and any(s.hold_seconds for s in log.sets)
    messages = export(log)
    assert_sets_match(messages, log, bundled_mapping())
    holds = [m for m, s in zip([m for m in messages["set_mesgs"] if m["set_type"] == "active"], log.sets)
             if s.hold_seconds is not None]
    assert holds and all(m["timestamp"] - m["start_time"] == timedelta(seconds=m["duration"]) for m in holds)


def test_a_session_in_lb_keeps_its_weights_and_says_pounds():
    config = Config(units="lb", equipment=Equipment.defaults("lb"))
    log = walk("heavy-strength", "A", (), START, random.Random(4), config)
    assert {s.unit for s in log.sets} == {"lb"} and any(s.load for s in log.sets)
    messages = export(log)
    assert_sets_match(messages, log, bundled_mapping())
    assert_times_match(messages, log, BERLIN)


STRONG_CSV = """Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-03-02 18:05:12,"Leg Day",1h 5m,"Squat (Barbell)",1,80.0,5,0,0,"","Felt strong",7.5
2026-03-02 18:05:12,"Leg Day",1h 5m,"Squat (Barbell)",Rest Timer,0,0,0,150,"","Felt strong",
2026-03-02 18:05:12,"Leg Day",1h 5m,"Bench Press (Barbell)",1,60.0,8,0,0,"","Felt strong",
2026-03-02 18:05:12,"Leg Day",1h 5m,"Grandma's Secret Lift",1,12.5,10,0,0,"heavy; slow","Felt strong",
2026-03-02 18:05:12,"Leg Day",1h 5m,"Side Plank",1,0,0,0,45,"","Felt strong",
"""


def test_an_imported_session_matches_garmin_names_and_keeps_unknown_exercises_by_name():
    (log,) = read_export(io.StringIO(STRONG_CSV), "strong", LIBRARY, "kg").sessions
    assert [s.exercise_id for s in log.sets][:3] == ["back_squat", "user:bench_press_barbell", "user:grandmas_secret_lift"]
    messages = export(log)
    garmin = {**bundled_mapping(), "user:bench_press_barbell": GarminExercise("bench_press", "barbell_bench_press"),
              "user:grandmas_secret_lift": UNKNOWN}
    assert_sets_match(messages, log, garmin)
    active = [m for m in messages["set_mesgs"] if m["set_type"] == "active"]
    assert [m["developer_fields"]["exercise"] for m in active] == [
        "Squat (Barbell)", "Bench Press (Barbell)", "Grandma's Secret Lift", "Side Plank"]
    assert "category_subtype" not in active[2] and active[2]["category"] == "unknown"
    session = messages["session_mesgs"][0]
    assert session["start_time"] == in_utc(log.started_at, BERLIN)
    assert session["timestamp"] == in_utc(log.finished_at, BERLIN)
    assert session["developer_fields"]["session_note"] == "Felt strong"
    stamps = [m["start_time"] for m in messages["set_mesgs"]]
    assert stamps == sorted(stamps), "sets logged without their own times are laid one after another"


def test_naive_times_become_utc_across_the_spring_dst_change():
    # Berlin's clocks went from 02:00 to 03:00 on 2024-03-31: 01:30 is UTC+1, 03:30 is UTC+2.
    start, end = datetime(2024, 3, 31, 1, 30), datetime(2024, 3, 31, 3, 30)
    log = SessionLog("dst", "p", "A", start, finished_at=end,
                     sets=(SetLog("plank", 1, datetime(2024, 3, 31, 3, 0), hold_seconds=60, rest_seconds=90),))
    messages = export(log)
    session = messages["session_mesgs"][0]
    assert session["start_time"] == datetime(2024, 3, 31, 0, 30, tzinfo=timezone.utc)
    assert session["timestamp"] == datetime(2024, 3, 31, 1, 30, tzinfo=timezone.utc)
    assert session["total_elapsed_time"] == 3600, "one hour passed, though the wall clock moved two"
    (hold, rest) = messages["set_mesgs"]
    assert hold["timestamp"] == datetime(2024, 3, 31, 1, 0, tzinfo=timezone.utc)
    assert rest["duration"] == 90
    local = messages["activity_mesgs"][0]["local_timestamp"]
    assert local - int(session["timestamp"].timestamp()) + 631065600 == 7200, "local time of the end is UTC+2"


def test_times_with_offsets_keep_their_offsets_whatever_the_zone():
    new_york = timezone(timedelta(hours=-5))
    log = SessionLog("tz", "p", "A", datetime(2026, 1, 5, 19, 0, tzinfo=new_york),
                     finished_at=datetime(2026, 1, 5, 20, 0, tzinfo=new_york),
                     sets=(SetLog("push_up", 1, datetime(2026, 1, 6, 0, 30, tzinfo=timezone.utc), reps=10),))
    for zone in (BERLIN, ZoneInfo("Asia/Tokyo")):
        session = export(log, zone)["session_mesgs"][0]
        assert session["start_time"] == datetime(2026, 1, 6, 0, 0, tzinfo=timezone.utc)
        assert session["timestamp"] == datetime(2026, 1, 6, 1, 0, tzinfo=timezone.utc)


def test_naive_times_default_to_this_computers_zone(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        log = SessionLog("here", "p", "A", datetime(2026, 7, 1, 7, 0), finished_at=datetime(2026, 7, 1, 8, 0))
        session = read_fit(session_to_fit(log, MATCHER))["session_mesgs"][0]
    finally:
        monkeypatch.undo()
        time.tzset()
    assert session["start_time"] == datetime(2026, 7, 1, 11, 0, tzinfo=timezone.utc), "EDT is UTC-4 in July"


def test_notes_are_cut_to_what_a_fit_field_holds_on_a_character_and_lose_nul():
    assert fit_text("é" * 200) == "é" * (MAX_TEXT_BYTES // 2)
    assert fit_text("a\x00b") == "ab" and fit_text("") is None and fit_text("\x00") is None
    note = "Knees ached 🦵 " * 40
    log = SessionLog("notes", "p", "A", START, finished_at=START + timedelta(minutes=5), note=note,
                     sets=(SetLog("push_up", 1, START + timedelta(minutes=1), reps=10, note=note),))
    messages = export(log)
    assert note.startswith(messages["set_mesgs"][0]["developer_fields"]["note"])
    assert note.startswith(messages["session_mesgs"][0]["developer_fields"]["session_note"])
    assert len(messages["session_mesgs"][0]["developer_fields"]["session_note"].encode()) <= MAX_TEXT_BYTES


@pytest.mark.parametrize("started_at, finished_at, says", [
    (datetime(1995, 6, 1, 18, 0, tzinfo=timezone.utc), None, "not 1995-06-01"),
    (datetime(2200, 6, 1, 18, 0, tzinfo=timezone.utc), None, "not 2200-06-01"),
    (datetime(2026, 1, 1, tzinfo=timezone.utc), datetime(2026, 6, 1, tzinfo=timezone.utc), "up to 49 days, not 151"),
])
def test_times_fit_cannot_hold_are_refused_naming_the_session(started_at, finished_at, says):
    log = SessionLog("old-one", "p", "A", started_at, finished_at=finished_at)
    with pytest.raises(FitExportError, match=f"session old-one: .*{says}"):
        session_to_fit(log, MATCHER)


def test_skipped_sets_are_left_out_and_rests_follow_their_set():
    log = SessionLog("skips", "p", "A", START, finished_at=START + timedelta(minutes=10), sets=(
        SetLog("push_up", 1, START + timedelta(minutes=1), reps=10, rest_seconds=60),
        SetLog("push_up", 2, START + timedelta(minutes=3), skipped=True),
        SetLog("push_up", 2, START + timedelta(minutes=4), reps=8),
    ))
    placed = timeline(log, BERLIN)
    assert [(t.is_rest, t.seconds) for t in placed] == [(False, 60), (True, 60), (False, 120)]


@st.composite
def sessions_within_a_day(draw: st.DrawFn) -> SessionLog:
    """Any session history accepts, its times moved to within a day of its start (as a real session's are)."""
    log = draw(SESSION_LOGS)
    offsets = st.integers(0, 86_400).map(lambda seconds: timedelta(seconds=seconds))
    sets = tuple(replace(s, at=log.started_at + draw(offsets)) for s in log.sets)
    finished = None if log.finished_at is None else log.started_at + draw(offsets)
    return replace(log, sets=sets, finished_at=finished)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions_within_a_day())
def test_any_session_history_accepts_exports_to_a_fit_file_that_decodes(log: SessionLog) -> None:
    messages = export(log)
    assert len(messages.get("set_mesgs", [])) == sum(1 + bool(s.rest_seconds) for s in log.sets if not s.skipped)


@settings(max_examples=100, deadline=None)
@given(SESSION_LOGS)
def test_any_session_history_accepts_decodes_or_is_refused_for_times_fit_cannot_hold(log: SessionLog) -> None:
    try:
        data = session_to_fit(log, MATCHER, BERLIN)
    except FitExportError as refusal:
        assert f"session {log.id}: FIT holds " in str(refusal)
        return
    read_fit(data)
