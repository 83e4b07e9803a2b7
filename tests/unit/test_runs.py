"""Classifying one calendar event: the order of the evidence, nested keywords, distances and durations."""

from __future__ import annotations

from datetime import date

import pytest

from strongstride.engine.runs import (
    APP_STRENGTH, CROSS, EASY, LONG_RUN, QUALITY, RACE, classify, distance_in, keyword_table, minutes_in, race_name,
    uid_type,
)
from strongstride.model.calendar import CalendarEvent

KEYWORDS = keyword_table({})


def event(title: str, description: str = "", uid: str = "x@example.com", minutes: int | None = None) -> CalendarEvent:
    return CalendarEvent(uid, title, description, date(2025, 3, 3), None, minutes, "test.ics")


@pytest.mark.parametrize(("title", "kind"), [
    ("Long run 30k", LONG_RUN), ("Track: 6x800", QUALITY), ("Parkrun", QUALITY), ("Half marathon", RACE),
    ("London Marathon", RACE), ("Marathon pace long run 28k", LONG_RUN), ("Tempo run", QUALITY),
    ("Race pace 5k", QUALITY), ("Easy jog", EASY), ("Bike: recovery spin", CROSS), ("Gym: legs and core", APP_STRENGTH),
    ("5 x 1km repeats", QUALITY),
])
def test_titles(title: str, kind: str) -> None:
    classified = classify(event(title), KEYWORDS)
    assert classified is not None and classified.kind == kind, title


def test_the_uid_type_comes_before_the_title_and_the_title_before_the_description() -> None:
    by_uid = classify(event("Tempo", "Long run", uid="runna-1-EASY_RUN"), KEYWORDS)
    assert (by_uid.kind, by_uid.why) == (EASY, "the UID type says 'easy'")
    by_title = classify(event("Tempo", "Long run"), KEYWORDS)
    assert (by_title.kind, by_title.why) == (QUALITY, "the title says 'tempo'")
    by_description = classify(event("🏃 8km", "Intervals • 8km • 45m"), KEYWORDS)
    assert (by_description.kind, by_description.why) == (QUALITY, "the description says 'intervals'")


def test_distance_then_duration_decide_a_run_with_no_kind() -> None:
    assert classify(event("Run 18km"), KEYWORDS).kind == LONG_RUN
    assert classify(event("Run 8km", minutes=120), KEYWORDS).kind == EASY, "the distance comes before the duration"
    assert classify(event("Morning run", minutes=95), KEYWORDS).kind == LONG_RUN
    assert classify(event("Morning run", minutes=45), KEYWORDS).kind == EASY
    assert classify(event("Team meeting", minutes=95), KEYWORDS) is None, "not a run: its duration says nothing"


def test_the_runner_s_keywords_extend_the_table() -> None:
    assert classify(event("LSR with Sam"), KEYWORDS) is None
    mine = keyword_table({"long": ["LSR", " "]})
    assert classify(event("LSR with Sam"), mine).kind == LONG_RUN


def test_distances_durations_uid_types_and_race_names() -> None:
    assert distance_in("🏃 1km Repeats • 6.5km") == 6.5
    assert distance_in("Easy Run • 5mi") == 8.05
    assert distance_in("Long run 30k") == 30.0
    assert distance_in("Half marathon") == 21.0975 and distance_in("Track: 6x800") is None
    assert minutes_in("Intervals • 6.5km • 45m - 50m") == 45
    assert minutes_in("Long Run • 14km • 1h 20m - 1h 30m") == 80
    assert minutes_in("Planned: 1:00:00 - 11.0 km") == 60
    assert uid_type("runna-7f3a9c-20250305-LEGS_AND_CORE") == "legs and core"
    assert uid_type("0a1b2c3d4e5f@google.com") is None
    assert [race_name(km) for km in (42.2, 21.1, 10, 50)] == [
        "the marathon", "the half marathon", "the 10 km race", "the 50 km ultra"]
