"""Finished sessions on disk: one TOML file a session under history/YYYY/, never overwritten."""

from __future__ import annotations

import re
import secrets
import string
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from strongstride.model.log import SessionLog
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.store import paths
from strongstride.store.atomic import atomic_create_text
from strongstride.store.history_codec import load_session_file, session_to_toml
from strongstride.store.index import HistoryIndex, chronological, load_index, scan_history

INDEX_FILE_NAME = "index.json"
SUFFIX_LENGTH = 6
_SUFFIX_ALPHABET = string.ascii_lowercase + string.digits
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_LONGEST_PART = 40          # of a plan or session id inside a session id
_LONGEST_STEM = 200


def safe_name(text: str, longest: int = _LONGEST_PART) -> str:
    """Text fit for a file name: only letters, digits, `_` and `-`, so nothing can leave the folder."""
    return _UNSAFE.sub("-", text).strip("-")[:longest] or "x"


def new_session_id(started_at: datetime, plan_id: str, session_id: str) -> str:
    """A session's id and file stem, e.g. `2026-11-22T18-05-12_runner-foundation_A_k3f9x2`.

    The random suffix keeps two sessions started in the same second (or on two machines) apart.
    """
    suffix = "".join(secrets.choice(_SUFFIX_ALPHABET) for _ in range(SUFFIX_LENGTH))
    return f"{started_at:%Y-%m-%dT%H-%M-%S}_{safe_name(plan_id)}_{safe_name(session_id)}_{suffix}"


@dataclass
class HistoryLoad:
    """Every session that could be read, oldest first, and each file that could not (left untouched)."""

    sessions: list[SessionLog]
    problems: list[Problem]


class HistoryStore:
    """The history folder and the index that summarises it."""

    def __init__(self, data_dir: Path, cache_dir: Path) -> None:
        self.history_dir = data_dir / "history"
        self.index_file = cache_dir / INDEX_FILE_NAME

    @classmethod
    def default(cls) -> HistoryStore:
        """The user's own history, in the folders store.paths names."""
        return cls(paths.data_dir(), paths.cache_dir())

    def path_for(self, log: SessionLog) -> Path:
        """Where a session is filed: history/YYYY/<id>.toml (the id made safe for a file name)."""
        return self.history_dir / f"{log.started_at.year:04d}" / f"{safe_name(log.id, _LONGEST_STEM)}.toml"

    def save(self, log: SessionLog) -> Path:
        """File a finished session atomically; FileExistsError if its file is already there."""
        path = self.path_for(log)
        atomic_create_text(path, session_to_toml(log))
        return path

    def load(self, path: Path) -> SessionLog:
        """One session file; ProblemsFound if it is broken."""
        return load_session_file(path)

    def load_all(self) -> HistoryLoad:
        """Every session in full; broken files are listed with their path and reason and skipped."""
        found, problems = scan_history(self.history_dir)
        sessions = []
        for _, path, _ in found:
            try:
                sessions.append(self.load(Path(path)))
            except ProblemsFound as broken:
                problems.extend(broken.problems)
        sessions.sort(key=lambda log: (chronological(log.started_at), log.id))
        return HistoryLoad(sessions, problems)

    def index(self) -> HistoryIndex:
        """Summaries of every session, reparsing only files changed since the last look."""
        return load_index(self.history_dir, self.index_file)

    def recent_sessions_with(self, exercise_ids: Iterable[str], per_exercise: int = 3) -> list[SessionLog]:
        """The last few sessions with work sets of each exercise, loaded in full, oldest first (for progression)."""
        summaries = self.index().summaries
        wanted: set[str] = set()
        for exercise_id in set(exercise_ids):
            with_exercise = [s.path for s in summaries if exercise_id in s.exercises]
            wanted.update(with_exercise[-per_exercise:] if per_exercise > 0 else ())
        sessions = []
        for summary in summaries:
            if summary.path in wanted:
                try:
                    sessions.append(self.load(Path(summary.path)))
                except ProblemsFound:
                    continue   # changed or broken since it was indexed: the index reports it next time
        return sessions
