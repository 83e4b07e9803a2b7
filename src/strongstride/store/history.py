"""Finished sessions on disk: one TOML file a session under history/YYYY/, never overwritten."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from strongstride.model.problems import Problem, ProblemsFound
from strongstride.store import paths
from strongstride.store.atomic import atomic_create_text, atomic_create_texts, atomic_write_text
from strongstride.store.index import HistoryIndex, load_index, scan_history
from strongstride.store.index_files import read_json
from strongstride.store.session_files import one_file_per_session, safe_name, session_file_name
from strongstride.model.moments import chronological

if TYPE_CHECKING:   # reading a session file is for its detail view and a live session, not for a start
    from strongstride.model.log import SessionLog
    from strongstride.store.history_codec import PlainSession

INDEX_FILE_NAME = "index.json"
SUFFIX_LENGTH = 6
_SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def new_session_id(started_at: datetime, plan_id: str, session_id: str) -> str:
    """A session's id and file stem, e.g. `2026-11-22T18-05-12_runner-foundation_A_k3f9x2`.

    The random suffix keeps two sessions started in the same second (or on two machines) apart.
    """
    import secrets   # slow to import, and only a new session needs it

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
        return self.path_for_id(log.id, log.started_at)

    def path_for_id(self, session_id: str, started_at: datetime) -> Path:
        """Where the session with this id, started then, is (or would be) filed."""
        return self.history_dir / f"{started_at.year:04d}" / session_file_name(session_id)

    def save(self, log: SessionLog) -> Path:
        """File a finished session atomically; FileExistsError if its file is already there."""
        from strongstride.store.history_codec import session_to_toml

        path = self.path_for(log)
        atomic_create_text(path, session_to_toml(log))
        return path

    def save_many(self, sessions: Sequence[PlainSession]) -> list[bool]:
        """File finished sessions, as plain values, in one batch (synced together); False for each whose file is
        there already."""
        from strongstride.store.history_codec import plain_file_key, plain_to_toml

        return atomic_create_texts([(self.path_for_id(*plain_file_key(plain)), plain_to_toml(plain))
                                    for plain in sessions])

    def load(self, path: Path) -> SessionLog:
        """One session file; ProblemsFound if it is broken."""
        from strongstride.store.history_codec import load_session_file

        return load_session_file(path)

    def load_all(self) -> HistoryLoad:
        """Every session in full, once; broken files and copies of a session are listed and skipped."""
        found, problems = scan_history(self.history_dir)
        read = []
        for _, path, _ in found:
            try:
                read.append((path, self.load(Path(path))))
            except ProblemsFound as broken:
                problems.extend(broken.problems)
        unique, copies = one_file_per_session(read, lambda item: item[1].id, lambda item: item[0])
        problems.extend(copies)
        sessions = [log for _, log in unique]
        sessions.sort(key=lambda log: (chronological(log.started_at), log.id))
        return HistoryLoad(sessions, problems)

    def index(self, rescan: bool = False) -> HistoryIndex:
        """Summaries of every session, reparsing only files changed since the last look (rescan: however old)."""
        return load_index(self.history_dir, self.index_file, rescan=rescan)

    def recent_sessions_with(self, exercise_ids: Iterable[str], per_exercise: int = 3) -> list[SessionLog]:
        """The last few sessions with work sets of each exercise, loaded in full, oldest first (for progression)."""
        still_wanted = dict.fromkeys(exercise_ids, per_exercise)
        wanted: list[str] = []
        for summary in reversed(self.index().summaries):   # newest first, stopping once each exercise has enough
            if not any(still_wanted.values()):
                break
            found = [exercise_id for exercise_id in summary.exercises if still_wanted.get(exercise_id, 0) > 0]
            for exercise_id in found:
                still_wanted[exercise_id] -= 1
            if found:
                wanted.append(summary.path)
        sessions = []
        for path in reversed(wanted):
            try:
                sessions.append(self.load(Path(path)))
            except ProblemsFound:
                continue   # changed or broken since it was indexed: the index reports it next time
        return sessions

    def derived_file(self, name: str) -> Path:
        """Where a small cache derived from the history (e.g. all-time records) is kept, beside the index."""
        return self.index_file.with_name(f"{safe_name(name)}.json")

    def load_derived(self, name: str) -> Any:
        """A cache derived from the history, or None when it is missing or unreadable (the caller rebuilds it)."""
        try:
            return read_json(self.derived_file(name))
        except (OSError, ValueError):
            return None

    def save_derived(self, name: str, data: Any) -> None:
        """Best effort: a derived cache that cannot be written is simply made again next time."""
        try:
            atomic_write_text(self.derived_file(name), json.dumps(data, separators=(",", ":"), ensure_ascii=False))
        except OSError:
            pass
