"""A plan file read into a Plan, kept parsed in the cache folder until the plan, the library or the code changes.

Beside each kept plan is its heading (name and sessions a week) as plain data, for `stats`, which prints no
more of a plan: reading it needs none of the plan's classes.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from strongstride.services.library import parsed_key
from strongstride.store.parsed_cache import Stamp, entry_path, read_entry, write_entry

if TYPE_CHECKING:
    from strongstride.model.exercise_library import ExerciseLibrary
    from strongstride.model.plan import Plan


class PlanHeading(NamedTuple):
    """What `stats` shows of a plan: its name and the sessions a week it asks for."""

    name: str
    sessions_per_week: int


def _entry(path: Path, kind: str) -> Path:
    return entry_path(f"{kind}-{path.stem}-{zlib.crc32(str(path).encode()):08x}")


def load_plan(path: Path, library: ExerciseLibrary) -> Plan:
    """The plan in `path`, checked against the library; ProblemsFound, as parsing reports them, when it is broken.

    `library` is the one load_exercise_library gives: the exercise files' stamps are part of the key.
    A broken plan is never kept, so its problems are found afresh every time.
    """
    from strongstride.model.plan import Plan

    key = parsed_key(path)
    kept = read_entry(_entry(path, "plan"), key)
    if isinstance(kept, Plan):
        return kept
    return _parse(path, library, key)


def load_plan_heading(path: Path, library: ExerciseLibrary) -> PlanHeading:
    """The heading of the plan in `path`; as load_plan, the whole plan is read (and its problems raised) unless kept."""
    key = parsed_key(path)
    kept = read_entry(_entry(path, "heading"), key)
    if isinstance(kept, tuple) and len(kept) == len(PlanHeading._fields):
        return PlanHeading(*kept)
    plan = _parse(path, library, key)
    return PlanHeading(plan.name, plan.sessions_per_week)


def _parse(path: Path, library: ExerciseLibrary, key: Stamp) -> Plan:
    """The plan parsed and checked, kept with its heading; ProblemsFound when it is broken (nothing is kept)."""
    from strongstride.model.plan_parser import load_plan_file

    plan = load_plan_file(path, library)
    write_entry(_entry(path, "plan"), key, plan)
    write_entry(_entry(path, "heading"), key, (plan.name, plan.sessions_per_week))
    return plan
