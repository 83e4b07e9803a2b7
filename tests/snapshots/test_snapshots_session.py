"""How the session screens look at 80x24 on the runner-foundation plan, with clocks that never move."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from strongstride.engine.events import SetLogged
from tests.tui.session_harness import Clocks, do_every_set, new_keeper, rest_forty_seconds_in, session_app

SIZE = (80, 24)


def test_warmup(snap_compare, tmp_path: Path, clocks: Clocks) -> None:
    assert snap_compare(session_app(new_keeper(tmp_path), clocks), terminal_size=SIZE)


def test_set_card(snap_compare, warmed_up, clocks: Clocks) -> None:
    assert snap_compare(session_app(warmed_up, clocks), terminal_size=SIZE)


def test_log_set(snap_compare, warmed_up, clocks: Clocks) -> None:
    assert snap_compare(session_app(warmed_up, clocks), press=["enter", "9", "h"], terminal_size=SIZE)


def test_rest_with_the_next_set(snap_compare, warmed_up, clocks: Clocks) -> None:
    async def forty_seconds_into_the_rest(pilot) -> None:
        await rest_forty_seconds_in(pilot, clocks)     # after the squat

    assert snap_compare(session_app(warmed_up, clocks), run_before=forty_seconds_into_the_rest, terminal_size=SIZE)


def test_unilateral_set_card(snap_compare, warmed_up, clocks: Clocks) -> None:
    for load in (40.0, 30.0):
        clocks.advance(120)
        warmed_up.apply(SetLogged(clocks.wall(), 9, load, 8.5))
    assert snap_compare(session_app(warmed_up, clocks), press=["s"], terminal_size=SIZE)   # skip the rest


def test_summary_with_records(snap_compare, folders: Path, clocks: Clocks) -> None:
    last_week = new_keeper(folders, started_at=clocks.wall() - timedelta(days=7), uid="last-week")
    do_every_set(last_week, clocks)
    last_week.finish(clocks.wall())
    today = new_keeper(folders, started_at=clocks.wall())
    do_every_set(today, clocks, extra_reps=2)
    async def recap_added_up(pilot) -> None:
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(session_app(today, clocks), run_before=recap_added_up, terminal_size=SIZE)
