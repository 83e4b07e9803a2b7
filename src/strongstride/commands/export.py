"""`strongstride export --format csv|json|strong [--out FILE]`: the whole history for other tools."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from strongstride.commands.import_ import configured_unit, error
from strongstride.importers.export import write_csv, write_json, write_strong
from strongstride.model.log import SessionLog
from strongstride.model.visible_text import visible, visible_lines
from strongstride.store.atomic import atomic_write_text
from strongstride.store.history import HistoryStore


def exercise_names() -> dict[str, str]:
    """Library names by id, for sets logged without a name of their own."""
    from strongstride.library import load_exercise_library

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


def run(args: argparse.Namespace) -> int:
    """Export every readable session; broken history files are named on stderr and left out."""
    history = HistoryStore.default().load_all()
    for problem in history.problems:
        print(f"strongstride: skipped a broken history file: {visible(str(problem))}", file=sys.stderr)
    if args.out is None:
        write_to_stdout(history.sessions, args.format)
        return 0
    buffer = io.StringIO()
    written = write_history(history.sessions, args.format, buffer)
    path = Path(args.out)
    try:
        atomic_write_text(path, buffer.getvalue())
    except OSError as problem:
        return error(f"{path}: cannot write: {problem.strerror or problem}")
    what = f"{written} sessions" if args.format == "json" else f"{written} sets from {len(history.sessions)} sessions"
    print(f"Wrote {what} to {visible(str(path))}", file=sys.stderr)
    return 0
