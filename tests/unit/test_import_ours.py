"""Our own CSV: what `export --format csv` writes imports back as the same sets."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from strongstride.importers.export import write_csv, write_strong
from strongstride.importers.reading import read_export
from strongstride.model.exercise_library import load_library
from strongstride.resources import exercise_library_file
from tests.unit.export_sample import NAMES, SESSION

DATA = Path(__file__).parents[1] / "data" / "imports"
LIBRARY, _ = load_library(exercise_library_file())


def test_export_to_csv_then_import_reproduces_the_same_sets() -> None:
    out = io.StringIO()
    write_csv([SESSION], out, NAMES)
    (imported,) = read_export(io.StringIO(out.getvalue()), "csv", LIBRARY, "kg").sessions
    named = tuple(replace(s, exercise_name=s.exercise_name or NAMES[s.exercise_id]) for s in SESSION.sets)
    assert imported.sets == named
    assert (imported.started_at, imported.finished_at) == (SESSION.started_at, SESSION.finished_at)
    assert (imported.session_name, imported.source, imported.plan_id) == ("Session A", "csv", "imported")


def test_export_to_strong_then_import_as_strong_keeps_what_was_done() -> None:
    out = io.StringIO()
    write_strong([SESSION], out, "kg", NAMES)
    (imported,) = read_export(io.StringIO(out.getvalue()), "strong", LIBRARY, "kg").sessions
    done = [(s.exercise_id, s.kind, s.reps, s.hold_seconds) for s in SESSION.sets if not s.skipped]
    assert [(s.exercise_id, s.kind, s.reps, s.hold_seconds) for s in imported.sets] == done
    assert imported.finished_at == SESSION.finished_at


def test_strong_to_history_to_strong_keeps_the_set_order_markers() -> None:
    original = (DATA / "strong_comma.csv").read_text(encoding="utf-8-sig")
    sessions = read_export(io.StringIO(original), "strong", LIBRARY, "kg").sessions
    out = io.StringIO()
    write_strong(sessions, out, "kg", NAMES)
    rows = csv.DictReader(io.StringIO(out.getvalue()))
    orders = [(row["Exercise Name"], row["Set Order"], row["Notes"]) for row in rows]
    assert orders[:6] == [
        ("Squat (Barbell)", "W", ""), ("Squat (Barbell)", "1", ""), ("Squat (Barbell)", "2", ""),
        ("Squat (Barbell)", "D", ""), ("Romanian Deadlift (Barbell)", "1", "slow down"),
        ("Romanian Deadlift (Barbell)", "F", ""),
    ]


def test_bad_kind_side_and_flag_cells_are_bad_rows_naming_the_column() -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "exercise_name", "kind", "side", "skipped", "reps"])
    writer.writerow(["2026-01-01T08:00:00", "Push-up", "cooldown", "", "", "10"])
    writer.writerow(["2026-01-01T08:00:00", "Push-up", "", "middle", "", "10"])
    writer.writerow(["2026-01-01T08:00:00", "Push-up", "", "", "maybe", "10"])
    writer.writerow(["2026-01-01T08:00:00", "Push-up", "warm-up", "", "", "10"])
    result = read_export(io.StringIO(out.getvalue()), "csv", LIBRARY, "kg")
    columns_named = [(bad.line, bad.reason.split(" ")[0]) for bad in result.bad_rows]
    assert columns_named == [(2, "kind"), (3, "side"), (4, "skipped")]
    (session,) = result.sessions
    assert [(s.exercise_id, s.kind) for s in session.sets] == [("push_up", "warmup")]
