"""config.toml: read with every bad key reported and replaced by its default, so the app always starts."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from strongstride.model.config import (
    KEYWORD_KINDS, RUNNING_FOCUSES, WEEKDAYS, Alerts, Config, Equipment, KnownSet, RunningWeek, makeable_increment,
    plate_step,
)
from strongstride.model.exercise import EQUIPMENT
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.model.toml_file import parse_toml_text, read_toml_text
from strongstride.model.units import Unit, convert
from strongstride.model.toml_reader import (
    Check, KeyReader, choice, day, flag, identifier, list_of, number, text, unit_choice, whole_number,
)

CONFIG_SCHEMA = 1
CONFIG_KEYS = ("schema", "units", "warmup_sets", "body_weight", "default_rest_seconds", "theme", "plan",
               "plan_started", "equipment", "running", "known", "export_fit_to", "alerts")
EQUIPMENT_KEYS = ("barbell_increment", "machine_increment", "dumbbells", "bar_weight", "plates", "plate_pairs", "owned")
RUNNING_KEYS = ("long_run_days", "hard_days", "focus", "race_date", "not_running_until", "calendar",
                "strength_before_long_run", "keywords")
ALERTS_KEYS = ("bell", "notification", "flash")
FEED_SCHEMES = ("https://", "http://", "webcal://")

# Limits in kg, converted when the config is in lb.
BODY_WEIGHT_KG = (20.0, 400.0)
INCREMENT_KG = (0.1, 50.0)
DUMBBELL_KG = (0.1, 200.0)
BAR_WEIGHT_KG = (0.0, 100.0)
PLATE_KG = (0.1, 100.0)
PLATE_PAIRS = (0, 50)
REST_SECONDS = (0, 900)


def folder_path(value: Any) -> Path:
    """A folder given in full, from / or ~ (a relative path would depend on where the app was started)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError('must be a folder such as "~/Garmin/NewFiles"')
    path = Path(value).expanduser()
    if not path.is_absolute():
        raise ValueError(f"must be a whole path, from / or ~, not {value!r}")
    return path


def calendar_source(value: Any) -> str:
    """An .ics file given in full (from / or ~), or a feed's https or webcal address."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError('must be an .ics file or a feed address such as "webcal://example.com/plan.ics"')
    if value.lower().startswith(FEED_SCHEMES):
        return value.strip()
    if not Path(value).expanduser().is_absolute():
        raise ValueError(f"must be a whole path, from / or ~, or an https or webcal address, not {value!r}")
    return value


def calendar_sources(value: Any) -> tuple[str, ...]:
    """One calendar, or an array of them."""
    return (calendar_source(value),) if isinstance(value, str) else list_of(calendar_source)(value)


def _weight(limits_kg: tuple[float, float], unit: Unit) -> Check[float]:
    """A weight in the config's unit, within limits given in kg."""
    low, high = (round(convert(limit, "kg", unit), 1) for limit in limits_kg)
    return number(low, high, unit=f" {unit}")


def load_config(path: Path, library: ExerciseLibrary | None = None) -> tuple[Config, list[Problem]]:
    """The runner's config and what is wrong with it; a bad key takes its default, the rest still applies.

    Given the exercise library, a [known] set for an exercise it lacks (usually a typo) is named.
    """
    if not path.exists():
        return Config(), []
    try:
        text = read_toml_text(path)
        data = parse_toml_text(text, path)
    except ProblemsFound as broken:
        return Config(), list(broken.problems)
    return config_from_document(data, path, text, library)


def config_from_document(data: Mapping[str, Any], path: Path | str, text: str | None = None,
                         library: ExerciseLibrary | None = None) -> tuple[Config, list[Problem]]:
    """The config a parsed document gives (a file, or the copy a live session keeps) and its problems."""
    reader = KeyReader(path, text)
    config = _read_config(data, reader, library)
    return config, sorted(reader.problems, key=lambda problem: problem.line or 0)


def config_to_document(config: Config) -> dict[str, Any]:
    """The config as config.toml would hold it, so that config_from_document gives it back."""
    import dataclasses

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items() if item is not None}
        if isinstance(value, Path):
            return str(value)
        return list(value) if isinstance(value, tuple) else value

    return {"schema": CONFIG_SCHEMA, **plain(dataclasses.asdict(config))}


def _read_config(data: Mapping[str, Any], reader: KeyReader, library: ExerciseLibrary | None) -> Config:
    reader.check_keys(data, (), CONFIG_KEYS)
    defaults = Config()
    if "schema" in data and data["schema"] != CONFIG_SCHEMA:
        reader.problem(("schema",), f"must be {CONFIG_SCHEMA}")
    units: Unit = reader.get(data, (), "units", unit_choice, defaults.units)
    return Config(
        units=units,
        equipment=_read_equipment(data.get("equipment", {}), units, reader),
        warmup_sets=reader.get(data, (), "warmup_sets", flag, defaults.warmup_sets),
        body_weight=reader.get(data, (), "body_weight", _weight(BODY_WEIGHT_KG, units), defaults.body_weight),
        default_rest_seconds=reader.get(data, (), "default_rest_seconds", whole_number(*REST_SECONDS),
                                        defaults.default_rest_seconds),
        theme=reader.get(data, (), "theme", identifier, defaults.theme),
        plan=reader.get(data, (), "plan", identifier, defaults.plan),
        plan_started=reader.get(data, (), "plan_started", day, defaults.plan_started),
        running=_read_running(data.get("running", {}), reader),
        known=_read_known(data.get("known", {}), units, reader, library),
        export_fit_to=reader.get(data, (), "export_fit_to", folder_path, defaults.export_fit_to),
        alerts=_read_alerts(data.get("alerts", {}), reader),
    )


def _read_alerts(raw: Any, reader: KeyReader) -> Alerts:
    """Which end-of-rest alerts are on (all unless turned off); a bad key is reported and stays on."""
    table = reader.table(raw, ("alerts",)) or {}
    reader.check_keys(table, ("alerts",), ALERTS_KEYS)
    return Alerts(**{key: reader.get(table, ("alerts",), key, flag, True) for key in ALERTS_KEYS})


def _read_known(raw: Any, units: Unit, reader: KeyReader, library: ExerciseLibrary | None) -> dict[str, KnownSet]:
    """What the runner knows they can lift, by exercise id; a bad entry is reported and left out."""
    table = reader.table(raw, ("known",))
    known: dict[str, KnownSet] = {}
    for exercise_id, value in (table or {}).items():
        if library is not None and exercise_id not in library:
            close = library.suggest(exercise_id)
            hint = f"did you mean '{close}'?" if close else "`strongstride exercises` lists the ids"
            reader.problem(("known", exercise_id), f"no exercise has this id ({hint})")
            continue
        try:
            known[exercise_id] = KnownSet.parse(value, units)
        except ValueError as error:
            reader.problem(("known", exercise_id), str(error))
    return known


def _read_equipment(raw: Any, units: Unit, reader: KeyReader) -> Equipment:
    """The gym's kit; each missing or bad key falls back to the typical gym in the config's units."""
    defaults = Equipment.defaults(units)
    table = reader.table(raw, ("equipment",))
    if table is None:
        return defaults
    parts = ("equipment",)
    reader.check_keys(table, parts, EQUIPMENT_KEYS)
    plates = reader.get(table, parts, "plates", list_of(_weight(PLATE_KG, units)), defaults.plates)
    pairs = reader.get(table, parts, "plate_pairs", list_of(whole_number(*PLATE_PAIRS)), defaults.plate_pairs)
    if pairs and len(pairs) != len(plates):
        reader.problem(parts + ("plate_pairs",), f"must give one count for each of the {len(plates)} plate sizes")
        pairs = ()
    heaviest_first = sorted(zip(plates, pairs or (0,) * len(plates)), key=lambda pair: -pair[0])
    increment = reader.get(table, parts, "barbell_increment", _weight(INCREMENT_KG, units), defaults.barbell_increment)
    if (makeable := makeable_increment(increment, plates)) != increment:
        written = "barbell_increment" in table
        what = f"{increment:g} {units}" if written else f"the default barbell_increment {increment:g} {units}"
        reader.problem(parts + ("barbell_increment" if written else "plates",),
                       f"{what} can't be made with these plates: the smallest step they make is "
                       f"{plate_step(plates):g} {units} (a pair of {min(plates):g}); using {makeable:g} {units}")
        increment = makeable
    return Equipment(
        barbell_increment=increment,
        machine_increment=reader.get(table, parts, "machine_increment", _weight(INCREMENT_KG, units),
                                     defaults.machine_increment),
        dumbbells=tuple(sorted(reader.get(table, parts, "dumbbells", list_of(_weight(DUMBBELL_KG, units)),
                                          defaults.dumbbells))),
        bar_weight=reader.get(table, parts, "bar_weight", _weight(BAR_WEIGHT_KG, units), defaults.bar_weight),
        plates=tuple(plate for plate, _ in heaviest_first),
        plate_pairs=tuple(count for _, count in heaviest_first) if pairs else (),
        owned=reader.get(table, parts, "owned", list_of(choice(EQUIPMENT)), defaults.owned),
    )


def _read_running(raw: Any, reader: KeyReader) -> RunningWeek:
    """The running week strength fits around; each bad key falls back to its default."""
    defaults = RunningWeek()
    table = reader.table(raw, ("running",))
    if table is None:
        return defaults
    parts = ("running",)
    reader.check_keys(table, parts, RUNNING_KEYS)
    weekdays = list_of(choice(WEEKDAYS))
    return RunningWeek(
        long_run_days=reader.get(table, parts, "long_run_days", weekdays, defaults.long_run_days),
        hard_days=reader.get(table, parts, "hard_days", weekdays, defaults.hard_days),
        focus=reader.get(table, parts, "focus", choice(RUNNING_FOCUSES), defaults.focus),
        race_date=reader.get(table, parts, "race_date", day, defaults.race_date),
        not_running_until=reader.get(table, parts, "not_running_until", day, defaults.not_running_until),
        calendar=reader.get(table, parts, "calendar", calendar_sources, defaults.calendar),
        strength_before_long_run=reader.get(table, parts, "strength_before_long_run", flag,
                                            defaults.strength_before_long_run),
        keywords=_read_keywords(table.get("keywords", {}), reader),
    )


def _read_keywords(raw: Any, reader: KeyReader) -> dict[str, tuple[str, ...]]:
    """The runner's own words for each kind of calendar event; a bad kind or word is reported and left out."""
    parts = ("running", "keywords")
    table = reader.table(raw, parts)
    if not table:
        return {}
    reader.check_keys(table, parts, KEYWORD_KINDS)
    read = {kind: reader.get(table, parts, kind, list_of(text), ()) for kind in KEYWORD_KINDS if kind in table}
    return {kind: words for kind, words in read.items() if words}


# The comment a key gets in a config.toml written afresh, so that a runner can edit it by hand.
NEW_FILE_HEADER = (
    "strongstride's settings. Edit them by hand as you like: strongstride keeps your comments",
    "and layout when it saves a setting. docs/config.md describes every key.",
)
KEY_COMMENTS = {
    "plan": "the plan you train from: `strongstride plans` lists them",
    "plan_started": "the day the plan began: its phases count weeks from here",
    "theme": "the colour theme; `t` in the app steps through them",
    "equipment.owned": "the kit you have (band, dumbbell, barbell, bench, ...); left out, a full gym",
    "equipment.dumbbells": "the weight of each dumbbell you have, in your units",
    "running.focus": "short, middle, marathon or ultra",
    "running.long_run_days": "never strength on these days",
    "running.hard_days": "intervals, tempo, hills: nothing heavy the day before",
    "running.race_date": "your next race: strength tapers before it and recovers after it",
}


def save_config_values(path: Path, values: Mapping[str, Any]) -> None:
    """Set keys ("equipment.owned" for a table's key; None removes one), keeping every comment, blank line and key order.

    A new file starts with a header, the schema and a comment above each key. The file is rewritten
    atomically, through a symlink to its target; one that does not parse raises ProblemsFound and is
    left as it is.
    """
    import tomlkit   # only saving needs the editor and the atomic write: reading the config stays light

    from strongstride.store.atomic import atomic_write_text

    if not path.exists():
        atomic_write_text(path, tomlkit.dumps(_new_config_document(path, values)))
        return
    text = read_toml_text(path)
    parse_toml_text(text, path)   # a file that does not parse is named with its line, and never written over
    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.TOMLKitError as error:
        raise ProblemsFound([Problem(path, "", f"cannot be edited in place: {error}")]) from None
    for key, value in values.items():
        _set_key(document, path, key, value)
    atomic_write_text(path, tomlkit.dumps(document))


def _new_config_document(path: Path, values: Mapping[str, Any]) -> Any:
    """A fresh config.toml: the header, the schema, then the top-level keys and each table, a comment above every key."""
    import tomlkit

    document = tomlkit.document()
    for line in NEW_FILE_HEADER:
        document.add(tomlkit.comment(line))
    document.add("schema", CONFIG_SCHEMA)
    top_level_first = sorted((key for key, value in values.items() if value is not None), key=lambda key: "." in key)
    for key in top_level_first:
        _set_key(document, path, key, values[key], fresh=True)
    return document


def _set_key(document: Any, path: Path, key: str, value: Any, fresh: bool = False) -> None:
    """Set, add or (for None) remove one dotted key in a parsed document, making its tables as needed.

    In a fresh file a key is added after a blank line (at the top level) and its comment, for hand editing.
    """
    import tomlkit

    *tables, name = key.split(".")
    container = document
    for depth, table_name in enumerate(tables):
        if table_name not in container:
            if value is None:
                return
            if container is document and document.body:
                document.add(tomlkit.nl())
            container.add(table_name, tomlkit.table())
        container = container[table_name]
        if not isinstance(container, dict):
            where = ".".join(tables[:depth + 1])
            raise ProblemsFound([Problem(path, where, f"must be a table to hold {name}")])
    if value is None:
        container.pop(name, None)
        return
    if fresh:
        if container is document:
            document.add(tomlkit.nl())
        if key in KEY_COMMENTS:
            container.add(tomlkit.comment(KEY_COMMENTS[key]))
    container[name] = _plain(value)


def _plain(value: Any) -> Any:
    """A value as TOML holds it: tuples as arrays, paths as text."""
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return str(value) if isinstance(value, Path) else value
