"""Whatever rows an export holds under each layout's header: an import result or UnreadableFile, nothing else.

And every session an import keeps can be filed in history and read back: an import never writes a
file that the history loader would then refuse.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride import resources
from strongstride.importers import fitnotes, hevy, ours, strong
from strongstride.importers.cells import BadCell, parse_datetime, parse_duration
from strongstride.importers.csv_source import UnreadableFile
from strongstride.importers.reading import FORMATS, read_export
from strongstride.importers.sessions import ImportResult
from strongstride.model.exercise_library import load_library
from strongstride.store.history_codec import session_from_toml, session_to_toml

FUZZ_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LIBRARY, _ = load_library(resources.exercise_library_file())
LAYOUTS = {"strong": strong.COLUMNS, "hevy": hevy.COLUMNS, "fitnotes": fitnotes.COLUMNS, "csv": ours.COLUMNS}
REQUIRED = {"strong": strong.REQUIRED, "hevy": hevy.REQUIRED, "fitnotes": fitnotes.REQUIRED, "csv": ours.REQUIRED}

DATES = st.sampled_from([
    "2026-04-08 16:50:00", "8 Apr 2026, 16:50", "2026-04-08", "2026-02-30", "0001-01-01 00:00:00",
    "9999-12-31 23:59:59", "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "2026-04-08T16:50:00Z",
    "1899-12-31", "3000-01-01", "Apr 8, 2026, 4:50 PM", "2026/04/08",
])
NUMBERS = st.sampled_from([
    "", "-", "0", "-0", "-5", "3", "8.5", "62,5", "1.062,5", "1,5,5", "nan", "NaN", "inf", "-inf", "1e400",
    "9" * 40, "0.0000001", "10.0", "1e-9", "٣", "²", "101", "1001", "7.3", "10.5",
])
DURATIONS = st.sampled_from([
    "1h 5m", "45m", "26s", "1:05:00", "05:30", "99:99:99", "1:²", "9" * 30 + "h", "9" * 400 + "s", "1.5h", "h",
    "3900", "86401", "1e300", "::", "1:2:3:4",
])
WORDS = st.sampled_from([
    "W", "D", "F", "w", "Rest Timer", "warmup", "normal", "dropset", "superset", "left", "right", "yes", "no",
    "kg", "lbs", "stone", "Cardio", "Squat (Barbell)", "Plank", "Running", "Walking Lunge", "push-up", "user:x",
    "../../etc/passwd", "a;b", 'say "hi"', "line\nbreak", "\\n", "[red]x[/red]", "\x1b[31mred\x1b[0m", "\x00",
    "\ufeff", "emoji 🏃",
])
FIELD_CELLS = {
    **dict.fromkeys(("date", "start_time", "end_time", "finished", "logged_at"), DATES),
    **dict.fromkeys(("duration", "seconds", "rest_seconds", "target_hold"), DURATIONS),
    **dict.fromkeys(("weight", "reps", "rpe", "distance", "target_reps", "target_load", "target_rpe",
                     "workout_number", "set_index"), NUMBERS),
}
ANY_CELL = st.one_of(DATES, NUMBERS, DURATIONS, WORDS, st.text(max_size=12), st.integers(-10**20, 10**20).map(str),
                     st.floats(allow_nan=True, allow_infinity=True).map(str))


def cells_for(field: str | None) -> st.SearchStrategy[str]:
    """Cells for a column: mostly what that column holds in real exports, odd ones included, else anything."""
    usual = FIELD_CELLS.get(field or "", WORDS)
    return st.one_of(usual, usual, ANY_CELL)


@st.composite
def export_text(draw: st.DrawFn, layout: str) -> str:
    """A CSV under a header of the layout's names (required ones always, others maybe, any order)."""
    columns = LAYOUTS[layout]
    fields = [field for field in columns if field in REQUIRED[layout] or draw(st.booleans())]
    fields = draw(st.permutations(fields))
    header = [draw(st.sampled_from(columns[field])) for field in fields]
    extra = draw(st.lists(st.text(max_size=6), max_size=2))
    row = st.tuples(*(cells_for(field) for field in fields + [None] * len(extra)))
    rows = [list(cells)[: len(cells) - draw(st.integers(0, 1))] for cells in draw(st.lists(row, max_size=6))]
    header += extra
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, delimiter=delimiter, quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])))
    writer.writerow(header)
    writer.writerows(rows)
    text = stream.getvalue()
    if draw(st.booleans()):     # and sometimes a stray line of raw text, quotes and all
        lines = text.splitlines(keepends=True)
        lines.insert(draw(st.integers(1, len(lines))), draw(st.text(max_size=30)) + "\n")
        text = "".join(lines)
    return text


def assert_result_or_unreadable(text: str, layout: str) -> None:
    """The property: an ImportResult whose sessions history can read back, or UnreadableFile."""
    try:
        result = read_export(io.StringIO(text, newline=""), layout, LIBRARY, "kg")
    except UnreadableFile as refused:
        assert str(refused)
        return
    assert isinstance(result, ImportResult)
    for bad in result.bad_rows:
        assert bad.line >= 1 and bad.reason
    assert sum(result.row_counts().values()) == result.rows
    for session in result.sessions:
        assert session.sets or session.activities
        assert session_from_toml(session_to_toml(session), f"{session.id}.toml") == session


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@FUZZ_SETTINGS
@given(data=st.data())
def test_random_rows_under_each_layout(layout, data):
    assert_result_or_unreadable(data.draw(export_text(layout)), layout)


@pytest.mark.parametrize("layout", FORMATS)
@FUZZ_SETTINGS
@given(text=st.text(max_size=200))
def test_random_text_as_an_export(layout, text):
    assert_result_or_unreadable(text, layout)


@pytest.mark.parametrize("cell, parse", [
    ("9" * 30 + "h", parse_duration),
    ("9" * 400 + "h", parse_duration),
    ("1e300", parse_duration),
    ("1:²", parse_duration),
    ("0001-01-01T00:00:00+05:00", parse_datetime),
    ("9999-12-31T23:59:59-05:00", parse_datetime),
])
def test_cells_beyond_any_clock_are_bad_cells(cell, parse):
    """Found by fuzzing: these raised OverflowError or ValueError (or overflowed later) instead of naming the cell."""
    with pytest.raises(BadCell, match="Seconds|Date"):
        parse(cell, "Seconds" if parse is parse_duration else "Date")


def test_a_workout_that_would_end_after_the_year_9999_is_a_bad_row():
    """Found by fuzzing: the start plus the duration overflowed datetime."""
    text = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n9999-12-31 23:59:59,Late,1h,Squat,1,60,5\n"
    result = read_export(io.StringIO(text, newline=""), "strong", LIBRARY, "kg")
    assert result.sessions == [] and [bad.line for bad in result.bad_rows] == [2]


def test_sets_beyond_what_a_history_file_holds_are_bad_rows_not_unreadable_files():
    """Set 1001 of one exercise was imported, then refused by the history loader."""
    row = "2026-04-08 16:50:00,Long,Push Up,1,,5\n"
    text = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n" + row * 1001
    result = read_export(io.StringIO(text, newline=""), "strong", LIBRARY, "kg")
    [session] = result.sessions
    assert len(session.sets) == 1000 and session.started_at == datetime(2026, 4, 8, 16, 50)
    assert [(bad.line, bad.reason) for bad in result.bad_rows] == [
        (1002, "more than 1000 sets of one exercise in a workout")]
    assert session_from_toml(session_to_toml(session), "long.toml") == session


def test_a_workout_too_large_for_a_history_file_is_a_bad_row():
    """Long notes on many sets made a history file over 1 MiB, which the loader then refused."""
    row = f"2026-04-08 16:50:00,Long,Push Up,1,,5,{'n' * 100_000}\n"
    text = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Notes\n" + row * 11
    result = read_export(io.StringIO(text, newline=""), "strong", LIBRARY, "kg")
    assert result.sessions == []
    assert [(bad.line, bad.reason) for bad in result.bad_rows] == [
        (line, "workout of 11 sets is too large for a history file (1 MiB)") for line in range(2, 13)]
    assert result.row_counts() == {"refused": 11}
