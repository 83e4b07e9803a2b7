"""The import summary: counts, skipped rows by reason, bad rows by line, assumptions, new exercises."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from strongstride.importers.rows import BadRow
from strongstride.importers.sessions import ImportResult
from strongstride.importers.summary import MAX_BAD_ROWS_SHOWN, import_summary, new_user_exercises, visible
from strongstride.model.log import SessionLog, SetLog

START = datetime(2026, 3, 2, 18, 5)


def session(name: str, *sets: SetLog) -> SessionLog:
    return SessionLog(id=name, plan_id="imported", session_id=name, session_name=name, started_at=START, sets=sets)


SNATCH = SetLog(exercise_id="user:snatch_barbell", exercise_name="Snatch (Barbell)", set_number=1, at=START, reps=2)
WARMUP = SetLog(exercise_id="back_squat", set_number=1, at=START, reps=5, kind="warmup")


def test_a_summary_says_what_was_added_skipped_and_assumed() -> None:
    result = ImportResult(
        source="strong", skipped=Counter({"cardio": 21, "rest timer": 3}),
        bad_rows=[BadRow(12, "Reps 'ten' is not a number")], unknown_columns=("Mood",), assumed_unit="lb",
        workouts_without_sets=1,
    )
    lines = import_summary(result, [session("Leg Day", WARMUP, SNATCH)], [session("Old", SNATCH)], dry_run=False)
    assert lines == [
        "Imported from Strong.",
        "Sessions added: 1 (skipped: 1 already in history, 1 with no strength sets)",
        "Sets added: 2 (warm-up: 1)",
        "Rows skipped: cardio: 21, rest timer: 3",
        "Rows not imported (1):",
        "  row 12: Reps 'ten' is not a number",
        "Unknown columns ignored: Mood",
        "Weights taken to be in lb: the file names no unit (the config's units; use --unit kg or --unit lb to change)",
        "New user exercises (not in the library): 1",
        "  Snatch (Barbell) -> user:snatch_barbell",
    ]


def test_a_dry_run_lists_each_session_it_would_add() -> None:
    lines = import_summary(ImportResult(source="hevy"), [session("Pull Day", SNATCH)], [], dry_run=True)
    assert lines[:3] == [
        "Dry run: nothing was written.",
        "Sessions would be added: 1 (skipped: 0 already in history)",
        "Sets would be added: 1 (warm-up: 0)",
    ]
    assert lines[3] == "  2026-03-02 18:05  Pull Day  1 set"


def test_a_long_list_of_bad_rows_is_cut_short() -> None:
    result = ImportResult(source="csv", bad_rows=[BadRow(line, "bad") for line in range(2, 102)])
    lines = import_summary(result, [], [], dry_run=False)
    assert lines.count("  row 2: bad") == 1
    assert f"  ... and {100 - MAX_BAD_ROWS_SHOWN} more" in lines


def test_user_exercises_are_listed_once_each() -> None:
    found = new_user_exercises([session("a", SNATCH, WARMUP), session("b", SNATCH)])
    assert found == {"user:snatch_barbell": "Snatch (Barbell)"}


def test_escapes_from_a_file_are_shown_not_obeyed_and_markup_is_kept_as_text() -> None:
    assert visible("\x1b[31mSnatch\x1b[0m") == "\\x1b[31mSnatch\\x1b[0m"
    assert visible("[bold]Snatch[/bold]") == "[bold]Snatch[/bold]"
