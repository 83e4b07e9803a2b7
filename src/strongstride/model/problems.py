"""A problem found in a file, reported as `FILE:LINE: key.path: what is wrong`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from strongstride.model.visible_text import visible


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one key of one file; line is None where it cannot be found."""

    path: Path | str
    key_path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        """`FILE:LINE: key.path: message`, anything from the file shown literally, escapes and all."""
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return visible(f"{where}: {self.key_path or '(file)'}: {self.message}")


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice nearest the word, for a "did you mean ...?" hint; None when none is near."""
    import difflib   # slow to import, and only a mistake needs it

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


class ProblemsFound(Exception):
    """Raised with every problem a file has, so the caller can list them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
