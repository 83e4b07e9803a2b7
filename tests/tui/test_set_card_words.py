"""The set card says what it means: one rep, per side, a warm-up's load, the last time, the note of the exercise shown."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Label

from strongstride.engine.events import RestEnded, SetLogged, VariationSwapped
from strongstride.engine.session import LiveSession
from strongstride.model.config import Config, KnownSet
from strongstride.model.plan import Load, NumberRange
from strongstride.tui.widgets.set_card import SetCardView, target_words
from tests.tui.test_widgets import Harness
from tests.tui.session_harness import Clocks, keeper_of, session_app
from tests.unit.session_fixtures import START, block, setup_of


@pytest.fixture(autouse=True)
def data_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for kind in ("data", "config", "cache"):
        monkeypatch.setenv(f"STRONGSTRIDE_{kind.upper()}_DIR", str(tmp_path / kind))


def card_text(app) -> str:
    """Every line of the set card as plain text."""
    return "\n".join(str(label.render()) for label in app.screen.query("SetCardView Label").results(Label))


def test_one_rep_is_one_rep() -> None:
    card = LiveSession(setup_of(block("push_up", sets=2, reps=1))).state.card
    assert target_words(card).startswith("1 rep ·")


def test_a_one_sided_set_says_per_side() -> None:
    card = LiveSession(setup_of(block("split_squat", sets=2, reps=8))).state.card
    assert target_words(card).startswith("8 reps per side ·")


async def test_a_loaded_warmup_card_names_its_load_and_never_says_bodyweight(tmp_path: Path) -> None:
    heavy = Load("percent_1rm", percent=NumberRange.exactly(85))
    config = Config(known={"back_squat": KnownSet(100.0, 1)})
    keeper = keeper_of(setup_of(block("back_squat", sets=3, reps=5, load=heavy), config=config), tmp_path)
    assert keeper.state.card.kind == "warmup"
    app = session_app(keeper, Clocks())
    async with app.run_test() as pilot:
        await pilot.pause()
        text = card_text(app)
    assert "bodyweight" not in text
    assert "warm-up" in text.lower() and "kg" in text


async def test_with_no_history_the_card_says_first_time_once(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("push_up", sets=2, reps=8)), tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test() as pilot:
        await pilot.pause()
        text = card_text(app)
    assert "First time: no history" in text and "Last time: First time" not in text


async def test_after_a_swap_the_old_exercises_note_is_gone(tmp_path: Path) -> None:
    keeper = keeper_of(setup_of(block("back_squat", sets=3, reps=5, load=Load("absolute", 60.0),
                                      note="Bar on the upper back")), tmp_path)
    app = session_app(keeper, Clocks())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Bar on the upper back" in card_text(app)
        await pilot.press("v")                        # to the goblet squat
        await pilot.pause()
        assert keeper.state.card.exercise.id == "goblet_squat"
        assert "Bar on the upper back" not in card_text(app)


def test_swapping_back_brings_the_plans_note_back() -> None:
    session = LiveSession(setup_of(block("back_squat", sets=3, reps=5, load=Load("absolute", 60.0), note="Bar high")))
    session.apply(VariationSwapped(START, "easier"))
    assert session.state.card.note == ""
    session.apply(VariationSwapped(START, "harder"))
    assert session.state.card.note == "Bar high"


async def test_the_reason_names_the_article_by_title_not_by_seed_number() -> None:
    card = LiveSession(setup_of(block("push_up", sets=2, reps=8))).state.card
    cited = dataclasses.replace(card, target=dataclasses.replace(card.target, reason="Fewer reps as the load rises (seed 000)"))
    app = Harness(lambda: SetCardView(cited))
    async with app.run_test() as pilot:
        await pilot.pause()
        why = str(app.query_one("#card-reason", Label).render())
    assert why == "Why: Fewer reps as the load rises (“Strength Training 101”)"


async def test_a_test_ramp_card_says_which_test_ramp_set_it_is(tmp_path: Path) -> None:
    # no history, nothing known, a percent load: the first sets find the load, numbered in their ramp
    percent = Load("percent_1rm", percent=NumberRange(80, 90))
    keeper = keeper_of(setup_of(block("back_squat", sets=3, reps=(3, 5), load=percent)), tmp_path)
    async with session_app(keeper, Clocks()).run_test() as pilot:
        await pilot.pause()
        first = card_text(pilot.app)
    keeper.apply(SetLogged(START, 10, 20.0, 4.0))
    keeper.apply(RestEnded(START + timedelta(minutes=3)))
    async with session_app(keeper, Clocks()).run_test() as pilot:
        await pilot.pause()
        second = card_text(pilot.app)
    assert "test ramp set 1 · exercise 1 of 1" in first and "set 1 of 3" not in first
    assert "10 easy reps" in first
    assert "test ramp set 2 · exercise 1 of 1" in second and "Test ramp:" in second


async def test_a_card_with_reps_flexed_past_the_range_shows_them_and_why(tmp_path: Path) -> None:
    # split squats 8-10 @8.5 from 7.5 kg on 2.5 kg steps: 10 x 7.5 kg at RPE 7 (8 asked) leaves no load that lands 8-10
    plates = Config(equipment=dataclasses.replace(Config().equipment, dumbbells=()))
    split = block("split_squat", sets=3, reps=(8, 10), load=Load("absolute", 7.5), rpe=8.5)
    keeper = keeper_of(setup_of(split, config=plates), tmp_path)
    while keeper.state.card.kind == "warmup":
        keeper.apply(SetLogged(START, keeper.state.card.target.reps or 0, keeper.state.card.target.load))
    for side in ("left", "right"):
        assert keeper.state.card.side == side
        keeper.apply(SetLogged(START, 10, 7.5, 7.0))
    keeper.apply(RestEnded(START + timedelta(minutes=3)))
    async with session_app(keeper, Clocks()).run_test() as pilot:
        await pilot.pause()
        text = card_text(pilot.app)
    assert "12 reps per side" in text
    assert "8 -> 12 reps (about RPE 9 at 7.5 kg)" in text and "(at most 2 reps past the range: ACSM's one to two reps over)" in text
