"""`strongstride import FILE [--from auto|strong|hevy|...]`: another app's export added to history."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from strongstride.importers.csv_source import UnreadableFile
from strongstride.importers.dedupe import NewSessions
from strongstride.importers.reading import read_export_file
from strongstride.importers.summary import ImportTally, import_summary
from strongstride.model.exercise import Exercise
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


class SavingStopped(Exception):
    """The history folder refused a session: the import stops there, what was saved stays saved."""


class SessionSaver:
    """Each session of the file as it is read: left out if history has it, else saved (unless a dry run)."""

    def __init__(self, store: HistoryStore, history: list[SessionLog], tally: ImportTally) -> None:
        self.store = store
        self.new_sessions = NewSessions(history)
        self.tally = tally

    def __call__(self, session: SessionLog) -> None:
        if not self.new_sessions.is_new(session):
            self.tally.record(session, added=False)
            return
        if not self.tally.dry_run:
            try:
                self.store.save(session)
            except FileExistsError:
                self.tally.record(session, added=False)
                return
            except OSError as problem:
                raise SavingStopped(f"cannot save to the history folder: {problem.strerror or problem}") from None
        self.tally.record(session, added=True)


def library_now() -> dict[str, Exercise]:
    """The exercise library with the user's exercises, its problems reported on stderr."""
    from strongstride.services.library import load_exercise_library

    library, problems = load_exercise_library()
    for problem in problems:
        print(f"strongstride: {visible(str(problem))}", file=sys.stderr)
    return dict(library)


def run(args: argparse.Namespace) -> int:
    """Stream the file into history, leaving out what history has (nothing written on --dry-run); report."""
    path = Path(args.file)
    store = HistoryStore.default()
    history = store.load_all()
    for problem in history.problems:
        print(f"strongstride: skipped a broken history file: {visible(str(problem))}", file=sys.stderr)
    tally = ImportTally(dry_run=args.dry_run)
    library = library_now()
    saved_before = "" if args.dry_run else " (sessions saved before it stay saved; importing again adds the rest)"
    try:
        result = read_export_file(path, args.source, library, args.unit or configured_unit(),
                                  sink=SessionSaver(store, history.sessions, tally))
    except FileNotFoundError:
        return error(f"{path}: no such file")
    except UnreadableFile as problem:
        return error(f"{path}: {problem}" + (saved_before if tally.added else ""))
    except SavingStopped as problem:
        return error(f"{problem}{saved_before}")
    except OSError as problem:
        return error(f"{path}: cannot read: {problem.strerror or problem}")
    report = import_summary(
        result, tally, unit_given=args.unit is not None, library_names=[e.name for e in library.values()],
        found_by_auto=args.source == "auto",
    )
    for line in report:
        print(line)
    return 0
