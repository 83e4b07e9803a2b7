"""The summary screen, the History screen, `history` and `stats` give the same records and trends for one history."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Static

from strongstride import cli
from strongstride.model.session_summary import summarise_session
from strongstride.services.recap import recap_session
from tests.tui.app_fixtures import make_app, past_sessions


def stats_records(capsys: pytest.CaptureFixture[str]) -> dict[str, list[tuple[str, str, str]]]:
    """`stats`' personal records as {exercise: [(record, best, date)]}."""
    assert cli.main(["stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("Personal records") + 2
    found: dict[str, list[tuple[str, str, str]]] = {}
    name = ""
    for line in lines[start:]:
        if not line.strip():
            break
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) == 4:
            name = cells.pop(0)
        found.setdefault(name, []).append((cells[0], cells[1], cells[2]))
    return found


def command_trend(capsys: pytest.CaptureFixture[str], exercise_id: str) -> str:
    """The trend line `history --exercise` prints."""
    assert cli.main(["history", "--exercise", exercise_id]) == 0
    return next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Trend: "))


async def test_the_summary_history_screen_and_commands_agree(tmp_path: Path, monkeypatch, capsys) -> None:
    app = make_app(tmp_path, monkeypatch)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    records = stats_records(capsys)
    *earlier, last = past_sessions()

    # The summary screen of the last session lists exactly the records `stats` dates to its day.
    summaries = [summarise_session(log, f"/{log.id}.toml") for log in earlier]
    shown = set(recap_session(last, summaries).records)
    day = f"{last.started_at:%Y-%m-%d}"
    assert shown == {f"{name}: {what} {best}" for name, rows in records.items() for what, best, on in rows if on == day}
    assert any(record.startswith("Quarter squat: best e1RM ") for record in shown)   # not agreeing on nothing

    # The History screen's trend is the one `history --exercise` prints, and its best is `stats`' best e1RM.
    trend = command_trend(capsys, "quarter_squat")
    first, latest = re.search(r"e1RM (\S+) -> (\S+) kg", trend).groups()
    async with app.run_test() as pilot:
        await pilot.press("h", "2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down")              # from Plank to Quarter squat
        await pilot.pause()
        words = str(app.screen.query_one("#trend-text", Static).render())
    assert words.startswith("Quarter squat: e1RM")
    assert f"First {first} kg" in words and f"Latest {latest} kg" in words
    best_e1rm = next(best for what, best, _ in records["Quarter squat"] if what == "best e1RM")
    assert f"Best {best_e1rm}," in words
