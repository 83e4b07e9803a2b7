"""Activities (cardio, mobility, warm-up) kept in a history file beside the sets, and files without them still read."""

from __future__ import annotations

from datetime import datetime

import pytest

from strongstride.model.log import ActivityLog, SessionLog, SetLog
from strongstride.model.problems import ProblemsFound
from strongstride.store.history_codec import session_from_toml, session_to_toml

START = datetime(2026, 11, 22, 18, 5, 12)


def session_with(*activities: ActivityLog) -> SessionLog:
    return SessionLog(
        id="2026-11-22T18-05-12_strong-abc", plan_id="imported", session_id="legs", started_at=START,
        sets=(SetLog("back_squat", 1, START, reps=5, load=80.0),), activities=activities,
    )


def test_activities_survive_a_history_file_exactly() -> None:
    session = session_with(
        ActivityLog("Running (Treadmill)", START, kind="cardio", seconds=600, distance_m=2000.0, note="easy"),
        ActivityLog("Couch Stretch", START, kind="mobility", seconds=90),
    )
    text = session_to_toml(session)
    assert "[[activities]]" in text
    assert session_from_toml(text, "s.toml") == session


def test_a_session_without_activities_writes_no_activities_table() -> None:
    assert "activities" not in session_to_toml(session_with())


def test_a_file_written_before_activities_existed_still_reads() -> None:
    old = session_to_toml(session_with())
    assert session_from_toml(old, "s.toml").activities == ()


def test_a_bad_activity_key_is_named_with_its_line() -> None:
    text = session_to_toml(session_with(ActivityLog("Rowing", START, seconds=60))).replace(
        'kind = "other"', 'kind = "jogging"'
    )
    with pytest.raises(ProblemsFound) as raised:
        session_from_toml(text, "s.toml")
    assert "activities[0].kind: must be one of cardio, mobility, warm-up, other" in str(raised.value.problems[0])
