"""The import summary a runner reads: what was added, what was skipped and why, what was assumed."""

from __future__ import annotations

from collections.abc import Sequence

from strongstride.importers.exercise_matching import USER_PREFIX
from strongstride.importers.sessions import SOURCE_TITLES, ImportResult
from strongstride.model.log import SessionLog
from strongstride.model.visible_text import visible

MAX_BAD_ROWS_SHOWN = 20


def new_user_exercises(sessions: Sequence[SessionLog]) -> dict[str, str]:
    """Exercises the library does not know, by their `user:` id, with the name the file gave them."""
    found: dict[str, str] = {}
    for session in sessions:
        for s in session.sets:
            if s.exercise_id.startswith(USER_PREFIX):
                found.setdefault(s.exercise_id, s.exercise_name)
    return found


def session_line(session: SessionLog) -> str:
    """`2026-04-08 16:50  Leg day  12 sets` for the dry run's list."""
    count = len(session.sets)
    sets = f"{count} set" if count == 1 else f"{count} sets"
    return f"  {session.started_at:%Y-%m-%d %H:%M}  {visible(session.session_name)}  {sets}"


def import_summary(
    result: ImportResult,
    added: Sequence[SessionLog],
    duplicates: Sequence[SessionLog],
    dry_run: bool,
    unit_given: bool = False,
) -> list[str]:
    """The lines printed after an import (or a dry run, which names each session it would add)."""
    title = SOURCE_TITLES.get(result.source, result.source)
    verb = "would be added" if dry_run else "added"
    sets = [s for session in added for s in session.sets]
    lines = ["Dry run: nothing was written." if dry_run else f"Imported from {title}."]
    skipped_sessions = [f"{len(duplicates)} already in history"]
    if result.workouts_without_sets:
        skipped_sessions.append(f"{result.workouts_without_sets} with no strength sets")
    lines.append(f"Sessions {verb}: {len(added)} (skipped: {', '.join(skipped_sessions)})")
    warmups = sum(1 for s in sets if s.kind == "warmup")
    lines.append(f"Sets {verb}: {len(sets)} (warm-up: {warmups})")
    if dry_run:
        lines.extend(session_line(session) for session in added)
    if result.skipped:
        counts = ", ".join(f"{reason}: {count}" for reason, count in sorted(result.skipped.items()))
        lines.append(f"Rows skipped: {counts}")
    if result.bad_rows:
        lines.append(f"Rows not imported ({len(result.bad_rows)}):")
        lines.extend(f"  row {bad.line}: {visible(bad.reason)}" for bad in result.bad_rows[:MAX_BAD_ROWS_SHOWN])
        if len(result.bad_rows) > MAX_BAD_ROWS_SHOWN:
            lines.append(f"  ... and {len(result.bad_rows) - MAX_BAD_ROWS_SHOWN} more")
    if result.unknown_columns:
        lines.append("Unknown columns ignored: " + ", ".join(visible(c) for c in result.unknown_columns))
    if result.assumed_unit:
        why = "as --unit says" if unit_given else "the config's units; use --unit kg or --unit lb to change"
        lines.append(f"Weights taken to be in {result.assumed_unit}: the file names no unit ({why})")
    user_exercises = new_user_exercises(added)
    if user_exercises:
        lines.append(f"New user exercises (not in the library): {len(user_exercises)}")
        lines.extend(f"  {visible(name)} -> {visible(exercise_id)}" for exercise_id, name in user_exercises.items())
    return lines
