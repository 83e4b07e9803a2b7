"""Every export variant people really have, each a hand-written file as messy as the real ones (BOMs, CRLF,
quoted line breaks in notes, decimal commas, lb and kg), read with `--from auto` as a runner would."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from strongstride.importers import strong
from strongstride.importers.csv_source import UnreadableFile
from strongstride.importers.reading import format_of, read_export, read_export_file
from strongstride.importers.sessions import ImportResult
from strongstride.importers.strong_headers import CONFIRMED_HEADERS
from strongstride.services.library import load_exercise_library

DATA = Path(__file__).parents[1] / "data" / "imports"
LIBRARY, _ = load_exercise_library()


def read(name: str, unit: str = "kg") -> ImportResult:
    return read_export_file(DATA / name, "auto", LIBRARY, unit)  # type: ignore[arg-type]


def csv_data_rows(path: Path) -> int:
    """The file's rows as the plain csv module counts them: records after the header, blank ones aside."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines(keepends=True)
    while lines and not lines[0].strip():
        lines.pop(0)
    delimiter = max((",", ";"), key=lines[0].count)
    records = [row for row in csv.reader(io.StringIO("".join(lines), newline=""), delimiter=delimiter) if any(row)]
    return len(records) - 1


# Files whose rows are not one a set: how many entries each holds, counted by hand.
BLOCK_ENTRIES = {
    "stronglifts.csv": 26,          # filled Set cells: 15 + 11
    "stronglifts_lb.csv": 10,       # 5 + 5, one of them "five"
    "alpha_progression.csv": 18,    # every non-blank line: titles, dates, names, #,KG,REPS lines and sets
    "jefit.csv": 10,                # 2 session rows, 8 logged sets (one bad, one empty log)
}


@pytest.mark.parametrize("path", sorted(DATA.glob("*.csv")), ids=lambda path: path.name)
def test_the_report_accounts_for_every_row_of_every_test_file(path: Path) -> None:
    result = read(path.name)
    expected = BLOCK_ENTRIES.get(path.name) or csv_data_rows(path)
    assert result.rows == expected
    assert sum(result.row_counts().values()) == expected
    assert sum(result.row_counts(s.id for s in result.sessions).values()) == expected   # all duplicates


def test_strong_durations_in_minutes_and_an_unreadable_one_drops_only_the_duration() -> None:
    result = read("strong_durations_min.csv")
    morning, long_one, odd = result.sessions
    assert morning.duration_seconds == 38 * 60 and long_one.duration_seconds == 62 * 60
    assert odd.finished_at is None and len(odd.sets) == 1
    assert result.warnings == Counter(
        {"Duration 'about an hour' is not a duration: the workout's length was left out": 1})
    assert result.bad_rows == []


def test_strong_set_order_words_and_note_rows() -> None:
    result = read("strong_set_order_words.csv")
    [push] = result.sessions
    bench = [s for s in push.sets if s.exercise_name == "Bench Press (Barbell)"]
    assert [(s.kind, s.load, s.reps, s.note) for s in bench] == [
        ("warmup", 40.0, 10, "Pause on the chest,\nelbows in"), ("warmup", 50.0, 5, ""),
        ("work", 70.0, 5, ""), ("work", 70.0, 4, "failure set"), ("work", 50.0, 8, "drop set"),
    ]
    assert bench[-1].rest_seconds == 180
    assert push.note == "Face Pull (Cable): light, slow"          # a note for an exercise with no sets
    assert push.duration_seconds == 65 * 60
    assert result.row_counts() == Counter({"set": 4, "warm-up": 2, "note": 2, "rest timer": 1, "refused": 1})
    assert "Set Order 'SUPERSET' is not a number" in result.bad_rows[0].reason


@pytest.mark.parametrize(("name", "unit", "loads", "distance_m"), [
    ("strong_old_kg_km.csv", "kg", [60.0, 80.0, 80.0], 12_500.0),
    ("strong_old_lbs.csv", "lb", [135.0, 155.0], 4828.032),
])
def test_the_older_strong_layout_with_kg_or_lbs_and_km_or_miles_columns(
    name: str, unit: str, loads: list[float], distance_m: float
) -> None:
    result = read(name, unit="lb" if unit == "kg" else "kg")     # the header's unit wins over the default
    [session] = result.sessions
    assert [(s.load, s.unit, s.set_number) for s in session.sets] == [
        (load, unit, number) for number, load in enumerate(loads, start=1)]   # Set Order from 0, numbered from 1
    assert session.volume > 0
    assert [a.distance_m for a in session.activities] == [distance_m]
    assert result.unknown_columns == () and result.assumed_unit is None


def test_strong_in_french_with_a_bom_crlf_semicolons_and_decimal_commas() -> None:
    result = read("strong_french.csv")
    assert result.source == "strong"
    [session] = result.sessions
    assert (session.session_name, session.note, session.duration_seconds) == ("Séance du soir", "Bonne séance", 52 * 60)
    assert [(s.kind, s.load, s.rpe, s.note) for s in session.sets] == [
        ("warmup", 40.0, None, ""), ("work", 82.5, 8.5, "genoux\ndehors")]
    assert session.sets[1].rest_seconds == 120
    assert [(a.name, a.seconds) for a in session.activities] == [("Gainage", 60), ("Course à pied", 1080)]


def test_strong_in_german_as_public_german_exports_are_written() -> None:
    """The header Strong writes in German, `Ruhezeit` rest rows (one of 0 seconds), `2h 23min` and `54min`, a hold
    with a numeric Set Order, distance in km, CRLF and no line end after the last row (strong_headers.py names the
    public sources), plus a quoted line break in a note and a decimal comma."""
    result = read("strong_german.csv")
    assert (result.source, result.unknown_columns, result.bad_rows) == ("strong", (), [])
    evening, afternoon = result.sessions
    assert (evening.session_name, evening.note, evening.duration_seconds) == (
        "Abend-Workout", "Erstes Training", (2 * 60 + 23) * 60)
    bench = [s for s in evening.sets if s.exercise_name == "Bench Press (Barbell)"]
    assert [(s.kind, s.load, s.reps, s.rpe, s.note) for s in bench] == [
        ("warmup", 40.0, 10, None, ""), ("work", 62.5, 8, 8.0, "Griff eng,\nEllbogen rein"),
        ("work", 40.0, 12, None, "drop set")]
    assert bench[0].rest_seconds == 120
    [plank] = [s for s in evening.sets if s.exercise_id == "plank"]
    assert plank.hold_seconds == 45
    assert [(a.name, a.kind, a.seconds, a.distance_m) for a in evening.activities] == [
        ("Running", "cardio", 420, 800.0)]
    assert afternoon.duration_seconds == 54 * 60
    assert [(s.exercise_name, s.load, s.reps) for s in afternoon.sets] == [
        ("Single Leg Extension", 20.0, 12), ("Pull Up", None, 8)]
    assert result.row_counts() == Counter({"set": 5, "warm-up": 1, "activity": 1, "rest timer": 2})


def test_strong_dates_on_a_12_hour_clock_with_a_narrow_space_before_am_or_pm() -> None:
    """Strong writes `2025-01-30 12:34:56\u202fpm` on a phone set to a 12-hour clock (jake-walker/workout-converter,
    test/sample_data/strong.csv): every row of such a file is read, noon and midnight included."""
    result = read("strong_12_hour_clock.csv")
    assert result.bad_rows == []
    assert [s.started_at for s in result.sessions] == [
        datetime(2025, 1, 30, 12, 34, 56), datetime(2025, 1, 31, 0, 5), datetime(2025, 2, 1, 17, 30)]
    lunch = result.sessions[0]
    assert [(s.load, s.reps, s.rpe, s.note) for s in lunch.sets] == [
        (100.0, 5, None, "Hello"), (102.5, 5, 8.5, "two\nlines")]
    assert lunch.sets[0].rest_seconds == 90


def test_strong_in_french_with_workout_notes_as_a_real_french_export_names_them() -> None:
    """`Notes d'entraînement`, `1h 2min`, CRLF and no BOM, as in a public French export (strong_headers.py names it),
    plus quoted line breaks and a decimal comma."""
    result = read("strong_french_export.csv")
    assert (result.source, result.unknown_columns, result.bad_rows) == ("strong", (), [])
    chest, legs = result.sessions
    assert (chest.session_name, chest.note, chest.duration_seconds) == (
        "Pecs Et Dos", "Bonne séance,\nun peu fatigué", 62 * 60)
    assert [(a.name, a.seconds) for a in chest.activities] == [("Aerobics", 600)]
    assert [(s.exercise_name, s.load, s.reps, s.rpe, s.note, s.hold_seconds) for s in chest.sets] == [
        ("Bench Press (Dumbbell)", 20.0, 8, None, "", None),
        ("Bench Press (Dumbbell)", 22.5, 6, 8.0, "prise\nserrée", None),
        ("Plank", None, None, None, "", 45)]
    assert (legs.duration_seconds, len(legs.sets)) == (57 * 60, 2)


def test_strong_layout_without_a_duration_column_from_a_phone_in_russian() -> None:
    """`Date,Workout Name,Exercise Name,Set Order,...,RPE` with no Duration, English headers and the phone's own
    workout names (andrewgrinko/strongcharts, strong.csv, 2019)."""
    result = read("strong_no_duration_column.csv")
    assert (result.source, result.unknown_columns, result.bad_rows) == ("strong", (), [])
    evening, legs = result.sessions
    assert (evening.session_name, evening.note, evening.finished_at) == (
        "Воркаут после полудня", "Первая тренировка,\nлегко", None)
    assert [(a.name, a.seconds, a.distance_m) for a in evening.activities] == [("Elliptical Machine", 330, 2000.0)]
    assert [(s.load, s.reps, s.rpe, s.note) for s in evening.sets] == [
        (30.0, 12, None, ""), (42.5, 10, 8.0, "узкий хват")]
    assert [(s.exercise_id, s.load) for s in legs.sets] == [("back_squat", 60.0)]


def test_strong_in_portuguese() -> None:
    [session] = read("strong_portuguese.csv").sessions
    assert [(s.load, s.reps, s.note) for s in session.sets] == [(60.0, 10, ""), (60.0, 8, ""), (40.0, 12, "drop set")]
    assert session.duration_seconds == 62 * 60


@pytest.mark.parametrize("header", [
    "Datum,Trainingsname,Dauer,Übungsname,Satzreihenfolge,Gewicht,Wiederholungen,Distanz,Sekunden,Notizen,"
    "Trainingsnotizen,RPE",
    "Fecha,Nombre del entrenamiento,Duración,Nombre del ejercicio,Orden de la serie,Peso,Repeticiones,Distancia,"
    "Segundos,Notas,Notas del entrenamiento,RPE",
    "Data,Nome allenamento,Durata,Nome esercizio,Ordine serie,Peso,Ripetizioni,Distanza,Secondi,Note,"
    "Note allenamento,RPE",
    "Datum,Trainingsnaam,Duur,Oefeningnaam,Setvolgorde,Gewicht,Herhalingen,Afstand,Seconden,Notities,"
    "Trainingsnotities,RPE",
    "DATE,NOM DE L’EXERCICE,ORDRE DE LA SERIE,POIDS,REPS",       # curly apostrophe, no accents, any case
])
def test_strong_headers_in_other_languages(header: str) -> None:
    fields = header.count(",") + 1
    row = ["2025-01-02 10:00:00", "W", "45m", "Squat (Barbell)", "1", "100", "5", "0", "0", "", "", ""]
    if fields == 5:
        row = ["2025-01-02 10:00:00", "Squat (Barbell)", "1", "100", "5"]
    result = read_export(io.StringIO(header + "\n" + ",".join(row) + "\n"), "auto", LIBRARY, "kg")
    assert result.source == "strong" and result.unknown_columns == ()
    [session] = result.sessions
    assert [(s.exercise_id, s.load, s.reps) for s in session.sets] == [("back_squat", 100.0, 5)]


@pytest.mark.parametrize("language", sorted(CONFIRMED_HEADERS))
def test_every_confirmed_strong_header_is_read_in_strongs_own_column_order(language: str) -> None:
    header = ",".join(CONFIRMED_HEADERS[language])
    row = "2025-03-04 18:00:00,Soir,45min,Squat (Barbell),2,\"102,5\",5,0,0,lent,fin,8"
    result = read_export(io.StringIO(header + "\r\n" + row), "auto", LIBRARY, "kg")
    assert (result.source, result.unknown_columns, result.bad_rows) == ("strong", (), [])
    [session] = result.sessions
    assert (session.session_name, session.duration_seconds, session.note) == ("Soir", 45 * 60, "fin")
    assert [(s.exercise_id, s.load, s.reps, s.rpe, s.note) for s in session.sets] == [
        ("back_squat", 102.5, 5, 8.0, "lent")]


# Strong headers as public sources show them (importers/strong_headers.py names the sources), each in its own
# column order: every column is known and each value lands in its field.
@pytest.mark.parametrize("header", [
    "Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre de la série,Poids,Réps,Distance,Secondes,RPE,Notes",
    "Data,Nome do treino,Duração,Nome do exercício,Ordem da série,Peso,Reps,Distância,Segundos,RPE,Notas",
])
def test_strong_headers_seen_in_public_sources_are_read_column_by_column(header: str) -> None:
    row = "2025-03-04 18:00:00,Soir,45m,Squat (Barbell),2,100,5,0,0,8,lent"
    result = read_export(io.StringIO(header + "\n" + row + "\n"), "auto", LIBRARY, "kg")
    assert result.source == "strong" and result.unknown_columns == ()
    [session] = result.sessions
    assert (session.session_name, session.duration_seconds) == ("Soir", 45 * 60)
    assert [(s.exercise_id, s.load, s.reps, s.rpe, s.note) for s in session.sets] == [
        ("back_squat", 100.0, 5, 8.0, "lent")]


def test_rope_names_are_strength_and_battle_ropes_and_stretches_are_activities() -> None:
    result = read("strong_rope_and_stretch.csv")
    [session] = result.sessions
    assert [s.exercise_name for s in session.sets] == [
        "Triceps Rope Pushdown", "Rope Cable Curl", "Rope Straight Arm Pulldown", "Single Arm Tricep Rope", "Dead Hang"]
    assert session.sets[-1].hold_seconds == 40
    assert [(a.name, a.kind) for a in session.activities] == [
        ("Battle Ropes", "cardio"), ("90/90 Hold", "mobility"), ("Couch Stretch", "mobility"),
        ("Stretching", "mobility")]


def test_hevy_warm_up_and_stretches_are_activities_every_note_kept_and_dotted_dates_read() -> None:
    result = read("hevy_warmup_notes_locale.csv")
    [push] = result.sessions
    assert (push.started_at, push.finished_at) == (datetime(2026, 6, 5, 7, 30), datetime(2026, 6, 5, 8, 31))
    bench = [s for s in push.sets if s.exercise_name == "Bench Press (Barbell)"]
    assert [(s.load, s.unit, s.note) for s in bench] == [
        (185.0, "lb", "Heavy today"), (185.0, "lb", ""), (135.0, "lb", "Back-off, paused")]
    assert [(a.name, a.kind, a.seconds) for a in push.activities] == [
        ("Warm Up", "warm-up", 300), ("Couch Stretch", "mobility", 90), ("Stair Climber", "cardio", 600)]
    assert push.activities[2].distance_m == pytest.approx(0.8 * 1609.344)
    assert all(s.hold_seconds is None for s in push.sets)


def test_fitnotes_names_with_unquoted_commas_are_repaired_from_the_column_count() -> None:
    result = read("fitnotes_unquoted_commas.csv")
    [session] = result.sessions
    assert [(s.exercise_name, s.load, s.reps) for s in session.sets] == [
        ("Overhead Press (Each Side, Dumbbells)", 8.0, 10), ("Overhead Press (Each Side, Dumbbells)", 8.0, 9),
        ("Curl (EZ, Close, Grip)", 25.0, 12), ("Flat Barbell Bench Press", 60.0, 8)]
    assert session.sets[-1].note == "felt good, strong"
    assert result.bad_rows == []


def test_a_bom_then_blank_lines_before_the_header_is_read() -> None:
    [session] = read("strong_bom_blank_line.csv").sessions
    assert [(s.exercise_id, s.reps) for s in session.sets] == [("push_up", 20)]


def test_stronglifts_one_row_a_workout_with_exercise_blocks() -> None:
    result = read("stronglifts.csv")
    assert result.source == "stronglifts"
    first, second = result.sessions
    assert [(s.set_number, s.load, s.reps) for s in first.sets if s.exercise_name == "Bench Press"] == [
        (n, 42.5, reps) for n, reps in enumerate([5, 5, 5, 4, 3], start=1)]
    assert first.sets[0].exercise_id == "back_squat"
    assert first.note == "first week,\neasy"
    assert [(s.exercise_name, s.reps) for s in second.sets][-1] == ("Deadlift", 5)
    pounds = read("stronglifts_lb.csv")
    assert {s.unit for s in pounds.sessions[0].sets} == {"lb"}
    assert [(bad.line, bad.reason) for bad in pounds.bad_rows] == [(2, "Set 'five' is not a number")]


def test_alpha_progression_blocks_with_a_bom_and_both_units() -> None:
    result = read("alpha_progression.csv")
    assert result.source == "alpha"
    push, pull = result.sessions
    assert (push.session_name, push.duration_seconds) == ("Push A", 65 * 60)
    assert [(s.exercise_name, s.kind, s.load, s.reps) for s in push.sets][:3] == [
        ("Bench Press", "warmup", 40.0, 10), ("Bench Press", "work", 60.0, 8), ("Bench Press", "work", 62.5, 8)]
    assert [(s.load, s.unit) for s in pull.sets] == [(120.0, "lb"), (120.0, "lb")]
    assert result.bad_rows == []


def test_jefit_sections_sessions_and_logs() -> None:
    result = read("jefit.csv")
    assert result.source == "jefit"
    first, second = result.sessions
    assert first.duration_seconds == 3600
    assert [(s.exercise_name, s.load, s.reps) for s in first.sets][:3] == [
        ("Barbell Squat", 60.0, 5), ("Barbell Squat", 70.0, 5), ("Barbell Squat", 80.0, 5)]
    assert [(bad.line, bad.reason) for bad in result.bad_rows] == [(14, "logs 'banana' is not weight x reps")]
    assert result.row_counts() == Counter({"set": 6, "heading": 2, "nothing done": 1, "refused": 1})


@pytest.mark.parametrize(("name", "found"), [
    ("strong_comma.csv", "strong"), ("strong_semicolon_quoted.csv", "strong"), ("hevy_kg.csv", "hevy"),
    ("fitnotes.csv", "fitnotes"), ("stronglifts.csv", "stronglifts"), ("alpha_progression.csv", "alpha"),
    ("jefit.csv", "jefit"), ("strong_french.csv", "strong"), ("strong_german.csv", "strong"),
])
def test_auto_names_the_format_it_found(name: str, found: str) -> None:
    lines = (DATA / name).read_text(encoding="utf-8-sig").splitlines(keepends=True)
    assert format_of(lines) == found


def test_auto_refuses_a_file_of_no_format_we_read_and_says_how_to_name_one() -> None:
    with pytest.raises(UnreadableFile, match="--from auto|--from strong"):
        read_export(io.StringIO("Colour,Size\nred,3\n"), "auto", LIBRARY, "kg")


def test_set_orders_kept_and_started_afresh_when_full_read_as_they_did(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = read("strong_set_order_words.csv")
    monkeypatch.setattr(strong._StrongRows, "MOST_KEPT", 1)    # each new Set Order forgets the one before
    again = read("strong_set_order_words.csv")
    assert again.sessions == kept.sessions and again.bad_rows == kept.bad_rows
    assert again.row_counts() == kept.row_counts()
