"""kg and lb conversion and rounding a load to what the equipment can make."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strongstride.model.units import (
    KG_PER_LB, clean, convert, format_load, round_to_increment,
)


def test_convert_between_kg_and_lb():
    assert convert(100, "kg", "kg") == 100
    assert convert(1, "lb", "kg") == KG_PER_LB
    assert convert(100, "kg", "lb") == pytest.approx(220.462, abs=1e-3)
    assert convert(convert(62.5, "kg", "lb"), "lb", "kg") == pytest.approx(62.5)


@pytest.mark.parametrize("value, increment, expected", [
    (41.2, 2.5, 40.0), (41.25, 2.5, 42.5), (38.74, 2.5, 37.5), (97, 5, 95), (97.5, 5, 100), (0.3, 1.25, 0.0),
])
def test_round_to_increment_takes_the_nearest_multiple_halves_up(value, increment, expected):
    assert round_to_increment(value, increment) == expected


@pytest.mark.parametrize("rounding", [round_to_increment])
def test_an_increment_must_be_positive(rounding):
    with pytest.raises(ValueError, match="positive"):
        rounding(40, 0)


@given(st.floats(0, 1000, allow_nan=False), st.sampled_from([0.5, 1.0, 1.25, 2.5, 5.0, 10.0]))
def test_rounded_loads_are_multiples_of_the_increment(value, increment):
    rounded = round_to_increment(value, increment)
    assert abs(rounded - value) <= increment / 2 + 1e-6
    assert clean(rounded / increment) == round(rounded / increment)


def test_format_load_drops_trailing_zeros():
    assert format_load(40.0, "kg") == "40 kg"
    assert format_load(37.5000000001, "kg") == "37.5 kg"
    assert format_load(95, "lb") == "95 lb"
