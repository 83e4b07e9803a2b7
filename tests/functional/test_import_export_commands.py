"""`strongstride import` and `strongstride export` against real folders: history files in, history files out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from strongstride.cli import main
from strongstride.store.history import HistoryStore

DATA = Path(__file__).parents[1] / "data" / "imports"
REAL_SAMPLE = DATA / "strong-export-sample.csv"


def history_files(folders: Path) -> list[Path]:
    return sorted((folders / "data" / "history").glob("*/*.toml"))


def test_importing_the_real_strong_sample_twice_adds_it_once(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(REAL_SAMPLE), "--from", "strong"]) == 0
    out = capsys.readouterr().out
    assert "Sessions added: 86 (skipped: 0 already in history)" in out
    assert "Sets added: 1882 (warm-up: 0); activities: 21" in out
    assert "Rows read: 1903 = 1882 set + 21 activity" in out
    assert "Weights taken to be in kg" in out
    assert "  Snatch (Barbell): 527 sets" in out
    assert len(history_files(folders)) == 86
    loaded = HistoryStore.default().load_all()
    assert loaded.problems == [] and sum(len(s.sets) for s in loaded.sessions) == 1882
    assert sum(len(s.activities) for s in loaded.sessions) == 21

    assert main(["import", str(REAL_SAMPLE), "--from", "strong"]) == 0
    out = capsys.readouterr().out
    assert "Sessions added: 0 (skipped: 86 already in history)" in out
    assert "Rows read: 1903 = 1903 duplicate" in out
    assert "New user exercises" not in out
    assert len(history_files(folders)) == 86


def test_a_dry_run_shows_what_would_be_added_and_writes_nothing(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(DATA / "hevy_kg.csv"), "--from", "hevy", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dry run: nothing was written.\nSessions would be added: 2")
    assert "  2026-04-08 16:50  Pull Day  5 sets" in out
    assert "row 10: set_type 'superset'" in out
    assert history_files(folders) == []


def test_the_unit_comes_from_the_option_else_from_the_config(folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = folders / "config" / "config.toml"
    config.write_text('schema = 1\nunits = "lb"\n')
    assert main(["import", str(DATA / "strong_old_comma.csv"), "--from", "strong", "--dry-run"]) == 0
    assert "Weights taken to be in lb: the file names no unit (the config's units" in capsys.readouterr().out
    assert main(["import", str(DATA / "strong_old_comma.csv"), "--from", "strong", "--unit", "kg"]) == 0
    assert "Weights taken to be in kg: the file names no unit (as --unit says)" in capsys.readouterr().out
    (session,) = HistoryStore.default().load_all().sessions
    assert {s.unit for s in session.sets} == {"kg"}


@pytest.mark.parametrize(
    ("file_text", "source", "message"),
    [
        (None, "strong", "no such file"),
        ("title,start_time\n", "strong", "not a Strong export: no column 'Date'"),
        ("", "hevy", "the file is empty"),
    ],
)
def test_a_file_that_cannot_be_read_is_a_clear_error_not_a_traceback(
    folders: Path, capsys: pytest.CaptureFixture[str], file_text: str | None, source: str, message: str
) -> None:
    path = folders / "export.csv"
    if file_text is not None:
        path.write_text(file_text)
    assert main(["import", str(path), "--from", source]) == 1
    err = capsys.readouterr().err
    assert message in err and str(path) in err and "Traceback" not in err


def test_a_file_that_is_not_utf8_is_refused(folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = folders / "latin1.csv"
    path.write_bytes("Date,Exercise Name,Set Order,Reps\n2026-01-01,Sentadilla \xf1,1,5\n".encode("latin-1"))
    assert main(["import", str(path), "--from", "strong"]) == 1
    assert "not UTF-8 text" in capsys.readouterr().err


def test_markup_and_escapes_in_a_file_are_kept_and_printed_literally(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = folders / "odd.csv"
    path.write_text("Date,Exercise Name,Set Order,Weight,Reps\n2026-01-01 08:00:00,[bold]Snatch\x1b[31m,1,40,3\n")
    assert main(["import", str(path), "--from", "strong", "--unit", "kg"]) == 0
    out = capsys.readouterr().out
    assert "  [bold]Snatch\\x1b[31m: 1 set" in out and "\x1b" not in out
    (session,) = HistoryStore.default().load_all().sessions
    assert session.sets[0].exercise_name == "[bold]Snatch\x1b[31m"


def test_export_csv_then_import_it_elsewhere_reproduces_the_same_sets(
    folders: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["import", str(DATA / "strong_comma.csv"), "--from", "strong", "--unit", "kg"]) == 0
    original = HistoryStore.default().load_all().sessions
    exported = folders / "out" / "history.csv"
    capsys.readouterr()
    assert main(["export", "--format", "csv", "--out", str(exported)]) == 0
    assert f"Wrote 11 rows from 2 sessions to {exported}" in capsys.readouterr().err   # 10 sets, 1 run

    assert main(["import", str(exported), "--from", "csv"]) == 0          # the same history: nothing new
    assert "Sessions added: 0 (skipped: 2 already in history)" in capsys.readouterr().out

    monkeypatch.setenv("STRONGSTRIDE_DATA_DIR", str(folders / "elsewhere"))
    assert main(["import", str(exported), "--from", "csv"]) == 0
    reimported = HistoryStore.default().load_all().sessions
    assert [s.sets for s in reimported] == [s.sets for s in original]
    assert [s.activities for s in reimported] == [s.activities for s in original]


def test_export_json_and_strong_cover_the_whole_history(folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(DATA / "hevy_kg.csv"), "--from", "hevy"]) == 0
    capsys.readouterr()
    assert main(["export", "--format", "json"]) == 0
    sessions = json.loads(capsys.readouterr().out)
    assert [s["session_name"] for s in sessions] == ["Leg Day", "Pull Day"]
    assert sessions[1]["started_at"] == "2026-04-08T16:50:00"
    assert main(["export", "--format", "strong"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 8 and rows[0]["Workout Name"] == "Leg Day"          # 7 sets and the treadmill run


def test_an_empty_history_exports_a_header_or_an_empty_array(folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("date,finished,session,")
    assert main(["export", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_broken_history_file_is_named_and_skipped_by_both_commands(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(DATA / "strong_old_comma.csv"), "--from", "strong"]) == 0
    broken = folders / "data" / "history" / "2019" / "broken.toml"
    broken.write_text("schema = 1\nid = [\n")
    capsys.readouterr()
    assert main(["export", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert "broken.toml" in captured.err and len(captured.out.splitlines()) == 4
    assert main(["import", str(DATA / "strong_old_comma.csv"), "--from", "strong"]) == 0
    captured = capsys.readouterr()
    assert "broken.toml" in captured.err and "Sessions added: 0" in captured.out
    assert broken.read_text() == "schema = 1\nid = [\n"


def test_an_unwritable_export_path_is_a_clear_error(folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = folders / "a-file"
    blocker.write_text("")
    assert main(["export", "--format", "csv", "--out", str(blocker / "history.csv")]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err


def test_auto_is_the_default_names_the_format_and_a_dry_run_prints_the_same_report(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = DATA / "strong_set_order_words.csv"
    assert main(["import", str(path), "--dry-run", "--unit", "kg"]) == 0
    dry = capsys.readouterr().out.splitlines()
    assert history_files(folders) == []
    assert main(["import", str(path), "--unit", "kg"]) == 0
    real = capsys.readouterr().out.splitlines()
    assert real[:2] == ["Imported from Strong.", "Format found: Strong"]
    assert dry[0] == "Dry run: nothing was written." and dry[1] == "Format found: Strong"
    assert dry[4].startswith("  2025-05-03 09:00  Push  6 sets")
    assert [line.replace("would be added", "added") for line in dry[2:4] + dry[5:]] == real[2:]
    assert "Rows read: 10 = 4 set + 2 warm-up + 1 rest timer + 2 note + 1 refused" in real
    assert len(history_files(folders)) == 1
