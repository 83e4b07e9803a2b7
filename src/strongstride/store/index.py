"""The history index: a disposable summary of every session file, so years of history never need reparsing.

Each history file's summary is cached in JSON under its path (relative to the history folder), size
and modification time. One scan of the history folders finds what is new, changed or gone; only
those files are parsed again. A missing or unreadable cache is rebuilt from the TOML files.

Each summary is cached as its own JSON text and decoded only when it is first read: the home screen
reads a handful of sessions, not every one of ten years.
"""

from __future__ import annotations

import bisect
import json
import os
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, overload

from strongstride.engine.rpe import estimate_1rm_from_set
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.model.units import Unit, clean, convert
from strongstride.store.atomic import atomic_write_text
from strongstride.store.history_codec import load_session_file

INDEX_VERSION = 2
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

class _Entry:
    """One history file as last seen: its size and time, and its summary (as JSON text until read) or its problems."""

    __slots__ = ("path", "size", "mtime_ns", "started_at", "uid", "text", "problems", "start", "_summary")

    def __init__(self, path: str, size: int, mtime_ns: int, started_at: str | None, uid: str | None,
                 text: str | None, problems: tuple[Problem, ...], summary: SessionSummary | None = None) -> None:
        self.path = path
        self.size = size
        self.mtime_ns = mtime_ns
        self.started_at = started_at     # ISO text, the sort key; None when the file could not be read
        self.uid = uid
        self.text = text                 # the summary as cached JSON; None when the file could not be read
        self.problems = problems
        self.start = chronological(datetime.fromisoformat(started_at)) if started_at is not None else None
        self._summary = summary

    @classmethod
    def parsed(cls, path: str, stat: os.stat_result) -> _Entry:
        """The entry of a file just read from disk: its summary, or why it could not be read."""
        try:
            log = load_session_file(Path(path))
        except ProblemsFound as found:
            return cls(path, stat.st_size, stat.st_mtime_ns, None, None, None, tuple(found.problems))
        summary = summarise_session(log, path)
        text = json.dumps(_summary_to_json(summary), separators=(",", ":"), ensure_ascii=False)
        return cls(path, stat.st_size, stat.st_mtime_ns, summary.started_at.isoformat(), summary.id, text, (), summary)

    def summary(self) -> SessionSummary:
        """The session's summary, decoded on first read; a damaged cached one is made again from the file."""
        if self._summary is None:
            try:
                self._summary = _summary_from_json(json.loads(self.text or ""), self.path)
            except (ValueError, KeyError, TypeError, IndexError, AttributeError):
                self._summary = _reread(self)
        return self._summary

    def sort_key(self) -> tuple[datetime, str]:
        """Oldest first on the local clock; the id orders sessions started in the same second."""
        return self.start or datetime.min, self.uid or ""

    def stamp(self) -> str:
        """What identifies this version of the file: path, size and time."""
        return f"{self.path}\0{self.size}\0{self.mtime_ns}"


def _reread(entry: _Entry) -> SessionSummary:
    """The file's summary when its cached one cannot be decoded; a blank one if the file broke since the scan."""
    try:
        return summarise_session(load_session_file(Path(entry.path)), entry.path)
    except ProblemsFound:   # changed since the scan: the next look at the index reports it
        return SessionSummary(
            id=entry.uid or "", path=entry.path, started_at=datetime.fromisoformat(entry.started_at or ""),
            finished_at=None, plan_id="", plan_name="", session_id="", session_name="", source="",
            unit="kg", work_sets=0, volume=0.0, average_rpe=None, exercises={},
        )


class SessionSummaries(Sequence[SessionSummary]):
    """Every session's summary, oldest first; each is decoded only when first read, so ten years cost little."""

    def __init__(self, entries: list[_Entry]) -> None:
        self._entries = entries
        self._starts = [entry.start or datetime.min for entry in entries]

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, position: int) -> SessionSummary: ...

    @overload
    def __getitem__(self, position: slice) -> list[SessionSummary]: ...

    def __getitem__(self, position: int | slice) -> SessionSummary | list[SessionSummary]:
        if isinstance(position, slice):
            return [entry.summary() for entry in self._entries[position]]
        return self._entries[position].summary()

    def __iter__(self) -> Iterator[SessionSummary]:
        return (entry.summary() for entry in self._entries)

    def __reversed__(self) -> Iterator[SessionSummary]:
        return (entry.summary() for entry in reversed(self._entries))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None   # type: ignore[assignment]   # equal to lists, so unhashable like them

    def __repr__(self) -> str:
        return f"SessionSummaries({len(self)} sessions)"

    def first_from(self, moment: datetime) -> int:
        """The position of the first session started at or after this moment on the local clock."""
        return bisect.bisect_left(self._starts, moment)

    def fingerprint(self, count: int) -> str:
        """A short text that changes when any of the first `count` sessions' files is added, removed or changed."""
        stamps = "\n".join(entry.stamp() for entry in self._entries[:count]).encode("utf-8", "surrogateescape")
        return f"{count}-{zlib.crc32(stamps):08x}-{zlib.adler32(stamps):08x}"


@dataclass
class HistoryIndex:
    """Every session's summary, oldest first, and the history files that could not be read."""

    summaries: SessionSummaries
    problems: list[Problem]

    def last_performance(self, exercise_id: str) -> tuple[SessionSummary, ExerciseSummary] | None:
        """The most recent session with work sets of this exercise, and what was done in it."""
        for summary in reversed(self.summaries):
            exercise = summary.exercises.get(exercise_id)
            if exercise is not None:
                return summary, exercise
        return None

    def since(self, day: date) -> list[SessionSummary]:
        """Sessions started on or after the day (on the local clock), oldest first; older ones are never decoded."""
        return self.summaries[self.summaries.first_from(datetime.combine(day, datetime.min.time())):]

    def sessions_between(self, start: date, end: date) -> list[SessionSummary]:
        """Sessions started on any day from start to end, both included, oldest first."""
        # A time with an offset can sit a day either side of its local one: look a day wider, then check.
        return [s for s in self.since(start - timedelta(days=1)) if start <= s.started_at.date() <= end]

    def recent(self, n: int) -> list[SessionSummary]:
        """The n most recent sessions, newest first."""
        return self.summaries[-n:][::-1] if n > 0 else []


def load_index(history_dir: Path, cache_file: Path) -> HistoryIndex:
    """The index, reparsing only history files that are new or changed since the cache was written."""
    cached = _read_cache(cache_file, history_dir)
    found, problems = scan_history(history_dir)
    entries: dict[str, _Entry] = {}
    changed = cached is None
    for key, path, stat in found:
        entry = cached.get(key) if cached is not None else None
        if entry is None or entry.size != stat.st_size or entry.mtime_ns != stat.st_mtime_ns:
            entry = _Entry.parsed(path, stat)
            changed = True
        entries[key] = entry
    if cached is not None and cached.keys() - entries.keys():
        changed = True
    if changed:
        _write_cache(cache_file, history_dir, entries)
    readable = sorted((e for e in entries.values() if e.text is not None), key=_Entry.sort_key)
    problems += [p for entry in entries.values() for p in entry.problems]
    return HistoryIndex(SessionSummaries(readable), problems)


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


# -- the cache file -----------------------------------------------------------------------
# One JSON document: {"version", "history", "files": [[key, size, mtime_ns, started_at, id, summary, problems]]}
# with each summary as JSON text of its own (an array, fields in the order below), decoded when first read.

def _read_cache(cache_file: Path, history_dir: Path) -> dict[str, _Entry] | None:
    """The cached entries, or None when the cache is missing, unreadable, or of another version or folder."""
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        folder = str(history_dir)
        if data["version"] != INDEX_VERSION or data["history"] != folder:
            return None
        return {raw[0]: _entry_from_json(raw, os.path.join(folder, raw[0])) for raw in data["files"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):   # any damage: rebuild
        return None


def _write_cache(cache_file: Path, history_dir: Path, entries: dict[str, _Entry]) -> None:
    """Best effort: the cache is disposable, so a failed write only costs a rebuild next time."""
    files = [_entry_to_json(key, entry) for key, entry in entries.items()]
    data = {"version": INDEX_VERSION, "history": str(history_dir), "files": files}
    try:
        atomic_write_text(cache_file, json.dumps(data, separators=(",", ":"), ensure_ascii=False))
    except OSError:
        pass


def _entry_to_json(key: str, entry: _Entry) -> list[Any]:
    problems = [[p.key_path, p.message, p.line] for p in entry.problems]
    return [key, entry.size, entry.mtime_ns, entry.started_at, entry.uid, entry.text, problems]


def _entry_from_json(raw: list[Any], path: str) -> _Entry:
    _, size, mtime_ns, started_at, uid, text, problems = raw
    if not (isinstance(size, int) and isinstance(mtime_ns, int) and isinstance(text, str | None)
            and isinstance(uid, str | None) and (started_at is None) == (text is None)):
        raise TypeError("an entry's size, time, id and summary are of the wrong kind")
    return _Entry(path, size, mtime_ns, started_at, uid, text,
                  tuple(Problem(Path(path), key_path, message, line) for key_path, message, line in problems))


def _summary_to_json(summary: SessionSummary) -> list[Any]:
    return [
        summary.id, summary.started_at.isoformat(),
        summary.finished_at.isoformat() if summary.finished_at else None,
        summary.plan_id, summary.plan_name, summary.session_id, summary.session_name, summary.source,
        summary.unit, summary.work_sets, summary.volume, summary.average_rpe,
        [
            [e.exercise_id, e.name, e.work_sets, e.best_load, e.best_load_reps, e.best_e1rm,
             e.longest_hold, e.most_reps, e.last_sets]
            for e in summary.exercises.values()
        ],
    ]


def _summary_from_json(raw: list[Any], path: str) -> SessionSummary:
    (uid, started_at, finished_at, plan_id, plan_name, session_id, session_name, source, unit,
     work_sets, volume, average_rpe, exercises) = raw
    return SessionSummary(
        id=uid, path=path, started_at=datetime.fromisoformat(started_at),
        finished_at=datetime.fromisoformat(finished_at) if finished_at is not None else None,
        plan_id=plan_id, plan_name=plan_name, session_id=session_id, session_name=session_name,
        source=source, unit=unit, work_sets=work_sets, volume=volume, average_rpe=average_rpe,
        exercises={item[0]: ExerciseSummary(*item[:8], last_sets=tuple(map(tuple, item[8]))) for item in exercises},
    )
