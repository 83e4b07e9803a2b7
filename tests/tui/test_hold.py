"""The timed hold: 3-2-1, a countdown from the injected clock that completes by itself, sides in turn, RPE."""

from __future__ import annotations

from textual.widgets import Digits

from strongstride.tui.screens.hold import HoldResult, HoldScreen
from tests.tui.session_harness import MonotonicClock, ScreenHarness


def hold_app(clock: MonotonicClock, seconds: int = 30, sides=(None,), **options) -> ScreenHarness:
    return ScreenHarness(lambda: HoldScreen("Side plank", seconds, sides, clock, **options))


def face(app: ScreenHarness) -> tuple[str, str]:
    screen = app.screen
    return str(screen.query_one("#hold-phase").render()), screen.query_one("#hold-digits", Digits).value


async def test_lead_in_counts_three_two_one_then_the_hold_counts_down():
    clock = MonotonicClock()
    app = hold_app(clock)
    async with app.run_test():
        hold = app.screen
        assert face(app) == ("Get ready", "3")
        clock.advance(1.2)
        hold.tick()
        assert face(app) == ("Get ready", "2")
        clock.advance(1.0)
        hold.tick()
        assert face(app) == ("Get ready", "1")
        clock.advance(0.8)
        hold.tick()
        assert face(app) == ("Hold", "0:30")


async def test_the_time_left_comes_from_the_clock_however_late_the_tick():
    clock = MonotonicClock()
    app = hold_app(clock)
    async with app.run_test():
        clock.advance(3 + 10.2)                  # one tick, ten seconds late: no drift
        app.screen.tick()
        assert face(app) == ("Hold", "0:20")


async def test_each_side_in_turn_then_one_rpe_for_both():
    clock = MonotonicClock()
    app = hold_app(clock, sides=("left", "right"), rpe=8.5)
    async with app.run_test() as pilot:
        hold = app.screen
        assert face(app) == ("Get ready - left side", "3")
        clock.advance(33)
        hold.tick()                              # left side completes by itself at zero
        assert face(app) == ("Get ready - right side", "3")
        assert app.bells == 1
        clock.advance(3 + 29)
        hold.tick()
        assert face(app) == ("Hold - right side", "0:01")
        clock.advance(1)
        hold.tick()
        assert hold.asking_rpe and app.bells == 2
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [HoldResult((("left", 30), ("right", 30)), 8.5)]


async def test_space_stops_early_and_the_seconds_so_far_count():
    clock = MonotonicClock()
    app = hold_app(clock)
    async with app.run_test() as pilot:
        clock.advance(3 + 21.7)
        await pilot.press("space")
        await pilot.press("7", "h", "enter")
        await pilot.pause()
    assert app.results == [HoldResult(((None, 21),), 7.5)]


async def test_space_in_the_three_two_one_starts_the_hold_at_once():
    clock = MonotonicClock()
    app = hold_app(clock, sides=("left", "right"))
    async with app.run_test() as pilot:
        clock.advance(1.5)
        await pilot.press("space")
        assert face(app) == ("Hold - left side", "0:30") and not app.screen.held
        clock.advance(12.4)
        await pilot.press("space")                # stops the left side at 12 s
        assert face(app) == ("Get ready - right side", "3")
        await pilot.press("space")                # and starts the right side at once
        clock.advance(30)
        app.screen.tick()
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [HoldResult((("left", 12), ("right", 30)), 10.0)]   # a side stopped early: "could not hold longer"


async def test_a_warmup_timer_asks_no_rpe_and_ends_by_itself():
    clock = MonotonicClock()
    app = hold_app(clock, seconds=480, ask_rpe=False)
    async with app.run_test() as pilot:
        clock.advance(3 + 480)
        app.screen.tick()
        await pilot.pause()
    assert app.results == [HoldResult(((None, 480),), None)]


async def test_c_cancels_the_hold():
    clock = MonotonicClock()
    app = hold_app(clock)
    async with app.run_test() as pilot:
        await pilot.press("c")
        await pilot.pause()
    assert app.results == [None]


async def test_a_hold_far_easier_than_rpe_6_is_logged_on_one_key():
    clock = MonotonicClock()
    app = hold_app(clock, seconds=20)
    async with app.run_test() as pilot:
        clock.advance(3 + 20)
        app.screen.tick()
        assert app.screen.asking_rpe
        assert str(app.screen.query_one("#hold-keys").render()).startswith("4-9, 0 = 10")
        await pilot.press("4")
        assert "▶ RPE 4    far longer (light)" in app.screen.query_one("#hold-rpe").render().plain.splitlines()
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [HoldResult(((None, 20),), 4.0)]
