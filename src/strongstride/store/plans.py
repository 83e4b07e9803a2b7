"""Finding plans: the bundled sample plans and the user's own, a user plan replacing a bundled one by id."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from strongstride import resources
from strongstride.store import paths


class PlanEntry(NamedTuple):
    """A plan file that can be offered: its id (the file's stem), where it is, and whether it ships with the app."""

    id: str
    path: Path
    bundled: bool


def _plan_files(folder: Path) -> list[Path]:
    try:
        return sorted(path for path in folder.glob("*.toml") if path.is_file())
    except OSError:
        return []


def discover_plans() -> list[PlanEntry]:
    """Bundled plans, then the user's; a user plan with a bundled plan's id takes its place."""
    user = [PlanEntry(path.stem, path, bundled=False) for path in _plan_files(paths.user_plans_dir())]
    user_ids = {entry.id for entry in user}
    bundled = [
        PlanEntry(path.stem, path, bundled=True)
        for path in _plan_files(resources.bundled_dir("sample_plans"))
        if path.stem not in user_ids
    ]
    return bundled + user


def _looks_like_path(id_or_path: str) -> bool:
    return id_or_path.endswith(".toml") or "/" in id_or_path or "\\" in id_or_path


def find_plan(id_or_path: str) -> PlanEntry:
    """The plan with this id, or the .toml file at this path; KeyError naming the plans there are."""
    if _looks_like_path(id_or_path):
        path = Path(id_or_path).expanduser()
        if path.is_file():
            return PlanEntry(path.stem, path, bundled=False)
        raise KeyError(f"no plan file at {id_or_path}")
    entries = discover_plans()
    for entry in entries:
        if entry.id == id_or_path:
            return entry
    known = ", ".join(entry.id for entry in entries) or "none"
    raise KeyError(f"no plan {id_or_path!r} (plans: {known})")
