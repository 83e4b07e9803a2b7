"""The live session kept safe: saved to in-progress.toml after every event, filed in history at the end.

A failed write never loses a set: the events stay in memory, the previous file stays on disk, the
error is shown, and the next event (or an explicit retry) writes everything again.
"""

from __future__ import annotations

import dataclasses

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from strongstride.engine.events import Abandoned, Event, Finished, event_from_dict, event_to_dict
from strongstride.engine.session import InvalidEvent, LiveSession, SessionSetup
from strongstride.engine.session_state import SessionState
from strongstride.model.config import Config
from strongstride.model.exercise import Exercise
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.plan import Plan
from strongstride.model.plan_parser import parse_plan
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.model.toml_file import read_toml_text
from strongstride.store.history import HistoryStore, new_session_id
from strongstride.store.in_progress import ChangedOnDisk, InProgressStore, SavedSession, TooLarge
from strongstride.store.session_snapshot import exercises_for, setup_from_snapshot, setup_snapshot


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
    return [exercises[link] for link in (exercise.easier, exercise.harder) if link is not None and link in exercises]


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


def start_session(
    plan: Plan, session_id: str, library: ExerciseLibrary, history: HistoryStore, config: Config,
    now: datetime, in_progress: InProgressStore, volume_factor: float = 1.0,
    after_filing: Callable[[SessionLog], str] | None = None,
) -> SessionKeeper:
    """A new session from the plan as its file reads now; what it starts from is saved with its first set."""
    exercises: Mapping[str, Exercise] = library
    snapshot_text = None
    if plan.path is not None:
        snapshot_text = read_toml_text(plan.path)
        plan = parse_plan(snapshot_text, plan.path, library)   # the plan exactly as the snapshot keeps it
        exercises = exercises_for(plan, library)
    setup = build_setup(plan, session_id, exercises, history, config, now, volume_factor)
    snapshot = setup_snapshot(setup, snapshot_text) if snapshot_text is not None else None
    return SessionKeeper(LiveSession(setup), in_progress, history, snapshot, after_filing)


def resume_session(
    saved: SavedSession, in_progress: InProgressStore, history: HistoryStore,
    setup_without_snapshot: Callable[[SavedSession], SessionSetup],
    after_filing: Callable[[SessionLog], str] | None = None,
) -> SessionKeeper:
    """The unfinished session, folded against the setup it started with (older files: against today's)."""
    if saved.setup is not None:
        setup = setup_from_snapshot(saved.header, saved.setup, in_progress.path)
    else:
        setup = setup_without_snapshot(saved)
    try:
        session = LiveSession(setup, restore_events(saved.events, in_progress.path))
    except ValueError as error:
        raise ProblemsFound([Problem(in_progress.path, "events", f"cannot resume: {error}")]) from None
    keeper = SessionKeeper(session, in_progress, history, saved.setup, after_filing)
    keeper.saved_sets = len(session.state.logged)
    return keeper


def same_set(a: SetLog, b: SetLog) -> bool:
    """Whether two filed sets record the same effort (the rest after it may have been added since)."""
    return (a.exercise_id, a.kind, a.side, a.at, a.reps, a.load, a.hold_seconds, a.skipped) == (
        b.exercise_id, b.kind, b.side, b.at, b.reps, b.load, b.hold_seconds, b.skipped)


def extends(longer: SessionLog, shorter: SessionLog) -> bool:
    """True when every set of `shorter` opens `longer`, in order: the same session, further on."""
    return len(longer.sets) >= len(shorter.sets) and all(map(same_set, longer.sets, shorter.sets))


class SessionKeeper:
    """Applies the runner's events to the live session and writes after each one."""

    def __init__(
        self, session: LiveSession, in_progress: InProgressStore, history: HistoryStore,
        snapshot: dict[str, Any] | None = None, after_filing: Callable[[SessionLog], str] | None = None,
    ):
        self.session = session
        self.in_progress = in_progress
        self.history = history
        self.snapshot = snapshot
        self.after_filing = after_filing      # e.g. the FIT export: never raises, says what it did
        self.save_error: str | None = None
        self.saved_to: Path | None = None
        self.filing_note = ""
        self.after_filing_said: str | None = None
        self.saved_sets = 0   # sets (warm-ups and skips included) on disk as of the last good save

    @property
    def state(self) -> SessionState:
        return self.session.state

    @property
    def unsaved_sets(self) -> int:
        """How many logged sets exist only in memory, because saving them has failed so far."""
        if self.save_error is None:
            return 0
        return max(0, len(self.session.state.logged) - self.saved_sets)

    def apply(self, event: Event) -> SessionState:
        """Apply an event (InvalidEvent leaves everything as it was), then save at once."""
        state = self.session.apply(event)
        if state.finished or state.abandoned:
            self._file_in_history()
            return self.session.state
        try:
            text = self._encoded()
        except TooLarge as full:
            self.session.undo()
            raise InvalidEvent(str(full)) from None
        self._write(text)
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
        return self._write(self._encoded())

    def _write(self, text: str) -> bool:
        try:
            self.in_progress.write_text(text)
        except OSError as error:
            self.save_error = _describe_failure(self.in_progress.path, error)
            return False
        self.save_error = None
        self.saved_sets = len(self.session.state.logged)
        return True

    def finish(self, at: datetime, note: str = "") -> bool:
        """End the session and file it in history; False (with save_error) if that write failed."""
        self.session.apply(Finished(at, note))
        return self.save()

    def abandon(self, at: datetime) -> bool:
        """Drop the session; any sets already logged are still filed in history, marked abandoned."""
        self.session.apply(Abandoned(at))
        return self.save()

    def _encoded(self) -> str:
        return self.in_progress.encode(
            self.session.setup.header(), [event_to_dict(e) for e in self.session.events], self.snapshot,
        )

    def _file_in_history(self) -> bool:
        log = self.session.to_log()
        try:
            if log.sets:
                self.saved_to = self._file(log)
        except (OSError, ProblemsFound) as error:
            reason = error if isinstance(error, OSError) else OSError(0, str(error.problems[0]))
            self.save_error = _describe_failure(self.history.path_for(log), reason)
            self._keep_in_progress()
            return False
        if self.after_filing is not None and log.sets:
            self.after_filing_said = self.after_filing(log)
        try:
            self.in_progress.clear()
        except ChangedOnDisk:
            pass    # another machine's session arrived in its place: filed ours, left theirs for the home screen
        except OSError as error:
            self.save_error = _describe_failure(self.in_progress.path, error)
            return False
        self.save_error = None
        self.saved_sets = len(log.sets)
        return True

    def _file(self, log: SessionLog) -> Path:
        """File the session once: a copy filed before a crash is replaced by this longer one, never dropped."""
        from strongstride.store.atomic import atomic_write_text
        from strongstride.store.history_codec import session_to_toml

        try:
            return self.history.save(log)
        except FileExistsError:
            path = self.history.path_for(log)
        filed = self.history.load(path)
        if extends(filed, log):
            self.filing_note = f"Already filed with these sets at {path}"
            return path
        if extends(log, filed):
            atomic_write_text(path, session_to_toml(log))
            self.filing_note = f"Filed before with {_count(len(filed.sets))}; now with all {len(log.sets)}"
            return path
        apart = dataclasses.replace(log, id=f"{log.id}-resumed")
        self.filing_note = (f"{path.name} holds other sets for this session; both are kept: "
                            f"this one is filed beside it, for you to compare in history")
        return self.history.save(apart)

    def _keep_in_progress(self) -> None:
        """Best effort: the ended session stays resumable while history cannot be written."""
        try:
            self.in_progress.write_text(self._encoded())
        except (OSError, TooLarge):
            pass


def _count(sets: int) -> str:
    return f"{sets} set{'s' if sets != 1 else ''}"


def _describe_failure(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"Could not save {path}: {reason}. Every set is kept in memory and saved at the next chance."
