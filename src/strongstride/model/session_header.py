"""Who a live session is: the [session] table of in-progress.toml, enough to name, resume or file it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from strongstride.model.problems import Problem, ProblemsFound

TEXT_KEYS = ("uid", "plan_id", "session_id")


@dataclass(frozen=True)
class SessionHeader:
    """The live session's identity; `machine` is the computer that last saved it, when the file says."""

    uid: str
    plan_id: str
    session_id: str
    started_at: datetime
    volume_factor: float = 1.0   # the phase's (and taper's) share of the written sets
    plan_path: str | None = None
    machine: str | None = None

    def to_table(self) -> dict[str, Any]:
        """The [session] table as written: keys without a value are left out."""
        table: dict[str, Any] = {
            "uid": self.uid, "plan_id": self.plan_id, "session_id": self.session_id,
            "started_at": self.started_at, "volume_factor": self.volume_factor,
        }
        if self.plan_path is not None:
            table["plan_path"] = self.plan_path
        if self.machine is not None:
            table["machine"] = self.machine
        return table

    @classmethod
    def from_table(cls, table: Mapping[str, Any], path: Path | str) -> SessionHeader:
        """The header a [session] table gives; ProblemsFound names every key that is missing or wrong."""
        problems = [Problem(path, f"session.{key}", "must be text")
                    for key in TEXT_KEYS if not isinstance(table.get(key), str) or not table[key]]
        started_at = table.get("started_at")
        if not isinstance(started_at, datetime):
            problems.append(Problem(path, "session.started_at", "must be a date and time"))
        factor = table.get("volume_factor", 1.0)
        if not isinstance(factor, int | float) or isinstance(factor, bool) or not 0 < factor <= 2:
            problems.append(Problem(path, "session.volume_factor", "must be a number above 0, at most 2"))
        problems += [Problem(path, f"session.{key}", "must be text")
                     for key in ("plan_path", "machine") if key in table and not isinstance(table[key], str)]
        if problems:
            raise ProblemsFound(problems)
        return cls(
            uid=table["uid"], plan_id=table["plan_id"], session_id=table["session_id"], started_at=table["started_at"],
            volume_factor=float(factor), plan_path=table.get("plan_path"), machine=table.get("machine"),
        )
