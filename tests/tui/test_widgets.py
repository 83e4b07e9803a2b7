"""The rest timer, RPE picker and big number, each in a small harness app with an injected clock; the target line."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Digits

from strongstride.engine.session import LiveSession
from strongstride.model.plan import Load
from strongstride.tui.widgets.big_number import BigNumber
from strongstride.tui.widgets.rest_timer import RestTimer, countdown_face
from strongstride.tui.widgets.rpe_picker import RpePicker, rpe_for_digit
from strongstride.tui.widgets.set_card import target_words
from tests.tui.app_fixtures import FakeClock
from tests.unit.session_fixtures import block, setup_of


class Harness(App[None]):
    """Mounts one widget and keeps every message it posts."""

    def __init__(self, widget_factory) -> None:
        super().__init__()
        self.widget_factory = widget_factory
        self.received: list[Message] = []

    def compose(self) -> ComposeResult:
        yield self.widget_factory()

    def on_rest_timer_finished(self, message: RestTimer.Finished) -> None:
        self.received.append(message)

    def on_rest_timer_adjusted(self, message: RestTimer.Adjusted) -> None:
        self.received.append(message)

    def on_rpe_picker_chosen(self, message: RpePicker.Chosen) -> None:
        self.received.append(message)


def test_countdown_face_rounds_up_the_time_left_and_counts_whole_seconds_over() -> None:
    assert countdown_face(90.0, 0.0) == "1:30"
    assert countdown_face(0.2, 0.0) == "0:01"
    assert countdown_face(0.0, 0.0) == "+0:00"
    assert countdown_face(0.0, 61.9) == "+1:01"


async def test_rest_timer_counts_from_the_clock_not_from_ticks() -> None:
    clock = FakeClock()
    app = Harness(lambda: RestTimer(started_at=clock.now, duration=90, clock=clock))
    async with app.run_test() as pilot:
        timer = app.query_one(RestTimer)
        clock.now += 30.4
        timer.tick()
        assert timer.remaining == pytest.approx(90 - 30.4)
        assert app.query_one("#rest-digits", Digits).value == "1:00"
        # However many ticks are called, the time left only follows the clock.
        for _ in range(50):
            timer.tick()
        assert timer.remaining == pytest.approx(90 - 30.4)
        await pilot.pause()
        assert app.received == []


async def test_rest_timer_posts_finished_once_at_zero_then_counts_overtime() -> None:
    clock = FakeClock()
    app = Harness(lambda: RestTimer(started_at=clock.now, duration=60, clock=clock))
    async with app.run_test() as pilot:
        timer = app.query_one(RestTimer)
        clock.now += 75
        timer.tick()
        timer.tick()
        await pilot.pause()
        finished = [m for m in app.received if isinstance(m, RestTimer.Finished)]
        assert len(finished) == 1 and finished[0].duration == 60
        assert timer.remaining == 0 and timer.overtime == 15
        assert app.query_one("#rest-digits", Digits).value == "+0:15"
        assert timer.has_class("-overtime")
        assert "Overtime" in str(app.query_one("#rest-title").render())


async def test_rest_timer_adds_and_takes_fifteen_seconds_and_says_so() -> None:
    clock = FakeClock()
    app = Harness(lambda: RestTimer(started_at=clock.now, duration=90, clock=clock))
    async with app.run_test() as pilot:
        timer = app.query_one(RestTimer)
        timer.adjust(15)
        assert timer.duration == 105 and timer.remaining == 105
        timer.adjust(-15)
        timer.adjust(-15)
        assert timer.duration == 75
        await pilot.pause()
        adjusted = [m.duration for m in app.received if isinstance(m, RestTimer.Adjusted)]
        assert adjusted == [105, 90, 75]


async def test_rest_timer_never_shortens_below_fifteen_seconds_and_can_finish_again() -> None:
    clock = FakeClock()
    app = Harness(lambda: RestTimer(started_at=clock.now, duration=30, clock=clock))
    async with app.run_test() as pilot:
        timer = app.query_one(RestTimer)
        assert timer.adjust(-15) == 15
        assert timer.adjust(-15) == 15
        clock.now += 20
        timer.tick()
        assert timer.finished
        timer.adjust(15)            # 30 s in all, 20 s gone: back to counting down
        assert not timer.finished and timer.remaining == 10
        clock.now += 10
        timer.tick()
        await pilot.pause()
        assert len([m for m in app.received if isinstance(m, RestTimer.Finished)]) == 2


def test_rpe_digits_map_onto_the_scale() -> None:
    assert rpe_for_digit("8") == 8.0
    assert rpe_for_digit("0") == 10.0
    assert rpe_for_digit("5") == 5.0
    assert rpe_for_digit("4") == 4.0, "4 stands for any set easier than RPE 5"
    assert rpe_for_digit("3") is None


async def test_rpe_picker_moves_by_half_points_jumps_by_digit_and_chooses_with_enter() -> None:
    app = Harness(lambda: RpePicker(8.0))
    async with app.run_test() as pilot:
        picker = app.query_one(RpePicker)
        picker.focus()
        await pilot.press("down")
        assert picker.value == 8.5
        await pilot.press("up", "up", "up")
        assert picker.value == 7.0
        await pilot.press("0")
        assert picker.value == 10.0
        await pilot.press("down")          # stops at the top of the scale
        assert picker.value == 10.0
        await pilot.press("6", "enter")
        await pilot.pause()
        assert [m.rpe for m in app.received if isinstance(m, RpePicker.Chosen)] == [6.0]
        await pilot.press("up")            # below the chart: 5, then 4 for anything easier
        assert picker.value == 5.0
        await pilot.press("up", "up")      # stops at the bottom of the scale
        assert picker.value == 4.0
        rows = picker.render().plain.splitlines()
        assert rows[:3] == ["▶ RPE 4    6+ reps left (light)", "  RPE 5    5 reps left", "  RPE 6    4 reps left"]


async def test_rpe_picker_marks_the_chosen_row_with_a_marker_and_words() -> None:
    app = Harness(lambda: RpePicker(8.0))
    async with app.run_test():
        rows = app.query_one(RpePicker).render().plain.splitlines()
        chosen = [row for row in rows if row.startswith("▶")]
        assert chosen == ["▶ RPE 8    2 reps left"]


async def test_rpe_picker_for_a_hold_says_each_value_in_time() -> None:
    app = Harness(lambda: RpePicker(9.0, hold=True))
    async with app.run_test():
        rows = app.query_one(RpePicker).render().plain.splitlines()
        assert [row for row in rows if row.startswith("▶")] == ["▶ RPE 9    a moment longer"]
        assert rows[-1] == "  RPE 10   could not hold longer" and not any("reps" in row for row in rows)
        assert rows[:2] == ["  RPE 4    far longer (light)", "  RPE 5    a lot longer"]
        assert len(rows) == 11 and len(set(row[10:] for row in rows)) == 11, "every row says something different"


async def test_big_number_shows_label_digits_and_unit_and_follows_its_value() -> None:
    app = Harness(lambda: BigNumber("42.5", "Load", "kg"))
    async with app.run_test() as pilot:
        number = app.query_one(BigNumber)
        assert app.query_one(Digits).value == "42.5"
        number.value = "45"
        await pilot.pause()
        assert app.query_one(Digits).value == "45"
        labels = [str(label.render()) for label in number.query("Label")]
        assert labels == ["Load", "kg"]


async def test_rest_timer_rings_at_the_moment_the_rest_is_due_not_at_the_next_tick(monkeypatch) -> None:
    clock = FakeClock()
    due: list[float] = []
    real_set_timer = RestTimer.set_timer

    def record(self, delay, callback, *args, **kwargs):
        due.append(delay)
        return real_set_timer(self, delay, callback, *args, **kwargs)

    monkeypatch.setattr(RestTimer, "set_timer", record)
    app = Harness(lambda: RestTimer(started_at=clock.now - 10.3, duration=90, clock=clock))   # re-opened 10.3 s in
    async with app.run_test():
        timer = app.query_one(RestTimer)
        assert due == [pytest.approx(79.7)]
        timer.adjust(15)
        assert due[-1] == pytest.approx(94.7), "a longer rest moves the bell"
        clock.now += 200
        timer.adjust(-15)
        assert len(due) == 2, "no bell is set for a rest already over"


def test_the_target_names_the_plans_band_and_otherwise_what_the_body_works_against() -> None:
    banded = LiveSession(setup_of(block("band_row", sets=1, reps=(12, 15), load=Load("band", band="medium"))))
    assert target_words(banded.state.card).startswith("12 reps · band medium · RPE")
    plain = LiveSession(setup_of(block("band_row", sets=1, reps=(12, 15))))
    assert target_words(plain.state.card).startswith("12 reps · band · RPE")
    assert target_words(LiveSession(setup_of(block("push_up", sets=1))).state.card).startswith("8 reps · bodyweight")
