"""The import report: counts that add up to the rows, bad rows by line, assumptions, unknown names with close matches."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from strongstride.importers.rows import BadRow
from strongstride.importers.sessions import ImportResult
from strongstride.importers.summary import (
    MAX_BAD_ROWS_SHOWN, ImportTally, SessionCount, import_summary, unknown_names, visible,
)
from strongstride.model.log import SessionLog, SetLog

START = datetime(2026, 3, 2, 18, 5)


def session(name: str, *sets: SetLog) -> SessionLog:
    return SessionLog(id=name, plan_id="imported", session_id=name, session_name=name, started_at=START, sets=sets)


def tally_of(added: list[SessionLog], duplicates: list[SessionLog], dry_run: bool = False) -> ImportTally:
    tally = ImportTally(dry_run=dry_run)
    for each in added:
        tally.record(each, added=True)
    for each in duplicates:
        tally.record(each, added=False)
    return tally


SNATCH = SetLog(exercise_id="user:snatch_barbell", exercise_name="Snatch (Barbell)", set_number=1, at=START, reps=2)
WARMUP = SetLog(exercise_id="back_squat", set_number=1, at=START, reps=5, kind="warmup")


def test_a_summary_says_what_was_added_what_became_of_every_row_and_what_was_assumed() -> None:
    result = ImportResult(
        source="strong", rows=8, outcomes=Counter({"rest timer": 3}),
        session_rows={"Leg Day": Counter({"set": 1, "warm-up": 1, "activity": 1}), "Old": Counter({"set": 1})},
        bad_rows=[BadRow(12, "Reps 'ten' is not a number")], unknown_columns=("Mood",), assumed_unit="lb",
        workouts_without_sets=1, warnings=Counter({"Duration 'soon' is not a duration: left out": 2}),
    )
    result.sessions = [session("Leg Day", WARMUP, SNATCH), session("Old", SNATCH)]
    tally = tally_of([result.sessions[0]], [result.sessions[1]])
    lines = import_summary(result, tally, library_names=["Back squat", "Power snatch (barbell)"])
    assert lines == [
        "Imported from Strong.",
        "Sessions added: 1 (skipped: 1 already in history, 1 with nothing kept)",
        "Sets added: 2 (warm-up: 1); activities: 0",
        "Rows read: 8 = 1 set + 1 warm-up + 1 activity + 3 rest timer + 1 duplicate + 1 refused",
        "Rows not imported (1):",
        "  row 12: Reps 'ten' is not a number",
        "Warning: Duration 'soon' is not a duration: left out (2 workouts)",
        "Unknown columns ignored: Mood",
        "Weights taken to be in lb: the file names no unit (the config's units; use --unit kg or --unit lb to change)",
        "Exercises not in the library, kept under their own names: 1",
        "  Snatch (Barbell): 2 sets (close: Power snatch (barbell))",
    ]


def test_a_dry_run_prints_the_same_report_and_lists_each_session_it_would_add() -> None:
    result = ImportResult(source="hevy", rows=1, session_rows={"Pull Day": Counter({"set": 1})})
    result.sessions = [session("Pull Day", SNATCH)]
    lines = import_summary(result, tally_of(result.sessions, [], dry_run=True), found_by_auto=True)
    assert lines[:5] == [
        "Dry run: nothing was written.",
        "Format found: Hevy",
        "Sessions would be added: 1 (skipped: 0 already in history)",
        "Sets would be added: 1 (warm-up: 0); activities: 0",
        "  2026-03-02 18:05  Pull Day  1 set",
    ]
    assert lines[5] == "Rows read: 1 = 1 set"


def test_a_long_list_of_bad_rows_is_cut_short() -> None:
    result = ImportResult(source="csv", bad_rows=[BadRow(line, "bad") for line in range(2, 102)])
    lines = import_summary(result, ImportTally())
    assert lines.count("  row 2: bad") == 1
    assert f"  ... and {100 - MAX_BAD_ROWS_SHOWN} more" in lines


def test_unknown_names_are_listed_once_each_with_their_set_counts() -> None:
    assert unknown_names([session("a", SNATCH, WARMUP), session("b", SNATCH)]) == Counter({"Snatch (Barbell)": 2})


def test_escapes_from_a_file_are_shown_not_obeyed_and_markup_is_kept_as_text() -> None:
    assert visible("\x1b[31mSnatch\x1b[0m") == "\\x1b[31mSnatch\\x1b[0m"
    assert visible("[bold]Snatch[/bold]") == "[bold]Snatch[/bold]"


def test_a_session_counted_by_its_counts_tallies_as_the_session_itself() -> None:
    from_counts = ImportTally()
    sessions = [session("Leg Day", SNATCH, WARMUP, SNATCH), session("Old", WARMUP), session("Again", SNATCH)]
    for each, added in zip(sessions, (True, True, False), strict=True):
        from_counts.count(SessionCount.of(each), added=added)
    assert from_counts == tally_of(sessions[:2], sessions[2:])
    assert (from_counts.added, from_counts.sets, from_counts.warmups) == (2, 4, 2)
    assert from_counts.unknown == Counter({"Snatch (Barbell)": 3}) and from_counts.duplicate_ids == {"Again"}
