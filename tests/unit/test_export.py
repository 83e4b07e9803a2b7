"""Exporting history: our CSV (one row per set), JSON (session objects), Strong's CSV layout."""

from __future__ import annotations

import csv
import io
import json

from strongstride.importers.export import (
    STRONG_HEADER, strong_duration, write_csv, write_json, write_strong,
)
from strongstride.importers.ours import CSV_HEADER
from tests.unit.export_sample import NAMES, SESSION


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
