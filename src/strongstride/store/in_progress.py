"""The live session's file, rewritten after every set so that a crash never loses one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

from strongstride.model.problems import Problem, ProblemsFound
from strongstride.model.toml_file import load_toml_file
from strongstride.store.atomic import atomic_write_text, remove_file

IN_PROGRESS_SCHEMA = 1


class InProgressStore:
    """in-progress.toml: `schema = 1`, the session's identity, and its events in order."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def save(self, header: dict[str, Any], events: list[dict[str, Any]]) -> None:
        """Write the whole session at once; an OSError leaves the previous file and propagates."""
        text = tomli_w.dumps({"schema": IN_PROGRESS_SCHEMA, "session": header, "events": events})
        atomic_write_text(self.path, text)

    def load(self) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
        """The saved header and events; None when there is no session; ProblemsFound when the file is broken."""
        if not self.path.exists():
            return None
        data = load_toml_file(self.path)
        problems = []
        if data.get("schema") != IN_PROGRESS_SCHEMA:
            problems.append(Problem(self.path, "schema", f"must be {IN_PROGRESS_SCHEMA}"))
        header = data.get("session")
        if not isinstance(header, dict):
            problems.append(Problem(self.path, "session", "missing: the [session] table"))
        events = data.get("events", [])
        if not isinstance(events, list) or not all(isinstance(event, dict) for event in events):
            problems.append(Problem(self.path, "events", "must be [[events]] tables"))
        if problems:
            raise ProblemsFound(problems)
        return header, events  # type: ignore[return-value]

    def clear(self) -> None:
        """Remove the file once the session is filed in history (or dropped), its folder synced."""
        remove_file(self.path)
