"""FIT files read back with Garmin's own Decoder, and compared with the session in our history."""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from typing import Any

from garmin_fit_sdk import Decoder, Stream

from strongstride.importers.fit_exercises import GarminExercise
from strongstride.model.log import SessionLog
from strongstride.model.units import KG_PER_LB

FIT_WEIGHT_STEP_KG = 1 / 16          # FIT keeps a set's weight in sixteenths of a kilogram


def decoder(data: bytes) -> Decoder:
    return Decoder(Stream.from_byte_array(bytearray(data)))


def read_fit(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """The file's messages by kind, developer fields by name; fails unless it is FIT, its CRC holds and it decodes cleanly."""
    assert decoder(data).is_fit()
    assert decoder(data).check_integrity(), "header or file CRC does not match"
    messages, errors = decoder(data).read()
    assert errors == []
    names = {description["key"]: description["field_name"] for description in messages.get("field_description_mesgs", [])}
    for kind in messages.values():
        for message in kind:
            if "developer_fields" in message:
                message["developer_fields"] = {names[key]: value for key, value in message["developer_fields"].items()}
    return messages


def in_utc(moment: datetime, zone: tzinfo) -> datetime:
    """A history time in UTC, naive ones read as wall-clock times in `zone`, to the whole second FIT keeps."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
    return aware.astimezone(timezone.utc).replace(microsecond=0)


def assert_sets_match(messages: dict[str, list[dict[str, Any]]], log: SessionLog, garmin: dict[str, GarminExercise]) -> None:
    """Every done set is an active FIT set with its exercise, reps, weight, hold and extras, then its rest if it had one."""
    fit_sets = iter(messages["set_mesgs"])
    for s in (s for s in log.sets if not s.skipped):
        active = next(fit_sets)
        assert active["set_type"] == "active"
        assert active.get("repetitions") == s.reps
        if s.load is None:
            assert "weight" not in active
        else:
            kg = s.load * (KG_PER_LB if s.unit == "lb" else 1)
            assert abs(active["weight"] - kg) <= FIT_WEIGHT_STEP_KG / 2, (active["weight"], s.load, s.unit)
        assert active["weight_display_unit"] == {"kg": "kilogram", "lb": "pound"}[s.unit]
        if s.hold_seconds is not None:
            assert active["duration"] == s.hold_seconds
        expected = garmin[s.exercise_id]
        assert active["category"] == expected.category
        assert active.get("category_subtype") == expected.name_number
        extras = active["developer_fields"]
        assert extras["set_kind"] == s.kind
        assert extras.get("side") == s.side
        assert extras.get("rpe") == s.rpe
        assert extras.get("note") == (s.note or None)
        if s.rest_seconds:
            rest = next(fit_sets)
            assert rest["set_type"] == "rest" and rest["duration"] == s.rest_seconds
            assert rest["start_time"] == active["timestamp"]
    assert next(fit_sets, None) is None, "no set in the file that history does not hold"


def assert_times_match(messages: dict[str, list[dict[str, Any]]], log: SessionLog, zone: tzinfo) -> None:
    """The session and lap start and end when history says, in UTC, and every set ends when it was logged."""
    assert log.finished_at is not None
    start, end = in_utc(log.started_at, zone), in_utc(log.finished_at, zone)
    for summary in (messages["session_mesgs"][0], messages["lap_mesgs"][0]):
        assert (summary["start_time"], summary["timestamp"]) == (start, end)
        assert summary["total_elapsed_time"] == summary["total_timer_time"] == (end - start).total_seconds()
    assert messages["activity_mesgs"][0]["timestamp"] == end
    active = [m for m in messages["set_mesgs"] if m["set_type"] == "active"]
    assert [m["timestamp"] for m in active] == [in_utc(s.at, zone) for s in log.sets if not s.skipped]
