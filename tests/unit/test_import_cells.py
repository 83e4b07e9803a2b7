"""Cells as other apps write them: decimal commas, float reps, Strong durations, Hevy dates."""

from __future__ import annotations

from datetime import datetime

import pytest

from strongstride.importers.cells import (
    BadCell, note_text, parse_amount, parse_datetime, parse_duration, parse_number, parse_rpe, parse_unit,
    parse_whole, unit_in_header,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("62.5", 62.5), ("62,5", 62.5), ("1.062,5", 1062.5), ("1,062.5", 1062.5), (" 40 ", 40.0), ("", None), ("-", None)],
)
def test_numbers_read_with_a_point_or_a_comma(text: str, expected: float | None) -> None:
    assert parse_number(text, "Weight") == expected


@pytest.mark.parametrize("text", ["ten", "nan", "inf", "1.2.3x"])
def test_a_cell_that_is_not_a_number_names_its_column(text: str) -> None:
    with pytest.raises(BadCell, match="Weight"):
        parse_number(text, "Weight")


def test_zero_weight_is_bodyweight_and_negative_weight_is_refused() -> None:
    assert parse_amount("0.0", "Weight") is None
    with pytest.raises(BadCell, match="negative"):
        parse_amount("-20", "Weight")


def test_reps_written_as_floats_are_whole_numbers() -> None:
    assert parse_whole("10.0", "Reps") == 10
    assert parse_whole("0", "Reps") is None
    with pytest.raises(BadCell, match="whole number"):
        parse_whole("7.5", "Reps")


def test_rpe_must_be_on_the_scale_and_empty_means_not_recorded() -> None:
    assert parse_rpe("8,5", "RPE") == 8.5
    assert parse_rpe("", "RPE") is None
    with pytest.raises(BadCell, match="1 to 10"):
        parse_rpe("11", "RPE")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-12-30 18:51:52", datetime(2020, 12, 30, 18, 51, 52)),
        ("2020-12-30 18:51", datetime(2020, 12, 30, 18, 51)),
        ("2026-02-10", datetime(2026, 2, 10)),
        ("8 Apr 2026, 16:50", datetime(2026, 4, 8, 16, 50)),
        ("2026-04-08T16:50:00", datetime(2026, 4, 8, 16, 50)),
    ],
)
def test_dates_in_every_apps_format(text: str, expected: datetime) -> None:
    assert parse_datetime(text, "Date") == expected


def test_a_date_with_an_offset_becomes_local_time_without_a_zone() -> None:
    parsed = parse_datetime("2026-04-08T16:50:00+00:00", "Date")
    assert parsed.tzinfo is None


@pytest.mark.parametrize("text", ["05.06.2026, 07:30", "05.06.2026 07:30"])
def test_hevy_dates_in_day_month_year_locales(text: str) -> None:
    assert parse_datetime(text, "start_time") == datetime(2026, 6, 5, 7, 30)


@pytest.mark.parametrize("text", ["2026-02-31", "yesterday", ""])
def test_a_bad_date_is_a_bad_cell(text: str) -> None:
    with pytest.raises(BadCell, match="Date"):
        parse_datetime(text, "Date")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1h 5m", 3900), ("45m", 2700), ("26s", 26), ("2h", 7200), ("3900", 3900), ("60.0", 60),
     ("0:01:30", 90), ("05:30", 330), ("", None), ("0", None),
     ("38min", 2280), ("21min", 1260), ("1h 2min", 3720), ("1h5m", 3900), ("1 hour 5 minutes", 3900),
     ("2 hrs 10 mins", 7800), ("90 sec", 90)],
)
def test_durations_as_strong_and_fitnotes_write_them(text: str, expected: int | None) -> None:
    assert parse_duration(text, "Duration") == expected


@pytest.mark.parametrize("text", ["1h 5 moments", "1:xx", "soon", "5 minutes or so"])
def test_a_bad_duration_is_a_bad_cell(text: str) -> None:
    with pytest.raises(BadCell, match="Duration"):
        parse_duration(text, "Duration")


def test_units_in_cells_and_headers() -> None:
    assert unit_in_header("kg") == "kg" and unit_in_header("lbs") == "lb"   # older Strong: a column named kg
    assert parse_unit("lbs", "Weight Unit") == "lb"
    assert parse_unit("KGS", "Weight Unit") == "kg"
    assert parse_unit("", "Weight Unit") is None
    with pytest.raises(BadCell, match="stone"):
        parse_unit("stone", "Weight Unit")
    assert unit_in_header("weight (lbs)") == "lb"
    assert unit_in_header("weight_kg") == "kg"
    assert unit_in_header("weight") is None


def test_a_typed_backslash_n_is_a_line_break_only_where_the_format_writes_breaks_so() -> None:
    assert note_text(" Short one\\nbut good ", literal_breaks=True) == "Short one\nbut good"   # Hevy
    assert note_text(" C:\\new\r\nfolder ") == "C:\\new\nfolder"            # Strong
