"""CSV formula injection: exported names, notes and reasons never start a formula, and import back unchanged."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from strongstride.importers.cells import formula_safe, from_formula_safe
from strongstride.importers.export import write_csv, write_strong
from strongstride.importers.reading import read_export
from strongstride.model.exercise_library import load_library
from strongstride.resources import exercise_library_file
from tests.unit.export_sample import NAMES, SESSION

LIBRARY, _ = load_library(exercise_library_file())
FORMULA_STARTS = "=+-@\t\r"
# Text a spreadsheet would run, text that already starts with the guard, and text that only looks close.
TRICKY = ["=HYPERLINK(\"http://x\",\"y\")", "+SUM(A1:A9)", "-2+3", "@cmd", "\tTAB", "\rCR", "'=kept as typed",
          "''+two", "'plain", "a=b", "'", "''", "carriage\rreturn inside"]
SPREADSHEET_CELLS = ("session_name", "exercise_name", "reason", "note")
STRONG_CELLS = ("Workout Name", "Exercise Name", "Notes", "Workout Notes")


def session_with(text: str):
    """The sample session with text as its name, note, and every set's exercise name, reason and note."""
    sets = tuple(replace(s, exercise_name=f"{text}", reason=text, note=text) for s in SESSION.sets if not s.skipped)
    return replace(SESSION, session_name=text, note=text, sets=sets)


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_every_cell_a_spreadsheet_would_run_is_written_with_a_leading_apostrophe() -> None:
    """`export --format csv` and `--format strong` wrote =, +, -, @, TAB and CR cells verbatim."""
    for text in TRICKY:
        ours, strong = io.StringIO(), io.StringIO()
        write_csv([session_with(text)], ours, NAMES)
        write_strong([session_with(text)], strong, "kg", NAMES)
        cells = [row[column] for row in rows_of(ours.getvalue()) for column in SPREADSHEET_CELLS]
        cells += [row[column] for row in rows_of(strong.getvalue()) for column in STRONG_CELLS]
        guarded = text.lstrip("'")[:1] in tuple(FORMULA_STARTS)
        assert set(cells) == {"'" + text if guarded else text}, text
        assert not any(cell[:1] in tuple(FORMULA_STARTS) for cell in cells)


def test_our_csv_reads_every_guarded_cell_back_to_the_original_text() -> None:
    for text in TRICKY:
        out = io.StringIO()
        write_csv([session_with(text)], out, NAMES)
        (imported,) = read_export(io.StringIO(out.getvalue(), newline=""), "csv", LIBRARY, "kg").sessions
        assert imported.session_name == text
        assert {(s.exercise_name, s.reason, s.note) for s in imported.sets} == {(text, text, text)}


def test_strong_csv_reads_guarded_names_and_notes_back_to_the_original_text() -> None:
    for text in TRICKY:
        out = io.StringIO()
        write_strong([session_with(text)], out, "kg", NAMES)
        (imported,) = read_export(io.StringIO(out.getvalue(), newline=""), "strong", LIBRARY, "kg").sessions
        kept = text.strip()   # Strong's notes are trimmed on import, as they always were
        assert imported.session_name == text and imported.note == kept
        assert {(s.exercise_name, s.note) for s in imported.sets} == {(text, kept)}


@given(st.text())
def test_the_guard_is_undone_exactly_and_never_leaves_a_formula_start(text: str) -> None:
    written = formula_safe(text)
    assert from_formula_safe(written) == text
    assert written[:1] not in tuple(FORMULA_STARTS)


@given(st.text())
def test_a_cell_no_export_guarded_is_read_as_it_is_unless_it_looks_guarded(cell: str) -> None:
    if from_formula_safe(cell) != cell:
        assert cell.startswith("'") and formula_safe(cell[1:]) == cell
