"""Opening an export: delimiter and BOM, columns by name in any order, rows streamed with line numbers."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from strongstride.importers.csv_source import Columns, UnreadableFile, open_rows

NAMES = {"date": ("Date",), "reps": ("Reps",), "weight": ("Weight", "Weight (kg)")}


def test_comma_semicolon_and_tab_files_are_told_apart_by_their_header() -> None:
    for delimiter in (",", ";", "\t"):
        rows = open_rows(io.StringIO(f"Date{delimiter}Reps\n2026-01-01{delimiter}5\n"))
        assert rows.header == ["Date", "Reps"]
        assert list(rows.rows) == [(2, ["2026-01-01", "5"])]


def test_a_byte_order_mark_and_quotes_do_not_hide_a_column() -> None:
    rows = open_rows(io.StringIO('\ufeff"Weight (kg)";"Date";"Reps"\n"60";"2026-01-01";"5"\n'))
    columns = Columns.from_header(rows.header, NAMES, ("date", "reps"), "Strong")
    row = next(rows.rows)[1]
    cells = (columns.cell(row, "date"), columns.cell(row, "reps"), columns.cell(row, "weight"))
    assert cells == ("2026-01-01", "5", "60")


def test_columns_are_found_by_name_whatever_their_order_and_unknown_ones_are_named() -> None:
    columns = Columns.from_header(["Mood", "reps", " DATE "], NAMES, ("date",), "Strong")
    assert columns.index == {"reps": 1, "date": 2}
    assert columns.unknown == ("Mood",)
    assert columns.cell(["ok", "5"], "date") == ""   # a short row reads as empty, not an IndexError


def test_a_missing_required_column_says_which_and_what_was_found() -> None:
    with pytest.raises(UnreadableFile, match=r"not a Strong export: no column 'Reps' \(found: Date, Weight\)"):
        Columns.from_header(["Date", "Weight"], NAMES, ("date", "reps"), "Strong")


def test_an_empty_file_is_unreadable() -> None:
    with pytest.raises(UnreadableFile, match="empty"):
        open_rows(io.StringIO(""))


def test_line_numbers_count_quoted_line_breaks_and_blank_lines_are_passed_over() -> None:
    text = 'Date,Note\n2026-01-01,"two\nlines"\n\n2026-01-02,x\n'
    assert [line for line, _ in open_rows(io.StringIO(text)).rows] == [2, 5]


def test_a_row_of_blank_cells_is_passed_over_and_one_whose_first_cell_alone_is_blank_is_read() -> None:
    text = 'Date,Note,Reps\n , ,\n,,5\n  ,x,\n2026-01-02,,\n'
    assert list(open_rows(io.StringIO(text)).rows) == [(3, ["", "", "5"]), (4, ["  ", "x", ""]),
                                                        (5, ["2026-01-02", "", ""])]


def test_a_spreadsheet_sep_line_is_read_as_the_delimiter_hint_it_is() -> None:
    rows = open_rows(io.StringIO("sep=;\nDate;Reps\n2026-01-01;5\n"))
    assert rows.header == ["Date", "Reps"]
    assert list(rows.rows) == [(3, ["2026-01-01", "5"])]


def test_a_row_the_csv_reader_cannot_read_names_its_line() -> None:
    rows = open_rows(io.StringIO("Date,Note\n2026-01-01,ok\n2026-01-02," + "x" * 200_000 + "\n"))
    assert next(rows.rows)[0] == 2
    with pytest.raises(UnreadableFile, match="line 3: field larger than field limit"):
        next(rows.rows)


class CountingLines(io.StringIO):
    """A text stream that counts the lines handed out, to prove rows are read lazily."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.lines_read = 0

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        self.lines_read += 1
        return super().readline(size)

    def __next__(self) -> str:
        self.lines_read += 1
        return super().__next__()

    def __iter__(self) -> Iterator[str]:
        return self


def test_rows_are_read_as_a_stream_not_all_at_once() -> None:
    stream = CountingLines("Date,Reps\n" + "2026-01-01,5\n" * 10_000)
    rows = open_rows(stream)
    next(rows.rows)
    assert stream.lines_read < 10


def test_a_byte_order_mark_then_a_blank_line_before_the_header_is_not_an_empty_file() -> None:
    rows = open_rows(io.StringIO("\ufeff\r\n\r\nDate,Reps\r\n2026-01-01,5\r\n"))
    assert rows.header == ["Date", "Reps"]
    assert list(rows.rows) == [(4, ["2026-01-01", "5"])]


def test_a_file_of_only_a_byte_order_mark_and_blank_lines_is_empty() -> None:
    with pytest.raises(UnreadableFile, match="empty"):
        open_rows(io.StringIO("\ufeff\n\n  \n"))
