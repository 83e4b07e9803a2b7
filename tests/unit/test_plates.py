"""Plate maths: what goes on each side of the bar, in kg and lb, with a limited inventory."""

from __future__ import annotations

import dataclasses

import pytest

from strongstride.engine.plates import plates_per_side
from strongstride.model.config import Equipment

KG = Equipment.defaults("kg")
LB = Equipment.defaults("lb")
NO_TWENTIES = dataclasses.replace(KG, plates=(25.0, 15.0, 10.0, 5.0, 2.5, 1.25))


def test_greedy_from_the_heaviest_plate() -> None:
    loading = plates_per_side(62.5, NO_TWENTIES)
    assert loading.per_side == (15.0, 5.0, 1.25)
    assert loading.exact and loading.load == 62.5
    assert loading.reason == "20 kg bar + 15 + 5 + 1.25 per side"


def test_the_default_kg_plates() -> None:
    assert plates_per_side(62.5, KG).per_side == (20.0, 1.25)
    assert plates_per_side(140, KG).per_side == (25.0, 25.0, 10.0)


def test_pounds() -> None:
    loading = plates_per_side(135, LB, "lb")
    assert loading.per_side == (45.0,)
    assert loading.reason == "45 lb bar + 45 per side"
    assert plates_per_side(230, LB, "lb").per_side == (45.0, 45.0, 2.5)
    assert plates_per_side(205, LB, "lb").per_side == (45.0, 35.0)


def test_the_bar_alone() -> None:
    loading = plates_per_side(20, KG)
    assert loading.per_side == () and loading.exact
    assert loading.reason == "The 20 kg bar alone"


def test_below_the_bar_loads_the_bar_and_says_so() -> None:
    loading = plates_per_side(15, KG)
    assert loading.load == 20 and loading.per_side == () and not loading.exact
    assert loading.reason == "15 kg is lighter than the 20 kg bar: the bar alone"


def test_a_load_that_cannot_be_made_rounds_to_the_nearest_that_can() -> None:
    loading = plates_per_side(62.6, KG)
    assert loading.load == 62.5 and not loading.exact
    assert loading.reason.startswith("62.6 kg can't be made: loading 62.5 kg")


def test_limited_pairs_are_respected() -> None:
    one_pair_each = dataclasses.replace(KG, plates=(20.0, 10.0, 5.0), plate_pairs=(1, 1, 1))
    exact = plates_per_side(90, one_pair_each)
    assert exact.per_side == (20.0, 10.0, 5.0) and exact.exact
    too_heavy = plates_per_side(120, one_pair_each)
    assert too_heavy.load == 90 and not too_heavy.exact


def test_greedy_backs_off_when_the_heaviest_plate_leads_nowhere() -> None:
    # 30 per side: 25 leaves 5 that only 15s and 10s cannot make; 15 + 15 can.
    odd = dataclasses.replace(KG, plates=(25.0, 15.0), plate_pairs=(1, 2))
    loading = plates_per_side(80, odd)
    assert loading.per_side == (15.0, 15.0) and loading.exact


@pytest.mark.parametrize("load", [20.0, 41.25, 57.5, 100.0, 187.5, 250.0])
def test_plates_always_add_up_to_the_load_reported(load: float) -> None:
    loading = plates_per_side(load, KG)
    assert loading.load == pytest.approx(KG.bar_weight + 2 * sum(loading.per_side))
    assert list(loading.per_side) == sorted(loading.per_side, reverse=True)


def test_an_absurd_load_is_capped_quickly() -> None:
    loading = plates_per_side(1_000_000, KG)
    assert not loading.exact
    assert loading.load == KG.bar_weight + 2 * 25.0 * 100
