"""`strongstride import FILE [--from auto|strong|hevy|...]`: another app's export added to history."""

from __future__ import annotations

import argparse
import sys
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
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
    """Each session of the file as it is read: left out if history has it, else saved (unless a dry run).

    Saves run a few at a time on threads of their own: each waits mostly on the disk (every file and its folder
    are synced), so the waits overlap one another and the reading of the rest of the file. At most
    `SAVES_UNDER_WAY` sessions are held at once, so memory stays flat; a session is counted once its save ends.
    Use it as a context manager: leaving it waits for every save under way.
    """

    WRITERS = 8
    SAVES_UNDER_WAY = 16

    def __init__(self, store: HistoryStore, history: list[SessionLog], tally: ImportTally) -> None:
        self.store = store
        self.new_sessions = NewSessions(history)
        self.tally = tally
        self.writers = ThreadPoolExecutor(self.WRITERS, thread_name_prefix="import-save")
        self.under_way: deque[tuple[SessionLog, Future[Path]]] = deque()

    def __call__(self, session: SessionLog) -> None:
        if not self.new_sessions.is_new(session):
            self.tally.record(session, added=False)
            return
        if self.tally.dry_run:
            self.tally.record(session, added=True)
            return
        self.under_way.append((session, self.writers.submit(self.store.save, session)))
        while self.under_way and (len(self.under_way) > self.SAVES_UNDER_WAY or self.under_way[0][1].done()):
            self._settle()

    def _settle(self) -> None:
        """Count the oldest save under way once it ends; SavingStopped if the history folder refused it."""
        session, saving = self.under_way.popleft()
        try:
            saving.result()
        except FileExistsError:
            self.tally.record(session, added=False)
        except OSError as problem:
            raise SavingStopped(f"cannot save to the history folder: {problem.strerror or problem}") from None
        else:
            self.tally.record(session, added=True)

    def __enter__(self) -> SessionSaver:
        return self

    def __exit__(self, *stopped: object) -> None:
        """Wait for every save under way and count it; SavingStopped if one failed (unless the import had stopped
        already, for a reason of its own)."""
        failed: SavingStopped | None = None
        try:
            while self.under_way:
                try:
                    self._settle()
                except SavingStopped as problem:
                    failed = failed or problem
        finally:
            self.writers.shutdown(wait=True, cancel_futures=True)
        if failed is not None and stopped[0] is None:
            raise failed


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
        with SessionSaver(store, history.sessions, tally) as saver:
            result = read_export_file(path, args.source, library, args.unit or configured_unit(), sink=saver)
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
