"""Files parsed once and kept in the cache folder, with stamps of what they were read from, so a start need not parse them again.

An entry is a pickle of (key, value). The caller's key holds the stamps of every file the value was read
from and of the code that read them (`file_stamp`, `folder_stamp`): a file written, replaced, removed or
added changes its stamp, and then the entry no longer matches. A missing, damaged or mismatched entry, or
a cache folder that cannot be read or written, only means the caller parses again.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from strongstride.model.problems import Problem
from strongstride.model.toml_file import open_plain_file
from strongstride.store import paths

FORMAT = 1   # the layout of an entry; the Python version is kept too, as pickles and tomllib belong to it
MODEL_DIR = Path(__file__).resolve().parents[1] / "model"   # the parsers and the classes they fill

Stamp = tuple[Hashable, ...]
T = TypeVar("T")


def file_stamp(path: Path) -> Stamp:
    """What tells this file's contents apart from any other: path, inode, size, modification and change times.

    The change time is set by every write and no tool can set it back, so a file rewritten to the same
    size within one tick of the clock still gets a new stamp. A missing or unreadable file is its path alone.
    """
    try:
        found = os.stat(path)
    except OSError:
        return (str(path),)
    return (str(path), found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def folder_stamp(folder: Path) -> Stamp:
    """The stamps of every file in a folder, by name: any file edited, added or removed changes it."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if entry.is_file())
    except OSError:
        return (str(folder),)
    return tuple(file_stamp(folder / name) for name in names)


def entry_key(*stamps: Stamp) -> Stamp:
    """A whole key: the entry format, Python version and model code, then the stamps of the files a value came from."""
    return (FORMAT, sys.version, folder_stamp(MODEL_DIR), *stamps)


def entry_path(name: str) -> Path:
    """Where a parsed value is kept in the cache folder."""
    return paths.cache_dir() / "parsed" / f"{name}.pickle"


def read_entry(entry: Path, key: Stamp) -> Any | None:
    """The value kept under `key`; None when there is none, it was kept under another key, or it cannot be read."""
    try:
        with open_plain_file(entry) as stream:
            kept_key, value = pickle.loads(stream.read())
    except Exception:   # missing, unreadable, damaged or written by other code: any of them means parse again
        return None
    return value if kept_key == key else None


def write_entry(entry: Path, key: Stamp, value: object) -> None:
    """Keep the value under `key`, at once (never half written); a folder that cannot be written is left as it is."""
    from strongstride.store.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(entry, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass   # the cache is disposable: a failed write only costs a parse next time


def kept_or_parsed(name: str, key: Stamp, kind: type[T], parse: Callable[[], tuple[T, list[Problem]]]
                   ) -> tuple[T, list[Problem]]:
    """The `kind` of value kept as `name` under `key`, else `parse()`d now; kept only when it has no problems, so
    a broken file's problems are found afresh every time."""
    entry = entry_path(name)
    kept = read_entry(entry, key)
    if isinstance(kept, kind):
        return kept, []
    value, problems = parse()
    if not problems:
        write_entry(entry, key, value)
    return value, problems
