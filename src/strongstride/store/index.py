"""The history index: a disposable summary of every session file, so years of history never need reparsing.

Each folder of the history (a year) has a cache file of its own, holding each file's summary as JSON
under its path (relative to the history folder), size and modification time; a small index file keeps
each folder's figures: its files' stamp, how many sessions it holds, its first and last one. The folders
of this year and last year are checked file by file on every look, so an edit made in place there is
noticed at once. An older folder is settled: it is trusted while the folder itself and its cache file
are as the index left them, so years of history cost one stat a year, not one a session; a session
added, removed or replaced there (as the app, an import and most editors write) changes the folder, and
an edit made in place in it is noticed when the index is asked to rescan. A folder whose stamp is
unchanged has its cache file read only when a caller reaches its sessions, so a look at the last weeks
never reads the years before; in a changed folder only new or changed files are parsed again. A missing
or unreadable cache is rebuilt from the TOML files.

Each summary is decoded only when it is first read: the home screen reads a handful of sessions.
Sessions are keyed by their id: copies of one session a sync tool leaves in a folder are counted once
and kept in the folder's figures as problems naming both files (store/session_files.py).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import accumulate
from pathlib import Path
from typing import overload

from strongstride.model.problems import Problem
from strongstride.store.index_files import (
    Ends, FileEntry, Folder, HistoryFile, IndexFiles, YearFigures, digest, list_folders, unreadable_folder,
)
from strongstride.store.session_files import one_file_per_session
from strongstride.model.moments import chronological
from strongstride.model.session_summary import ExerciseSummary, SessionSummary

RECENT_YEARS = 2   # this year's folder and last year's: checked file by file on every look
SortKey = tuple[datetime, str]


def _sort_key(end: tuple[str, str]) -> SortKey:
    """A session's place in time from its ISO start and id, as FileEntry.sort_key gives it."""
    started_at, uid = end
    return chronological(datetime.fromisoformat(started_at)), uid


class _Year:
    """One folder's sessions: counted and bounded from its figures, its summaries read only when first needed."""

    def __init__(self, figures: YearFigures, folder: Folder, files: IndexFiles,
                 entries: list[FileEntry] | None = None) -> None:
        self.figures = figures
        self.folder = folder
        self.bounds = (_sort_key(figures.ends[0]), _sort_key(figures.ends[1])) if figures.ends is not None else None
        self._entries = entries          # the readable sessions, oldest first; None until first needed
        self._files = files

    @classmethod
    def counted(cls, folder: Folder, scan: str, entries: list[FileEntry], files: IndexFiles) -> _Year:
        """A folder just refreshed: its figures taken from its entries, which stay loaded."""
        readable, copies = _sessions_once(entries)
        ends: Ends | None = ((readable[0].started_at or "", readable[0].uid or ""),
                             (readable[-1].started_at or "", readable[-1].uid or "")) if readable else None
        problems = [p for entry in entries for p in entry.problems] + copies
        figures = YearFigures(folder.name, folder.stamp, "", scan, len(readable), ends,
                              digest(e.stamp() for e in readable), problems)
        return cls(figures, folder, files, readable)

    @property
    def count(self) -> int:
        """Readable sessions in the folder, as its figures say."""
        return self.figures.count

    def entries(self) -> list[FileEntry]:
        """The folder's readable sessions, oldest first, read from its cache file on first need."""
        if self._entries is None:
            scan = self.figures.scan
            entries = self._files.read(self.folder.name, scan)
            if entries is None:   # its cache file is gone, damaged or stale: reparse what it does not hold
                try:
                    entries = self._files.refresh(self.folder, scan, self._files.read(self.folder.name, None))
                except OSError:   # a settled folder that cannot be listed now: its change is seen next look
                    entries = {}
            self._entries = _sessions_once(entries.values())[0]
        return self._entries


def _sessions_once(entries: Iterable[FileEntry]) -> tuple[list[FileEntry], list[Problem]]:
    """A folder's readable sessions, oldest first, each once however many copies of it a sync tool left."""
    readable, copies = one_file_per_session((e for e in entries if e.text is not None),
                                            lambda entry: entry.uid or "", lambda entry: entry.path)
    return sorted(readable, key=FileEntry.sort_key), copies


class _Chunk:
    """Folders whose sessions interleave in time (one, nearly always), read and sorted together."""

    def __init__(self, years: list[_Year]) -> None:
        self.years = years
        self.count = sum(year.count for year in years)
        self.last = max(year.bounds[1] for year in years if year.bounds is not None)
        self._entries: list[FileEntry] | None = None
        self._starts: list[datetime] | None = None

    def entries(self) -> list[FileEntry]:
        """The chunk's readable sessions, oldest first."""
        if self._entries is None:
            if len(self.years) == 1:
                self._entries = self.years[0].entries()
            else:
                self._entries = sorted((e for year in self.years for e in year.entries()), key=FileEntry.sort_key)
        return self._entries

    def first_from(self, moment: datetime) -> int:
        """The position in this chunk of its first session started at or after the moment."""
        if self._starts is None:
            self._starts = [entry.start or datetime.min for entry in self.entries()]
        return bisect.bisect_left(self._starts, moment)

    def digest(self, count: int) -> str:
        """The digest of the stamps of the chunk's first `count` sessions; a whole year's is kept, not counted."""
        if count == self.count and len(self.years) == 1:
            return self.years[0].figures.digest
        return digest(entry.stamp() for entry in self.entries()[:count])


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

    def _entry(self, position: int) -> FileEntry:
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
        return f"{count}-{digest(parts)}"


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

    def recent(self, n: int) -> list[SessionSummary]:
        """The n most recent sessions, newest first."""
        return self.summaries[-n:][::-1] if n > 0 else []


def load_index(history_dir: Path, cache_file: Path, *, this_year: int | None = None,
               rescan: bool = False) -> HistoryIndex:
    """The index: recent folders checked file by file, settled ones by their own stamp (every one when rescanning).

    A folder whose files all keep their size and time is taken from the index file (its count, first
    and last session); its summaries are read from its own cache file only when a caller reaches them.
    """
    folders, problems = list_folders(history_dir)
    files = IndexFiles(cache_file, history_dir)
    known = files.read_years()
    changed = known is None or known.keys() != {folder.name for folder in folders}
    settled_before = (this_year or date.today().year) - RECENT_YEARS + 1
    years = []
    for folder in folders:
        figures = known.get(folder.name) if known is not None else None
        if (figures is not None and not rescan and _is_settled(folder.name, settled_before)
                and figures.folder_stamp == folder.stamp and figures.cache_stamp == files.cache_stamp(folder.name)):
            years.append(_Year(figures, folder, files))
            continue
        try:
            scan = folder.scan_stamp()
        except OSError as error:
            problems.append(unreadable_folder(folder.path, error))
            changed = True
            continue
        if figures is not None and figures.scan == scan:   # its files are as they were: keep the figures, new stamps
            changed = (changed or figures.folder_stamp != folder.stamp
                       or figures.cache_stamp != files.cache_stamp(folder.name))
            figures.folder_stamp = folder.stamp
            years.append(_Year(figures, folder, files))
        else:
            entries = files.refresh(folder, scan, files.read(folder.name, None))
            years.append(_Year.counted(folder, scan, list(entries.values()), files))
            changed = True
    if changed:
        files.write_years([year.figures for year in years])
    problems += [p for year in years for p in year.figures.problems]
    return HistoryIndex(SessionSummaries(_chunks(years)), problems)


def _is_settled(name: str, settled_before: int) -> bool:
    """A folder named for a year before the recent ones (any other folder is always checked file by file)."""
    return len(name) == 4 and name.isascii() and name.isdigit() and int(name) < settled_before


def scan_history(history_dir: Path) -> tuple[list[HistoryFile], list[Problem]]:
    """Each `*.toml` in each folder of the history folder, in name order, and the folders that cannot be read."""
    folders, problems = list_folders(history_dir)
    found: list[HistoryFile] = []
    for folder in folders:
        try:
            found += folder.files
        except OSError as error:
            problems.append(unreadable_folder(folder.path, error))
    return found, problems
