"""The whole history written out: our CSV (one row per set), JSON, or Strong's own CSV layout.

Every CSV cell goes through `formula_safe`, so no spreadsheet runs a name or note as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, TextIO

from strongstride.importers.cells import formula_safe
from strongstride.importers.ours import CSV_HEADER
from strongstride.importers.strong import SET_MARKERS
from strongstride.model.log import ActivityLog, SessionLog, SetLog
from strongstride.model.units import Unit, clean, convert
from strongstride.store.history_codec import session_to_dict

STRONG_HEADER = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE",
)
STRONG_DATE = "%Y-%m-%d %H:%M:%S"
# A drop or failure set imported from Strong keeps its marker as a note; it goes back as D or F.
_MARKER_OF_NOTE = {note: marker.upper() for marker, (_, note) in SET_MARKERS.items() if note}


def _number(value: float | int | None) -> str:
    return "" if value is None else f"{clean(value):g}"


def _moment(value: datetime | None) -> str:
    return "" if value is None else value.isoformat()


def exercise_name(s: SetLog, names: Mapping[str, str]) -> str:
    """The name a set's exercise is shown by: as logged (imports), else the library's, else its id."""
    return s.exercise_name or names.get(s.exercise_id, s.exercise_id)


def csv_row(session: SessionLog, s: SetLog, names: Mapping[str, str]) -> list[str]:
    """One set as a row of our CSV, in CSV_HEADER's order."""
    return [
        _moment(session.started_at), _moment(session.finished_at), session.id, session.session_name,
        s.exercise_id, exercise_name(s, names), str(s.set_number), s.kind, s.side or "",
        _number(s.target_reps), _number(s.reps), _number(s.target_load), _number(s.load), s.unit,
        _number(s.target_rpe), _number(s.rpe), _number(s.target_hold), _number(s.hold_seconds),
        _number(s.rest_seconds), "yes" if s.skipped else "", _moment(s.at), s.reason, s.note, "", "", session.note,
    ]


def activity_csv_row(session: SessionLog, a: ActivityLog) -> list[str]:
    """One activity as a row of our CSV: its name, time and note where a set's go, its kind and distance after."""
    return [
        _moment(session.started_at), _moment(session.finished_at), session.id, session.session_name,
        "", a.name, "", "", "", "", "", "", "", "", "", "", "", _number(a.seconds), "", "", _moment(a.at), "",
        a.note, a.kind, _number(a.distance_m), session.note,
    ]


def session_csv_rows(session: SessionLog, names: Mapping[str, str]) -> Iterable[list[str]]:
    """A session's sets, then its activities, as rows of our CSV."""
    for s in session.sets:
        yield csv_row(session, s, names)
    for a in session.activities:
        yield activity_csv_row(session, a)


def csv_record(cells: Iterable[str]) -> str:
    """One CSV record ending in a newline, a cell holding CR or LF quoted (the csv module quotes only the
    characters of its line terminator, so a CR in a note written with `\n` endings broke the file)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2] + "\n"


def write_rows(out: TextIO, header: Iterable[str], rows: Iterable[list[str]]) -> int:
    """A header, then each row with every cell formula-safe; returns how many rows were written."""
    out.write(csv_record(header))
    written = 0
    for row in rows:
        out.write(csv_record(formula_safe(cell) for cell in row))
        written += 1
    return written


def write_csv(sessions: Iterable[SessionLog], out: TextIO, names: Mapping[str, str]) -> int:
    """A header row, then one row per set and per activity; returns how many rows were written."""
    return write_rows(out, CSV_HEADER, (row for session in sessions for row in session_csv_rows(session, names)))


def _json_value(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def write_json(sessions: Iterable[SessionLog], out: TextIO) -> int:
    """A JSON array with one object per session, written one session at a time; returns the count."""
    written = 0
    out.write("[")
    for session in sessions:
        out.write(",\n" if written else "\n")
        out.write(json.dumps(session_to_dict(session), default=_json_value, ensure_ascii=False, indent=2))
        written += 1
    out.write("\n]\n" if written else "]\n")
    return written


def strong_duration(seconds: float | None) -> str:
    """A session's length as Strong writes it: `1h 5m`, `45m`, `2h`, `26s`."""
    if not seconds or seconds < 0:
        return ""
    total = round(seconds)
    if total < 60:
        return f"{total}s"
    hours, minutes = divmod(total // 60, 60)
    return " ".join(part for part in (f"{hours}h" if hours else "", f"{minutes}m" if minutes else "") if part)


def strong_set_order(s: SetLog, work_number: int) -> tuple[str, str]:
    """Strong's Set Order for a set (W, D, F or its number) and the note left once a marker is taken out."""
    if s.kind == "warmup":
        return "W", s.note
    marker_note, _, rest = s.note.partition("; ")
    if marker_note in _MARKER_OF_NOTE:
        return _MARKER_OF_NOTE[marker_note], rest
    return str(work_number), s.note


def strong_rows(session: SessionLog, unit: Unit, names: Mapping[str, str]) -> Iterable[list[str]]:
    """A session's done sets as Strong rows (warm-ups W, drop and failure sets D and F, the rest numbered), then
    its activities with their time and distance in km."""
    work_numbers: Counter[str] = Counter()
    for s in session.sets:
        if s.skipped:
            continue
        if s.kind == "work":
            work_numbers[s.exercise_id] += 1
        order, note = strong_set_order(s, work_numbers[s.exercise_id])
        weight = 0.0 if s.load is None else round(convert(s.load, s.unit, unit), 2)
        yield [
            session.started_at.strftime(STRONG_DATE), session.session_name or session.session_id,
            strong_duration(session.duration_seconds), exercise_name(s, names), order, str(weight),
            str(s.reps or 0), "0", str(s.hold_seconds or 0), note, session.note, _number(s.rpe),
        ]
    for number, a in enumerate(session.activities, start=1):
        km = 0.0 if a.distance_m is None else a.distance_m / 1000
        yield [
            session.started_at.strftime(STRONG_DATE), session.session_name or session.session_id,
            strong_duration(session.duration_seconds), a.name, str(number), "0", "0", f"{km:g}",
            str(a.seconds or 0), a.note, session.note, "",
        ]


def write_strong(sessions: Iterable[SessionLog], out: TextIO, unit: Unit, names: Mapping[str, str]) -> int:
    """Strong's comma layout (weights in `unit`, as Strong's own exports carry none); returns rows written."""
    return write_rows(out, STRONG_HEADER, (row for session in sessions for row in strong_rows(session, unit, names)))
