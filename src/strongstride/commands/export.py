"""`strongstride export --format csv|json|strong|fit [--since DATE] [--session ID] [--out PATH]`: history for other tools."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from strongstride.commands.history import UsageError, parse_since
from strongstride.commands.import_ import configured_unit, error
from strongstride.importers.export import write_csv, write_json, write_strong
from strongstride.model.log import SessionLog
from strongstride.model.visible_text import visible, visible_lines
from strongstride.store.atomic import atomic_write_text
from strongstride.store.history import HistoryStore
from strongstride.model.moments import chronological


def exercise_names() -> dict[str, str]:
    """Library names by id, for sets logged without a name of their own."""
    from strongstride.services.library import load_exercise_library

    library, _ = load_exercise_library()
    return {exercise_id: exercise.name for exercise_id, exercise in library.items()}


def write_history(sessions: Sequence[SessionLog], export_format: str, out: TextIO) -> int:
    """Write the sessions in the chosen format; returns the rows (or, for JSON, sessions) written."""
    if export_format == "json":
        return write_json(sessions, out)
    if export_format == "strong":
        return write_strong(sessions, out, configured_unit(), exercise_names())
    return write_csv(sessions, out, exercise_names())


def write_to_stdout(sessions: Sequence[SessionLog], export_format: str) -> None:
    """The export on standard output: as it is into a pipe or file, its control characters escaped on a terminal."""
    if not sys.stdout.isatty():
        write_history(sessions, export_format, sys.stdout)
        return
    buffer = io.StringIO()
    write_history(sessions, export_format, buffer)
    sys.stdout.write(visible_lines(buffer.getvalue()))


def chosen_sessions(sessions: Sequence[SessionLog], since: date | None, session_id: str | None) -> list[SessionLog]:
    """The sessions on or after `since` (on the local clock) and, when an id is given, only that one."""
    return [
        session for session in sessions
        if (since is None or chronological(session.started_at).date() >= since)
        and (session_id is None or session.id == session_id)
    ]


def write_fit_files(sessions: Sequence[SessionLog], folder: Path) -> int:
    """One FIT activity a session in `folder`; a session that cannot be written is named on stderr. Returns 0 or 1."""
    from strongstride.importers.fit_exercises import GarminExerciseMatcher
    from strongstride.importers.fit_export import FitExportError, write_fit_file
    from strongstride.services.library import load_exercise_library

    matcher = GarminExerciseMatcher(load_exercise_library()[0])
    written = 0
    for session in sessions:
        try:
            write_fit_file(session, folder, matcher)
            written += 1
        except FitExportError as refusal:
            error(str(refusal))
        except OSError as problem:
            return error(f"{folder}: cannot write: {problem.strerror or problem}")
    print(f"Wrote {written} FIT activities to {visible(str(folder))}", file=sys.stderr)
    return 0 if written == len(sessions) else 1


def run(args: argparse.Namespace) -> int:
    """Export the chosen readable sessions; broken history files are named on stderr and left out."""
    try:
        since = parse_since(args.since)
        if args.format == "fit" and args.out is None:
            raise UsageError("--format fit writes one file a session: give the folder with --out DIR")
    except UsageError as problem:
        print(f"strongstride export: {problem}", file=sys.stderr)
        return 2
    history = HistoryStore.default().load_all()
    for broken in history.problems:
        print(f"strongstride: skipped a broken history file: {visible(str(broken))}", file=sys.stderr)
    sessions = chosen_sessions(history.sessions, since, args.session)
    if args.session is not None and not sessions:
        return error(f"no session {args.session!r} in history (its id is its history file's name without .toml)")
    if args.format == "fit":
        return write_fit_files(sessions, Path(args.out))
    if args.out is None:
        write_to_stdout(sessions, args.format)
        return 0
    buffer = io.StringIO()
    written = write_history(sessions, args.format, buffer)
    path = Path(args.out)
    try:
        atomic_write_text(path, buffer.getvalue())
    except OSError as problem:
        return error(f"{path}: cannot write: {problem.strerror or problem}")
    what = f"{written} sessions" if args.format == "json" else f"{written} rows from {len(sessions)} sessions"
    print(f"Wrote {what} to {visible(str(path))}", file=sys.stderr)
    return 0
