"""`strongstride import FILE [--from auto|strong|hevy|...]`: another app's export added to history."""

from __future__ import annotations

import argparse
import sys
from collections import deque
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Future
from typing import TYPE_CHECKING
from pathlib import Path

from strongstride.importers.csv_source import UnreadableFile
from strongstride.importers.dedupe import NewSessions
from strongstride.importers.reading import read_export_file
from strongstride.importers.summary import ImportTally, SessionCount, import_summary
from strongstride.model.exercise import Exercise
from strongstride.model.log import SessionLog
from strongstride.model.units import Unit
from strongstride.model.visible_text import visible
from strongstride.store import paths
from strongstride.store.history import HistoryStore
from strongstride.store.history_codec import PlainSession, plain_session

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Writer processes are forked where that is safe (Linux: nothing to import again, and nothing of the import's own
# threads is running when they start); elsewhere they are spawned.
START_METHOD = "fork" if sys.platform == "linux" else "spawn"


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

    Sessions are saved in batches of `BATCH`, by `WRITERS` processes of their own: turning a session into TOML and
    syncing its file cost CPU that another core can spend while this process reads on, and each folder is synced
    once a batch. A session is kept only as the plain values sent and its counts; at most `BATCHES_UNDER_WAY`
    batches are held at once, so memory stays flat; a batch's sessions are counted once it is saved, in the file's
    order. A file of fewer new sessions than a batch starts no process.
    Use it as a context manager: leaving it saves what is left and waits for every batch under way.
    """

    WRITERS = 2
    BATCH = 64
    BATCHES_UNDER_WAY = 4

    def __init__(self, store: HistoryStore, history: list[SessionLog], tally: ImportTally) -> None:
        self.store = store
        self.new_sessions = NewSessions(history)
        self.tally = tally
        self.batch: list[PlainSession] = []
        self.counts: list[SessionCount] = []
        self.writers: ProcessPoolExecutor | None = None
        self.under_way: deque[tuple[list[SessionCount], Future[list[bool]]]] = deque()

    def __call__(self, session: SessionLog) -> None:
        if not self.new_sessions.is_new(session):
            self.tally.record(session, added=False)
            return
        if self.tally.dry_run:
            self.tally.record(session, added=True)
            return
        self.batch.append(plain_session(session))
        self.counts.append(SessionCount.of(session))
        if len(self.batch) >= self.BATCH:
            self._hand_on()
        while self.under_way and (len(self.under_way) > self.BATCHES_UNDER_WAY or self.under_way[0][1].done()):
            self._settle()

    def _hand_on(self) -> None:
        """The batch so far to the writer processes, started the first time."""
        if self.writers is None:
            import multiprocessing   # with the process pool, only for an import that saves a batch or more
            from concurrent.futures import ProcessPoolExecutor

            self.writers = ProcessPoolExecutor(self.WRITERS, mp_context=multiprocessing.get_context(START_METHOD))
        self.under_way.append((self.counts, self.writers.submit(self.store.save_many, self.batch)))
        self.batch, self.counts = [], []

    def _settle(self) -> None:
        """Count the oldest batch under way once it is saved."""
        counts, saving = self.under_way.popleft()
        self._count(counts, saving.result)

    def _count(self, counts: list[SessionCount], saved: Callable[[], list[bool]]) -> None:
        """Each session of a batch counted as added or as already in history; SavingStopped if it was refused."""
        try:
            added = saved()
        except BrokenExecutor:   # a writer process ended
            raise SavingStopped("cannot save to the history folder: a process saving sessions ended unexpectedly"
                                ) from None
        except OSError as problem:
            raise SavingStopped(f"cannot save to the history folder: {what_went_wrong(problem)}") from None
        for session, is_new in zip(counts, added, strict=True):
            self.tally.count(session, added=is_new)

    def __enter__(self) -> SessionSaver:
        return self

    def __exit__(self, *stopped: object) -> None:
        """Save what is left (here, when no writer was started) and count every batch; SavingStopped if one
        failed (unless the import had stopped already, for a reason of its own)."""
        failed: SavingStopped | None = None
        try:
            if self.batch and stopped[0] is None:
                if self.writers is None:
                    self.under_way.append((self.counts, _done(self.store.save_many, self.batch)))
                else:
                    self._hand_on()
            while self.under_way:
                try:
                    self._settle()
                except SavingStopped as problem:
                    failed = failed or problem
        finally:
            if self.writers is not None:
                self.writers.shutdown(wait=True, cancel_futures=True)
        if failed is not None and stopped[0] is None:
            raise failed


def _done(save: Callable[[list[PlainSession]], list[bool]], batch: list[PlainSession]) -> Future[list[bool]]:
    """A batch saved in this process, as a future already ended (with its result or its OSError)."""
    ended: Future[list[bool]] = Future()
    try:
        ended.set_result(save(batch))
    except OSError as problem:
        ended.set_exception(problem)
    return ended


def what_went_wrong(problem: OSError) -> str:
    """The system's words for an OSError, and the path it names if it names one."""
    said = problem.strerror or str(problem)
    return f"{said}: {problem.filename}" if problem.filename else said


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
