"""The history index: a disposable summary of every session file, so years of history never need reparsing.

Each folder of the history (a year) has a cache file of its own, holding each file's summary as JSON
under its path (relative to the history folder), size and modification time; a small index file keeps
each folder's figures: its files' stamp, how many sessions it holds, its first and last one. One scan
of the history folders stats every file: a folder whose stamp is unchanged is trusted as it is, and its
cache file is read only when a caller reaches its sessions, so a look at the last weeks never reads the
years before; in a changed folder only new or changed files are parsed again. A missing or unreadable
cache is rebuilt from the TOML files.

Each summary is decoded only when it is first read: the home screen reads a handful of sessions.
"""

from __future__ import annotations

import bisect
import json
import os
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any, overload

from strongstride.engine.rpe import estimate_1rm_from_set
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.model.units import Unit, clean, convert
from strongstride.store.atomic import atomic_write_text
from strongstride.store.history_codec import load_session_file

INDEX_VERSION = 3
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


def _digest(lines: Iterable[str]) -> str:
    """A short text that changes when any of the lines does (two checksums, so a clash is vanishingly rare)."""
    data = "\n".join(lines).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


HistoryFile = tuple[str, str, os.stat_result]   # (year/name.toml, path, stat)
SortKey = tuple[datetime, str]
Ends = tuple[tuple[str, str], tuple[str, str]]   # the first and last session's (started_at, id)


def _sort_key(end: tuple[str, str] | list[str]) -> SortKey:
    """A session's place in time from its ISO start and id, as _Entry.sort_key gives it."""
    started_at, uid = end
    return chronological(datetime.fromisoformat(started_at)), uid


@dataclass
class _Folder:
    """One folder of the history (a year) as scanned just now: its session files, in name order."""

    name: str
    files: list[HistoryFile]

    def scan_stamp(self) -> str:
        """Changes when any file of the folder is added, removed, resized or touched."""
        return _digest(f"{key}\0{stat.st_size}\0{stat.st_mtime_ns}" for key, _, stat in self.files)


class _Year:
    """One folder's sessions: counted and bounded from the index file, its summaries read only when first needed."""

    def __init__(self, folder: _Folder, scan: str, count: int, ends: Ends | None, digest: str,
                 problems: list[Problem], entries: list[_Entry] | None, cache: _YearCache) -> None:
        self.folder = folder
        self.scan = scan                 # the folder's scan stamp when these figures were taken
        self.count = count               # readable sessions
        self.ends = ends                 # the first and last session's (started_at, id); None when there is none
        self.bounds = (_sort_key(ends[0]), _sort_key(ends[1])) if ends is not None else None
        self.digest = digest             # of the readable sessions' stamps, oldest first (for fingerprints)
        self.problems = problems
        self._entries = entries          # the readable sessions, oldest first; None until first needed
        self._cache = cache

    @classmethod
    def counted(cls, folder: _Folder, scan: str, entries: list[_Entry], cache: _YearCache) -> _Year:
        """A folder just refreshed: its figures taken from its entries, which stay loaded."""
        readable = sorted((e for e in entries if e.text is not None), key=_Entry.sort_key)
        ends = ((readable[0].started_at or "", readable[0].uid or ""),
                (readable[-1].started_at or "", readable[-1].uid or "")) if readable else None
        problems = [p for entry in entries for p in entry.problems]
        return cls(folder, scan, len(readable), ends, _digest(e.stamp() for e in readable), problems, readable, cache)

    def entries(self) -> list[_Entry]:
        """The folder's readable sessions, oldest first, read from its cache file on first need."""
        if self._entries is None:
            entries = self._cache.read(self.folder.name, self.scan)
            if entries is None:   # its cache file is gone, damaged or stale: reparse what it does not hold
                entries = self._cache.refresh(self.folder, self.scan, self._cache.read(self.folder.name, None))
            self._entries = sorted((e for e in entries.values() if e.text is not None), key=_Entry.sort_key)
        return self._entries


class _Chunk:
    """Folders whose sessions interleave in time (one, nearly always), read and sorted together."""

    def __init__(self, years: list[_Year]) -> None:
        self.years = years
        self.count = sum(year.count for year in years)
        self.last = max(year.bounds[1] for year in years if year.bounds is not None)
        self._entries: list[_Entry] | None = None
        self._starts: list[datetime] | None = None

    def entries(self) -> list[_Entry]:
        """The chunk's readable sessions, oldest first."""
        if self._entries is None:
            if len(self.years) == 1:
                self._entries = self.years[0].entries()
            else:
                self._entries = sorted((e for year in self.years for e in year.entries()), key=_Entry.sort_key)
        return self._entries

    def first_from(self, moment: datetime) -> int:
        """The position in this chunk of its first session started at or after the moment."""
        if self._starts is None:
            self._starts = [entry.start or datetime.min for entry in self.entries()]
        return bisect.bisect_left(self._starts, moment)

    def digest(self, count: int) -> str:
        """The digest of the stamps of the chunk's first `count` sessions; a whole year's is kept, not counted."""
        if count == self.count and len(self.years) == 1:
            return self.years[0].digest
        return _digest(entry.stamp() for entry in self.entries()[:count])


def _chunks(years: list[_Year]) -> list[_Chunk]:
    """The folders with sessions, in name order, those whose sessions overlap in time joined into one chunk."""
    groups: list[list[_Year]] = []
    latest: SortKey | None = None
    for year in years:
        if year.bounds is None:
            continue
        if groups and latest is not None and year.bounds[0] <= latest:
            groups[-1].append(year)
        else:
            groups.append([year])
        latest = year.bounds[1] if latest is None else max(latest, year.bounds[1])
    return [_Chunk(group) for group in groups]


class SessionSummaries(Sequence[SessionSummary]):
    """Every session's summary, oldest first; a past year is read, and a summary decoded, only when first needed."""

    def __init__(self, chunks: list[_Chunk]) -> None:
        self._chunks = chunks
        self._ends = list(accumulate(chunk.count for chunk in chunks))   # each chunk's end position

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def _entry(self, position: int) -> _Entry:
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError("session position out of range")
        which = bisect.bisect_right(self._ends, position)
        return self._chunks[which].entries()[position - (self._ends[which] - self._chunks[which].count)]

    @overload
    def __getitem__(self, position: int) -> SessionSummary: ...

    @overload
    def __getitem__(self, position: slice) -> list[SessionSummary]: ...

    def __getitem__(self, position: int | slice) -> SessionSummary | list[SessionSummary]:
        if isinstance(position, slice):
            return [self._entry(p).summary() for p in range(*position.indices(len(self)))]
        return self._entry(position).summary()

    def __iter__(self) -> Iterator[SessionSummary]:
        return (entry.summary() for chunk in self._chunks for entry in chunk.entries())

    def __reversed__(self) -> Iterator[SessionSummary]:
        return (entry.summary() for chunk in reversed(self._chunks) for entry in reversed(chunk.entries()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None   # type: ignore[assignment]   # equal to lists, so unhashable like them

    def __repr__(self) -> str:
        return f"SessionSummaries({len(self)} sessions)"

    def first_from(self, moment: datetime) -> int:
        """The position of the first session started at or after this moment on the local clock."""
        for chunk, end in zip(self._chunks, self._ends):
            if chunk.last[0] >= moment:   # earlier chunks end before the moment, and are never read
                return end - chunk.count + chunk.first_from(moment)
        return len(self)

    def fingerprint(self, count: int) -> str:
        """A short text that changes when any of the first `count` sessions' files is added, removed or changed."""
        parts = []
        for chunk, end in zip(self._chunks, self._ends):
            taken = min(chunk.count, count - (end - chunk.count))
            if taken <= 0:
                break
            parts.append(f"{taken}:{chunk.digest(taken)}")
        return f"{count}-{_digest(parts)}"


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
    """The index: every history file is checked, but only a folder whose files changed is read, or reparsed.

    A folder whose files all keep their size and time is taken from the index file (its count, first
    and last session); its summaries are read from its own cache file only when a caller reaches them.
    """
    folders, problems = _scan_folders(history_dir)
    cache = _YearCache(cache_file, history_dir)
    known = cache.read_years()
    changed = known is None or known.keys() != {folder.name for folder in folders}
    years = []
    for folder in folders:
        scan = folder.scan_stamp()
        record = known.get(folder.name) if known is not None else None
        if record is not None and record.scan == scan:
            record.folder = folder
            years.append(record)
        else:
            entries = cache.refresh(folder, scan, cache.read(folder.name, None))
            years.append(_Year.counted(folder, scan, list(entries.values()), cache))
            changed = True
    if changed:
        cache.write_years(years)
    problems += [p for year in years for p in year.problems]
    return HistoryIndex(SessionSummaries(_chunks(years)), problems)


def scan_history(history_dir: Path) -> tuple[list[HistoryFile], list[Problem]]:
    """Each `*.toml` in each folder of the history folder, in name order, and the folders that cannot be read."""
    folders, problems = _scan_folders(history_dir)
    return [found for folder in folders for found in folder.files], problems


def _scan_folders(history_dir: Path) -> tuple[list[_Folder], list[Problem]]:
    """Each folder of the history folder with its `*.toml` files, in name order, and the folders that cannot be read."""
    try:
        with os.scandir(history_dir) as entries:
            folders = sorted((e for e in entries if e.is_dir()), key=lambda e: e.name)
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [Problem(history_dir, "", f"cannot read the folder: {error.strerror or error}")]
    found: list[_Folder] = []
    problems = []
    for folder in folders:
        try:
            with os.scandir(folder.path) as files:
                names = sorted(
                    (e for e in files if e.name.endswith(".toml") and not e.name.startswith(".") and e.is_file()),
                    key=lambda e: e.name,
                )
                found.append(_Folder(folder.name, [(f"{folder.name}/{e.name}", e.path, e.stat()) for e in names]))
        except OSError as error:
            problems.append(Problem(folder.path, "", f"cannot read the folder: {error.strerror or error}"))
    return found, problems


# -- the cache files ------------------------------------------------------------------------
# The index file: {"version", "history", "clock", "years": [[folder, scan, count, first, last, digest, problems]]},
# first and last as [started_at, id], each problem as [key, key_path, message, line].
# Beside it, one file a folder: {"version", "history", "folder", "scan", "files": [[key, size, mtime_ns,
# started_at, id, summary, problems]]}, each summary JSON text of its own (fields in the order below),
# decoded when first read. "scan" ties a folder's file to the index file's figures for it.

_DAMAGE = (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError)


class _YearCache:
    """The index file and the cache file of each folder beside it; all disposable, any damage means a rebuild."""

    def __init__(self, cache_file: Path, history_dir: Path) -> None:
        self.index_file = cache_file
        self.history = str(history_dir)

    def folder_file(self, name: str) -> Path:
        """The cache file of one folder: named after it when the name is plain, else after a checksum of it."""
        plain = name.isascii() and name.isalnum() and len(name) <= 40
        part = name if plain else f"x{zlib.crc32(name.encode('utf-8', 'surrogateescape')):08x}"
        return self.index_file.with_name(f"{self.index_file.stem}-{part}.json")

    def read_years(self) -> dict[str, _Year] | None:
        """Each folder's figures as last written (without its files), or None when the index file cannot be trusted."""
        try:
            data = json.loads(self.index_file.read_text(encoding="utf-8"))
            if data["version"] != INDEX_VERSION or data["history"] != self.history or data["clock"] != _clock():
                return None
            return {raw[0]: self._year_from_json(raw) for raw in data["years"]}
        except _DAMAGE:
            return None

    def write_years(self, years: list[_Year]) -> None:
        """Best effort, like every write here: a failed one only costs a rebuild next time."""
        data = {"version": INDEX_VERSION, "history": self.history, "clock": _clock(),
                "years": [self._year_to_json(year) for year in years]}
        _write_json(self.index_file, data)

    def read(self, name: str, scan: str | None) -> dict[str, _Entry] | None:
        """A folder's cached entries by key; None when missing, damaged, or (given a scan stamp) of other files."""
        try:
            data = json.loads(self.folder_file(name).read_text(encoding="utf-8"))
            if (data["version"] != INDEX_VERSION or data["history"] != self.history or data["folder"] != name
                    or (scan is not None and data["scan"] != scan)):
                return None
            return {raw[0]: _entry_from_json(raw, os.path.join(self.history, raw[0])) for raw in data["files"]}
        except _DAMAGE:
            return None

    def refresh(self, folder: _Folder, scan: str, cached: dict[str, _Entry] | None) -> dict[str, _Entry]:
        """The folder's entries, reparsing only files new or changed since cached; its cache file rewritten if stale."""
        entries: dict[str, _Entry] = {}
        changed = cached is None
        for key, path, stat in folder.files:
            entry = cached.get(key) if cached is not None else None
            if entry is None or entry.size != stat.st_size or entry.mtime_ns != stat.st_mtime_ns:
                entry = _Entry.parsed(path, stat)
                changed = True
            entries[key] = entry
        if changed or cached.keys() != entries.keys():   # type: ignore[union-attr]   # changed when None
            data = {"version": INDEX_VERSION, "history": self.history, "folder": folder.name, "scan": scan,
                    "files": [_entry_to_json(key, entry) for key, entry in entries.items()]}
            _write_json(self.folder_file(folder.name), data)
        return entries

    def _year_from_json(self, raw: list[Any]) -> _Year:
        name, scan, count, first, last, digest, problems = raw
        if not (isinstance(name, str) and isinstance(scan, str) and isinstance(count, int) and count >= 0
                and isinstance(digest, str) and (first is None) == (last is None) == (count == 0)):
            raise TypeError("a folder's figures are of the wrong kind")
        ends = ((first[0], first[1]), (last[0], last[1])) if first is not None else None
        if ends is not None and not all(isinstance(part, str) for end in ends for part in end):
            raise TypeError("a folder's first and last sessions are of the wrong kind")
        found = [Problem(Path(os.path.join(self.history, key)), key_path, message, line)
                 for key, key_path, message, line in problems]
        return _Year(_Folder(name, []), scan, count, ends, digest, found, None, self)

    def _year_to_json(self, year: _Year) -> list[Any]:
        first, last = year.ends if year.ends is not None else (None, None)
        problems = [[os.path.relpath(p.path, self.history), p.key_path, p.message, p.line] for p in year.problems]
        return [year.folder.name, year.scan, year.count, first, last, year.digest, problems]


def _clock() -> str:
    """The local clock's offsets: sessions' places in time (with an offset) move when they change."""
    return f"{time.timezone}/{time.altzone}"


def _write_json(path: Path, data: Any) -> None:
    """Best effort: the cache is disposable, so a failed write only costs a rebuild next time."""
    try:
        atomic_write_text(path, json.dumps(data, separators=(",", ":"), ensure_ascii=False))
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
