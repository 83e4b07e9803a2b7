"""The week's reasons read as plain sentences."""

from __future__ import annotations

from tests.unit.test_week import done, make_plan, suggest, weekday


def test_the_48_hour_warning_names_the_muscles_and_the_day_in_a_sentence() -> None:
    plan = make_plan()
    tuesday = suggest(plan, weekday(1), [done(plan, "A", weekday(0))])
    warning = tuesday.warning or ""
    assert " loads " not in warning and ", trained Monday" not in warning
    assert warning.startswith(f"{tuesday.session_name} works the gluteals, as Monday's session did: give")


def test_a_day_already_trained_promises_no_session_tomorrow() -> None:
    plan = make_plan()
    monday = suggest(plan, weekday(0), [done(plan, "A", weekday(0), hour=7)])
    assert monday.session_id is None
    assert not any("tomorrow" in reason for reason in monday.reasons)
    assert any("no more strength today" in reason for reason in monday.reasons)
