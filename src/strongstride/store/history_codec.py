"""A finished session as a readable, hand-editable TOML file, and back, checking every key on the way in."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, cast, get_args

from strongstride.model.log import ActivityKind, ActivityLog, SessionLog, SetKind, SetLog, Side
from strongstride.model.problems import ProblemsFound
from strongstride.model.toml_file import parse_toml_text, read_toml_text
from strongstride.model.toml_reader import (
    KeyReader, Parts, choice, flag, identifier, moment, not_clause, number, text, unit_choice, whole_number,
)
from strongstride.model.toml_types import kind_of
from strongstride.model.units import MAX_LOAD_KG, UNITS, Unit, convert

HISTORY_SCHEMA = 1

# The limits a logged set must keep to; anything outside is a typo or a broken import.
REPS_LIMITS = (0, 100)
RPE_LIMITS = (1.0, 10.0)
SECONDS_LIMITS = (0, 86_400)
SET_NUMBER_LIMITS = (1, 1000)
SET_KINDS: tuple[str, ...] = get_args(SetKind)
ACTIVITY_KINDS: tuple[str, ...] = get_args(ActivityKind)
ACTIVITY_KEYS = ("name", "kind", "at", "seconds", "distance_m", "note")
MAX_DISTANCE_M = 1_000_000.0
SIDES: tuple[str, ...] = get_args(Side)

SESSION_KEYS = (
    "schema", "id", "plan_id", "plan_name", "session_id", "session_name", "started_at", "finished_at",
    "unit", "source", "abandoned", "note", "extra", "sets", "activities",
)
SET_KEYS = (
    "exercise_id", "exercise_name", "set_number", "kind", "side", "unit", "at",
    "target_reps", "target_load", "target_hold", "target_rpe",
    "reps", "load", "rpe", "hold_seconds", "rest_seconds", "skipped", "reason", "note",
)


def activity_kind_choice(value: Any) -> ActivityKind:
    """cardio, mobility, warm-up or other."""
    return cast(ActivityKind, choice(ACTIVITY_KINDS)(value))


# -- writing ------------------------------------------------------------------------------

# A session as plain values, cheap to hand to another process: its own fields, each set's and each activity's, every
# tuple in the order of its keys (SESSION_TABLE_KEYS, SET_KEYS, ACTIVITY_KEYS), a field left out as None.
PlainSession = tuple[tuple[Any, ...], tuple[tuple[Any, ...], ...], tuple[tuple[Any, ...], ...]]
SESSION_TABLE_KEYS = SESSION_KEYS[:SESSION_KEYS.index("extra") + 1]


def plain_session(log: SessionLog) -> PlainSession:
    """The session's values as its file holds them: `work`, the session's unit and false flags left out too."""
    unit = log.unit
    return (
        (HISTORY_SCHEMA, log.id, log.plan_id, log.plan_name, log.session_id, log.session_name, log.started_at,
         log.finished_at, unit, log.source, log.abandoned or None, log.note, dict(log.extra) if log.extra else None),
        tuple((s.exercise_id, s.exercise_name, s.set_number, None if s.kind == "work" else s.kind, s.side,
               None if s.unit == unit else s.unit, s.at, s.target_reps, s.target_load, s.target_hold, s.target_rpe,
               s.reps, s.load, s.rpe, s.hold_seconds, s.rest_seconds, s.skipped or None, s.reason, s.note)
              for s in log.sets),
        tuple((a.name, a.kind, a.at, a.seconds, a.distance_m, a.note) for a in log.activities),
    )


def plain_file_key(plain: PlainSession) -> tuple[str, datetime]:
    """A plain session's id and start: what its file is named and filed by."""
    fields = plain[0]
    return fields[_ID_AT], fields[_STARTED_AT]


_ID_AT, _STARTED_AT = SESSION_TABLE_KEYS.index("id"), SESSION_TABLE_KEYS.index("started_at")


def session_to_dict(log: SessionLog) -> dict[str, Any]:
    """The session as TOML-able tables: session fields first, then its sets; empty fields left out."""
    return plain_to_dict(plain_session(log))


def plain_to_dict(plain: PlainSession) -> dict[str, Any]:
    """A plain session's tables, as `session_to_dict` gives them."""
    fields, sets, activities = plain
    data = _table(SESSION_TABLE_KEYS, fields)
    data["sets"] = [_table(SET_KEYS, values) for values in sets]
    if activities:
        data["activities"] = [_table(ACTIVITY_KEYS, values) for values in activities]
    return data


def _table(keys: tuple[str, ...], values: tuple[Any, ...]) -> dict[str, Any]:
    """The keys with their values, empty ones (None, "") left out."""
    return {key: value for key, value in zip(keys, values) if value is not None and value != ""}


def session_to_toml(log: SessionLog) -> str:
    """The session file's text: `schema = 1`, the session fields, then one `[[sets]]` table a set."""
    return plain_to_toml(plain_session(log))


def plain_to_toml(plain: PlainSession) -> str:
    """A plain session's file text, as `session_to_toml` gives it."""
    import tomli_w   # only writing needs it

    return tomli_w.dumps(plain_to_dict(plain))


# -- reading ------------------------------------------------------------------------------

def session_from_toml(text: str, path: Path | str) -> SessionLog:
    """The session in a history file's text; ProblemsFound (with lines) for bad TOML or bad keys."""
    return _read_session(parse_toml_text(text, path), KeyReader(path, text))


def session_from_dict(data: dict[str, Any], path: Path | str) -> SessionLog:
    """The session in parsed TOML; ProblemsFound naming every bad key, e.g. `sets[3].rpe`."""
    return _read_session(data, KeyReader(path))


def _read_session(data: dict[str, Any], reader: KeyReader) -> SessionLog:
    reader.check_keys(data, (), SESSION_KEYS)
    if "schema" not in data:
        reader.problem(("schema",), f"missing: a history file starts with schema = {HISTORY_SCHEMA}")
    elif data["schema"] != HISTORY_SCHEMA:
        reader.problem(("schema",), f"must be {HISTORY_SCHEMA}{not_clause(data['schema'])}")
    unit: Unit = reader.get(data, (), "unit", unit_choice, "kg")
    fields: dict[str, Any] = {
        "id": reader.get(data, (), "id", identifier, "", required=True),
        "plan_id": reader.get(data, (), "plan_id", identifier, "", required=True),
        "session_id": reader.get(data, (), "session_id", identifier, "", required=True),
        "started_at": reader.get(data, (), "started_at", moment, datetime.min, required=True),
        "finished_at": reader.get(data, (), "finished_at", moment, None),
        "plan_name": reader.get(data, (), "plan_name", text, ""),
        "session_name": reader.get(data, (), "session_name", text, ""),
        "unit": unit,
        "note": reader.get(data, (), "note", text, ""),
        "source": reader.get(data, (), "source", identifier, "strongstride"),
        "abandoned": reader.get(data, (), "abandoned", flag, False),
        "extra": _read_extra(data.get("extra", {}), reader),
        "sets": _read_sets(data.get("sets", []), unit, reader),
        "activities": _read_activities(data.get("activities", []), reader),
    }
    if reader.problems:
        raise ProblemsFound(sorted(reader.problems, key=lambda problem: problem.line or 0))
    return SessionLog(**fields)


def _read_extra(raw: Any, reader: KeyReader) -> dict[str, str]:
    table = reader.table(raw, ("extra",))
    if table is None:
        return {}
    return {key: reader.get(table, ("extra",), key, text, "") for key in table}


def _read_sets(raw: Any, session_unit: Unit, reader: KeyReader) -> tuple[SetLog, ...]:
    if not isinstance(raw, list):
        reader.problem(("sets",), f"must be [[sets]] tables, not {kind_of(raw)}")
        return ()
    sets = []
    for position, item in enumerate(raw):
        table = reader.table(item, ("sets", position))
        if table is not None:
            sets.append(_read_set(table, ("sets", position), session_unit, reader))
    return tuple(sets)


def _read_activities(raw: Any, reader: KeyReader) -> tuple[ActivityLog, ...]:
    if not isinstance(raw, list):
        reader.problem(("activities",), f"must be [[activities]] tables, not {kind_of(raw)}")
        return ()
    activities = []
    for position, item in enumerate(raw):
        parts: Parts = ("activities", position)
        table = reader.table(item, parts)
        if table is None:
            continue
        reader.check_keys(table, parts, ACTIVITY_KEYS)
        activities.append(ActivityLog(
            name=reader.get(table, parts, "name", identifier, "", required=True),
            at=reader.get(table, parts, "at", moment, datetime.min, required=True),
            kind=reader.get(table, parts, "kind", activity_kind_choice, "other"),
            seconds=reader.get(table, parts, "seconds", _SECONDS, None),
            distance_m=reader.get(table, parts, "distance_m", number(0.0, MAX_DISTANCE_M, unit=" m"), None),
            note=reader.get(table, parts, "note", text, ""),
        ))
    return tuple(activities)


_LOAD = {name: number(0.0, convert(MAX_LOAD_KG, "kg", cast(Unit, name)), unit=f" {name}") for name in UNITS}
_REPS = whole_number(*REPS_LIMITS)
_RPE = number(*RPE_LIMITS, half_steps=True)
_SECONDS = whole_number(*SECONDS_LIMITS)
_SET_NUMBER = whole_number(*SET_NUMBER_LIMITS)
_KIND = choice(SET_KINDS)
_SIDE = choice(SIDES)


def _read_set(table: Mapping[str, Any], parts: Parts, session_unit: Unit, reader: KeyReader) -> SetLog:
    reader.check_keys(table, parts, SET_KEYS)
    unit: Unit = reader.get(table, parts, "unit", unit_choice, session_unit)
    return SetLog(
        exercise_id=reader.get(table, parts, "exercise_id", identifier, "", required=True),
        set_number=reader.get(table, parts, "set_number", _SET_NUMBER, 1, required=True),
        at=reader.get(table, parts, "at", moment, datetime.min, required=True),
        unit=unit,
        kind=reader.get(table, parts, "kind", _KIND, "work"),  # type: ignore[arg-type]
        side=reader.get(table, parts, "side", _SIDE, None),  # type: ignore[arg-type]
        exercise_name=reader.get(table, parts, "exercise_name", text, ""),
        target_reps=reader.get(table, parts, "target_reps", _REPS, None),
        target_load=reader.get(table, parts, "target_load", _LOAD[unit], None),
        target_hold=reader.get(table, parts, "target_hold", _SECONDS, None),
        target_rpe=reader.get(table, parts, "target_rpe", _RPE, None),
        reps=reader.get(table, parts, "reps", _REPS, None),
        load=reader.get(table, parts, "load", _LOAD[unit], None),
        rpe=reader.get(table, parts, "rpe", _RPE, None),
        hold_seconds=reader.get(table, parts, "hold_seconds", _SECONDS, None),
        rest_seconds=reader.get(table, parts, "rest_seconds", _SECONDS, None),
        reason=reader.get(table, parts, "reason", text, ""),
        note=reader.get(table, parts, "note", text, ""),
        skipped=reader.get(table, parts, "skipped", flag, False),
    )


def load_session_file(path: Path) -> SessionLog:
    """A history file read from disk (1 MiB limit, UTF-8); ProblemsFound if it is broken."""
    return session_from_toml(read_toml_text(path), path)
