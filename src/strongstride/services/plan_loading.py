"""A plan file read into a Plan, kept parsed in the cache folder until the plan, the library or the code changes."""

from __future__ import annotations

import zlib
from pathlib import Path

from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.plan import Plan
from strongstride.services.library import parsed_key
from strongstride.store.parsed_cache import entry_path, read_entry, write_entry


def load_plan(path: Path, library: ExerciseLibrary) -> Plan:
    """The plan in `path`, checked against the library; ProblemsFound, as parsing reports them, when it is broken.

    `library` is the one load_exercise_library gives: the exercise files' stamps are part of the key.
    A broken plan is never kept, so its problems are found afresh every time.
    """
    entry = entry_path(f"plan-{path.stem}-{zlib.crc32(str(path).encode()):08x}")
    key = parsed_key(path)
    kept = read_entry(entry, key)
    if isinstance(kept, Plan):
        return kept
    from strongstride.model.plan_parser import load_plan_file

    plan = load_plan_file(path, library)
    write_entry(entry, key, plan)
    return plan
