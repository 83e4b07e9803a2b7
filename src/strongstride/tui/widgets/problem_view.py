"""Problems shown to the runner: file, line, key and reason, always as literal text."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App
from textual.widget import Widget

from strongstride.model.problems import Problem
from strongstride.model.visible_text import literal, visible


def problem_text(problem: Problem) -> Text:
    """A problem as two plain lines: where (file:line) and what (key: reason), never read as markup."""
    where = f"{problem.path}:{problem.line}" if problem.line is not None else str(problem.path)
    text = literal(where, style="bold")
    text.append("\n  ")
    text.append(visible(f"{problem.key_path or '(whole file)'}: {problem.message}"))
    return text


def notify_problem(widget: App[Any] | Widget, problem: Problem | None, title: str = "Not saved") -> None:
    """Tell the runner a write failed, without stopping anything; nothing happens for None."""
    if problem is not None:
        widget.notify(str(problem), title=title, severity="error", markup=False)
