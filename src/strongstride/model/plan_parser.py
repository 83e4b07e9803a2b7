"""Reading a plan's TOML into a Plan, with every problem reported at once by key path and line."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from strongstride.model.exercise import Exercise
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.plan import (
    BAND_LEVELS, BODYWEIGHT, LEVELS, PROGRESSION_RULES, Block, Level, Load, NumberRange, Phase, Plan,
    Prescription, ProgressionRule, SessionTemplate, Warmup,
)
from strongstride.model.problems import ProblemsFound
from strongstride.model.toml_file import parse_toml_text, read_toml_text
from strongstride.model.toml_locate import format_key_path
from strongstride.model.toml_reader import KeyReader, Parts
from strongstride.model.toml_types import kind_of
from strongstride.model.units import UNITS, Unit

PLAN_SCHEMA = 1

PLAN_KEYS = ("schema", "name", "description", "level", "sessions_per_week", "units", "source", "phases", "sessions")
PHASE_KEYS = ("name", "weeks", "volume_factor")
SESSION_KEYS = ("name", "warmup", "blocks")
WARMUP_KEYS = ("activity", "minutes")
BLOCK_KEYS = (
    "exercise", "sets", "reps", "hold", "load", "rpe", "rir", "rest", "per_side", "tempo",
    "superset", "progression", "warmup_sets", "note",
)

# The limits a plan must keep to; a value outside them is a typo or an unsafe prescription.
SETS_LIMITS = (1, 10)
REPS_LIMITS = (1, 100)
HOLD_LIMITS = (5, 600)
REST_LIMITS = (0, 900)
RPE_LIMITS = (1.0, 10.0)
RIR_LIMITS = (0.0, 9.0)
PERCENT_LIMITS = (30.0, 105.0)
REP_MAX_LIMITS = (1, 20)
WARMUP_MINUTES_LIMITS = (1, 60)
SESSIONS_PER_WEEK_LIMITS = (1, 7)
PHASE_WEEKS_LIMITS = (1, 52)
VOLUME_FACTOR_LIMITS = (0.1, 1.5)
MAX_ABSOLUTE_LOAD = 1000.0
# Dumbbell and kettlebell exercises can be learnt with body weight alone; these cannot.
NEEDS_A_WEIGHT = ("barbell", "machine", "cable")
# A hold adds seconds; with "bodyweight" it also moves on to the harder variation at the top.
HOLD_PROGRESSIONS = ("hold", "bodyweight")

_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{1,20}")
_WHOLE_RANGE = re.compile(r"\s*(\d{1,6})\s*(?:-\s*(\d{1,6})\s*)?")
_PERCENT_LOAD = re.compile(
    r"\s*(\d{1,3}(?:\.\d+)?)\s*(?:-\s*(\d{1,3}(?:\.\d+)?)\s*)?%\s*(?:of\s+)?(\d{1,3})\s*rm\s*", re.IGNORECASE,
)
_BAND_LOAD = re.compile(r"\s*band\s+(\S+)\s*", re.IGNORECASE)
_TEMPO = re.compile(r"(\d{1,2}|[xX])(-(\d{1,2}|[xX])){3}")
_LOAD_FORMS = 'a number (in the plan\'s units), "bodyweight", "band medium", "70% 1RM" or "80-100% of 5RM"'



def load_plan_file(path: Path, library: ExerciseLibrary) -> Plan:
    """Read and check a plan file (1 MiB limit, UTF-8); ProblemsFound lists everything wrong with it."""
    return parse_plan(read_toml_text(path), path, library)


def parse_plan(text: str, path: Path, library: ExerciseLibrary) -> Plan:
    """The Plan in this TOML text; ProblemsFound with every problem, each with its key path and line."""
    document = parse_toml_text(text, path)
    reader = _PlanReader(text, path, library)
    plan = reader.read_plan(document)
    if reader.problems or plan is None:
        raise ProblemsFound(sorted(reader.problems, key=lambda problem: problem.line or 0))
    return plan


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _within(value: float, limits: tuple[float, float]) -> bool:
    return limits[0] <= value <= limits[1]


def _described(value: Any) -> str:
    """A wrong value in words: a number as written (nan and inf too), anything else by its type."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return kind_of(value)


def _shown(value: Any) -> str:
    """A wrong value as the plan wrote it: text quoted, numbers as written, anything else by its type."""
    return repr(value) if isinstance(value, str) else _described(value)


class _PlanReader(KeyReader):
    """Walks a parsed plan document, building dataclasses and collecting problems as it goes."""

    def __init__(self, text: str, path: Path, library: ExerciseLibrary):
        super().__init__(path, text)
        self.plan_path = path
        self.library = library

    # -- single values ----------------------------------------------------------------------

    def text_value(self, table: Mapping[str, Any], parts: Parts, key: str, what: str,
                   required: bool = True) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(parts + (key,), f"missing: {what}")
            return None
        if not isinstance(value, str):
            self.problem(parts + (key,), f"must be text, not {kind_of(value)}")
            return None
        if required and not value.strip():
            self.problem(parts + (key,), f"must not be empty: {what}")
            return None
        return value.strip()

    def choice(self, table: Mapping[str, Any], parts: Parts, key: str, choices: tuple[str, ...]) -> str | None:
        value = table.get(key)
        if value is None:
            self.problem(parts + (key,), f"missing: one of {', '.join(choices)}")
        elif value not in choices:
            self.problem(parts + (key,), f"must be one of {', '.join(choices)}, not {_shown(value)}")
        else:
            return str(value)
        return None

    def whole(self, table: Mapping[str, Any], parts: Parts, key: str, limits: tuple[int, int],
              unit: str = "", default: int | None = None) -> int | None:
        """A whole number within its limits; the default when absent (None default: required)."""
        value = table.get(key)
        where = parts + (key,)
        if value is None:
            if default is None:
                self.problem(where, f"missing: a whole number from {limits[0]} to {limits[1]}{unit}")
            return default
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(where, f"must be a whole number, not {_described(value)}")
        elif not _within(value, limits):
            self.problem(where, f"must be {limits[0]}-{limits[1]}{unit}, not {value}")
        else:
            return value
        return None

    def number(self, table: Mapping[str, Any], parts: Parts, key: str, limits: tuple[float, float],
               half_steps: bool = False) -> float | None:
        """A number within its limits (optionally in half steps); None when absent or wrong."""
        value = table.get(key)
        where = parts + (key,)
        if value is None:
            return None
        if not _is_number(value):
            self.problem(where, f"must be a number, not {_described(value)}")
        elif not _within(value, limits):
            self.problem(where, f"must be {limits[0]:g}-{limits[1]:g}, not {value:g}")
        elif half_steps and not float(value * 2).is_integer():
            self.problem(where, f"must be in half steps (such as 7, 7.5, 8), not {value:g}")
        else:
            return float(value)
        return None

    def flag(self, table: Mapping[str, Any], parts: Parts, key: str, default: bool | None) -> bool | None:
        value = table.get(key, default)
        if value is not None and not isinstance(value, bool):
            self.problem(parts + (key,), f"must be true or false, not {kind_of(value)}")
            return default
        return value

    def count(self, table: Mapping[str, Any], parts: Parts, key: str, limits: tuple[int, int],
              unit: str = "") -> NumberRange | None:
        """A whole number or a range such as "8-10", both ends within the limits."""
        value = table.get(key)
        where = parts + (key,)
        if value is None:
            self.problem(where, f"missing: a whole number from {limits[0]} to {limits[1]}{unit}, "
                                'or a range such as "3-5"')
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            low = high = value
        elif isinstance(value, str) and (match := _WHOLE_RANGE.fullmatch(value)):
            low = int(match.group(1))
            high = int(match.group(2)) if match.group(2) else low
        else:
            self.problem(where, f'must be a whole number or a range such as "8-10", not {_described(value)}')
            return None
        if not (_within(low, limits) and _within(high, limits)):
            self.problem(where, f"must be {limits[0]}-{limits[1]}{unit}, not {_shown(value)}")
        elif low > high:
            self.problem(where, f"the low end {low} is above the high end {high}")
        else:
            return NumberRange(float(low), float(high))
        return None

    def load(self, value: Any, where: Parts) -> Load | None:
        """A load in any of its written forms; a problem naming the forms otherwise."""
        if isinstance(value, str) and value.strip().lower() == "bodyweight":
            return BODYWEIGHT
        if _is_number(value):
            if 0 < value <= MAX_ABSOLUTE_LOAD:
                return Load("absolute", weight=float(value))
            self.problem(where, f"must be above 0 and at most {MAX_ABSOLUTE_LOAD:g}, not {value:g}")
            return None
        if isinstance(value, str) and (match := _BAND_LOAD.fullmatch(value)):
            band = match.group(1).lower()
            if band in BAND_LEVELS:
                return Load("band", band=band)
            self.problem(where, f"band must be one of {', '.join(BAND_LEVELS)}, not {match.group(1)!r}")
            return None
        if isinstance(value, str) and (match := _PERCENT_LOAD.fullmatch(value)):
            return self.percent_load(match, where)
        self.problem(where, f"must be {_LOAD_FORMS}, not {_shown(value)}")
        return None

    def percent_load(self, match: re.Match[str], where: Parts) -> Load | None:
        low = float(match.group(1))
        high = float(match.group(2)) if match.group(2) else low
        rep_max = int(match.group(3))
        ok = True
        if not (_within(low, PERCENT_LIMITS) and _within(high, PERCENT_LIMITS)):
            lowest, highest = PERCENT_LIMITS
            self.problem(where, f"percentages must be {lowest:g}-{highest:g}%, not {match.group(0).strip()!r}")
            ok = False
        elif low > high:
            self.problem(where, f"the low end {low:g}% is above the high end {high:g}%")
            ok = False
        if not _within(rep_max, REP_MAX_LIMITS):
            self.problem(where, f"the rep max must be {REP_MAX_LIMITS[0]}-{REP_MAX_LIMITS[1]}RM, not {rep_max}RM")
            ok = False
        if not ok:
            return None
        if rep_max == 1:
            return Load("percent_1rm", percent=NumberRange(low, high))
        return Load("percent_rm", percent=NumberRange(low, high), rep_max=rep_max)

    # -- the plan ---------------------------------------------------------------------------

    def read_plan(self, document: dict[str, Any]) -> Plan | None:
        self.check_keys(document, (), PLAN_KEYS)
        schema = document.get("schema")
        if schema is None:
            self.problem(("schema",), f"missing: schema = {PLAN_SCHEMA}")
        elif type(schema) is not int or schema != PLAN_SCHEMA:
            self.problem(("schema",), f"this version reads schema {PLAN_SCHEMA}, not {_shown(schema)}")
        name = self.text_value(document, (), "name", "the plan's name")
        description = self.text_value(document, (), "description", "", required=False) or ""
        source = self.text_value(document, (), "source", "", required=False) or ""
        level = self.choice(document, (), "level", LEVELS)
        sessions_per_week = self.whole(document, (), "sessions_per_week", SESSIONS_PER_WEEK_LIMITS)
        units = self.choice(document, (), "units", UNITS)
        phases = self.read_phases(document.get("phases", []))
        sessions = self.read_sessions(document.get("sessions"))
        if (name is None or level is None or sessions_per_week is None or units is None or phases is None
                or sessions is None):
            return None
        return Plan(
            id=self.plan_path.stem, name=name, description=description, level=cast(Level, level),
            sessions_per_week=sessions_per_week, units=cast(Unit, units), source=source,
            sessions=sessions, phases=phases, path=self.plan_path,
        )

    def read_phases(self, raw: Any) -> tuple[Phase, ...] | None:
        if not isinstance(raw, list):
            self.problem(("phases",), f"must be an array of [[phases]] tables, not {kind_of(raw)}")
            return None
        phases = []
        for index, item in enumerate(raw):
            parts: Parts = ("phases", index)
            table = self.table(item, parts, "a [[phases]] table")
            if table is None:
                continue
            self.check_keys(table, parts, PHASE_KEYS)
            name = self.text_value(table, parts, "name", "the phase's name, such as \"Base\"")
            weeks = self.whole(table, parts, "weeks", PHASE_WEEKS_LIMITS, " weeks")
            factor = self.number(table, parts, "volume_factor", VOLUME_FACTOR_LIMITS)
            if name is not None and weeks is not None and (factor is not None or "volume_factor" not in table):
                phases.append(Phase(name=name, weeks=weeks, volume_factor=1.0 if factor is None else factor))
        return tuple(phases) if len(phases) == len(raw) else None

    def read_sessions(self, raw: Any) -> tuple[SessionTemplate, ...] | None:
        if raw is None:
            self.problem(("sessions",), "missing: at least one session, such as [sessions.A]")
            return None
        tables = self.table(raw, ("sessions",), "tables such as [sessions.A]")
        if tables is None:
            return None
        if not tables:
            self.problem(("sessions",), "needs at least one session, such as [sessions.A]")
            return None
        sessions = [self.read_session(session_id, item) for session_id, item in tables.items()]
        read = tuple(session for session in sessions if session is not None)
        return read if len(read) == len(sessions) else None

    def read_session(self, session_id: str, raw: Any) -> SessionTemplate | None:
        parts: Parts = ("sessions", session_id)
        if not _SESSION_ID.fullmatch(session_id):
            self.problem(parts, "a session id must be 1-20 letters, digits, '-' or '_'")
        table = self.table(raw, parts, "a table with the session's name and blocks")
        if table is None:
            return None
        self.check_keys(table, parts, SESSION_KEYS)
        name = self.text_value(table, parts, "name", "the session's name, such as \"Foundation A\"")
        warmup = self.read_warmup(table["warmup"], parts + ("warmup",)) if "warmup" in table else None
        blocks = self.read_blocks(table.get("blocks"), parts + ("blocks",))
        supersets_pair_up = self.check_supersets(table.get("blocks"), parts + ("blocks",))
        if name is None or blocks is None or ("warmup" in table and warmup is None) or not supersets_pair_up:
            return None
        return SessionTemplate(id=session_id, name=name, blocks=blocks, warmup=warmup)

    def read_warmup(self, raw: Any, parts: Parts) -> Warmup | None:
        table = self.table(raw, parts, 'a table such as { activity = "Stationary bike", minutes = 8 }')
        if table is None:
            return None
        self.check_keys(table, parts, WARMUP_KEYS)
        activity = self.text_value(table, parts, "activity", 'what to do, such as "Stationary bike"')
        minutes = self.whole(table, parts, "minutes", WARMUP_MINUTES_LIMITS, " minutes")
        if activity is None or minutes is None:
            return None
        return Warmup(activity=activity, minutes=minutes)

    def read_blocks(self, raw: Any, parts: Parts) -> tuple[Block, ...] | None:
        if raw is None or raw == []:
            self.problem(parts, "needs at least one block: add a [[" + format_key_path(parts) + "]] table")
            return None
        if not isinstance(raw, list):
            self.problem(parts, f"must be an array of [[{format_key_path(parts)}]] tables, not {kind_of(raw)}")
            return None
        blocks = [self.read_block(item, parts + (index,)) for index, item in enumerate(raw)]
        read = tuple(block for block in blocks if block is not None)
        return read if len(read) == len(blocks) else None

    def check_supersets(self, raw_blocks: Any, parts: Parts) -> bool:
        """False (with a problem) for a superset label on one block alone: nothing would alternate with it."""
        if not isinstance(raw_blocks, list):
            return True
        labels = [item.get("superset") if isinstance(item, dict) else None for item in raw_blocks]
        labels = [label.strip() if isinstance(label, str) and label.strip() else None for label in labels]
        counts = Counter(label for label in labels if label)
        lonely = [index for index, label in enumerate(labels) if label and counts[label] == 1]
        for index in lonely:
            self.problem(parts + (index, "superset"), f"superset '{labels[index]}' has only this block; "
                                                      "give the same label to the blocks it alternates with")
        return not lonely

    # -- one block --------------------------------------------------------------------------

    def read_block(self, raw: Any, parts: Parts) -> Block | None:
        table = self.table(raw, parts, "a table with an exercise and its prescription")
        if table is None:
            return None
        problems_before = len(self.problems)
        self.check_keys(table, parts, BLOCK_KEYS)
        exercise = self.read_exercise(table, parts)
        sets = self.count(table, parts, "sets", SETS_LIMITS, " sets")
        reps, hold = self.read_reps_or_hold(table, parts, exercise)
        load = self.read_load(table, parts, exercise)
        rpe = self.read_effort(table, parts)
        rest = self.whole(table, parts, "rest", REST_LIMITS, " seconds") if "rest" in table else None
        per_side = self.flag(table, parts, "per_side", None)
        tempo = self.text_value(table, parts, "tempo", "", required=False)
        if tempo is not None and not _TEMPO.fullmatch(tempo):
            self.problem(parts + ("tempo",),
                         f'must be four phases in seconds such as "3-1-1-0" (X for explosive), not {tempo!r}')
        superset = self.text_value(table, parts, "superset", "", required=False)
        if superset == "":
            self.problem(parts + ("superset",), "must not be empty: a label such as \"a\"")
        progression = self.read_progression(table, parts, "hold" in table, load)
        warmup_sets = self.flag(table, parts, "warmup_sets", True)
        note = self.text_value(table, parts, "note", "", required=False) or ""
        if len(self.problems) > problems_before or exercise is None or sets is None or progression is None:
            return None
        prescription = Prescription(
            sets=sets, reps=reps, hold_seconds=hold, load=load or BODYWEIGHT, rpe=rpe,
            rest_seconds=rest, tempo=tempo,
        )
        return Block(
            exercise_id=exercise.id, prescription=prescription, progression=progression,
            per_side=per_side, superset=superset, warmup_sets=bool(warmup_sets), note=note,
        )

    def read_exercise(self, table: Mapping[str, Any], parts: Parts) -> Exercise | None:
        exercise_id = self.text_value(table, parts, "exercise", "an exercise id, such as \"goblet_squat\"")
        if exercise_id is None:
            return None
        if exercise_id in self.library:
            return self.library[exercise_id]
        suggestion = self.library.suggest(exercise_id)
        hint = f" - did you mean '{suggestion}'?" if suggestion else " (`strongstride exercises` lists them)"
        self.problem(parts + ("exercise",), f"unknown exercise '{exercise_id}'{hint}")
        return None

    def read_reps_or_hold(self, table: Mapping[str, Any], parts: Parts,
                          exercise: Exercise | None) -> tuple[NumberRange | None, NumberRange | None]:
        """Reps for exercises done in reps, seconds for holds; never both."""
        if "reps" in table and "hold" in table:
            self.problem(parts + ("hold",), "give reps or hold, not both")
            return None, None
        if "reps" not in table and "hold" not in table:
            self.problem(parts + ("reps",),
                         'missing: reps (such as 8 or "8-10") or hold (seconds, such as 30 or "20-40")')
            return None, None
        if "hold" in table:
            if exercise is not None and exercise.kind != "hold":
                self.problem(parts + ("hold",), f"'{exercise.id}' is done in reps, not held: give reps instead of hold")
                return None, None
            return None, self.count(table, parts, "hold", HOLD_LIMITS, " seconds")
        if exercise is not None and exercise.kind == "hold":
            self.problem(parts + ("reps",), f"'{exercise.id}' is a hold: give hold = seconds instead of reps")
            return None, None
        return self.count(table, parts, "reps", REPS_LIMITS, " reps"), None

    def read_load(self, table: Mapping[str, Any], parts: Parts, exercise: Exercise | None) -> Load | None:
        """The load: a bar, machine or cable needs a weight; an unweighted exercise has no percentage to take."""
        where = parts + ("load",)
        load = self.load(table["load"], where) if "load" in table else BODYWEIGHT
        if load is None or exercise is None:
            return load
        weighted = load.kind in ("absolute", "percent_1rm", "percent_rm")
        if exercise.equipment in NEEDS_A_WEIGHT and not weighted:
            self.problem(where, f"'{exercise.id}' uses a {exercise.equipment}: "
                                'give a weight, such as 20 or "70% 1RM"')
        elif not exercise.is_loaded and load.kind in ("percent_1rm", "percent_rm"):
            self.problem(where, f"'{exercise.id}' has no weight to take a percentage of: "
                                'give a number, "bodyweight" or a band')
        return load

    def read_effort(self, table: Mapping[str, Any], parts: Parts) -> float | None:
        """The target RPE, written as rpe or as reps in reserve (rir 2 == rpe 8)."""
        rpe = self.number(table, parts, "rpe", RPE_LIMITS, half_steps=True)
        rir = self.number(table, parts, "rir", RIR_LIMITS, half_steps=True)
        if "rpe" in table and "rir" in table:
            self.problem(parts + ("rir",), "give rpe or rir, not both (rir 2 is rpe 8)")
            return None
        return 10.0 - rir if rir is not None else rpe

    def read_progression(self, table: Mapping[str, Any], parts: Parts, is_hold: bool,
                         load: Load | None) -> ProgressionRule | None:
        """The progression rule, by default the one that suits the block: hold, bodyweight or double."""
        if "progression" not in table:
            if is_hold:
                return "hold"
            return "bodyweight" if load is None or load.kind == "bodyweight" else "double"
        value = table["progression"]
        if value not in PROGRESSION_RULES:
            self.problem(parts + ("progression",),
                         f"must be one of {', '.join(PROGRESSION_RULES)}, not {_shown(value)}")
            return None
        if is_hold and value not in HOLD_PROGRESSIONS:
            self.problem(parts + ("progression",),
                         "a hold progresses by time: use hold, or bodyweight to move on to the harder variation")
            return None
        if not is_hold and value == "hold":
            self.problem(parts + ("progression",), "hold progression is for holds")
            return None
        return cast(ProgressionRule, value)
