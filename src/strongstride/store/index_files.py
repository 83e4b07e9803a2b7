"""The history index's files in the cache folder, and the history folders as scanned: disposable, any damage a rebuild.

The index file: {"version", "history", "clock", "years": [[folder, folder_stamp, cache_stamp, scan, count,
first, last, digest, problems]]}, first and last as [started_at, id], each problem as [key, key_path,
message, line]. Beside it, one file a folder: {"version", "history", "folder", "scan", "files": [[key,
size, mtime_ns, started_at, id, summary, problems]]}, each summary JSON text of its own, decoded when
first read. "scan" ties a folder's file to the index file's figures for it; "folder_stamp" and
"cache_stamp" say whether the folder and its cache file are as they were when the figures were written.
"""

from __future__ import annotations

import json
import os
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from strongstride.model.moments import chronological
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.model.toml_file import open_plain_file
from strongstride.store.atomic import atomic_write_text
from strongstride.model.session_summary import (
    SessionSummary, summarise_session, summary_from_json, summary_to_json,
)

if TYPE_CHECKING:
    from strongstride.model.log import SessionLog

INDEX_VERSION = 6   # the layout of the cache files; they hold stored facts only, so a changed formula never needs it bumped
HistoryFile = tuple[str, str, os.stat_result]   # (year/name.toml, path, stat)
Ends = tuple[tuple[str, str], tuple[str, str]]   # the first and last session's (started_at, id)

_DAMAGE = (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError)


def digest(lines: Iterable[str]) -> str:
    """A short text that changes when any of the lines does (two checksums, so a clash is vanishingly rare)."""
    data = "\n".join(lines).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def stat_stamp(stat: os.stat_result) -> str:
    """Changes when a file or folder is replaced, written or has an entry added or removed (ctime cannot be set back)."""
    return f"{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}"


class FileEntry:
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
    def parsed(cls, path: str, stat: os.stat_result) -> FileEntry:
        """The entry of a file just read from disk: its summary, or why it could not be read."""
        try:
            log = load_session_file(Path(path))
        except ProblemsFound as found:
            return cls(path, stat.st_size, stat.st_mtime_ns, None, None, None, tuple(found.problems))
        summary = summarise_session(log, path)
        text = json.dumps(summary_to_json(summary), separators=(",", ":"), ensure_ascii=False)
        return cls(path, stat.st_size, stat.st_mtime_ns, summary.started_at.isoformat(), summary.id, text, (), summary)

    def summary(self) -> SessionSummary:
        """The session's summary, decoded on first read; a damaged cached one is made again from the file."""
        if self._summary is None:
            try:
                self._summary = summary_from_json(json.loads(self.text or ""), self.path)
            except (ValueError, KeyError, TypeError, IndexError, AttributeError):
                self._summary = _reread(self)
        return self._summary

    def sort_key(self) -> tuple[datetime, str]:
        """Oldest first on the local clock; the id orders sessions started in the same second."""
        return self.start or datetime.min, self.uid or ""

    def stamp(self) -> str:
        """What identifies this version of the file: path, size and time."""
        return f"{self.path}\0{self.size}\0{self.mtime_ns}"


def load_session_file(path: Path) -> SessionLog:
    """A session file in full; its reader (and TOML's) is imported only when a file must be parsed, which a warm index never does."""
    from strongstride.store import history_codec

    return history_codec.load_session_file(path)


def _reread(entry: FileEntry) -> SessionSummary:
    """The file's summary when its cached one cannot be decoded; a blank one if the file broke since the scan."""
    try:
        return summarise_session(load_session_file(Path(entry.path)), entry.path)
    except ProblemsFound:   # changed since the scan: the next look at the index reports it
        return SessionSummary(
            id=entry.uid or "", path=entry.path, started_at=datetime.fromisoformat(entry.started_at or ""),
            finished_at=None, plan_id="", plan_name="", session_id="", session_name="", source="",
            unit="kg", work_sets=0, volume=0.0, average_rpe=None, exercises={},
        )


class Folder:
    """One folder of the history (a year): its own stamp from the scan, its session files listed when first asked for."""

    def __init__(self, name: str, path: str, stamp: str) -> None:
        self.name = name
        self.path = path
        self.stamp = stamp
        self._files: list[HistoryFile] | None = None

    @property
    def files(self) -> list[HistoryFile]:
        """Each `*.toml` in the folder, in name order, with its stat; OSError when the folder cannot be read."""
        if self._files is None:
            with os.scandir(self.path) as found:
                names = sorted((e for e in found if e.name.endswith(".toml") and not e.name.startswith(".")
                                and e.is_file()), key=lambda e: e.name)
                self._files = [(f"{self.name}/{e.name}", e.path, e.stat()) for e in names]
        return self._files

    def scan_stamp(self) -> str:
        """Changes when any file of the folder is added, removed, resized or touched (every file is stat'ed)."""
        return digest(f"{key}\0{stat.st_size}\0{stat.st_mtime_ns}" for key, _, stat in self.files)


def list_folders(history_dir: Path) -> tuple[list[Folder], list[Problem]]:
    """Each folder of the history folder, in name order, with its stamp; a history folder that cannot be read is a problem."""
    try:
        with os.scandir(history_dir) as entries:
            found = sorted((e for e in entries if e.is_dir()), key=lambda e: e.name)
            return [Folder(e.name, e.path, stat_stamp(e.stat())) for e in found], []
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [unreadable_folder(history_dir, error)]


def unreadable_folder(path: Path | str, error: OSError) -> Problem:
    """The problem of a history folder that cannot be listed."""
    return Problem(path, "", f"cannot read the folder: {error.strerror or error}")


@dataclass
class YearFigures:
    """One folder's figures as the index file keeps them: enough to count and place its sessions without reading them."""

    name: str
    folder_stamp: str       # the folder's own stamp when the figures were taken
    cache_stamp: str        # its cache file's stamp when the index file was written
    scan: str               # the stamp of its files (sizes and times) when the figures were taken
    count: int              # readable sessions
    ends: Ends | None       # the first and last session's (started_at, id); None when there is none
    digest: str             # of the readable sessions' stamps, oldest first (for fingerprints)
    problems: list[Problem]


class IndexFiles:
    """The index file and the cache file of each folder beside it."""

    def __init__(self, cache_file: Path, history_dir: Path) -> None:
        self.index_file = cache_file
        self.history = str(history_dir)

    def folder_file(self, name: str) -> Path:
        """The cache file of one folder: named after it when the name is plain, else after a checksum of it."""
        plain = name.isascii() and name.isalnum() and len(name) <= 40
        part = name if plain else f"x{zlib.crc32(name.encode('utf-8', 'surrogateescape')):08x}"
        return self.index_file.with_name(f"{self.index_file.stem}-{part}.json")

    def cache_stamp(self, name: str) -> str:
        """The stamp of a folder's cache file as it is now; empty when there is none."""
        try:
            return stat_stamp(self.folder_file(name).stat())
        except OSError:
            return ""

    def read_years(self) -> dict[str, YearFigures] | None:
        """Each folder's figures as last written, or None when the index file cannot be trusted."""
        try:
            data = read_json(self.index_file)
            if data["version"] != INDEX_VERSION or data["history"] != self.history or data["clock"] != _clock():
                return None
            return {raw[0]: self._figures_from_json(raw) for raw in data["years"]}
        except _DAMAGE:
            return None

    def write_years(self, years: list[YearFigures]) -> None:
        """Best effort, like every write here: a failed one only costs a rebuild next time."""
        for figures in years:
            figures.cache_stamp = self.cache_stamp(figures.name)
        data = {"version": INDEX_VERSION, "history": self.history, "clock": _clock(),
                "years": [self._figures_to_json(figures) for figures in years]}
        _write_json(self.index_file, data)

    def read(self, name: str, scan: str | None) -> dict[str, FileEntry] | None:
        """A folder's cached entries by key; None when missing, damaged, or (given a scan stamp) of other files."""
        try:
            data = read_json(self.folder_file(name))
            if (data["version"] != INDEX_VERSION or data["history"] != self.history or data["folder"] != name
                    or (scan is not None and data["scan"] != scan)):
                return None
            return {raw[0]: _entry_from_json(raw, os.path.join(self.history, raw[0])) for raw in data["files"]}
        except _DAMAGE:
            return None

    def refresh(self, folder: Folder, scan: str, cached: dict[str, FileEntry] | None) -> dict[str, FileEntry]:
        """The folder's entries, reparsing only files new or changed since cached; its cache file rewritten if stale."""
        entries: dict[str, FileEntry] = {}
        changed = cached is None
        for key, path, stat in folder.files:
            entry = cached.get(key) if cached is not None else None
            if entry is None or entry.size != stat.st_size or entry.mtime_ns != stat.st_mtime_ns:
                entry = FileEntry.parsed(path, stat)
                changed = True
            entries[key] = entry
        if changed or cached.keys() != entries.keys():   # type: ignore[union-attr]   # changed when None
            data = {"version": INDEX_VERSION, "history": self.history, "folder": folder.name, "scan": scan,
                    "files": [_entry_to_json(key, entry) for key, entry in entries.items()]}
            _write_json(self.folder_file(folder.name), data)
        return entries

    def _figures_from_json(self, raw: list[Any]) -> YearFigures:
        name, folder_stamp, cache_stamp, scan, count, first, last, year_digest, problems = raw
        if not (all(isinstance(text, str) for text in (name, folder_stamp, cache_stamp, scan, year_digest))
                and isinstance(count, int) and count >= 0 and (first is None) == (last is None) == (count == 0)):
            raise TypeError("a folder's figures are of the wrong kind")
        ends = ((first[0], first[1]), (last[0], last[1])) if first is not None else None
        if ends is not None and not all(isinstance(part, str) for end in ends for part in end):
            raise TypeError("a folder's first and last sessions are of the wrong kind")
        found = [Problem(Path(os.path.join(self.history, key)), key_path, message, line)
                 for key, key_path, message, line in problems]
        return YearFigures(name, folder_stamp, cache_stamp, scan, count, ends, year_digest, found)

    def _figures_to_json(self, figures: YearFigures) -> list[Any]:
        first, last = figures.ends if figures.ends is not None else (None, None)
        problems = [[os.path.relpath(p.path, self.history), p.key_path, p.message, p.line] for p in figures.problems]
        return [figures.name, figures.folder_stamp, figures.cache_stamp, figures.scan, figures.count,
                first, last, figures.digest, problems]


def _clock() -> str:
    """The local clock's offsets: sessions' places in time (with an offset) move when they change."""
    return f"{time.timezone}/{time.altzone}"


def read_json(path: Path) -> Any:
    """A cache file's data; OSError or ValueError when it is missing, not a regular file or damaged."""
    with open_plain_file(path) as stream:
        return json.loads(stream.read())


def _write_json(path: Path, data: Any) -> None:
    """Best effort: the cache is disposable, so a failed write only costs a rebuild next time."""
    try:
        atomic_write_text(path, json.dumps(data, separators=(",", ":"), ensure_ascii=False))
    except OSError:
        pass


def _entry_to_json(key: str, entry: FileEntry) -> list[Any]:
    problems = [[p.key_path, p.message, p.line] for p in entry.problems]
    return [key, entry.size, entry.mtime_ns, entry.started_at, entry.uid, entry.text, problems]


def _entry_from_json(raw: list[Any], path: str) -> FileEntry:
    _, size, mtime_ns, started_at, uid, text, problems = raw
    if not (isinstance(size, int) and isinstance(mtime_ns, int) and isinstance(text, str | None)
            and isinstance(uid, str | None) and (started_at is None) == (text is None)):
        raise TypeError("an entry's size, time, id and summary are of the wrong kind")
    return FileEntry(path, size, mtime_ns, started_at, uid, text,
                     tuple(Problem(Path(path), key_path, message, line) for key_path, message, line in problems))
