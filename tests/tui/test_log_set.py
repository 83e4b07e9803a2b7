"""The log-a-set modal: prefilled target, +/- and [ ], typed digits, one-key RPE, note, refusals in place."""

from __future__ import annotations

from dataclasses import replace

from strongstride.engine.loading import step_load
from strongstride.engine.session import LiveSession
from strongstride.engine.session_state import SetCard
from strongstride.model.config import Config
from strongstride.model.plan import Load
from strongstride.tui.screens.log_set import LogSetScreen, SetEntry
from strongstride.tui.widgets.session_entry import EntryField, SessionRpeScale, half_step
from tests.tui.session_harness import ScreenHarness
from tests.unit.session_fixtures import block, setup_of


def squat_card() -> SetCard:
    """Back squat, 8 reps at 60 kg, RPE 8."""
    return LiveSession(setup_of(block("back_squat", reps=8, load=Load("absolute", 60.0)))).state.card


def plank_card() -> SetCard:
    return LiveSession(setup_of(block("plank", hold=30))).state.card


class Logger:
    """Stands in for the session: records entries, refusing with a reason while `refusal` is set."""

    def __init__(self, refusal: str | None = None) -> None:
        self.refusal = refusal
        self.entries: list[SetEntry] = []

    def __call__(self, entry: SetEntry) -> str | None:
        if self.refusal:
            return self.refusal
        self.entries.append(entry)
        return None


def modal_app(card: SetCard, logger: Logger) -> ScreenHarness:
    equipment = Config().equipment

    def stepper(load: float, steps: int) -> float:
        return step_load(load, steps, card.exercise, equipment)

    return ScreenHarness(lambda: LogSetScreen(card, logger, stepper))


def field(app: ScreenHarness, name: str) -> str:
    return app.screen.query_one(f"#log-{name}", EntryField).text


async def test_enter_saves_the_target_with_the_target_rpe():
    logger = Logger()
    app = modal_app(squat_card(), logger)
    async with app.run_test() as pilot:
        assert (field(app, "count"), field(app, "load")) == ("8", "60")
        assert str(app.screen.query(".log-hint").first().render()).startswith("+/- or ↑/↓ reps   [ ] load")
        assert app.screen.check_action("load", (1,)) is True
        await pilot.press("enter")
        await pilot.pause()
    assert logger.entries == [SetEntry(8, 60.0, 8.0, "")]
    assert app.results == [SetEntry(8, 60.0, 8.0, "")]


async def test_plus_minus_arrows_and_brackets_step_reps_and_load():
    logger = Logger()
    app = modal_app(squat_card(), logger)
    async with app.run_test() as pilot:
        await pilot.press("plus", "plus", "down", "right_square_bracket", "right_square_bracket", "left_square_bracket")
        assert (field(app, "count"), field(app, "load")) == ("9", "62.5")
        await pilot.press("minus", "minus", "up")
        assert field(app, "count") == "8"


async def test_digits_pick_the_rpe_with_half_steps_and_zero_for_ten():
    logger = Logger()
    app = modal_app(squat_card(), logger)
    async with app.run_test() as pilot:
        scale = app.screen.query_one(SessionRpeScale)
        await pilot.press("7")
        assert scale.value == 7.0
        await pilot.press("h")
        assert scale.value == 7.5
        await pilot.press("full_stop")
        assert scale.value == 7.0
        await pilot.press("0")
        assert scale.value == 10.0
        await pilot.press("h")
        assert scale.value == 10.0
        await pilot.press("9", "h", "enter")
        await pilot.pause()
    assert logger.entries[0].rpe == 9.5


def test_half_step_adds_or_removes_the_half_point():
    assert [half_step(r) for r in (6.0, 8.5, 9.0, 10.0)] == [6.5, 8.0, 9.5, 10.0]


async def test_typing_replaces_the_focused_field_then_appends_and_backspace_deletes():
    logger = Logger()
    app = modal_app(squat_card(), logger)
    async with app.run_test() as pilot:
        await pilot.press("tab")                      # from the RPE scale to the reps
        await pilot.press("1", "2")
        assert field(app, "count") == "12"
        await pilot.press("tab", "7", "2", "full_stop", "5", "full_stop")
        assert field(app, "load") == "72.5"
        await pilot.press("backspace", "backspace")
        assert field(app, "load") == "72"
        await pilot.press("enter")
        await pilot.pause()
    assert logger.entries == [SetEntry(12, 72.0, 8.0, "")]


async def test_a_note_is_typed_after_n_and_enter_saves_it_with_the_set():
    logger = Logger()
    app = modal_app(squat_card(), logger)
    async with app.run_test() as pilot:
        await pilot.press("n", *"left knee", "enter")
        await pilot.pause()
    assert logger.entries[0].note == "left knee"


async def test_an_empty_field_is_refused_in_place_with_the_field_named():
    logger = Logger()
    app = modal_app(squat_card(), logger)
    async with app.run_test() as pilot:
        await pilot.press("tab", "backspace", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LogSetScreen)
        assert str(app.screen.query_one("#log-error").render()) == "Not saved: Reps: type a number"
    assert logger.entries == []


async def test_a_refusal_from_the_session_keeps_the_modal_open_with_the_reason():
    logger = Logger(refusal="reps must be 0-100, not 120")
    app = modal_app(squat_card(), logger)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LogSetScreen)
        assert "reps must be 0-100, not 120" in str(app.screen.query_one("#log-error").render())
        logger.refusal = None
        await pilot.press("enter")
        await pilot.pause()
    assert len(logger.entries) == 1


async def test_a_warmup_set_asks_no_rpe():
    logger = Logger()
    app = modal_app(replace(squat_card(), kind="warmup"), logger)
    async with app.run_test() as pilot:
        assert not app.screen.query(SessionRpeScale)
        await pilot.press("enter")
        await pilot.pause()
    assert logger.entries == [SetEntry(8, 60.0, None, "")]


async def test_a_hold_is_logged_in_seconds_without_a_load():
    logger = Logger()
    app = modal_app(plank_card(), logger)
    async with app.run_test() as pilot:
        assert app.screen.query_one("#log-count", EntryField).border_title == "Seconds"
        assert not app.screen.query("#log-load")
        hints = [str(label.render()) for label in app.screen.query(".log-hint")]
        assert hints[0].startswith("+/- or ↑/↓ seconds\n") and "load" not in hints[0]
        assert app.screen.check_action("load", (1,)) is False
        assert "a little longer" in app.screen.query_one(SessionRpeScale).render().plain
        await pilot.press("down", "down", "enter")
        await pilot.pause()
    assert logger.entries == [SetEntry(28, None, 8.0, "")]


async def test_c_cancels_without_logging():
    logger = Logger()
    app = modal_app(squat_card(), logger)
    async with app.run_test() as pilot:
        await pilot.press("c")
        await pilot.pause()
    assert app.results == [None] and logger.entries == []


async def test_a_set_easier_than_rpe_6_is_one_key_with_its_meaning_shown():
    logger = Logger()
    app = modal_app(squat_card(), logger)
    async with app.run_test() as pilot:
        scale = app.screen.query_one(SessionRpeScale)
        assert any("RPE: 4-9, 0 = 10" in str(hint.render()) for hint in app.screen.query(".log-hint"))
        await pilot.press("5")
        assert scale.value == 5.0
        assert "▶ RPE 5    5 reps left" in scale.render().plain.splitlines()
        await pilot.press("4")
        assert scale.value == 4.0
        assert "▶ RPE 4    6+ reps left (light)" in scale.render().plain.splitlines()
        await pilot.press("enter")
        await pilot.pause()
    assert logger.entries[0].rpe == 4.0
