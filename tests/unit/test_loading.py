"""Loads the equipment can make: bar plus plates, the dumbbell rack, a machine's stack."""

from __future__ import annotations

import dataclasses

import pytest

from strongstride.engine.loading import (
    available_load_at_least,
    available_load_at_most,
    lightest_load,
    load_increment,
    nearest_available_load,
    step_load,
)
from strongstride.model.config import Equipment
from strongstride.model.exercise_library import load_library
from strongstride.resources import exercise_library_file

LIBRARY, _ = load_library(exercise_library_file())
SQUAT, GOBLET, LEG_PRESS, CABLE_ROW, PUSH_UP = (
    LIBRARY[i] for i in ("back_squat", "goblet_squat", "leg_press", "seated_cable_row", "push_up")
)
KG = Equipment.defaults("kg")
LB = Equipment.defaults("lb")
SMALL_RACK = dataclasses.replace(KG, dumbbells=(4.0, 6.0, 8.0, 12.0, 16.0))


def test_load_increment_by_equipment() -> None:
    assert load_increment(SQUAT, KG) == 2.5
    assert load_increment(SQUAT, LB) == 5.0
    assert load_increment(LEG_PRESS, KG) == 5.0
    assert load_increment(CABLE_ROW, LB) == 10.0
    assert load_increment(GOBLET, SMALL_RACK) == 2.0      # the smallest gap on the rack
    assert load_increment(GOBLET, KG) == 0.5              # 12 and 12.5 kg both on the default rack


def test_bodyweight_work_has_no_increment() -> None:
    with pytest.raises(ValueError, match="no external load"):
        load_increment(PUSH_UP, KG)


@pytest.mark.parametrize(("wanted", "made"), [(41.0, 40.0), (41.25, 42.5), (38.9, 40.0), (12.0, 20.0), (100.1, 100.0)])
def test_barbell_rounds_to_the_increment_never_below_the_bar(wanted: float, made: float) -> None:
    assert nearest_available_load(wanted, SQUAT, KG) == made


def test_barbell_in_pounds() -> None:
    assert nearest_available_load(137, SQUAT, LB) == 135
    assert nearest_available_load(20, SQUAT, LB) == 45


@pytest.mark.parametrize(("wanted", "made"), [(9.0, 8.0), (10.1, 12.0), (1.0, 4.0), (30.0, 16.0), (14.0, 16.0)])
def test_dumbbells_round_to_the_nearest_on_the_rack(wanted: float, made: float) -> None:
    assert nearest_available_load(wanted, GOBLET, SMALL_RACK) == made


def test_machine_rounds_to_its_stack_with_at_least_one_plate() -> None:
    assert nearest_available_load(47, LEG_PRESS, KG) == 45
    assert nearest_available_load(1, LEG_PRESS, KG) == 5


def test_dumbbells_with_an_empty_rack_step_like_plates() -> None:
    no_rack = dataclasses.replace(KG, dumbbells=())
    assert nearest_available_load(11, GOBLET, no_rack) == 10
    assert lightest_load(GOBLET, no_rack) == 2.5


def test_step_load_moves_along_what_can_be_made() -> None:
    assert step_load(40, 1, SQUAT, KG) == 42.5
    assert step_load(40, -2, SQUAT, KG) == 35
    assert step_load(22.5, -5, SQUAT, KG) == 20          # never below the bar
    assert step_load(8, 1, GOBLET, SMALL_RACK) == 12
    assert step_load(16, 3, GOBLET, SMALL_RACK) == 16    # the heaviest dumbbell
    assert step_load(4, -1, GOBLET, SMALL_RACK) == 4
    assert step_load(10, -1, LEG_PRESS, KG) == 5
    assert step_load(10, -3, LEG_PRESS, KG) == 5


def test_lightest_load() -> None:
    assert lightest_load(SQUAT, KG) == 20
    assert lightest_load(SQUAT, LB) == 45
    assert lightest_load(GOBLET, SMALL_RACK) == 4
    assert lightest_load(LEG_PRESS, LB) == 10


def test_at_most_and_at_least() -> None:
    assert available_load_at_most(44, SQUAT, KG) == 42.5
    assert available_load_at_most(42.5, SQUAT, KG) == 42.5
    assert available_load_at_least(36, SQUAT, KG) == 37.5
    assert available_load_at_most(11, GOBLET, SMALL_RACK) == 8
    assert available_load_at_least(9, GOBLET, SMALL_RACK) == 12
    assert available_load_at_most(10, SQUAT, KG) == 20     # below the bar there is only the bar


def test_barbell_loads_are_always_ones_the_plates_make() -> None:
    from strongstride.engine.plates import plates_per_side

    # A 2.5 kg increment with no plate under 2.5 kg: 82.5 was planned, then "can't be made".
    coarse = dataclasses.replace(KG, plates=(20.0, 10.0, 5.0, 2.5), barbell_increment=2.5)
    for wanted in (81.0, 82.5, 83.0, 101.0):
        load = nearest_available_load(wanted, SQUAT, coarse)
        assert plates_per_side(load, coarse).exact and abs(load - wanted) <= 2.5
    assert step_load(80, 1, SQUAT, coarse) == 85
    assert available_load_at_most(84, SQUAT, coarse) == 80


def test_limited_plate_pairs_skip_the_loads_they_cannot_make() -> None:
    from strongstride.engine.plates import plates_per_side

    two_pairs = dataclasses.replace(KG, plates=(20.0, 5.0), plate_pairs=(1, 1))   # 20, 30, 60, 70 kg only
    assert nearest_available_load(45, SQUAT, two_pairs) in (30, 60)
    assert step_load(30, 1, SQUAT, two_pairs) == 60
    assert step_load(70, 1, SQUAT, two_pairs) == 70          # nothing heavier can be made: stay
    assert all(plates_per_side(nearest_available_load(w, SQUAT, two_pairs), two_pairs).exact for w in range(20, 90, 3))
