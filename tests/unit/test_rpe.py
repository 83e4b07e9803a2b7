"""The RPE chart, reps in reserve and the 1RM estimates the coach builds every load on."""

from __future__ import annotations

import pytest

from strongstride.engine.rpe import (
    HOLD_RPE_SCALE,
    RPE_SCALE,
    brzycki_1rm,
    chart_rpe,
    predicted_rpe,
    describe_rpe,
    epley_1rm,
    estimate_1rm,
    estimate_1rm_from_set,
    load_for_reps,
    percent_of_1rm,
    reps_in_reserve,
    rpe_from_reps_in_reserve,
)


@pytest.mark.parametrize(
    ("reps", "rpe", "published"),
    [
        (1, 10, 1.000),
        (5, 8, 0.811),
        (8, 8, 0.739),
        (3, 9, 0.892),
        (10, 10, 0.739),
        (12, 6, 0.573),
        (1, 6, 0.863),
        (6, 7.5, 0.774),
        (12, 10, 0.680),
    ],
)
def test_percent_of_1rm_matches_the_published_rts_chart(reps: int, rpe: float, published: float) -> None:
    assert percent_of_1rm(reps, rpe) == pytest.approx(published, abs=1e-9)


def test_chart_depends_only_on_reps_plus_reps_in_reserve() -> None:
    # The RTS chart's shape: 2 reps at RPE 10 is the same effort as a single at RPE 9.
    for reps in range(1, 12):
        for rpe in (7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0):
            assert percent_of_1rm(reps + 1, rpe) == percent_of_1rm(reps, rpe - 1)


def test_chart_falls_as_reps_rise_and_rpe_drops() -> None:
    for rpe in (6.0, 8.0, 10.0):
        row = [percent_of_1rm(reps, rpe) for reps in range(1, 13)]
        assert row == sorted(row, reverse=True)
    column = [percent_of_1rm(5, rpe) for rpe in (6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0)]
    assert column == sorted(column)


@pytest.mark.parametrize(
    ("reps", "rpe", "words"),
    [(0, 8, "1-12 reps"), (13, 8, "1-12 reps"), (5, 5.5, "RPE 6-10"), (5, 10.5, "RPE 6-10"), (5, 7.3, "half steps")],
)
def test_percent_of_1rm_refuses_points_off_the_chart(reps: int, rpe: float, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        percent_of_1rm(reps, rpe)


def test_estimate_1rm_divides_by_the_chart() -> None:
    assert estimate_1rm(81.1, 5, 8) == pytest.approx(100.0)
    assert estimate_1rm(100, 1) == 100.0


def test_reps_in_reserve_and_back() -> None:
    assert reps_in_reserve(8) == 2
    assert reps_in_reserve(9.5) == 0.5
    assert rpe_from_reps_in_reserve(2) == 8
    assert rpe_from_reps_in_reserve(reps_in_reserve(6.5)) == 6.5
    with pytest.raises(ValueError, match="between 1 and 10"):
        reps_in_reserve(11)
    with pytest.raises(ValueError, match="between 0 and 9"):
        rpe_from_reps_in_reserve(-1)


def test_epley_and_brzycki() -> None:
    assert epley_1rm(100, 10) == pytest.approx(133.333, abs=1e-3)
    assert epley_1rm(100, 1) == 100
    assert brzycki_1rm(100, 10) == pytest.approx(133.333, abs=1e-3)
    assert brzycki_1rm(100, 5) == pytest.approx(112.5)
    with pytest.raises(ValueError, match="undefined at 37 reps"):
        brzycki_1rm(50, 37)
    with pytest.raises(ValueError, match="at least 1 rep"):
        epley_1rm(50, 0)


def test_estimate_from_set_uses_the_chart_when_rpe_is_logged() -> None:
    assert estimate_1rm_from_set(81.1, 5, 8) == pytest.approx(100.0)


def test_estimate_from_set_without_rpe_uses_the_more_cautious_formula() -> None:
    assert estimate_1rm_from_set(100, 5, None) == pytest.approx(brzycki_1rm(100, 5))
    assert estimate_1rm_from_set(100, 20, None) == pytest.approx(epley_1rm(100, 20))
    assert estimate_1rm_from_set(100, 40, None) == pytest.approx(epley_1rm(100, 40))


def test_estimate_from_set_beyond_12_reps_counts_the_reps_in_reserve() -> None:
    # 15 reps with 2 left is a 17-rep max: one past the chart's last cell (16), so Epley's curve carries on from it.
    beyond = 0.573 * epley_1rm(1, 16) / epley_1rm(1, 17)
    assert estimate_1rm_from_set(50, 15, 8) == pytest.approx(50 / beyond)
    assert estimate_1rm_from_set(50, 13, 9) == pytest.approx(50 / percent_of_1rm(12, 8))   # a 14-rep max: on the chart


def test_rpe_under_6_is_read_as_6_which_gives_the_lower_estimate() -> None:
    at_five = estimate_1rm_from_set(60, 5, 5)
    assert at_five == pytest.approx(estimate_1rm(60, 5, 6))
    # Taken at its word, 5 reps with 5 left is a 10-rep max: a higher estimate than the one used.
    assert at_five < estimate_1rm(60, 10, 10)


def test_chart_rpe_rounds_up_to_half_steps_and_clamps() -> None:
    assert chart_rpe(7.2) == 7.5
    assert chart_rpe(8) == 8
    assert chart_rpe(3) == 6
    assert chart_rpe(11) == 10


@pytest.mark.parametrize(("load", "reps"), [(None, 5), (0.0, 5), (60.0, 0), (60.0, None)])
def test_estimate_from_set_is_none_without_load_or_reps(load: float | None, reps: int | None) -> None:
    assert estimate_1rm_from_set(load, reps, 8) is None


@pytest.mark.parametrize(("reps", "rpe"), [(5, 8), (12, 6), (15, 8), (3, 9.5)])
def test_load_for_reps_inverts_the_estimate(reps: int, rpe: float) -> None:
    e1rm = estimate_1rm_from_set(70, reps, rpe)
    assert e1rm is not None
    assert load_for_reps(e1rm, reps, rpe) == pytest.approx(70)


@pytest.mark.parametrize(
    ("rpe", "words"),
    [(8, "RPE 8 = 2 reps left"), (10, "RPE 10 = no reps left"), (9.5, "RPE 9.5 = maybe 1 rep left"),
     (7, "RPE 7 = 3 reps left"), (9, "RPE 9 = 1 rep left"), (5, "RPE 5 = 5 reps left"),
     (4, "RPE 4 = 6+ reps left (light)"), (1, "RPE 1 = 6+ reps left (light)")],
)
def test_describe_rpe(rpe: float, words: str) -> None:
    assert describe_rpe(rpe) == words


def test_describe_rpe_refuses_off_the_scale() -> None:
    with pytest.raises(ValueError):
        describe_rpe(12)


def test_rpe_scale_lists_6_to_10_in_half_steps_with_their_meaning() -> None:
    assert [rpe for rpe, _ in RPE_SCALE] == [6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0]
    assert dict(RPE_SCALE)[8.0] == "2 reps left"
    assert all(describe_rpe(rpe) == f"RPE {rpe:g} = {meaning}" for rpe, meaning in RPE_SCALE)


@pytest.mark.parametrize(("rpe", "words"), [
    (10.0, "RPE 10 = could not hold longer"),
    (9.5, "RPE 9.5 = could hold maybe a moment longer"),
    (8.0, "RPE 8 = could hold a little longer"),
    (7.0, "RPE 7 = could hold a while longer"),
    (6.0, "RPE 6 = could hold much longer"),
    (5.0, "RPE 5 = could hold a lot longer"),
])
def test_a_holds_rpe_is_said_of_time_not_reps(rpe: float, words: str) -> None:
    assert describe_rpe(rpe, hold=True) == words


def test_the_hold_scale_has_the_same_values_in_words_short_enough_for_the_log_window() -> None:
    assert [rpe for rpe, _ in HOLD_RPE_SCALE] == [rpe for rpe, _ in RPE_SCALE]
    assert dict(HOLD_RPE_SCALE)[8.0] == "a little longer" and dict(HOLD_RPE_SCALE)[10.0] == "could not hold longer"
    assert max(len(words) for _, words in HOLD_RPE_SCALE) <= 23   # a scale row in the 78-column log window


def test_e1rm_is_continuous_from_12_to_13_reps() -> None:
    # 100 x 12 @10 gave 147.1 and 100 x 13 @10 gave 143.3: one more rep at the same load cannot mean a weaker lifter.
    twelve, thirteen = estimate_1rm_from_set(100, 12, 10), estimate_1rm_from_set(100, 13, 10)
    assert twelve == pytest.approx(147.06, abs=0.01)
    assert thirteen is not None and twelve is not None and thirteen > twelve
    assert thirteen == pytest.approx(100 / percent_of_1rm(12, 9))   # 13 to failure = 12 with one left, on the chart


@pytest.mark.parametrize("rpe", [6.0, 7.5, 8.0, 9.0, 10.0, None])
def test_e1rm_rises_with_every_rep_at_the_same_load_and_effort(rpe: float | None) -> None:
    estimates = [estimate_1rm_from_set(100, reps, rpe) for reps in range(1, 40)]
    assert all(later > earlier for earlier, later in zip(estimates, estimates[1:]))


def test_e1rm_steps_between_reps_stay_small_past_the_chart() -> None:
    # No jump at the chart's edge (16 reps to failure): each rep adds under 6% however many reps.
    estimates = [estimate_1rm_from_set(50, reps, 10) for reps in range(1, 40)]
    assert all(later / earlier < 1.06 for earlier, later in zip(estimates, estimates[1:]))


@pytest.mark.parametrize(("reps", "rpe"), [(1, 10), (3, 8), (5, 6.5), (8, 9), (12, 6), (15, 8), (20, 7)])
def test_predicted_rpe_reads_the_chart_backwards(reps: int, rpe: float) -> None:
    load = load_for_reps(100.0, reps, rpe)
    assert predicted_rpe(100.0, load, reps) == pytest.approx(rpe, abs=1e-6)


def test_predicted_rpe_is_past_10_for_reps_that_cannot_be_done() -> None:
    assert predicted_rpe(100.0, 92.2, 5) == pytest.approx(12.0)   # 92.2% is a 3-rep max: 5 reps are 2 past failure
    assert predicted_rpe(100.0, 105.0, 1) > 10
