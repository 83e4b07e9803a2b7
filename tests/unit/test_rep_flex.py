"""Reps past the plan's range, bounded and said, when no load the equipment makes lands the target inside it."""

from __future__ import annotations

import dataclasses

from strongstride.engine.aim import Forecast
from strongstride.engine.autoregulation import next_set_target
from strongstride.engine.rep_flex import REP_FLEX, flex_bounds, flexed_set
from strongstride.engine.rpe import estimate_1rm_from_set, predicted_rpe
from strongstride.engine.target import SetTarget
from strongstride.model.config import Equipment
from strongstride.model.exercise_library import load_library
from strongstride.model.plan import NumberRange
from strongstride.resources import exercise_library_file
from tests.unit.test_autoregulation import block, logged
from tests.unit.test_progression import session, start

LIBRARY, _ = load_library(exercise_library_file())
KG = Equipment.defaults("kg")
KG_PLATES = dataclasses.replace(KG, dumbbells=())          # loadable dumbbells in 2.5 kg steps
SPARSE = dataclasses.replace(KG, dumbbells=(4.0, 8.0, 12.0, 16.0, 20.0, 24.0, 32.0))
SPLIT_SQUAT = LIBRARY["split_squat"]
EIGHT_TO_TEN = NumberRange(8, 10)


def split_squat_after(load: float, reps: int, rpe: float, rep_range: str, goal: float, equipment: Equipment) -> SetTarget:
    done = logged(1, reps=reps, load=load, rpe=rpe, target_reps=reps, exercise_id="split_squat")
    current = SetTarget(reps=reps, load=load, rpe=goal)
    return next_set_target(block("split_squat", reps=rep_range, rpe=goal), SPLIT_SQUAT, current, [done], equipment, "kg")


def test_a_light_one_legged_lift_between_two_loads_gets_more_reps_and_says_why() -> None:
    # runner-foundation on kg plates: 7.5 kg x 10 @7 for an 8-10 @8.5 split squat (e1RM about 11 kg). 10 kg is past
    # RPE 10 for 8 reps and 7.5 kg is RPE 7 at 10: no load lands the range, 12 reps at 7.5 kg do.
    target = split_squat_after(7.5, 10, 7.0, "8-10", 8.5, KG_PLATES)
    e1rm = estimate_1rm_from_set(7.5, 10, 7.0)
    assert e1rm is not None and predicted_rpe(e1rm, 10.0, 8) > 9.5
    assert (target.load, target.reps) == (7.5, 12)
    assert target.reason.endswith(
        ", 10 -> 12 reps (about RPE 9 at 7.5 kg): the plan's 8-10 reps need a load between 7.5 kg and 10 kg "
        "(at most 2 reps past the range: ACSM's one to two reps over)")


def test_a_sparse_rack_gives_a_heavy_block_more_reps_at_the_lighter_dumbbell() -> None:
    # heavy-strength on dumbbells of 4-32 kg: 24 kg x 5 @7 for a 3-5 @8 split squat; 32 kg is past the 1RM (about
    # 31 kg), 24 kg x 6 about RPE 8.
    target = split_squat_after(24.0, 5, 7.0, "3-5", 8.0, SPARSE)
    assert (target.load, target.reps) == (24, 6)
    assert "5 -> 6 reps" in target.reason and "need a load between 24 kg and 32 kg" in target.reason


def test_the_next_set_after_a_flexed_set_done_as_asked_keeps_it() -> None:
    # 12 reps asked and done at the target: the next set asks them again at the same load.
    done = logged(1, reps=12, load=7.5, rpe=8.5, target_reps=12, exercise_id="split_squat")
    current = SetTarget(reps=12, load=7.5, rpe=8.5)
    target = next_set_target(block("split_squat", reps="8-10", rpe=8.5), SPLIT_SQUAT, current, [done], KG_PLATES, "kg")
    assert (target.load, target.reps) == (7.5, 12)
    assert "held" not in target.reason
    # a little easy at 12 (10 kg still past the band for 8): the reps stay at the bound, said as such
    easy = dataclasses.replace(done, rpe=7.5)
    again = next_set_target(block("split_squat", reps="8-10", rpe=8.5), SPLIT_SQUAT, current, [easy], KG_PLATES, "kg")
    assert again.reps == 12 and ", 12 reps again (about RPE" in again.reason


def test_no_flex_when_some_load_lands_inside_the_range() -> None:
    # a 12.5 kg e1RM on 2.5 kg steps: 10 kg x 8-10 sits at the target, so 7.5 kg stays at the plan's reps.
    forecast = Forecast(12.5 / 0.72, 10, 8.0)
    assert flexed_set(forecast, 7.5, 10, EIGHT_TO_TEN, SPLIT_SQUAT, KG_PLATES, "kg", heaviest=10.0) == (7.5, 10, "")


def test_the_flex_stops_rep_flex_past_the_range_even_short_of_the_target() -> None:
    # 7.5 kg for an e1RM of 15 kg is far too light for 12 reps at RPE 8, but 10 kg lands inside the range: no flex.
    assert flexed_set(Forecast(15.0, 10, 8.0), 7.5, 10, EIGHT_TO_TEN, SPLIT_SQUAT, KG_PLATES, "kg", heaviest=10.0)[1] == 10
    # Only 4 and 24 kg on a rack: 4 kg is under RPE 5 at any count up to 12, 24 kg past the 1RM: 12 reps, said so.
    rack = dataclasses.replace(KG, dumbbells=(4.0, 24.0))
    _, reps, words = flexed_set(Forecast(16.0, 10, 8.0), 4.0, 10, EIGHT_TO_TEN, SPLIT_SQUAT, rack, "kg", heaviest=24.0)
    assert reps == 10 + REP_FLEX
    assert words.startswith(", 10 -> 12 reps (under RPE 5 at 4 kg): the plan's 8-10 reps need a load between 4 kg and 24 kg")
    assert flex_bounds(EIGHT_TO_TEN) == (8 - REP_FLEX, 10 + REP_FLEX)
    assert flex_bounds(NumberRange(2, 3)) == (1, 5)


def test_the_lightest_dumbbell_too_heavy_for_the_range_asks_fewer_reps() -> None:
    # e1RM 5 kg, lightest dumbbell 4 kg (80%): 8 reps is past RPE 10, 6 reps about RPE 8.
    forecast = Forecast(5.0, 8, 8.0)
    _, reps, words = flexed_set(forecast, 4.0, 8, EIGHT_TO_TEN, SPLIT_SQUAT, SPARSE, "kg", heaviest=4.0)
    assert reps == 6
    assert "8 -> 6 reps" in words and "need a load under 4 kg" in words


def test_the_next_session_starts_with_the_flexed_reps_and_the_reason() -> None:
    # runner-foundation's hamstring curl on 5 kg pins: 25 kg x 10 @7 twice at the top of 8-10 @8.5 (e1RM 38.3 kg);
    # 30 kg is about RPE 10 for 8 reps, so the start stays at 25 kg and asks 12 (about RPE 9).
    history = [session(d, "hamstring_curl", [(25.0, 10, 7.0)] * 2, target_reps=10) for d in (10, 3)]
    target = start("hamstring_curl", "double", history, reps="8-10", rpe=8.5)
    assert (target.load, target.reps) == (25, 12)
    assert "8 -> 12 reps (about RPE 9 at 25 kg)" in target.reason and "ACSM's one to two reps over" in target.reason
    assert "but 30 kg would be about RPE 10 for 8 reps" in target.reason and "8 -> 10 reps" not in target.reason


def test_the_next_load_for_fewer_reps_when_only_it_lands_and_the_caps_allow_it() -> None:
    # gym-circuit's bench split squat on dumbbells of 4, 8, 12 ... kg, e1RM 14.8 kg, 8-10 @8: 8 kg is under RPE 5 even
    # for 12 reps, 12 kg (81%) past RPE 10 for 8 but about RPE 8.5 for 6.
    forecast = Forecast(14.8, 10, 8.0)
    assert flexed_set(forecast, 8.0, 10, EIGHT_TO_TEN, SPLIT_SQUAT, SPARSE, "kg", heaviest=12.0)[:2] == (12.0, 6)
    # where the caps allowed only 8 kg, the load stays and the reps go to the bound
    assert flexed_set(forecast, 8.0, 10, EIGHT_TO_TEN, SPLIT_SQUAT, SPARSE, "kg", heaviest=8.0)[:2] == (8.0, 12)


def test_the_next_session_takes_the_heavier_dumbbell_for_fewer_reps_when_only_it_lands() -> None:
    # dumbbells 4, 8, 12 ... kg: 12 kg x 6 @8 ten days ago (e1RM about 15.6 kg), 8 kg x 10 @8 three days ago. 12 kg
    # is past the band for 8 reps and 8 kg far under it even for 12; 12 kg for 6 is about RPE 8.
    history = [session(10, "split_squat", [(12.0, 6, 8.0)], target_reps=6),
               session(3, "split_squat", [(8.0, 10, 8.0)], target_reps=10)]
    target = start("split_squat", "double", history, equipment=SPARSE, reps="8-10", rpe=8.0)
    assert (target.load, target.reps) == (12, 6)
    assert "8 -> 6 reps (about RPE 8 at 12 kg): the plan's 8-10 reps need a load between 8 kg and 12 kg" in target.reason
    assert target.reason.endswith(": 8 -> 12 kg") and "but 12 kg" not in target.reason


def sparse_split_squats_after(load: float, reps: int, rpe: float, asked: int) -> SetTarget:
    done = logged(1, reps=reps, load=load, rpe=rpe, target_reps=asked, exercise_id="split_squat")
    current = SetTarget(reps=asked, load=load, rpe=8.0)
    return next_set_target(block("split_squat", reps="8-10", rpe=8.0), SPLIT_SQUAT, current, [done], SPARSE, "kg")


def test_after_a_hard_set_the_same_dumbbell_for_fewer_reps_beats_the_one_under_it() -> None:
    # 12 kg x 8 at RPE 10 (e1RM about 14.8 kg): 8 kg is far too light even for 12, 12 kg for 6 about RPE 8.
    target = sparse_split_squats_after(12.0, 8, 10.0, 8)
    assert (target.load, target.reps) == (12, 6)
    assert target.reason == ("RPE 10 at target 8: stay at 12 kg, 8 -> 6 reps (about RPE 8 at 12 kg): the plan's 8-10 "
                             "reps need a load between 8 kg and 12 kg (at most 2 reps past the range: ACSM's one to two "
                             "reps over)")


def test_within_a_session_the_next_dumbbell_for_fewer_reps_is_one_step_and_says_so() -> None:
    # 8 kg x 16 at RPE 6 (12 asked): 12 kg lands only at 6 reps, one step up, +50%.
    target = sparse_split_squats_after(8.0, 16, 6.0, 12)
    assert (target.load, target.reps) == (12, 6)
    assert target.reason.startswith("RPE 6 at target 8: 8 -> 12 kg, one step (the next dumbbell) for fewer reps: +50%, "
                                    "past ACSM's 10% step, 12 -> 6 reps (about RPE 8 at 12 kg)")
