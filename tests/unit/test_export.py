"""Exporting history: our CSV (one row per set), JSON (session objects), Strong's CSV layout."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta

from strongstride.importers.export import (
    STRONG_HEADER, strong_duration, write_csv, write_json, write_strong,
)
from strongstride.importers.ours import CSV_HEADER
from strongstride.model.log import SessionLog, SetLog

START = datetime(2026, 11, 22, 18, 5, 12)
NAMES = {"back_squat": "Back squat", "plank": "Plank", "split_squat": "Split squat"}


def logged(minutes: int, **fields: object) -> SetLog:
    return SetLog(at=START + timedelta(minutes=minutes, microseconds=250), **fields)  # type: ignore[arg-type]


SESSION = SessionLog(
    id="2026-11-22T18-05-12_runner-foundation_A_k3f9x2",
    plan_id="runner-foundation", session_id="A", plan_name="Runner foundation", session_name="Session A",
    started_at=START, finished_at=START + timedelta(minutes=65), note="windy",
    sets=(
        logged(1, exercise_id="back_squat", set_number=1, kind="warmup", reps=5, load=40.0),
        logged(4, exercise_id="back_squat", set_number=1, target_reps=5, target_load=80.0, target_rpe=8.0,
               reps=5, load=80.0, rpe=7.5, rest_seconds=150, reason="e1RM 100 kg at RPE 8",
               note='felt "easy", [red]fast[/red]\nnext time more'),
        logged(8, exercise_id="split_squat", set_number=1, side="left", reps=8, load=30.0, unit="lb"),
        logged(9, exercise_id="split_squat", set_number=1, side="right", reps=8, load=30.0, unit="lb"),
        logged(12, exercise_id="plank", set_number=1, target_hold=45, hold_seconds=50),
        logged(14, exercise_id="plank", set_number=2, target_hold=45, skipped=True),
        logged(16, exercise_id="user:snatch_barbell", exercise_name="Snatch (Barbell)", set_number=1,
               reps=2, load=50.0),
    ),
)


def test_csv_has_a_header_and_one_row_per_set_with_names_from_the_library() -> None:
    out = io.StringIO()
    assert write_csv([SESSION], out, NAMES) == len(SESSION.sets)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_HEADER
    assert [r["exercise_name"] for r in rows] == [
        "Back squat", "Back squat", "Split squat", "Split squat", "Plank", "Plank", "Snatch (Barbell)",
    ]
    work = rows[1]
    assert (work["date"], work["session"], work["set_number"], work["target_reps"], work["reps"]) == (
        "2026-11-22T18:05:12", SESSION.id, "1", "5", "5",
    )
    assert (work["load"], work["unit"], work["rpe"], work["rest_seconds"]) == ("80", "kg", "7.5", "150")
    assert work["note"] == 'felt "easy", [red]fast[/red]\nnext time more'
    assert (rows[2]["side"], rows[2]["unit"]) == ("left", "lb")
    assert (rows[4]["hold_seconds"], rows[4]["reps"]) == ("50", "")
    assert rows[5]["skipped"] == "yes"


def test_csv_of_an_empty_history_is_just_the_header() -> None:
    out = io.StringIO()
    assert write_csv([], out, NAMES) == 0
    assert out.getvalue() == ",".join(CSV_HEADER) + "\n"


def test_json_is_an_array_of_session_objects_with_iso_dates() -> None:
    out = io.StringIO()
    assert write_json([SESSION, SESSION], out) == 2
    data = json.loads(out.getvalue())
    assert len(data) == 2
    assert data[0]["id"] == SESSION.id and data[0]["started_at"] == "2026-11-22T18:05:12"
    assert data[0]["sets"][1]["at"] == "2026-11-22T18:09:12.000250"
    assert data[0]["sets"][1]["note"] == SESSION.sets[1].note
    empty = io.StringIO()
    write_json([], empty)
    assert json.loads(empty.getvalue()) == []


def test_strong_layout_marks_warmups_converts_to_one_unit_and_leaves_out_skipped_sets() -> None:
    out = io.StringIO()
    assert write_strong([SESSION], out, "kg", NAMES) == len(SESSION.sets) - 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == STRONG_HEADER
    assert [(r["Exercise Name"], r["Set Order"]) for r in rows] == [
        ("Back squat", "W"), ("Back squat", "1"), ("Split squat", "1"), ("Split squat", "2"),
        ("Plank", "1"), ("Snatch (Barbell)", "1"),
    ]
    first = rows[0]
    assert (first["Date"], first["Workout Name"], first["Duration"], first["Workout Notes"]) == (
        "2026-11-22 18:05:12", "Session A", "1h 5m", "windy",
    )
    assert rows[2]["Weight"] == "13.61"                                       # 30 lb in kg
    assert (rows[4]["Seconds"], rows[4]["Reps"], rows[4]["Weight"]) == ("50", "0", "0.0")
    assert (rows[1]["RPE"], rows[0]["RPE"]) == ("7.5", "")


def test_durations_as_strong_writes_them() -> None:
    assert [strong_duration(s) for s in (3900, 2700, 7200, 26, None, 0)] == ["1h 5m", "45m", "2h", "26s", "", ""]
