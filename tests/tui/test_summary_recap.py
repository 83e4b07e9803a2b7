"""The summary screen adds the session up off the UI thread: a loading state first, then the recap in its place."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Input, Label, Static

from strongstride.engine.events import HoldCompleted, RestEnded, SetLogged
from strongstride.tui.screens import summary as summary_module
from strongstride.tui.screens.summary import ADDING_UP, NOTE_PLACEHOLDER, SummaryScreen
from strongstride.tui.widgets.row_table import RowTable
from tests.tui.session_harness import Clocks, ScreenHarness, do_every_set, keeper_of, new_keeper
from tests.unit.session_fixtures import block, setup_of

pytestmark = pytest.mark.usefixtures("folders")


def held_back(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Make the recap wait (in its worker thread) until the returned event is set."""
    release = threading.Event()
    recap_session = summary_module.recap_session

    def waiting(*args, **kwargs):
        assert release.wait(timeout=30), "the test never let the recap finish"
        return recap_session(*args, **kwargs)

    monkeypatch.setattr(summary_module, "recap_session", waiting)
    return release


def shown(app: ScreenHarness, selector: str) -> str:
    return str(app.screen.query_one(selector, Label).render())


async def test_the_summary_shows_a_loading_state_until_the_recap_replaces_it(
        folders: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clocks = Clocks()
    keeper = new_keeper(folders, started_at=clocks.wall())
    do_every_set(keeper, clocks)
    release = held_back(monkeypatch)
    app = ScreenHarness(lambda: SummaryScreen(keeper, clocks.wall))
    async with app.run_test() as pilot:
        await pilot.pause()
        table = app.screen.query_one(RowTable)
        assert shown(app, "#summary-totals") == ADDING_UP and table.loading and table.row_count == 0
        assert "Enter saves" in shown(app, "#summary-saved")          # the screen is there and usable meanwhile
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not table.loading
        assert "work sets" in shown(app, "#summary-totals")
        assert list(table.headings) == ["Exercise", "Sets", "Best set", "Estimated 1RM"]
        assert table.row_count == len({done.exercise_id for done in keeper.session.to_log().work_sets}) > 1


async def test_a_bodyweight_session_has_no_empty_estimated_1rm_column(folders: Path) -> None:
    clocks = Clocks()
    keeper = keeper_of(setup_of(block("push_up", sets=1), block("plank", sets=1)), folders)
    keeper.apply(SetLogged(clocks.wall(), reps=12, rpe=8))
    clocks.advance(90)
    keeper.apply(RestEnded(clocks.wall()))
    keeper.apply(HoldCompleted(clocks.wall(), 45, 7))
    app = ScreenHarness(lambda: SummaryScreen(keeper, clocks.wall, past=()))
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(RowTable)
        assert list(table.headings) == ["Exercise", "Sets", "Best set"]
        assert [list(table.get_row_at(row)) for row in range(table.row_count)] == [
            ["Push up", "1", "12 reps"], ["Plank", "1", "45 s hold"]]


async def test_the_note_field_is_an_input_only_from_n_and_the_keys_typed_after_n_are_the_note_saved(
        folders: Path) -> None:
    clocks = Clocks()
    keeper = new_keeper(folders, started_at=clocks.wall())
    do_every_set(keeper, clocks)
    app = ScreenHarness(lambda: SummaryScreen(keeper, clocks.wall, past=()))
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.query(Input) and app.focused is None   # the first paint draws the field as text
        assert str(screen.query_one("#summary-note-prompt", Static).render()) == NOTE_PLACEHOLDER
        await pilot.press("n", *"knee fine", "enter")
        await pilot.pause()
        note = screen.query_one("#summary-note", Input)
        assert not screen.query("#summary-note-prompt") and note.value == "knee fine" and note.disabled
        assert screen.saved and keeper.saved_to is not None
        assert 'note = "knee fine"' in keeper.saved_to.read_text()


async def test_a_session_saved_without_a_note_never_makes_the_input(folders: Path) -> None:
    clocks = Clocks()
    keeper = new_keeper(folders, started_at=clocks.wall())
    do_every_set(keeper, clocks)
    app = ScreenHarness(lambda: SummaryScreen(keeper, clocks.wall, past=()))
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert screen.saved and not screen.query(Input) and screen.query_one("#summary-note-prompt").disabled
        assert "note" not in keeper.saved_to.read_text()
        await pilot.press("n")            # no note once saved
        assert not screen.query(Input)
