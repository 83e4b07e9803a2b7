"""The history index: a disposable summary of every session file, so years of history never need reparsing.

Each history file's summary is cached in JSON under its path (relative to the history folder), size
and modification time. One scan of the history folders finds what is new, changed or gone; only
those files are parsed again. A missing or unreadable cache is rebuilt from the TOML files.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from strongstride.engine.rpe import estimate_1rm_from_set
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.model.units import Unit, clean, convert
from strongstride.store.atomic import atomic_write_text
from strongstride.store.history_codec import load_session_file

INDEX_VERSION = 1
SetSummary = tuple[int | None, float | None, float | None, int | None]   # (reps, load, rpe, hold)


@dataclass(frozen=True)
class ExerciseSummary:
    """One exercise's work sets in one session: its bests and each set, loads in the session's unit."""

    exercise_id: str
    name: str
    work_sets: int
    best_load: float | None
    best_load_reps: int | None
    best_e1rm: float | None
    longest_hold: int | None
    most_reps: int | None
    last_sets: tuple[SetSummary, ...]


@dataclass(frozen=True)
class SessionSummary:
    """What the home screen and the history commands show of one session, without its file."""

    id: str
    path: str
    started_at: datetime
    finished_at: datetime | None
    plan_id: str
    plan_name: str
    session_id: str
    session_name: str
    source: str
    unit: str
    work_sets: int
    volume: float
    average_rpe: float | None
    exercises: dict[str, ExerciseSummary]


def chronological(moment: datetime) -> datetime:
    """A sort key that puts times with and without an offset on one local clock."""
    return moment if moment.tzinfo is None else moment.astimezone().replace(tzinfo=None)


@dataclass
class HistoryIndex:
    """Every session's summary, oldest first, and the history files that could not be read."""

    summaries: list[SessionSummary]
    problems: list[Problem]

    def last_performance(self, exercise_id: str) -> tuple[SessionSummary, ExerciseSummary] | None:
        """The most recent session with work sets of this exercise, and what was done in it."""
        for summary in reversed(self.summaries):
            exercise = summary.exercises.get(exercise_id)
            if exercise is not None:
                return summary, exercise
        return None

    def sessions_between(self, start: date, end: date) -> list[SessionSummary]:
        """Sessions started on any day from start to end, both included, oldest first."""
        return [s for s in self.summaries if start <= s.started_at.date() <= end]

    def recent(self, n: int) -> list[SessionSummary]:
        """The n most recent sessions, newest first."""
        return self.summaries[::-1][:max(n, 0)]


# -- summarising a session ----------------------------------------------------------------

def summarise_session(log: SessionLog, path: Path | str) -> SessionSummary:
    """A session's summary: warm-up and skipped sets never count, loads converted to its unit."""
    by_exercise: dict[str, list[SetLog]] = {}
    for s in log.work_sets:
        by_exercise.setdefault(s.exercise_id, []).append(s)
    exercises = {exercise_id: _summarise_exercise(sets, log.unit) for exercise_id, sets in by_exercise.items()}
    volume = sum(_load_in(s, log.unit) * s.reps for s in log.work_sets if s.load is not None and s.reps is not None)
    return SessionSummary(
        id=log.id, path=str(path), started_at=log.started_at, finished_at=log.finished_at,
        plan_id=log.plan_id, plan_name=log.plan_name, session_id=log.session_id,
        session_name=log.session_name, source=log.source, unit=log.unit,
        work_sets=len(log.work_sets), volume=clean(volume), average_rpe=log.average_rpe,
        exercises=exercises,
    )


def _load_in(s: SetLog, unit: Unit) -> float:
    return clean(convert(s.load, s.unit, unit)) if s.load is not None else 0.0


def _summarise_exercise(sets: list[SetLog], unit: Unit) -> ExerciseSummary:
    heaviest = max((s for s in sets if s.load is not None), key=lambda s: (_load_in(s, unit), s.reps or 0), default=None)
    estimates = [
        estimate for s in sets
        if (estimate := estimate_1rm_from_set(_load_in(s, unit) if s.load else None, s.reps, s.rpe)) is not None
    ]
    holds = [s.hold_seconds for s in sets if s.hold_seconds is not None]
    reps = [s.reps for s in sets if s.reps is not None]
    return ExerciseSummary(
        exercise_id=sets[0].exercise_id,
        name=next((s.exercise_name for s in sets if s.exercise_name), ""),
        work_sets=len(sets),
        best_load=_load_in(heaviest, unit) if heaviest else None,
        best_load_reps=heaviest.reps if heaviest else None,
        best_e1rm=clean(max(estimates)) if estimates else None,
        longest_hold=max(holds, default=None),
        most_reps=max(reps, default=None),
        last_sets=tuple((s.reps, _load_in(s, unit) if s.load is not None else None, s.rpe, s.hold_seconds)
                        for s in sets),
    )


# -- loading the index --------------------------------------------------------------------

@dataclass(frozen=True)
class _Entry:
    """One history file as last seen: its size and time, and its summary or why it could not be read."""

    size: int
    mtime_ns: int
    summary: SessionSummary | None
    problems: tuple[Problem, ...]


def load_index(history_dir: Path, cache_file: Path) -> HistoryIndex:
    """The index, reparsing only history files that are new or changed since the cache was written."""
    cached = _read_cache(cache_file, history_dir)
    found, problems = scan_history(history_dir)
    entries: dict[str, _Entry] = {}
    changed = cached is None
    for key, path, stat in found:
        entry = cached.get(key) if cached is not None else None
        if entry is None or entry.size != stat.st_size or entry.mtime_ns != stat.st_mtime_ns:
            entry = _parse(path, stat)
            changed = True
        entries[key] = entry
    if cached is not None and cached.keys() - entries.keys():
        changed = True
    if changed:
        _write_cache(cache_file, history_dir, entries)
    summaries = sorted(
        (e.summary for e in entries.values() if e.summary is not None),
        key=lambda s: (chronological(s.started_at), s.id),
    )
    problems += [p for entry in entries.values() for p in entry.problems]
    return HistoryIndex(summaries, problems)


HistoryFile = tuple[str, str, os.stat_result]   # (year/name.toml, path, stat)


def scan_history(history_dir: Path) -> tuple[list[HistoryFile], list[Problem]]:
    """Each `*.toml` in each folder of the history folder, in name order, and the folders that cannot be read."""
    try:
        with os.scandir(history_dir) as entries:
            folders = sorted((e for e in entries if e.is_dir()), key=lambda e: e.name)
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [Problem(history_dir, "", f"cannot read the folder: {error.strerror or error}")]
    found: list[HistoryFile] = []
    problems = []
    for folder in folders:
        try:
            with os.scandir(folder.path) as files:
                names = sorted(
                    (e for e in files if e.name.endswith(".toml") and not e.name.startswith(".") and e.is_file()),
                    key=lambda e: e.name,
                )
                found += [(f"{folder.name}/{e.name}", e.path, e.stat()) for e in names]
        except OSError as error:
            problems.append(Problem(folder.path, "", f"cannot read the folder: {error.strerror or error}"))
    return found, problems


def _parse(path: str, stat: os.stat_result) -> _Entry:
    try:
        log = load_session_file(Path(path))
    except ProblemsFound as found:
        return _Entry(stat.st_size, stat.st_mtime_ns, None, tuple(found.problems))
    return _Entry(stat.st_size, stat.st_mtime_ns, summarise_session(log, path), ())


# -- the cache file -----------------------------------------------------------------------

def _read_cache(cache_file: Path, history_dir: Path) -> dict[str, _Entry] | None:
    """The cached entries, or None when the cache is missing, unreadable, or of another version or folder."""
    try:
        with _collector_paused():
            return _entries_from_json(cache_file, history_dir)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def _entries_from_json(cache_file: Path, history_dir: Path) -> dict[str, _Entry] | None:
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    folder = str(history_dir)
    if data["version"] != INDEX_VERSION or data["history"] != folder:
        return None
    return {key: _entry_from_json(raw, os.path.join(folder, key)) for key, raw in data["files"].items()}


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Tens of thousands of small objects are made at once and none are garbage: skip the collector's passes."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _write_cache(cache_file: Path, history_dir: Path, entries: dict[str, _Entry]) -> None:
    """Best effort: the cache is disposable, so a failed write only costs a rebuild next time."""
    files = {key: _entry_to_json(entry) for key, entry in entries.items()}
    data = {"version": INDEX_VERSION, "history": str(history_dir), "files": files}
    try:
        atomic_write_text(cache_file, json.dumps(data, separators=(",", ":"), ensure_ascii=False))
    except OSError:
        pass


def _entry_to_json(entry: _Entry) -> dict[str, Any]:
    raw: dict[str, Any] = {"size": entry.size, "mtime_ns": entry.mtime_ns}
    if entry.summary is not None:
        raw["summary"] = _summary_to_json(entry.summary)
    if entry.problems:
        raw["problems"] = [[p.key_path, p.message, p.line] for p in entry.problems]
    return raw


def _entry_from_json(raw: dict[str, Any], path: str) -> _Entry:
    summary = raw.get("summary")
    return _Entry(
        size=_whole(raw["size"]),
        mtime_ns=_whole(raw["mtime_ns"]),
        summary=_summary_from_json(summary, path) if summary is not None else None,
        problems=tuple(Problem(Path(path), p[0], p[1], p[2]) for p in raw.get("problems", ())),
    )


def _summary_to_json(summary: SessionSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "started_at": summary.started_at.isoformat(),
        "finished_at": summary.finished_at.isoformat() if summary.finished_at else None,
        "plan_id": summary.plan_id, "plan_name": summary.plan_name,
        "session_id": summary.session_id, "session_name": summary.session_name,
        "source": summary.source, "unit": summary.unit, "work_sets": summary.work_sets,
        "volume": summary.volume, "average_rpe": summary.average_rpe,
        "exercises": [
            [e.exercise_id, e.name, e.work_sets, e.best_load, e.best_load_reps, e.best_e1rm,
             e.longest_hold, e.most_reps, [list(s) for s in e.last_sets]]
            for e in summary.exercises.values()
        ],
    }


def _summary_from_json(raw: dict[str, Any], path: str) -> SessionSummary:
    exercises = {}
    for item in raw["exercises"]:
        exercise = ExerciseSummary(*item[:8], last_sets=tuple(map(tuple, item[8])))  # type: ignore[arg-type]
        exercises[exercise.exercise_id] = exercise
    finished = raw["finished_at"]
    return SessionSummary(
        id=raw["id"], path=path, started_at=datetime.fromisoformat(raw["started_at"]),
        finished_at=datetime.fromisoformat(finished) if finished is not None else None,
        plan_id=raw["plan_id"], plan_name=raw["plan_name"], session_id=raw["session_id"],
        session_name=raw["session_name"], source=raw["source"], unit=raw["unit"],
        work_sets=raw["work_sets"], volume=raw["volume"], average_rpe=raw["average_rpe"],
        exercises=exercises,
    )


def _whole(value: Any) -> int:
    if not isinstance(value, int):
        raise TypeError(f"{value!r} is not a whole number")
    return value
