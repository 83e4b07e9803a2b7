"""Block periodisation: the phase and its week, counted in 7-day weeks from the day the plan started."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from strongstride.engine.phases import PhaseInfo, current_phase, describe_volume
from strongstride.model.plan import Block, NumberRange, Phase, Plan, Prescription, SessionTemplate

STARTED = date(2025, 1, 6)   # a Monday

PLAN = Plan(
    id="blocks", name="Blocks", description="", level="intermediate", sessions_per_week=2, units="kg",
    source="seed 000", sessions=(SessionTemplate("A", "A", (Block("plank", Prescription(NumberRange.exactly(1))),)),),
    phases=(Phase("Base", 6, 1.0), Phase("Maintenance", 4, 0.5)),
)


def on_day(n: int) -> PhaseInfo | None:
    return current_phase(PLAN, STARTED, STARTED + timedelta(days=n))


def test_no_phases_no_start_or_not_started_yet_means_no_phase() -> None:
    assert current_phase(replace(PLAN, phases=()), STARTED, STARTED) is None
    assert current_phase(PLAN, None, STARTED) is None
    assert current_phase(PLAN, STARTED, STARTED - timedelta(days=1)) is None


def test_first_day_is_week_one_of_the_first_phase() -> None:
    assert on_day(0) == PhaseInfo("Base", 1, 6, 1.0)


def test_weeks_are_counted_in_seven_day_blocks_from_the_start_not_calendar_weeks() -> None:
    started_thursday = date(2025, 1, 9)
    assert current_phase(PLAN, started_thursday, date(2025, 1, 15)).week == 1    # Wednesday, day 6
    assert current_phase(PLAN, started_thursday, date(2025, 1, 16)).week == 2    # Thursday, day 7


def test_the_last_day_of_a_phase_and_the_first_of_the_next() -> None:
    assert on_day(6 * 7 - 1) == PhaseInfo("Base", 6, 6, 1.0)
    assert on_day(6 * 7) == PhaseInfo("Maintenance", 1, 4, 0.5)
    assert on_day(10 * 7 - 1) == PhaseInfo("Maintenance", 4, 4, 0.5)


def test_after_every_phase_the_last_one_holds_and_its_weeks_count_on() -> None:
    later = on_day(12 * 7)
    assert later == PhaseInfo("Maintenance", 7, 4, 0.5)
    assert later.is_holding
    assert "past its planned 4" in later.describe()
    assert not on_day(0).is_holding


def test_describe_names_the_phase_its_week_and_its_volume() -> None:
    assert on_day(14).describe() == "Base, week 3 of 6 (full volume)"
    assert on_day(43).describe() == "Maintenance, week 1 of 4 (half the sets)"


def test_describe_volume_in_a_runners_words() -> None:
    assert describe_volume(1.0) == "full volume"
    assert describe_volume(0.5) == "half the sets"
    assert describe_volume(0.75) == "75% of the sets"
    assert describe_volume(0.25) == "25% of the sets"
