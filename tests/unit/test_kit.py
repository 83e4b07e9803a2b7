"""The runner's kit: what a block needs, which variations a swap may reach, and what a plan lacks."""

from __future__ import annotations

import dataclasses

import pytest

from strongstride.engine.events import SetLogged, VariationSwapped
from strongstride.engine.session import InvalidEvent, LiveSession
from strongstride.model.config import Config, Equipment
from strongstride.model.kit import (
    COACHED_LOAD, kit_needed, load_after_swap, missing_kit, missing_kit_words, plan_needs, within_reach,
)
from strongstride.model.plan import BODYWEIGHT, Load, NumberRange
from strongstride.services.library import load_exercise_library
from strongstride.store.plans import find_plan
from strongstride.model.plan_parser import load_plan_file

from .session_fixtures import EXERCISES, Clock, block, setup_of

NO_KIT = dataclasses.replace(Equipment.defaults("kg"), owned=())
DUMBBELLS_ONLY = dataclasses.replace(Equipment.defaults("kg"), owned=("dumbbell",))


def config_owning(equipment: Equipment) -> Config:
    return Config(equipment=equipment)


def bundled_plan(plan_id: str):
    library, _ = load_exercise_library()
    return load_plan_file(find_plan(plan_id).path, library), library


def test_body_weight_needs_nothing_and_a_loaded_exercise_done_at_body_weight_needs_nothing():
    assert kit_needed(EXERCISES["push_up"], BODYWEIGHT) is None
    assert kit_needed(EXERCISES["goblet_squat"], BODYWEIGHT) is None
    assert kit_needed(EXERCISES["goblet_squat"], Load("absolute", weight=16.0)) == "dumbbell"
    assert kit_needed(EXERCISES["band_row"], Load("band", band="light")) == "band"


def test_a_loaded_exercise_swapped_in_for_a_body_weight_one_is_loaded_by_the_coach():
    squat, goblet, back = EXERCISES["bodyweight_squat"], EXERCISES["goblet_squat"], EXERCISES["back_squat"]
    assert load_after_swap(BODYWEIGHT, squat, goblet) == COACHED_LOAD
    assert load_after_swap(BODYWEIGHT, squat, squat) == BODYWEIGHT
    # a plan that does a loaded lunge at body weight keeps its other rungs at body weight too
    assert load_after_swap(BODYWEIGHT, goblet, back) == BODYWEIGHT


def test_the_plans_weight_stays_with_its_own_exercise():
    squat, goblet, back = EXERCISES["bodyweight_squat"], EXERCISES["goblet_squat"], EXERCISES["back_squat"]
    sixteen = Load("absolute", weight=16.0)
    assert load_after_swap(sixteen, goblet, goblet) == sixteen
    assert load_after_swap(sixteen, goblet, back) == COACHED_LOAD      # 16 kg was for the dumbbell
    assert load_after_swap(sixteen, goblet, squat) == BODYWEIGHT
    heavy = Load("percent_rm", percent=NumberRange(80, 100), rep_max=5)
    assert load_after_swap(heavy, back, goblet) == heavy                # a share of the new exercise's own max


def test_a_runner_without_kit_reaches_only_body_weight_variations():
    squat = EXERCISES["bodyweight_squat"]
    assert within_reach(squat, BODYWEIGHT, squat, EXERCISES, NO_KIT).harder is None
    assert within_reach(squat, BODYWEIGHT, squat, EXERCISES, DUMBBELLS_ONLY).harder == "goblet_squat"
    assert within_reach(squat, BODYWEIGHT, squat, EXERCISES, Equipment.defaults("kg")) is squat
    goblet = EXERCISES["goblet_squat"]
    reached = within_reach(goblet, BODYWEIGHT, squat, EXERCISES, DUMBBELLS_ONLY)
    assert (reached.easier, reached.harder) == ("bodyweight_squat", None)


def test_the_bodyweight_plan_offers_no_loaded_swap_to_a_runner_without_kit():
    """Bodyweight squat to Goblet squat to Back squat, Hip thrust, ball pull-in, single-leg deadlift: none reachable."""
    plan, library = bundled_plan("bodyweight-beginner")
    for template in plan.sessions:
        for planned in template.blocks:
            exercise = library[planned.exercise_id]
            reached = within_reach(exercise, planned.prescription.load, exercise, library, NO_KIT)
            for link in (reached.easier, reached.harder):
                if link is not None:
                    new = library[link]
                    assert kit_needed(new, load_after_swap(planned.prescription.load, exercise, new)) is None, link


def test_the_session_refuses_a_swap_to_kit_the_runner_lacks_and_offers_none():
    session = LiveSession(setup_of(block("bodyweight_squat", sets=2), config=config_owning(NO_KIT)))
    assert session.state.card.exercise.harder is None
    with pytest.raises(InvalidEvent, match="no harder"):
        session.apply(VariationSwapped(Clock()(), "harder"))


def test_a_loaded_exercise_swapped_in_never_shows_body_weight_as_its_load():
    clock = Clock()
    session = LiveSession(setup_of(block("bodyweight_squat", sets=2)))
    session.apply(VariationSwapped(clock(), "harder"))
    card = session.state.card
    assert card.exercise.id == "goblet_squat" and card.target.load is not None and card.target.load > 0
    assert "test set" in card.target.reason
    session.apply(VariationSwapped(clock(), "harder"))
    assert session.state.card.exercise.id == "back_squat" and session.state.card.target.load is not None
    session.apply(VariationSwapped(clock(), "easier"))
    session.apply(VariationSwapped(clock(), "easier"))
    card = session.state.card
    assert card.exercise.id == "bodyweight_squat" and card.target.load is None
    session.apply(SetLogged(clock(), 8, None, 7.0))
    assert session.state.logged[-1].load is None


def test_swapping_back_to_the_planned_exercise_brings_back_the_plans_load():
    clock = Clock()
    session = LiveSession(setup_of(block("goblet_squat", sets=3, load=Load("absolute", weight=16.0))))
    assert session.state.card.target.load == 16.0
    session.apply(VariationSwapped(clock(), "easier"))
    assert session.state.card.target.load is None
    session.apply(VariationSwapped(clock(), "harder"))
    card = session.state.card
    assert card.exercise.id == "goblet_squat" and card.target.load == 16.0


def test_what_a_plan_needs_names_the_exercises_needing_each_kind_of_kit():
    plan, library = bundled_plan("runner-foundation")
    needs = {need.kind: need.exercises for need in plan_needs(plan, library)}
    assert needs["barbell"] == ("Quarter squat", "Romanian deadlift")
    assert set(needs) == {"barbell", "dumbbell", "machine"}
    missing = missing_kit(plan, library, DUMBBELLS_ONLY)
    assert [need.kind for need in missing] == ["barbell", "machine"]
    assert missing_kit_words(missing).startswith("Needs kit you do not have: barbell (Quarter squat, Romanian deadlift); machine (")
    assert missing_kit(plan, library, Equipment.defaults("kg")) == []
    assert missing_kit_words([]) == ""


def test_the_bodyweight_plan_needs_no_kit_at_all():
    plan, library = bundled_plan("bodyweight-beginner")
    assert plan_needs(plan, library) == [] and missing_kit(plan, library, NO_KIT) == []
