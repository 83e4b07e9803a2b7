"""The live session's file, rewritten after every set so that a crash never loses one.

Each write first checks that the file on disk is still the one this process wrote last (its
stamp), so an unfinished session that arrives from another machine through a synced folder is
never overwritten, and the writer never writes a file larger than the reader accepts.
"""

from __future__ import annotations

import os
import socket
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from strongstride.model import toml_file
from strongstride.model.session_header import SessionHeader
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.store.atomic import atomic_write_text, remove_file

IN_PROGRESS_SCHEMA = 1

Stamp = tuple[int, int, int, int]   # device, inode, size, mtime in ns: a file replaced or changed has another


class SavedSession(NamedTuple):
    """in-progress.toml as read back: the session's identity, what it started from, and its events."""

    header: SessionHeader
    events: list[dict[str, Any]]
    setup: dict[str, Any] | None = None   # None in files written before sessions kept their setup

    @property
    def machine(self) -> str | None:
        """The computer the session was last saved on, when the file says."""
        return self.header.machine

    @property
    def from_another_machine(self) -> bool:
        """True when a synced data folder brought this session from another computer."""
        return self.machine is not None and self.machine != this_machine()


class ChangedOnDisk(OSError):
    """in-progress.toml is no longer the file this process wrote: another program or machine changed it."""


class TooLarge(ValueError):
    """The session has grown past what its file may hold and be read back."""


def this_machine() -> str:
    """This computer's name, written with each save so another machine's session is known as such."""
    return socket.gethostname() or "this computer"


def _stamp(path: Path) -> Stamp | None:
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns


class InProgressStore:
    """in-progress.toml: `schema = 1`, the session's identity, its setup, and its events in order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp: Stamp | None = None   # the file as this process last wrote or read it; None: no file
        self._setup_text: tuple[dict[str, Any], str] | None = None   # a session's setup never changes: encoded once

    def encode(self, header: SessionHeader, events: list[dict[str, Any]], setup: dict[str, Any] | None = None) -> str:
        """The file's text; TooLarge when it would pass the limit the reader holds to."""
        import tomli_w

        parts = [   # top-level keys first, then one table per part: one document, as if dumped at once
            tomli_w.dumps({"schema": IN_PROGRESS_SCHEMA, "events": events}),
            tomli_w.dumps({"session": replace(header, machine=this_machine()).to_table()}),
        ]
        if setup is not None:
            if self._setup_text is None or self._setup_text[0] is not setup:
                self._setup_text = setup, tomli_w.dumps({"setup": setup})
            parts.append(self._setup_text[1])
        text = "\n".join(parts)
        if len(text.encode("utf-8")) > toml_file.MAX_FILE_BYTES:   # the reader's own limit
            raise TooLarge("the session's file would pass 1 MiB, the most it may hold: finish the session to file it")
        return text

    def save(self, header: SessionHeader, events: list[dict[str, Any]], setup: dict[str, Any] | None = None) -> None:
        """Write the whole session at once; an OSError (ChangedOnDisk among them) leaves the file on disk as it was."""
        self.write_text(self.encode(header, events, setup))

    def write_text(self, text: str) -> None:
        """Replace the file with text from encode, only if it is still the file this process knows."""
        self._check_unchanged()
        atomic_write_text(self.path, text)
        self._stamp = _stamp(self.path)

    def load(self) -> SavedSession | None:
        """The saved session; None when there is none; ProblemsFound when the file is broken."""
        if not self.path.exists():
            self._stamp = None
            return None
        stamp = _stamp(self.path)
        data = toml_file.load_toml_file(self.path)
        problems = []
        if data.get("schema") != IN_PROGRESS_SCHEMA:
            problems.append(Problem(self.path, "schema", f"must be {IN_PROGRESS_SCHEMA}"))
        table = data.get("session")
        header = None
        if not isinstance(table, dict):
            problems.append(Problem(self.path, "session", "missing: the [session] table"))
        else:
            try:
                header = SessionHeader.from_table(table, self.path)
            except ProblemsFound as found:
                problems += found.problems
        events = data.get("events", [])
        if not isinstance(events, list) or not all(isinstance(event, dict) for event in events):
            problems.append(Problem(self.path, "events", "must be [[events]] tables"))
        setup = data.get("setup")
        if setup is not None and not isinstance(setup, dict):
            problems.append(Problem(self.path, "setup", "must be a table"))
        if problems or header is None:
            raise ProblemsFound(problems)
        self._stamp = stamp
        return SavedSession(header, events, setup)

    def clear(self) -> None:
        """Remove the file once the session is filed in history (or dropped), unless it is no longer ours."""
        self._check_unchanged()
        remove_file(self.path)
        self._stamp = None

    def conflict_copies(self) -> list[Path]:
        """Copies of the live session that sync tools leave beside it (`in-progress.sync-conflict-….toml`, …)."""
        stem = self.path.stem
        try:
            names = sorted(os.listdir(self.path.parent))
        except OSError:
            return []
        return [self.path.parent / name for name in names
                if name.startswith(stem) and name.endswith(".toml") and name != self.path.name]

    def _check_unchanged(self) -> None:
        if _stamp(self.path) != self._stamp:
            raise ChangedOnDisk(
                0, f"{self.path.name} was changed by another program or machine since this session last saved it "
                   "(a synced folder?); it is left as it is",
            )

