"""The warm-up ramp: when heavy work earns one, and which loadable sets it is made of."""

from __future__ import annotations

import dataclasses

import pytest

from strongstride.engine.warmup import WarmupSet, heavy_prescription, needs_warmup_ramp, warmup_ramp
from strongstride.model.config import Equipment
from strongstride.model.exercise_library import load_library
from strongstride.model.plan import BODYWEIGHT, Load, NumberRange
from strongstride.resources import exercise_library_file

LIBRARY, _ = load_library(exercise_library_file())
SQUAT, GOBLET, LEG_PRESS, PUSH_UP = (LIBRARY[i] for i in ("back_squat", "goblet_squat", "leg_press", "push_up"))
KG = Equipment.defaults("kg")
LB = Equipment.defaults("lb")


def test_heavy_work_relative_to_the_e1rm_gets_a_ramp() -> None:
    assert needs_warmup_ramp(SQUAT, 80, 100, enabled=True)
    assert needs_warmup_ramp(SQUAT, 75, 100, enabled=True)
    assert not needs_warmup_ramp(SQUAT, 70, 100, enabled=True)
    assert needs_warmup_ramp(GOBLET, 24, 30, enabled=True)
    assert needs_warmup_ramp(LEG_PRESS, 120, 150, enabled=True)


def test_no_ramp_when_turned_off_or_not_loaded() -> None:
    assert not needs_warmup_ramp(SQUAT, 90, 100, enabled=False)
    assert not needs_warmup_ramp(PUSH_UP, 90, 100, enabled=True)
    assert not needs_warmup_ramp(SQUAT, None, 100, enabled=True)


def test_a_heavy_percent_prescription_ramps_even_when_the_first_load_is_lighter() -> None:
    seed_002 = Load("percent_rm", percent=NumberRange(80, 100), rep_max=5)
    assert needs_warmup_ramp(SQUAT, 85, 123, enabled=True, prescribed=seed_002)
    assert not needs_warmup_ramp(SQUAT, 85, 123, enabled=False, prescribed=seed_002)


def test_without_an_e1rm_only_a_heavy_percent_prescription_counts() -> None:
    eighty_percent = Load("percent_1rm", percent=NumberRange(80, 85))
    seventy_percent = Load("percent_1rm", percent=NumberRange(70, 70))
    assert needs_warmup_ramp(SQUAT, 60, None, enabled=True, prescribed=eighty_percent)
    assert not needs_warmup_ramp(SQUAT, 60, None, enabled=True, prescribed=seventy_percent)
    assert not needs_warmup_ramp(SQUAT, 60, None, enabled=True, prescribed=Load("absolute", 60))
    assert not needs_warmup_ramp(SQUAT, 60, None, enabled=True)


@pytest.mark.parametrize(
    ("prescribed", "heavy"),
    [
        (Load("percent_rm", percent=NumberRange(90, 100), rep_max=5), True),      # up to 86.3% of 1RM
        (Load("percent_rm", percent=NumberRange(80, 100), rep_max=5), True),      # seed 002: up to 86.3%
        (Load("percent_rm", percent=NumberRange(70, 80), rep_max=8), False),      # up to 0.8 x 73.9% = 59%
        (Load("percent_1rm", percent=NumberRange(75, 80)), True),
        (Load("absolute", 100.0), False),
        (BODYWEIGHT, False),
    ],
)
def test_heavy_prescription(prescribed: Load, heavy: bool) -> None:
    assert heavy_prescription(prescribed) is heavy


def test_barbell_ramp_from_the_empty_bar() -> None:
    assert warmup_ramp(100, SQUAT, KG) == [
        WarmupSet(8, 20, "empty bar"), WarmupSet(5, 50, "about 50%"), WarmupSet(3, 70, "about 70%"), WarmupSet(1, 85, "about 85%"),
    ]


def test_ramp_steps_are_rounded_to_what_can_be_loaded() -> None:
    ramp = warmup_ramp(225, SQUAT, LB)
    assert [s.load for s in ramp] == [45, 115, 160, 190]
    assert all((s.load - 45) % 5 == 0 for s in ramp)


def test_steps_that_collapse_or_reach_the_work_load_are_dropped() -> None:
    assert warmup_ramp(40, SQUAT, KG) == [WarmupSet(8, 20, "empty bar"), WarmupSet(3, 27.5, "about 70%"), WarmupSet(1, 35, "about 85%")]
    assert warmup_ramp(22.5, SQUAT, KG) == [WarmupSet(8, 20, "empty bar")]
    assert warmup_ramp(20, SQUAT, KG) == []


def test_dumbbell_ramp_uses_the_rack_and_has_no_bar() -> None:
    rack = dataclasses.replace(KG, dumbbells=(6.0, 10.0, 14.0, 18.0, 20.0))
    ramp = warmup_ramp(20, GOBLET, rack)
    assert [(s.reps, s.load) for s in ramp] == [(5, 10), (3, 14), (1, 18)]


def test_machine_ramp() -> None:
    assert [s.load for s in warmup_ramp(100, LEG_PRESS, KG)] == [50, 70, 85]


def test_a_first_session_with_a_known_max_ramps_up_to_a_real_work_set() -> None:
    from strongstride.engine.session import LiveSession
    from strongstride.model.config import Config, KnownSet
    from tests.unit.session_fixtures import block, setup_of

    seed_002 = Load("percent_rm", percent=NumberRange(80, 100), rep_max=5)
    config = Config(known={"back_squat": KnownSet(100, 5)})
    state = LiveSession(setup_of(block("back_squat", sets=3, reps=(3, 5), load=seed_002, rpe=8.0), config=config)).state
    assert state.card.kind == "warmup"                    # the empty-bar test set, then 80 kg cold, is gone
    assert "Warm-up before 95 kg" in state.card.target.reason


def test_a_heavy_first_set_from_a_known_max_ramps_even_on_a_plain_load() -> None:
    from strongstride.engine.session import LiveSession
    from strongstride.model.config import Config, KnownSet
    from tests.unit.session_fixtures import block, setup_of

    config = Config(known={"back_squat": KnownSet(100, 5)})
    state = LiveSession(setup_of(block("back_squat", sets=3, reps=(5, 5), load=Load("absolute", 40.0), rpe=8.0), config=config)).state
    assert state.card.kind == "warmup"                    # 5 @8 from a 100 kg 5RM is 95 kg: 82% of the e1RM
