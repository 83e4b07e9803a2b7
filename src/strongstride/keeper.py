"""The live session kept safe: saved to in-progress.toml after every event, filed in history at the end.

A failed write never loses a set: the events stay in memory, the previous file stays on disk, the
error is shown, and the next event (or an explicit retry) writes everything again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from strongstride.engine.events import Abandoned, Event, Finished, event_from_dict, event_to_dict
from strongstride.engine.session import LiveSession, SessionSetup
from strongstride.engine.session_state import SessionState
from strongstride.model.config import Config
from strongstride.model.exercise import Exercise
from strongstride.model.log import SessionLog
from strongstride.model.plan import Plan
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.store.history import HistoryStore, new_session_id
from strongstride.store.in_progress import InProgressStore


def build_setup(
    plan: Plan,
    session_id: str,
    exercises: Mapping[str, Exercise],
    history: HistoryStore,
    config: Config,
    started_at: datetime,
    volume_factor: float = 1.0,
    uid: str | None = None,
) -> SessionSetup:
    """Everything a session needs, with only the history of its own exercises loaded."""
    template = plan.session(session_id)
    exercise_ids = {block.exercise_id for block in template.blocks}
    for exercise_id in list(exercise_ids):
        exercise_ids.update(e.id for e in _ladder(exercises, exercise_id))
    return SessionSetup(
        plan=plan, template=template, exercises=exercises,
        history=history.recent_sessions_with(sorted(exercise_ids)), config=config,
        started_at=started_at, uid=uid or new_session_id(started_at, plan.id, session_id),
        volume_factor=volume_factor,
    )


def _ladder(exercises: Mapping[str, Exercise], exercise_id: str) -> list[Exercise]:
    """The exercise's easier and harder neighbours, whose history a swap would need."""
    exercise = exercises[exercise_id]
    return [exercises[link] for link in (exercise.easier, exercise.harder) if link in exercises]


def restore_events(raw_events: Sequence[dict[str, Any]], path: Path | str) -> list[Event]:
    """Events read back from in-progress.toml; ProblemsFound names each broken one."""
    events, problems = [], []
    for number, raw in enumerate(raw_events):
        try:
            events.append(event_from_dict(raw))
        except ValueError as error:
            problems.append(Problem(path, f"events[{number}]", str(error)))
    if problems:
        raise ProblemsFound(problems)
    return events


class SessionKeeper:
    """Applies the runner's events to the live session and writes after each one."""

    def __init__(self, session: LiveSession, in_progress: InProgressStore, history: HistoryStore,
                 after_filing: Callable[[SessionLog], str] | None = None):
        self.session = session
        self.in_progress = in_progress
        self.history = history
        self.after_filing = after_filing      # e.g. the FIT export: never raises, says what it did
        self.save_error: str | None = None
        self.saved_to: Path | None = None
        self.after_filing_said: str | None = None

    @property
    def state(self) -> SessionState:
        return self.session.state

    def apply(self, event: Event) -> SessionState:
        """Apply an event (InvalidEvent leaves everything as it was), then save at once."""
        state = self.session.apply(event)
        self.save()
        return state

    def undo_last_set(self) -> Event | None:
        """Take back the last logged or skipped set and save."""
        undone = self.session.undo_last_set()
        if undone is not None:
            self.save()
        return undone

    def save(self) -> bool:
        """Write the whole session to in-progress.toml (or to history once it is over); False on failure."""
        if self.session.state.finished or self.session.state.abandoned:
            return self._file_in_history()
        try:
            self.in_progress.save(self.session.setup.header(), [event_to_dict(e) for e in self.session.events])
        except OSError as error:
            self.save_error = _describe_failure(self.in_progress.path, error)
            return False
        self.save_error = None
        return True

    def finish(self, at: datetime, note: str = "") -> bool:
        """End the session and file it in history; False (with save_error) if that write failed."""
        self.session.apply(Finished(at, note))
        return self.save()

    def abandon(self, at: datetime) -> bool:
        """Drop the session; any sets already logged are still filed in history, marked abandoned."""
        self.session.apply(Abandoned(at))
        return self.save()

    def _file_in_history(self) -> bool:
        log = self.session.to_log()
        try:
            if log.sets:
                self.saved_to = self.history.save(log)
        except FileExistsError:
            self.saved_to = self.history.path_for(log)   # filed already, before a crash: keep that one
        except OSError as error:
            self.save_error = _describe_failure(self.history.path_for(log), error)
            self._keep_in_progress()
            return False
        if self.after_filing is not None and log.sets:
            self.after_filing_said = self.after_filing(log)
        try:
            self.in_progress.clear()
        except OSError as error:
            self.save_error = _describe_failure(self.in_progress.path, error)
            return False
        self.save_error = None
        return True

    def _keep_in_progress(self) -> None:
        """Best effort: the ended session stays resumable while history cannot be written."""
        try:
            self.in_progress.save(self.session.setup.header(), [event_to_dict(e) for e in self.session.events])
        except OSError:
            pass


def _describe_failure(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"Could not save {path}: {reason}. Every set is kept in memory and saved at the next chance."
