"""A whole runner-foundation session driven with keys only: sets with RPE, rests, a hold, undo, quit, resume."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from strongstride.engine.events import RestEnded, SetLogged, WarmupDone
from strongstride.engine.rpe import estimate_1rm_from_set
from strongstride.engine.session import LiveSession
from strongstride.model.plan import Load
from strongstride.tui.screens.hold import HoldScreen
from strongstride.tui.screens.log_set import LogSetScreen
from strongstride.tui.screens.session import SessionScreen, swap_keys
from strongstride.tui.screens.summary import SummaryScreen, totals_words
from strongstride.tui.widgets.rest_timer import RestTimer
from strongstride.services.recap import SessionRecap, recap_session
from tests.tui.session_harness import (
    Clocks, ScreenHarness, do_every_set, keeper_of, new_keeper, resumed_keeper, session_app,
)
from tests.unit.session_fixtures import EXERCISES, block, exercise, setup_of


pytestmark = pytest.mark.usefixtures("folders")


def saved_events(root: Path) -> list[dict]:
    return tomllib.loads((root / "data" / "in-progress.toml").read_text())["events"]


def session_screen(app: ScreenHarness) -> SessionScreen:
    return next(s for s in app.screen_stack if isinstance(s, SessionScreen))


async def log_with_rpe(pilot, rpe_keys: str, *before: str) -> None:
    """Open the log on the card, press the given keys, pick the RPE, save."""
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, LogSetScreen)
    await pilot.press(*before, *rpe_keys, "enter")
    await pilot.pause()


async def test_first_half_then_quit_keeps_the_session_in_progress(tmp_path):
    clocks = Clocks()
    keeper = new_keeper(tmp_path)
    app = session_app(keeper, clocks)
    async with app.run_test() as pilot:
        await pilot.press("enter")                              # warm-up done
        assert saved_events(tmp_path)[-1]["type"] == "WarmupDone"
        assert keeper.state.card.exercise.name == "Quarter squat"

        clocks.advance(60)
        await log_with_rpe(pilot, "9")                           # the target's 8 reps at 40 kg, RPE 9
        first = saved_events(tmp_path)[-1]
        assert (first["type"], first["reps"], first["load"], first["rpe"]) == ("SetLogged", 8, 40.0, 9.0)
        assert keeper.state.step == "rest" and keeper.state.rest.seconds == 120

        await pilot.press("plus")                                # +15 s
        changed = saved_events(tmp_path)[-1]
        assert (changed["type"], changed["delta_seconds"]) == ("RestChanged", 15)
        assert keeper.state.rest.seconds == 135
        timer = app.screen.query_one(RestTimer)
        clocks.advance(140)
        timer.tick()
        await pilot.pause()
        assert app.bells == 1                                    # the bell rang at zero, then overtime
        assert timer.overtime == pytest.approx(5)
        await pilot.press("enter")                               # on to the next set
        assert saved_events(tmp_path)[-1]["type"] == "RestEnded"
        assert keeper.state.logged[0].rest_seconds == 140

        clocks.advance(60)
        await log_with_rpe(pilot, "8", "up")                      # Romanian deadlift: 9 reps
        assert keeper.state.logged[-1].reps == 9 and keeper.state.logged[-1].rpe == 8.0
        await pilot.press("minus")                               # -15 s, then skipped with s
        assert keeper.state.rest.seconds == 105
        await pilot.press("s")
        assert keeper.state.step == "set"

        assert keeper.state.card.side == "left"                   # single-leg calf raise, each side
        await log_with_rpe(pilot, "7h")                          # RPE 7.5
        assert keeper.state.card.side == "right" and keeper.state.step == "set"
        await log_with_rpe(pilot, "8")
        assert keeper.state.step == "rest"
        assert [s.rpe for s in keeper.state.logged[-2:]] == [7.5, 8.0]

        await pilot.press("u")                                   # undo the right side
        assert keeper.state.step == "set" and keeper.state.card.side == "right"
        assert len(keeper.state.logged) == 3
        assert [e["type"] for e in saved_events(tmp_path)][-1] == "SetLogged"

        await pilot.press("q")
        await pilot.pause()
        assert app.results == [None]
    assert len(saved_events(tmp_path)) == 8


async def test_resume_finishes_with_a_hold_and_files_the_toml(tmp_path):
    clocks = Clocks()
    keeper = new_keeper(tmp_path)
    keeper.apply(WarmupDone(clocks.wall()))
    keeper.apply(SetLogged(clocks.wall(), 8, 40.0, 8.0))         # quarter squat, then a rest left running
    clocks.advance(100)

    resumed = resumed_keeper(tmp_path)
    app = session_app(resumed, clocks)
    async with app.run_test() as pilot:
        timer = app.screen.query_one(RestTimer)
        timer.tick()
        assert timer.remaining == pytest.approx(20)              # 120 s rest, 100 s of it gone before resume
        await pilot.press("s")                                   # skip the rest
        await log_with_rpe(pilot, "8")                           # Romanian deadlift
        await pilot.press("s")
        for _ in range(2):                                       # calf raise, left and right
            await log_with_rpe(pilot, "8")
        await pilot.press("s")
        await pilot.press("x")                                   # skip the hip abduction
        assert resumed.state.card.exercise.id == "dumbbell_row"
        await log_with_rpe(pilot, "9")
        await log_with_rpe(pilot, "9")
        await pilot.press("s")

        assert resumed.state.card.exercise.id == "plank"
        await pilot.press("space")                               # start the hold: 3-2-1 first
        hold = app.screen
        assert isinstance(hold, HoldScreen)
        clocks.advance(3)
        hold.tick()
        clocks.advance(30)
        hold.tick()                                              # completes by itself at zero
        await pilot.pause()
        assert hold.asking_rpe and app.bells == 1
        await pilot.press("9", "enter")
        await pilot.pause()

        summary = app.screen
        assert isinstance(summary, SummaryScreen)                # every set done: straight to the summary
        await pilot.press("n", *"fresh", "enter")
        await pilot.pause()
        assert summary.saved
        await pilot.press("enter")
        await pilot.pause()
        filed = app.results[0]
    assert not (tmp_path / "data" / "in-progress.toml").exists()
    saved = tomllib.loads(Path(filed).read_text())
    assert saved["note"] == "fresh"
    work = [(s["exercise_id"], s.get("side"), s.get("skipped", False)) for s in saved["sets"]]
    assert work[0] == ("quarter_squat", None, False)
    assert ("side_lying_hip_abduction", "left", True) not in work   # a skipped exercise logs no sets
    plank = saved["sets"][-1]
    assert (plank["exercise_id"], plank["hold_seconds"], plank["rpe"]) == ("plank", 30, 9.0)
    assert saved["sets"][0]["rest_seconds"] == 100


async def test_an_invalid_entry_is_refused_in_place(tmp_path):
    clocks = Clocks()
    keeper = new_keeper(tmp_path)
    keeper.apply(WarmupDone(clocks.wall()))
    app = session_app(keeper, clocks)
    async with app.run_test() as pilot:
        await pilot.press("enter", "tab", "tab")                 # to the load field
        await pilot.press(*"2000", "enter")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, LogSetScreen)
        error = str(modal.query_one("#log-error").render())
        assert "load must be 0-1000 kg, not 2000" in error
        assert keeper.state.logged == ()


async def test_markup_in_file_text_is_shown_literally(tmp_path):
    odd = exercise("odd", name="[red]x[/red]", easier="push_up")
    exercises = {**EXERCISES, "odd": odd}
    setup = setup_of(block("odd", sets=1, rest=30))
    setup = replace(setup, exercises=exercises)
    keeper = keeper_of(setup, tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test() as pilot:
        await pilot.pause()
        name = app.screen.query_one("#card-name").render()
        assert str(name) == "[red]x[/red]"
        assert "v: easier, Push up" in str(app.screen.query_one("#card-swaps").render())
        await pilot.press("v")
        assert keeper.state.card.exercise.id == "push_up"


async def test_a_save_failure_shows_a_warning_and_the_session_goes_on(tmp_path):
    clocks = Clocks()
    keeper = new_keeper(tmp_path)
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    (tmp_path / "data" / "in-progress.toml").mkdir()              # a folder where the file should go
    app = session_app(keeper, clocks)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        warning = app.screen.query_one("#session-warning")
        assert warning.display and "Could not save" in str(warning.render())
        assert keeper.state.step == "set"


async def test_an_event_the_engine_refuses_is_shown_with_its_reason(tmp_path):
    keeper = new_keeper(tmp_path)
    keeper.apply(WarmupDone(Clocks().wall()))
    app = session_app(keeper, Clocks())
    async with app.run_test() as pilot:
        screen = session_screen(app)
        assert not screen.apply(RestEnded(Clocks().wall()))
        await pilot.pause()
        notice = screen.query_one("#session-notice")
        assert notice.display and "no rest is running" in str(notice.render())


def test_v_swaps_to_the_offered_variation_and_capital_v_to_the_other():
    card = LiveSession(setup_of(block("goblet_squat", load=Load("absolute", 16.0)))).state.card
    keys = swap_keys(card, EXERCISES)
    assert {k: (d, e.id) for k, (d, e) in keys.items()} == {"v": ("easier", "bodyweight_squat"), "V": ("harder", "back_squat")}
    offered = replace(card, target=replace(card.target, offer_variation="harder"))
    assert {k: d for k, (d, _) in swap_keys(offered, EXERCISES).items()} == {"v": "harder", "V": "easier"}


def test_recap_compares_the_session_with_its_history(tmp_path):
    clocks = Clocks()
    last_week = new_keeper(tmp_path, started_at=clocks.wall() - timedelta(days=7), uid="last-week")
    do_every_set(last_week, clocks)
    assert last_week.finish(clocks.wall())
    today = new_keeper(tmp_path, started_at=clocks.wall())
    do_every_set(today, clocks, extra_reps=2, rpe=9.0)
    clocks.advance(60)
    today.finish(clocks.wall(), "strong")

    recap = recap_session(today.session.to_log(), today.history.index().summaries)
    squat = next(e for e in recap.exercises if e.name == "Quarter squat")
    last_squat = last_week.session.to_log().work_sets[0]
    assert squat.e1rm_before == pytest.approx(estimate_1rm_from_set(last_squat.load, last_squat.reps, last_squat.rpe))
    assert squat.e1rm > squat.e1rm_before and squat.e1rm_change.startswith(f"e1RM {squat.e1rm:.1f} (+")
    today_squat = today.session.to_log().work_sets[0]
    assert today_squat.reps > last_squat.reps   # more reps at the load than ever: a record, as `stats` counts it
    assert f"heaviest {today_squat.reps} reps {today_squat.load:g} kg" in squat.records
    assert squat.best_set == f"{today_squat.load:g} kg x {today_squat.reps}"
    plank = next(e for e in recap.exercises if e.name == "Plank")
    assert plank.best_set.endswith("s hold") and plank.e1rm is None and plank.e1rm_change == ""
    assert recap.average_rpe == 9.0 and recap.target_rpe == 8.5
    assert recap.work_sets == len(today.session.to_log().work_sets)
    assert recap.volume == pytest.approx(today.session.to_log().volume)


def test_recap_of_a_first_session_has_no_records(tmp_path):
    clocks = Clocks()
    keeper = new_keeper(tmp_path)
    do_every_set(keeper, clocks)
    recap = recap_session(keeper.session.to_log(finished_at=clocks.wall()), [])
    assert recap.records == ()
    assert all(e.e1rm_before is None for e in recap.exercises)
    assert recap.duration_seconds == (clocks.wall() - keeper.session.setup.started_at).total_seconds()


def test_the_summary_line_gives_the_effort_and_its_target_to_one_decimal():
    recap = SessionRecap(duration_seconds=1172, work_sets=16, volume=0.0, unit="kg", average_rpe=6.625,
                         target_rpe=6.625, exercises=())
    assert totals_words(recap) == "19:32 long · 16 work sets · average RPE 6.6 (target 6.6)"
    assert totals_words(replace(recap, volume=2400.0, target_rpe=8.0)).endswith(
        "volume 2,400 kg · average RPE 6.6 (target 8.0)")


async def test_leaving_while_saves_fail_asks_first_and_retries(tmp_path, monkeypatch):
    from strongstride.store import atomic
    from strongstride.tui.screens.confirm import ConfirmScreen

    clocks = Clocks()
    keeper = new_keeper(tmp_path)
    app = session_app(keeper, clocks)
    real_replace = atomic.os.replace
    async with app.run_test() as pilot:
        await pilot.press("enter")                                   # warm-up done, saved
        monkeypatch.setattr(atomic.os, "replace", _disk_full)
        for _ in range(2):
            await log_with_rpe(pilot, "8")
            await pilot.press("s")                                   # skip the rest
        assert keeper.unsaved_sets == 2
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "2 sets are not saved yet" in str(app.screen.question)
        await pilot.press("r")                                       # the disk is still full: asked again
        assert isinstance(app.screen, ConfirmScreen) and not app.results
        await pilot.press("escape")                                  # stay
        assert isinstance(app.screen, SessionScreen)

        monkeypatch.setattr(atomic.os, "replace", real_replace)      # room again
        session_screen(app).retry_save()
        assert keeper.save_error is None and keeper.unsaved_sets == 0
        await pilot.press("q")
        assert app.results == [None]
    assert len(resumed_keeper(tmp_path).state.logged) == 2


async def test_quitting_anyway_is_a_choice_the_runner_makes(tmp_path, monkeypatch):
    from strongstride.store import atomic

    keeper = new_keeper(tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test() as pilot:
        await pilot.press("enter")
        monkeypatch.setattr(atomic.os, "replace", _disk_full)
        await log_with_rpe(pilot, "8")
        await pilot.press("q", "Q")
        assert app.results == [None]


def _disk_full(*_args: object) -> None:
    import errno

    raise OSError(errno.ENOSPC, "No space left on device")


async def test_the_summary_says_when_it_replaced_a_copy_filed_before_a_crash(tmp_path):
    from textual.widgets import Label

    clocks = Clocks()
    keeper = keeper_of(setup_of(block("push_up", sets=2)), tmp_path)
    keeper.apply(SetLogged(clocks.wall(), reps=10, rpe=8))
    keeper.history.save(keeper.session.to_log(clocks.wall()))        # filed, then the power went
    clocks.advance(120)
    keeper.apply(RestEnded(clocks.wall()))
    keeper.apply(SetLogged(clocks.wall(), reps=9, rpe=9))
    app = ScreenHarness(lambda: SummaryScreen(keeper, clocks.wall))
    async with app.run_test() as pilot:
        await pilot.press("enter")
        status = str(app.screen.query_one("#summary-saved", Label).render())
    assert "Filed before with 1 set; now with all 2" in status
    assert [len(s.sets) for s in keeper.history.load_all().sessions] == [2]
