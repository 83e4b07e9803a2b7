"""The import report a runner reads: what was added, what became of every row (the counts add up to the
rows read), what was left out and why, what was assumed, and the exercise names the library lacks."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from strongstride.importers.exercise_matching import USER_PREFIX
from strongstride.importers.sessions import OUTCOMES, SOURCE_TITLES, ImportResult
from strongstride.model.log import SessionLog
from strongstride.model.visible_text import visible

MAX_BAD_ROWS_SHOWN = 20
CLOSE_MATCHES = 2
CLOSE_CUTOFF = 0.6


@dataclass
class ImportTally:
    """What an import did, session by session as they stream past: enough for the report, none of the sets."""

    dry_run: bool = False
    added: int = 0
    sets: int = 0
    warmups: int = 0
    activities: int = 0
    session_lines: list[str] = field(default_factory=list)      # a dry run's list of what it would add
    duplicate_ids: set[str] = field(default_factory=set)
    unknown: Counter[str] = field(default_factory=Counter)       # names the library lacks, with their set counts

    def record(self, session: SessionLog, added: bool) -> None:
        """Count a session the file holds, added (or to be) or already in history."""
        self.count(SessionCount.of(session), added)
        if added and self.dry_run:
            self.session_lines.append(session_line(session))

    def count(self, session: SessionCount, added: bool) -> None:
        """Count a session by its counts alone (a saved one, once its save is through)."""
        self.unknown.update(session.unknown)
        if not added:
            self.duplicate_ids.add(session.id)
            return
        self.added += 1
        self.sets += session.sets
        self.warmups += session.warmups
        self.activities += session.activities


@dataclass(frozen=True, slots=True)
class SessionCount:
    """What the report counts of a session, without its sets: kept while a writer saves it, so that the session
    itself is let go at once, as a dry run lets it go."""

    id: str
    sets: int
    warmups: int
    activities: int
    unknown: Counter[str]

    @classmethod
    def of(cls, session: SessionLog) -> SessionCount:
        return cls(session.id, len(session.sets), sum(1 for s in session.sets if s.kind == "warmup"),
                   len(session.activities), unknown_names([session]))


def unknown_names(sessions: Iterable[SessionLog]) -> Counter[str]:
    """Each name the library does not know, once, with how many sets the file has of it."""
    return Counter(s.exercise_name for session in sessions for s in session.sets if s.exercise_id.startswith(USER_PREFIX))


def close_library_names(name: str, library_names: Sequence[str]) -> list[str]:
    """The library's names nearest to one the file uses (case aside), best first."""
    by_key = {known.lower(): known for known in library_names}
    return [by_key[key] for key in difflib.get_close_matches(name.lower(), list(by_key), CLOSE_MATCHES, CLOSE_CUTOFF)]


def session_line(session: SessionLog) -> str:
    """`2026-04-08 16:50  Leg day  12 sets` for the dry run's list."""
    count = len(session.sets)
    sets = f"{count} set" if count == 1 else f"{count} sets"
    activities = f", {len(session.activities)} activities" if session.activities else ""
    return f"  {session.started_at:%Y-%m-%d %H:%M}  {visible(session.session_name)}  {sets}{activities}"


def rows_line(counts: Counter[str], rows: int) -> str:
    """`Rows read: 12 = 8 set + 2 warm-up + 2 rest timer`: every row by what became of it."""
    parts = [f"{counts[outcome]} {outcome}" for outcome in OUTCOMES if counts[outcome]]
    return f"Rows read: {rows}" + (" = " + " + ".join(parts) if parts else "")


def import_summary(
    result: ImportResult,
    tally: ImportTally,
    unit_given: bool = False,
    library_names: Sequence[str] = (),
    found_by_auto: bool = False,
) -> list[str]:
    """The report printed after an import, and the same for a dry run (which also lists each session)."""
    title = SOURCE_TITLES.get(result.source, result.source)
    verb = "would be added" if tally.dry_run else "added"
    lines = ["Dry run: nothing was written." if tally.dry_run else f"Imported from {title}."]
    if found_by_auto:
        lines.append(f"Format found: {title}")
    skipped_sessions = [f"{len(tally.duplicate_ids)} already in history"]
    if result.workouts_without_sets:
        skipped_sessions.append(f"{result.workouts_without_sets} with nothing kept")
    lines.append(f"Sessions {verb}: {tally.added} (skipped: {', '.join(skipped_sessions)})")
    lines.append(f"Sets {verb}: {tally.sets} (warm-up: {tally.warmups}); activities: {tally.activities}")
    lines.extend(tally.session_lines)
    lines.append(rows_line(result.row_counts(tally.duplicate_ids), result.rows))
    if result.bad_rows:
        lines.append(f"Rows not imported ({len(result.bad_rows)}):")
        lines.extend(f"  row {bad.line}: {visible(bad.reason)}" for bad in result.bad_rows[:MAX_BAD_ROWS_SHOWN])
        if len(result.bad_rows) > MAX_BAD_ROWS_SHOWN:
            lines.append(f"  ... and {len(result.bad_rows) - MAX_BAD_ROWS_SHOWN} more")
    lines.extend(_warning_lines(result.warnings.items()))
    if result.unknown_columns:
        lines.append("Unknown columns ignored: " + ", ".join(visible(c) for c in result.unknown_columns))
    if result.assumed_unit:
        why = "as --unit says" if unit_given else "the config's units; use --unit kg or --unit lb to change"
        lines.append(f"Weights taken to be in {result.assumed_unit}: the file names no unit ({why})")
    lines.extend(_unknown_name_lines(tally.unknown, library_names))
    return lines


def _warning_lines(warnings: Iterable[tuple[str, int]]) -> list[str]:
    return [f"Warning: {visible(text)} ({count} workout{'s' if count != 1 else ''})" for text, count in warnings]


def _unknown_name_lines(names: Counter[str], library_names: Sequence[str]) -> list[str]:
    if not names:
        return []
    lines = [f"Exercises not in the library, kept under their own names: {len(names)}"]
    for name, count in sorted(names.items(), key=lambda item: (-item[1], item[0])):
        close = close_library_names(name, library_names)
        hint = f" (close: {', '.join(visible(c) for c in close)})" if close else ""
        lines.append(f"  {visible(name)}: {count} set{'s' if count != 1 else ''}{hint}")
    return lines
