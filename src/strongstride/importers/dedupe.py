"""Importing the same file twice adds nothing: sessions already in history are recognised and left out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from strongstride.importers.sessions import sets_fingerprint
from strongstride.model.log import SessionLog


class KnownSessions:
    """What history already holds, by id, by (source, start) and by (start, what was done)."""

    def __init__(self, history: Iterable[SessionLog]):
        self._ids: set[str] = set()
        self._starts: set[tuple[str, str]] = set()
        self._workouts: set[tuple[str, str]] = set()
        for session in history:
            self.add(session)

    def add(self, session: SessionLog) -> None:
        """Remember a session history holds."""
        self._ids.add(session.id)
        self._starts.add((session.source, session.started_at.isoformat()))
        self._workouts.add((session.started_at.isoformat(), sets_fingerprint(session.sets)))

    def __contains__(self, session: SessionLog) -> bool:
        return (
            session.id in self._ids
            or (session.source, session.started_at.isoformat()) in self._starts
            or (session.started_at.isoformat(), sets_fingerprint(session.sets)) in self._workouts
        )


class NewSessions:
    """Tells, one session at a time as a file streams in, whether history (or the file already, by id) has it."""

    def __init__(self, history: Iterable[SessionLog]) -> None:
        self.known = KnownSessions(history)
        self.new_ids: set[str] = set()

    def is_new(self, session: SessionLog) -> bool:
        """True the first time a session history lacks is seen; it is remembered by id."""
        if session in self.known or session.id in self.new_ids:
            return False
        self.new_ids.add(session.id)
        return True


def split_new_sessions(
    imported: Sequence[SessionLog], history: Iterable[SessionLog]
) -> tuple[list[SessionLog], list[SessionLog]]:
    """The sessions to add, and those history already has (or the same file had already, by id)."""
    new_sessions = NewSessions(history)
    new: list[SessionLog] = []
    duplicates: list[SessionLog] = []
    for session in imported:
        (new if new_sessions.is_new(session) else duplicates).append(session)
    return new, duplicates
