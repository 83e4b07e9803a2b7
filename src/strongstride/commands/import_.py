"""`strongstride import FILE [--from auto|strong|hevy|...]`: another app's export added to history."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from strongstride.importers.csv_source import UnreadableFile
from strongstride.importers.dedupe import split_new_sessions
from strongstride.importers.reading import read_export_file
from strongstride.importers.sessions import ImportResult
from strongstride.importers.summary import import_summary
from strongstride.model.log import SessionLog
from strongstride.model.units import Unit
from strongstride.model.visible_text import visible
from strongstride.store import paths
from strongstride.store.history import HistoryStore


def configured_unit() -> Unit:
    """The units config.toml sets (kg when it sets none); its problems are the config's to report."""
    from strongstride.store.config import load_config

    config, _ = load_config(paths.config_file())
    return config.units


def error(message: str) -> int:
    """Print a one-line error to stderr and return the exit code for it."""
    print(f"strongstride: {visible(message)}", file=sys.stderr)
    return 1


def read_file(path: Path, source: str, unit: Unit) -> tuple[ImportResult, list[str]]:
    """The export at `path`, read as a stream, and the library's exercise names; OSError or UnreadableFile
    when it cannot be read at all."""
    from strongstride.services.library import load_exercise_library

    library, problems = load_exercise_library()
    for problem in problems:
        print(f"strongstride: {visible(str(problem))}", file=sys.stderr)
    return read_export_file(path, source, library, unit), [exercise.name for exercise in library.values()]


def save_sessions(store: HistoryStore, sessions: list[SessionLog]) -> tuple[list[SessionLog], list[SessionLog], str]:
    """Write each session as a history file: (saved, already on disk, why saving stopped or "")."""
    saved: list[SessionLog] = []
    existing: list[SessionLog] = []
    for session in sessions:
        try:
            store.save(session)
        except FileExistsError:
            existing.append(session)
        except OSError as problem:
            return saved, existing, f"cannot save to the history folder: {problem.strerror or problem}"
        else:
            saved.append(session)
    return saved, existing, ""


def run(args: argparse.Namespace) -> int:
    """Read the file, leave out what history already has, save the rest (unless --dry-run), summarise."""
    path = Path(args.file)
    try:
        result, library_names = read_file(path, args.source, args.unit or configured_unit())
    except FileNotFoundError:
        return error(f"{path}: no such file")
    except UnreadableFile as problem:
        return error(f"{path}: {problem}")
    except OSError as problem:
        return error(f"{path}: cannot read: {problem.strerror or problem}")
    store = HistoryStore.default()
    history = store.load_all()
    for broken in history.problems:
        print(f"strongstride: skipped a broken history file: {visible(str(broken))}", file=sys.stderr)
    added, duplicates = split_new_sessions(result.sessions, history.sessions)
    failure = ""
    if not args.dry_run:
        added, existing, failure = save_sessions(store, added)
        duplicates += existing
    report = import_summary(
        result, added, duplicates, args.dry_run, unit_given=args.unit is not None, library_names=library_names,
        found_by_auto=args.source == "auto",
    )
    for line in report:
        print(line)
    return error(failure) if failure else 0
