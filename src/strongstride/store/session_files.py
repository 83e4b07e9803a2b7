"""Session file names, and the copies of one session a sync tool leaves beside it after a conflict.

Syncthing, Dropbox, Nextcloud and OneDrive each keep both sides of a conflict as two files
(`x.sync-conflict-....toml`, `x (conflicted copy ...).toml`, `x (1).toml`, `x-LAPTOP.toml`). Both hold
the same session id, so the history keys sessions by that id: one file is counted, the others are
reported with both paths for the runner to settle, and none is ever deleted here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from strongstride.model.problems import Problem

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
LONGEST_STEM = 200

T = TypeVar("T")


def safe_name(text: str, longest: int = 40) -> str:
    """Text fit for a file name: only letters, digits, `_` and `-`, so nothing can leave the folder."""
    return _UNSAFE.sub("-", text).strip("-")[:longest] or "x"


def session_file_name(uid: str) -> str:
    """The name the app files a session under: its id made safe, `.toml`."""
    return f"{safe_name(uid, LONGEST_STEM)}.toml"


def one_file_per_session(items: Iterable[T], uid: Callable[[T], str],
                         path: Callable[[T], str]) -> tuple[list[T], list[Problem]]:
    """Each session once, from the file with its own name (else the shortest name); every other copy a problem.

    The items keep their order; the copies left out are listed, each naming the file that was counted.
    """
    items = list(items)
    by_uid: dict[str, list[T]] = {}
    for item in items:
        by_uid.setdefault(uid(item), []).append(item)
    if all(len(group) == 1 for group in by_uid.values()):
        return items, []
    kept: set[int] = set()
    problems = []
    for key, group in by_uid.items():
        chosen = min(group, key=lambda item: _preference(key, path(item)))
        kept.add(id(chosen))
        problems += [_copy_problem(key, path(item), path(chosen)) for item in group if item is not chosen]
    return [item for item in items if id(item) in kept], problems


def _preference(uid: str, path: str) -> tuple[bool, int, str]:
    """The session's own file name first, then the shortest, then name order."""
    name = os.path.basename(path)
    return name != session_file_name(uid), len(name), name


def _copy_problem(uid: str, copy: str, counted: str) -> Problem:
    return Problem(copy, "id", f"session {uid!r} is also in {counted}, which is the one counted "
                               "(a sync conflict copy?); keep the file you want and delete the other")
