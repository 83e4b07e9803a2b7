"""The rest timer stays right when the wall clock jumps, and counts the time a closed lid slept."""

from __future__ import annotations

import time

import pytest

from strongstride.engine.events import SetLogged, WarmupDone
from strongstride.tui.clock import rest_clock
from strongstride.tui.widgets.rest_timer import RestTimer
from tests.tui.session_harness import Clocks, new_keeper, session_app


def _resting(tmp_path, clocks: Clocks):
    """A session on its first rest, 10 s in."""
    keeper = new_keeper(tmp_path)
    keeper.apply(WarmupDone(clocks.wall()))
    card = keeper.state.card
    keeper.apply(SetLogged(clocks.wall(), card.target.reps, card.target.load, 8.0))
    return keeper, keeper.state.rest.seconds


async def test_a_wall_clock_set_forward_during_a_rest_does_not_move_the_timer(tmp_path):
    clocks = Clocks()
    keeper, seconds = _resting(tmp_path, clocks)
    app = session_app(keeper, clocks)
    async with app.run_test() as pilot:
        clocks.advance(10)
        clocks.wall.advance(3600)          # NTP or a time zone change: no time has really passed
        timer = app.screen.query_one(RestTimer)
        timer.tick()
        await pilot.pause()
        assert timer.remaining == pytest.approx(seconds - 10)
        assert app.bells == 0


async def test_a_lid_closed_during_a_rest_counts_as_rest_taken(tmp_path):
    clocks = Clocks()
    keeper, seconds = _resting(tmp_path, clocks)
    app = session_app(keeper, clocks)
    async with app.run_test() as pilot:
        clocks.advance(seconds + 300)      # asleep for five minutes past the rest: the steady clock counted it
        timer = app.screen.query_one(RestTimer)
        timer.tick()
        await pilot.pause()
        assert timer.remaining == 0 and timer.overtime == pytest.approx(300)
        assert app.bells == 1


def test_the_rest_clock_is_steady_and_counts_suspend_where_the_system_can():
    first, second = rest_clock(), rest_clock()
    assert second >= first
    if hasattr(time, "CLOCK_BOOTTIME"):
        assert abs(rest_clock() - time.clock_gettime(time.CLOCK_BOOTTIME)) < 1.0
