"""Strong's CSV exports, in every layout it has written: comma or semicolon, with or without units, older
`kg`/`lbs`/`km` columns, and its exports in other languages (the same columns, their names translated)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from strongstride.importers.cells import (
    BadCell, distance_unit_in_header, in_metres, note_text, parse_amount, parse_datetime,
    parse_duration, parse_rpe, parse_unit, parse_whole,
)
from strongstride.importers.csv_source import Columns, CsvRows
from strongstride.importers.kept import keep
from strongstride.importers.layout import LastWorkout, read_layout
from strongstride.importers.rows import BadRow, NoteRow, ParsedFile, RestTimer, RowOutcome, RowSet, Workout
from strongstride.importers.strong_headers import LOCALISED_COLUMNS, LOCALISED_REST_TIMER_WORDS
from strongstride.model.log import SetKind
from strongstride.model.units import Unit

LAYOUT = "Strong"
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("Date",),
    "workout_number": ("Workout #",),
    "workout": ("Workout Name",),
    "duration": ("Duration", "Duration (sec)", "Workout Duration"),
    "exercise": ("Exercise Name",),
    "set_order": ("Set Order",),
    "weight": ("Weight", "Weight (kg)", "Weight (kgs)", "Weight (lb)", "Weight (lbs)", "kg", "kgs", "lb", "lbs"),
    "weight_unit": ("Weight Unit",),
    "reps": ("Reps",),
    "rpe": ("RPE",),
    "distance": ("Distance", "Distance (meters)", "Distance (km)", "Distance (miles)", "km", "miles", "mi", "m"),
    "distance_unit": ("Distance Unit",),
    "seconds": ("Seconds",),
    "notes": ("Notes",),
    "workout_notes": ("Workout Notes",),
}
for _field, _names in LOCALISED_COLUMNS.items():
    COLUMNS[_field] = COLUMNS[_field] + _names
REQUIRED = ("date", "exercise", "set_order", "reps")

# Strong's Set Order markers and words: warm-ups are not work; drop and failure sets are, marked in the note.
SET_MARKERS: dict[str, tuple[SetKind, str]] = {
    "w": ("warmup", ""), "d": ("work", "drop set"), "f": ("work", "failure set"),
}
SET_WORDS: dict[str, tuple[SetKind, str]] = {
    **SET_MARKERS, "warm_up": SET_MARKERS["w"], "warmup": SET_MARKERS["w"], "warm-up": SET_MARKERS["w"],
    "drop_set": SET_MARKERS["d"], "dropset": SET_MARKERS["d"], "failure": SET_MARKERS["f"],
}
REST_TIMER_WORDS = frozenset({"rest timer", "rest_timer", *LOCALISED_REST_TIMER_WORDS})
NOTE_WORDS = frozenset({"note", "notes"})


def _set_order(text: str) -> tuple[SetKind, str]:
    """The set's kind and a note for its marker, from a Set Order of `3`, `0`, `3.0`, `W`, `WARM_UP`, ..."""
    marker = text.strip().lower()
    if marker in SET_WORDS:
        return SET_WORDS[marker]
    try:
        float(marker)
    except ValueError:
        raise BadCell(
            f"Set Order {text.strip()!r} is not a number, W, D, F, WARM_UP, DROP_SET, FAILURE, Note or Rest Timer"
        ) from None
    return "work", ""


WORKOUT_FIELDS = ("date", "workout", "duration", "workout_number", "workout_notes")
WORKOUT_CELLS = len(WORKOUT_FIELDS)
# What a set row reads beyond its workout's cells, in the order `_StrongRows` takes them apart.
SET_FIELDS = ("set_order", "exercise", "notes", "distance", "weight_unit", "reps", "weight", "rpe", "seconds",
              "distance_unit")
SECONDS_AT = SET_FIELDS.index("seconds") - SET_FIELDS.index("distance")   # among a set's number cells


def _workout(cells: Sequence[str]) -> Workout:
    """A workout from its cells, in the order of WORKOUT_FIELDS."""
    date, workout_name, duration_text, number, workout_notes = cells
    started = parse_datetime(date, "Date")
    name = workout_name or "Strong workout"
    duration, warning = None, ""
    try:
        duration = parse_duration(duration_text, "Duration")
    except BadCell as problem:
        warning = f"{problem}: the workout's length was left out"
    return Workout(
        key=f"#{number}" if number else f"{started.isoformat()}|{name}",
        started_at=started,
        name=name,
        finished_at=started + timedelta(seconds=duration) if duration else None,
        note=note_text(workout_notes),
        warning=warning,
    )


# A set's numbers as read: the row's weight unit (None: the file's), reps, load, RPE, seconds, distance in metres.
SetValues = tuple[Unit | None, int | None, float | None, float | None, int | None, float | None]


def _set_values(
    distance: str, weight_unit: str, reps: str, weight: str, rpe: str, seconds: str, distance_unit: str
) -> SetValues:
    """A set's number cells read (BadCell for the first that cannot mean what its column says)."""
    metres = parse_amount(distance, "Distance")
    unit = parse_unit(weight_unit, "Weight Unit")
    values = (parse_whole(reps, "Reps"), parse_amount(weight, "Weight"), parse_rpe(rpe, "RPE"),
              parse_duration(seconds, "Seconds"))
    return (unit, *values, None if metres is None else in_metres(metres, "Distance", distance_unit))


class _StrongRows:
    """Reads Strong rows; the distance unit comes from the header or the row's Distance Unit (else km)."""

    MOST_KEPT = 16_384      # sets of numbers kept read; past that the cache starts afresh, so memory stays flat

    def __init__(self, columns: Columns, distance_unit: str) -> None:
        self.distance_unit = distance_unit
        self.cells = columns.cells_of(WORKOUT_FIELDS + SET_FIELDS)
        self.last = LastWorkout()
        self.values: dict[tuple[str, ...], SetValues] = {}   # an export repeats the same few numbers row after row
        self.orders: dict[str, tuple[SetKind, str]] = {}     # and the same few Set Orders

    def __call__(self, line: int, row: list[str], columns: Columns, unit: Unit) -> RowOutcome:
        try:
            cells = self.cells(row)
            workout = self.last.of(cells[:WORKOUT_CELLS], _workout)
            order_cell, exercise, notes, *number_cells, distance_unit = cells[WORKOUT_CELLS:]
            order = order_cell.lower()
            if order in REST_TIMER_WORDS:
                return RestTimer(line, workout, parse_duration(number_cells[SECONDS_AT], "Seconds"))
            if not exercise:
                raise BadCell("Exercise Name is empty")
            if order in NOTE_WORDS:
                return NoteRow(line, workout, exercise, note_text(notes))
            kind, marker_note = (self.orders.get(order_cell)
                                 or keep(self.orders, order_cell, _set_order(order_cell), self.MOST_KEPT))
            note = note_text(notes) if notes else ""
            key = (*number_cells, distance_unit or self.distance_unit)
            values = self.values.get(key)
            if values is None:
                values = keep(self.values, key, _set_values(*key), self.MOST_KEPT)
            row_unit, reps, load, rpe, seconds, distance_m = values
            return RowSet(
                line=line, workout=workout, exercise_name=exercise, unit=row_unit or unit, kind=kind, reps=reps,
                load=load, rpe=rpe, seconds=seconds, distance_m=distance_m,
                note=f"{marker_note}; {note}" if marker_note and note else marker_note or note,
            )
        except BadCell as problem:
            return BadRow(line, str(problem))


def read_strong(rows: CsvRows, default_unit: Unit) -> ParsedFile:
    """Every row of a Strong export as a set, a rest timer, a note or a bad row, streamed."""
    columns = Columns.from_header(rows.header, COLUMNS, REQUIRED, LAYOUT)
    reader = _StrongRows(columns, distance_unit_in_header(columns.header_of(rows.header, "distance")))
    return read_layout(rows, LAYOUT, COLUMNS, REQUIRED, default_unit, reader)
