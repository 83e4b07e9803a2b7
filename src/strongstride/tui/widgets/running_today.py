"""The home screen's running lines: today's runs, the recovery after a race, when strength fits, a stale feed."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from strongstride.engine.week import Suggestion
from strongstride.model.visible_text import visible


def running_today(suggestion: Suggestion, notes: Sequence[str] = ()) -> Text | None:
    """The lines, or None on a day with nothing to say (an easy or rest day from the weekday lists)."""
    lines = []
    if suggestion.runs:
        line = Text("Running today: ", style="bold")
        line.append(visible("; ".join(run.describe() for run in suggestion.runs)))
        lines.append(line)
    if suggestion.recovery_line is not None:
        lines.append(Text(suggestion.recovery_line, style="bold"))
    if suggestion.train and suggestion.timing is not None:
        lines.append(Text(visible(f"When: {suggestion.timing.text}")))
    lines.extend(Text(visible(note), style="italic") for note in notes)
    return Text("\n").join(lines) if lines else None
