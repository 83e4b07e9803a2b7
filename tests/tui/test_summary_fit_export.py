"""`export_fit_to`: a filed session is also written as a FIT activity, and the summary screen says where."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label

from strongstride.importers.fit_export import export_after_filing
from strongstride.services.library import load_exercise_library
from strongstride.store.history import HistoryStore
from strongstride.tui.screens.summary import SummaryScreen
from strongstride.tui.startup import load_app_state
from tests.tui.app_fixtures import TODAY, NOW, user_folders
from tests.tui.session_harness import Clocks, ScreenHarness, do_every_set, new_keeper
from tests.unit.fit_reading import read_fit


async def save_on_summary(keeper, clocks: Clocks) -> str:
    """Press Enter on the summary screen; what its status line then says."""
    app = ScreenHarness(lambda: SummaryScreen(keeper, clocks.wall, past=()))
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        return str(app.screen.query_one("#summary-saved", Label).render())


async def test_the_summary_says_where_the_fit_activity_went(tmp_path):
    clocks, folder = Clocks(), tmp_path / "garmin"
    keeper = new_keeper(tmp_path)
    keeper.after_filing = export_after_filing(folder, load_exercise_library()[0])
    do_every_set(keeper, clocks)
    said = await save_on_summary(keeper, clocks)
    (fit,) = folder.iterdir()
    assert said == f"Saved to {keeper.saved_to}\nFIT activity written to {fit}"
    assert fit.name == f"{keeper.saved_to.stem}.fit"
    filed = HistoryStore(tmp_path / "data", tmp_path / "cache").load(keeper.saved_to)
    sets = read_fit(fit.read_bytes())["set_mesgs"]
    assert sum(m["set_type"] == "active" for m in sets) == sum(not s.skipped for s in filed.sets)


async def test_a_fit_export_that_fails_is_said_and_the_session_is_still_filed(tmp_path):
    clocks, not_a_folder = Clocks(), tmp_path / "garmin"
    not_a_folder.write_text("a file where the folder should be")
    keeper = new_keeper(tmp_path)
    keeper.after_filing = export_after_filing(not_a_folder, load_exercise_library()[0])
    do_every_set(keeper, clocks)
    said = await save_on_summary(keeper, clocks)
    assert said.startswith(f"Saved to {keeper.saved_to}\nNo FIT activity written to {not_a_folder}: ")
    assert keeper.saved_to.exists() and keeper.save_error is None
    assert not (tmp_path / "data" / "in-progress.toml").exists()


def test_the_app_exports_after_filing_only_when_config_names_a_folder(tmp_path, monkeypatch):
    folders = user_folders(tmp_path, monkeypatch)
    state = load_app_state(None, TODAY)
    keeper = state.open_session(state.plan_id, "A", NOW)
    assert keeper.after_filing is None
    state.close_session()

    (folders["config"] / "config.toml").write_text(f'export_fit_to = "{tmp_path / "garmin"}"\n')
    state, clocks = load_app_state(None, TODAY), Clocks()
    keeper = state.open_session(state.plan_id, "A", clocks.wall())
    do_every_set(keeper, clocks)
    assert keeper.finish(clocks.wall()) and keeper.after_filing_said.startswith("FIT activity written to ")
    assert len(list((tmp_path / "garmin").glob("*.fit"))) == 1
    state.close_session()
