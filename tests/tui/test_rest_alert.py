"""The end of a rest reaches a runner away from the keyboard: bell, desktop notification and flash, each once,
and none that config turns off."""

from __future__ import annotations

from pathlib import Path

import pytest

from strongstride.engine.events import SetLogged, WarmupDone
from strongstride.model.config import Alerts, Config
from strongstride.services.keeper import SessionKeeper
from strongstride.tui.rest_alert import FLASH_SECONDS, notification_sequences, notification_text
from strongstride.tui.screens.session import SessionScreen
from strongstride.tui.widgets.rest_timer import RestTimer
from tests.tui.session_harness import Clocks, ScreenHarness, new_keeper, session_app

OSC_9 = "\x1b]9;"
OSC_777 = "\x1b]777;notify;"


def resting(root: Path, clocks: Clocks, alerts: Alerts = Alerts()) -> SessionKeeper:
    """A session on its first rest, after the quarter squat."""
    keeper = new_keeper(root, config=Config(alerts=alerts))
    keeper.apply(WarmupDone(clocks.wall()))
    card = keeper.state.card
    keeper.apply(SetLogged(clocks.wall(), card.target.reps, card.target.load, 8.0))
    return keeper


async def run_rest_out(app: ScreenHarness, clocks: Clocks, pilot, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Let the rest run out on the fake clock and tick twice more; what was written to the terminal's driver."""
    written: list[str] = []
    monkeypatch.setattr(app._driver, "write", written.append)
    timer = app.screen.query_one(RestTimer)
    clocks.advance(timer.duration + 1)
    for _ in range(3):
        timer.tick()
        await pilot.pause()
    return [text for text in written if text.startswith("\x1b]")]


async def test_the_end_of_a_rest_rings_notifies_and_flashes_once(folders: Path, monkeypatch) -> None:
    clocks = Clocks()
    app = session_app(resting(folders, clocks), clocks)
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen) and not screen.has_class("-flash")
        sent = await run_rest_out(app, clocks, pilot, monkeypatch)
        assert app.bells == 1
        assert len(sent) == 1 and sent[0].count(OSC_9) == 1 and sent[0].count(OSC_777) == 1
        assert "Rest over" in sent[0] and "Romanian deadlift" in sent[0]
        assert screen.has_class("-flash")
        clocks.advance(FLASH_SECONDS / 2)
        screen.tick()
        assert screen.has_class("-flash")                 # still lit: the injected clock has not moved enough
        clocks.advance(FLASH_SECONDS / 2)
        screen.tick()
        assert not screen.has_class("-flash")


@pytest.mark.parametrize("alerts, bells, notified, flashed", [
    (Alerts(bell=False, notification=False, flash=False), 0, False, False),
    (Alerts(bell=False), 0, True, True),
    (Alerts(notification=False), 1, False, True),
    (Alerts(flash=False), 1, True, False),
])
async def test_each_alert_turned_off_in_config_stays_quiet(
        folders: Path, monkeypatch, alerts: Alerts, bells: int, notified: bool, flashed: bool) -> None:
    clocks = Clocks()
    app = session_app(resting(folders, clocks, alerts), clocks)
    async with app.run_test() as pilot:
        sent = await run_rest_out(app, clocks, pilot, monkeypatch)
        assert app.bells == bells
        assert bool(sent) == notified
        assert app.screen.has_class("-flash") == flashed
        assert any("Rest over" in str(n.message) for n in app._notifications)   # the notice on screen stays


def test_a_notification_cannot_carry_control_characters_or_end_its_field_early() -> None:
    hostile = "Squat\x1b]0;owned\x07; rm\x9b -rf\nnow"
    cleaned = notification_text(hostile)
    assert cleaned == "Squat ]0,owned , rm -rf now"
    sequences = notification_sequences("Rest over", hostile)
    assert sequences == f"{OSC_9}Rest over: {cleaned}\x07{OSC_777}Rest over;{cleaned}\x07"
    assert sequences.count("\x1b") == 2 and sequences.count("\x07") == 2


def test_a_long_notification_is_cut() -> None:
    assert len(notification_text("x" * 1000)) == 200
