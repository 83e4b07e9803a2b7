"""Times keep their offset, so a session or a rest across a clock change lasts as long as it really did."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from strongstride.engine.events import RestEnded, SetLogged
from strongstride.engine.session import LiveSession
from strongstride.model.log import SessionLog
from strongstride.model.moments import local_now, seconds_between
from strongstride.store.history_codec import session_from_toml, session_to_toml
from tests.unit.session_fixtures import block, setup_of

BERLIN = ZoneInfo("Europe/Berlin")
# 25 October 2026: at 03:00 summer time the clocks go back to 02:00
BEFORE_FALL_BACK = datetime(2026, 10, 25, 2, 30, fold=0, tzinfo=BERLIN)   # 02:30 summer time, +02:00
AFTER_FALL_BACK = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=BERLIN)    # 02:10 winter time, +01:00


def test_a_session_across_the_autumn_change_lasts_its_real_forty_minutes():
    log = SessionLog(id="s", plan_id="p", session_id="A", started_at=BEFORE_FALL_BACK, finished_at=AFTER_FALL_BACK)
    assert log.duration_seconds == 40 * 60
    assert session_from_toml(session_to_toml(log), "x.toml").duration_seconds == 40 * 60


def test_a_rest_across_the_change_is_the_rest_taken():
    session = LiveSession(dataclasses.replace(setup_of(block("push_up", sets=2)), started_at=BEFORE_FALL_BACK))
    session.apply(SetLogged(BEFORE_FALL_BACK + timedelta(minutes=1), reps=10, rpe=8))
    session.apply(RestEnded(AFTER_FALL_BACK))
    assert session.state.logged[0].rest_seconds == 39 * 60


def test_times_with_and_without_an_offset_are_compared_on_the_local_clock():
    naive = datetime(2026, 11, 24, 18, 0)
    aware = naive.astimezone()
    assert seconds_between(naive, aware + timedelta(minutes=2)) == 120
    assert seconds_between(aware, naive) == 0


def test_the_app_stamps_events_with_the_local_offset():
    now = local_now()
    assert now.utcoffset() is not None and abs((now - datetime.now(timezone.utc)).total_seconds()) < 5


def test_history_from_before_and_after_times_carried_offsets_is_read_in_order():
    from strongstride.engine.history_view import last_time_line
    from strongstride.engine.strength import estimated_strength
    from strongstride.model.log import SetLog

    old = datetime(2026, 11, 1, 18, 0)
    new = datetime(2026, 11, 20, 18, 0).astimezone()
    history = [
        SessionLog(id=f"s{n}", plan_id="p", session_id="A", started_at=at, finished_at=at + timedelta(hours=1),
                   sets=(SetLog("back_squat", 1, at, reps=5, load=load, rpe=8.0),))
        for n, (at, load) in enumerate(((new, 100.0), (old, 80.0)))
    ]
    assert "100" in last_time_line(history, "back_squat", "kg")
    assert estimated_strength(history, "back_squat", "kg", new.date()) is not None
