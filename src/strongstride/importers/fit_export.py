"""One finished session as a FIT activity (sport training, strength), written with Garmin's own SDK.

Garmin Connect and Strava read a FIT activity's `set` messages as the sets of a strength workout. What
FIT has no field for (RPE, notes, warm-up, side, our exercise name) goes in developer fields, which
Garmin's tools keep with the file; our own history always keeps all of it.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any, cast

from garmin_fit_sdk import BASE_TYPE, FIT_EPOCH_S, Encoder, Profile

from strongstride.importers.export import exercise_name
from strongstride.importers.fit_exercises import GarminExerciseMatcher
from strongstride.model.exercise import Exercise
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.units import convert
from strongstride.store.atomic import atomic_write_bytes
from strongstride.store.history import safe_name

FIT_EPOCH = datetime.fromtimestamp(FIT_EPOCH_S, timezone.utc)
# A FIT date_time below 0x10000000 means seconds since a device powered on, not a date; 0xFFFFFFFF is "no value".
# The last day is left out so that the local time of the end, up to 14 hours ahead, fits too.
EARLIEST = FIT_EPOCH + timedelta(seconds=0x10000000)
LATEST = FIT_EPOCH + timedelta(seconds=0xFFFFFFFE) - timedelta(days=1)
LONGEST = timedelta(milliseconds=0xFFFFFFFE)          # elapsed and timer times are whole ms in 32 bits
MAX_TEXT_BYTES = 254                                  # a FIT field holds 255 bytes, the closing NUL included
# Our developer fields' application id: readers find the fields by it, so it never changes.
APPLICATION_ID = list(uuid.UUID("07b2c7bd-b625-42d5-9456-87e3f0c704c8").bytes)
WEIGHT_UNIT = {"kg": "kilogram", "lb": "pound"}
LONGEST_FILE_STEM = 200
MESG = {name: number for number, name in Profile["types"]["mesg_num"].items()}


class FitExportError(ValueError):
    """A session FIT cannot carry as it is (times outside FIT's dates); the message says which and why."""


@dataclass(frozen=True)
class DeveloperField:
    """A value FIT has no field for, carried under our application id with a name any FIT reader shows."""

    number: int
    name: str
    base_type: int
    units: str = ""


SET_FIELDS = {
    field.name: field for field in (
        DeveloperField(0, "exercise", BASE_TYPE["STRING"]),
        DeveloperField(1, "rpe", BASE_TYPE["FLOAT32"], "RPE"),
        DeveloperField(2, "set_kind", BASE_TYPE["STRING"]),
        DeveloperField(3, "side", BASE_TYPE["STRING"]),
        DeveloperField(4, "note", BASE_TYPE["STRING"]),
    )
}
SESSION_FIELDS = {
    field.name: field for field in (
        DeveloperField(5, "session_name", BASE_TYPE["STRING"]),
        DeveloperField(6, "session_note", BASE_TYPE["STRING"]),
    )
}


def to_utc(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """A history time in UTC: an offset is kept; a naive time is a wall-clock time in `zone` (default: this computer's)."""
    if moment.tzinfo is None and zone is not None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(timezone.utc)


def fit_text(text: str) -> str | None:
    """Text as a FIT string holds it: no NUL, at most MAX_TEXT_BYTES of UTF-8 cut on a character; None when empty."""
    cut = text.replace("\x00", "").encode("utf-8")[:MAX_TEXT_BYTES].decode("utf-8", errors="ignore")
    return cut or None


@dataclass(frozen=True)
class TimedSet:
    """A done set, or the rest after it, placed in UTC: what a FIT `set` message says of it."""

    log: SetLog
    start: datetime
    end: datetime
    is_rest: bool = False

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()


def timeline(session: SessionLog, zone: tzinfo | None = None) -> list[TimedSet]:
    """The session's done sets and logged rests in UTC, in history order.

    A set ends when it was logged. A hold lasts its seconds; a set of reps runs from the end of the rest
    before it (or the set before it, or the session's start). A rest runs from its set's logging for the
    seconds taken. A set logged before the end of what came before it (imports give every set the
    session's start) is laid after it instead, lasting its hold or no time. Skipped sets are left out.
    """
    placed: list[TimedSet] = []
    boundary = to_utc(session.started_at, zone)
    for s in session.sets:
        if s.skipped:
            continue
        hold = timedelta(seconds=s.hold_seconds or 0)
        logged = to_utc(s.at, zone)
        if logged >= boundary:
            start, end = (logged - hold if s.hold_seconds is not None else boundary), logged
        else:
            start, end = boundary, boundary + hold
        placed.append(TimedSet(s, start, end))
        boundary = end
        if s.rest_seconds:
            boundary = end + timedelta(seconds=s.rest_seconds)
            placed.append(TimedSet(s, end, boundary, is_rest=True))
    return placed


def session_span(session: SessionLog, sets: list[TimedSet], zone: tzinfo | None = None) -> tuple[datetime, datetime]:
    """When the activity starts and ends in UTC: the session's own times, widened to hold every set."""
    start = to_utc(session.started_at, zone)
    end = start if session.finished_at is None else to_utc(session.finished_at, zone)
    return min([start, *(t.start for t in sets)]), max([end, *(t.end for t in sets)])


def _check_fits(session: SessionLog, start: datetime, end: datetime) -> None:
    """FitExportError unless FIT's dates and 32-bit durations can hold the session."""
    for moment in (start, end):
        if not EARLIEST <= moment <= LATEST:
            raise FitExportError(
                f"session {session.id}: FIT holds dates from {EARLIEST:%Y-%m-%d} to {LATEST:%Y-%m-%d} (UTC),"
                f" not {moment:%Y-%m-%d %H:%M}"
            )
    if end - start > LONGEST:
        raise FitExportError(f"session {session.id}: FIT holds activities up to {LONGEST.days} days, not {(end - start).days}")


def _local_timestamp(moment: datetime) -> int:
    """FIT's local_date_time: the wall clock read as if it were UTC, in seconds since FIT's epoch."""
    return int(moment.replace(tzinfo=timezone.utc).timestamp()) - FIT_EPOCH_S


def _developer_values(fields: Mapping[str, DeveloperField], values: Mapping[str, Any]) -> dict[int, Any]:
    """The developer fields that have a value, keyed by field number as the SDK's Encoder takes them."""
    return {fields[name].number: value for name, value in values.items() if value is not None}


def _set_message(timed: TimedSet, index: int, matcher: GarminExerciseMatcher) -> dict[str, Any]:
    """A FIT `set` message: a rest, or an active set with its exercise, reps, weight and our extras."""
    message: dict[str, Any] = {
        "mesg_num": MESG["set"], "message_index": index, "timestamp": timed.end, "start_time": timed.start,
        "duration": timed.seconds, "set_type": "rest" if timed.is_rest else "active",
    }
    if timed.is_rest:
        return message
    s = timed.log
    name = exercise_name(s, matcher.names)
    garmin = matcher.match(s.exercise_id, name)
    message.update({
        "category": [garmin.category], "category_subtype": None if garmin.name is None else [garmin.name_number],
        "repetitions": s.reps, "weight_display_unit": WEIGHT_UNIT[s.unit],
        "weight": None if s.load is None else convert(s.load, s.unit, "kg"),
        "developer_fields": _developer_values(SET_FIELDS, {
            "exercise": fit_text(name), "rpe": s.rpe, "set_kind": s.kind, "side": s.side, "note": fit_text(s.note),
        }),
    })
    return message


def _developer_messages() -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
    """Our developer data id and a field description for each developer field, as (key, id, description)."""
    developer_id = {"mesg_num": MESG["developer_data_id"], "developer_data_index": 0,
                    "application_id": APPLICATION_ID, "application_version": 1}
    for field in (*SET_FIELDS.values(), *SESSION_FIELDS.values()):
        yield field.number, developer_id, {
            "mesg_num": MESG["field_description"], "developer_data_index": 0, "field_definition_number": field.number,
            "fit_base_type_id": field.base_type, "field_name": field.name, "units": field.units or None,
        }


def session_to_fit(session: SessionLog, matcher: GarminExerciseMatcher, zone: tzinfo | None = None) -> bytes:
    """The session as a FIT activity file: file id, device, timer events, one `set` a set and a rest, lap, session, activity.

    Raises FitExportError when its times are outside what FIT can hold. `zone` is where naive history
    times were logged (default: this computer's zone).
    """
    sets = timeline(session, zone)
    start, end = session_span(session, sets, zone)
    _check_fits(session, start, end)
    elapsed = (end - start).total_seconds()
    encoder = Encoder()
    developer = list(_developer_messages())
    for key, developer_id, description in developer:
        encoder.add_developer_field(key, cast(Any, developer_id), cast(Any, description))   # the SDK types them as TypedDicts
    product = {"manufacturer": "development", "product": 0, "product_name": "strongstride"}
    encoder.write_mesg({"mesg_num": MESG["file_id"], "type": "activity", "time_created": end,
                        "serial_number": zlib.crc32(session.id.encode("utf-8")) or 1, **product})
    encoder.write_mesg(developer[0][1])
    for _, _, description in developer:
        encoder.write_mesg(description)
    encoder.write_mesg({"mesg_num": MESG["device_info"], "timestamp": start, "device_index": "creator", **product})
    encoder.write_mesg({"mesg_num": MESG["event"], "timestamp": start, "event": "timer", "event_type": "start"})
    for index, timed in enumerate(sets):
        encoder.write_mesg(_set_message(timed, index, matcher))
    encoder.write_mesg({"mesg_num": MESG["event"], "timestamp": end, "event": "timer", "event_type": "stop_all"})
    common = {"timestamp": end, "start_time": start, "total_elapsed_time": elapsed, "total_timer_time": elapsed,
              "sport": "training", "sub_sport": "strength_training", "message_index": 0}
    encoder.write_mesg({"mesg_num": MESG["lap"], "event": "lap", "event_type": "stop", "lap_trigger": "session_end", **common})
    encoder.write_mesg({
        "mesg_num": MESG["session"], "event": "session", "event_type": "stop", "trigger": "activity_end",
        "first_lap_index": 0, "num_laps": 1, **common,
        "developer_fields": _developer_values(SESSION_FIELDS, {
            "session_name": fit_text(session.session_name or session.session_id), "session_note": fit_text(session.note),
        }),
    })
    local_end = end.astimezone((session.finished_at or session.started_at).tzinfo or zone)
    encoder.write_mesg({
        "mesg_num": MESG["activity"], "timestamp": end, "total_timer_time": elapsed, "num_sessions": 1,
        "type": "manual", "event": "activity", "event_type": "stop", "local_timestamp": _local_timestamp(local_end),
    })
    return encoder.close()


def fit_file_name(session: SessionLog) -> str:
    """The file a session is exported to: its id (safe as a file name) and `.fit`."""
    return f"{safe_name(session.id, LONGEST_FILE_STEM)}.fit"


def write_fit_file(session: SessionLog, folder: Path, matcher: GarminExerciseMatcher) -> Path:
    """Export the session into `folder` (replacing an earlier export of it at once); FitExportError or OSError if not."""
    path = folder / fit_file_name(session)
    atomic_write_bytes(path, session_to_fit(session, matcher))
    return path


def export_after_filing(folder: Path, library: Mapping[str, Exercise]) -> Callable[[SessionLog], str]:
    """What the keeper runs once a session is filed (`export_fit_to`): write its FIT activity and say where, or why not.

    History is already safe by then, so nothing here may fail the filing: every error becomes the line shown.
    """
    matcher = GarminExerciseMatcher(library)

    def export(session: SessionLog) -> str:
        try:
            return f"FIT activity written to {write_fit_file(session, folder, matcher)}"
        except OSError as error:
            return f"No FIT activity written to {folder}: {error.strerror or error}"
        except ValueError as refusal:
            return f"No FIT activity written: {refusal}"

    return export
