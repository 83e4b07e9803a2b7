"""The simulated-lifter harness measures what it says: lifter effort from the chart, and each figure on logs whose answer is known.

These tests check the instrument, not the coach: no test asks the coach to meet the goals.
"""

from __future__ import annotations

import dataclasses
import importlib
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from strongstride.engine.plates import plates_per_side
from strongstride.engine.rpe import fraction_to_failure, percent_of_1rm
from strongstride.engine.week import RACE, runs_on
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.plan import NumberRange

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def benchmark_module(name: str) -> ModuleType:
    """A module of benchmarks/ (scripts importing each other by bare name, not a package)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCHMARKS))


lifter_model = benchmark_module("simulated_lifter")
figures = benchmark_module("coach_figures")
runs = benchmark_module("coach_runs")
simulation = benchmark_module("coach_simulation")

DAY = date(2027, 1, 4)
BAR_LADDER = tuple(20.0 + 2.5 * n for n in range(100))   # a 20 kg bar in 2.5 kg steps


def lifter(noise: float = 0.0, **strengths) -> object:
    """A lifter of fixed strengths: `back_squat=("load", 100.0)`."""
    table = {name: lifter_model.TrueStrength(kind, value) for name, (kind, value) in strengths.items()}
    return lifter_model.Lifter(table, DAY, seed="test", noise=noise)


# -- the lifter ---------------------------------------------------------------------------------------


def test_a_set_on_the_chart_is_the_rpe_the_chart_gives():
    squatter = lifter(back_squat=("load", 100.0))
    for reps, rpe in ((5, 8.0), (3, 9.0), (1, 10.0), (8, 6.0), (12, 10.0)):
        load = 100.0 * percent_of_1rm(reps, rpe)
        assert squatter.true_rpe("back_squat", DAY, reps, None, load) == pytest.approx(rpe, abs=1e-6)
        assert lifter_model.true_target_load(100.0, reps, rpe) == pytest.approx(load, abs=1e-6)


def test_half_steps_fall_between_the_chart_rows_and_the_curve_keeps_falling_past_12_reps():
    squatter = lifter(back_squat=("load", 100.0))
    assert squatter.true_rpe("back_squat", DAY, 3, None, 87.8) == pytest.approx(8.5, abs=0.05)   # chart: 87.8%
    shares = [lifter_model.share_for_reps_to_failure(reps) for reps in range(1, 30)]
    assert all(heavier > lighter for heavier, lighter in zip(shares, shares[1:]))
    assert lifter_model.reps_to_failure(lifter_model.share_for_reps_to_failure(13.5)) == pytest.approx(13.5)


def test_sets_far_from_failure_cost_what_the_chart_the_coach_reads_says():
    """Past 12 reps to failure the lifter keeps to the chart's cells (12 reps at RPE 6 is 16 to failure, 57.3%):
    a lifter on another curve would make the figures measure the two curves' disagreement, not the coach."""
    squatter = lifter(back_squat=("load", 100.0))
    for reps, rpe in ((12, 6.0), (12, 7.0), (10, 6.0), (12, 8.5)):
        load = 100.0 * percent_of_1rm(reps, rpe)
        assert squatter.true_rpe("back_squat", DAY, reps, None, load) == pytest.approx(rpe, abs=1e-6)
    assert lifter_model.share_for_reps_to_failure(20) == pytest.approx(fraction_to_failure(20))


def test_a_set_above_what_the_lifter_can_do_is_missed_at_the_last_whole_rep_and_logged_rpe_10():
    squatter = lifter(noise=0.5, back_squat=("load", 100.0))
    effort = squatter.perform("back_squat", DAY, 5, None, 90.0)   # 90% is between 3 (92.2%) and 4 reps (89.2%)
    assert (effort.done, effort.reported_rpe) == (3, 10.0)
    assert effort.true_rpe == pytest.approx(10.0 + 5 - (3 + (92.2 - 90.0) / (92.2 - 89.2)))
    assert squatter.perform("back_squat", DAY, 2, None, 101.0).done == 0


def test_reported_rpe_is_the_true_one_give_or_take_the_noise_in_half_steps_and_seeded():
    efforts = [lifter(noise=0.5, back_squat=("load", 100.0)).perform("back_squat", DAY, 5, None, 78.0) for _ in range(2)]
    assert efforts[0] == efforts[1], "the same seed reports the same RPE"
    squatter = lifter(noise=0.5, back_squat=("load", 100.0))
    true = squatter.true_rpe("back_squat", DAY, 5, None, 78.0)
    reported = [squatter.perform("back_squat", DAY, 5, None, 78.0).reported_rpe for _ in range(300)]
    assert all((r * 2).is_integer() and abs(r - true) <= 0.75 for r in reported)   # noise 0.5, then a half step
    assert min(reported) < true < max(reported)
    easy = squatter.perform("back_squat", DAY, 3, None, 40.0)
    assert easy.reported_rpe == lifter_model.LOWEST_REPORTED_RPE == 4.0 and easy.true_rpe < 0


@pytest.mark.parametrize(("felt", "picked"), [(3.2, 4.0), (4.4, 4.0), (4.5, 5.0), (5.4, 5.0), (5.6, 6.0), (6.3, 6.5), (7.2, 7.0), (10.4, 10.0)])
def test_the_lifter_reports_the_picker_choice_nearest_what_they_felt(felt: float, picked: float):
    # The picker offers 4 ("easier than 5") and 5 below the chart's 6-10 in half steps; a tie takes the harder one.
    assert lifter_model.picker_choice(felt) == picked


def test_bodyweight_reps_and_holds_are_measured_against_a_true_maximum():
    runner = lifter(push_up=("reps", 12.0), plank=("hold", 40.0))
    assert runner.true_rpe("push_up", DAY, 10, None, None) == 8.0
    assert runner.perform("push_up", DAY, 14, None, None) == lifter_model.Effort(12, 10.0, 12.0)
    assert runner.true_rpe("plank", DAY, None, 30, None) == 10.0 - 10 / lifter_model.HOLD_SECONDS_PER_RPE
    assert runner.perform("plank", DAY, None, 45, None).done == 40


def test_true_strength_grows_by_its_weekly_share():
    strength = lifter_model.TrueStrength("load", 100.0, weekly_growth=0.01)
    assert strength.on(DAY, DAY) == 100.0
    assert strength.on(DAY + timedelta(weeks=2), DAY) == pytest.approx(102.01)


# -- the figures on hand-made logs ----------------------------------------------------------------------


def squat_session(day: date, sets: list[tuple[float, int]], target_load: float, target_reps: int = 5,
                  target_rpe: float = 8.0) -> SessionLog:
    """A session of back squats: (load, reps done) per set, all asked as target_reps @target_rpe."""
    at = datetime.combine(day, datetime.min.time())
    logs = tuple(SetLog("back_squat", n, at, target_reps=target_reps, target_load=target_load if n == 1 else load,
                        target_rpe=target_rpe, reps=done, load=load, rpe=8.0)
                 for n, (load, done) in enumerate(sets, 1))
    return SessionLog(f"s{day}", "p", "A", at, sets=logs)


def weekly(loads: list[float], start: date = DAY) -> list[SessionLog]:
    """One session a week, each one set of 5 at its load."""
    return [squat_session(start + timedelta(weeks=n), [(load, 5)], load) for n, load in enumerate(loads)]


def test_on_target_counts_sets_within_one_rpe_after_each_exercises_first_two_sessions():
    # 1RM 100: 5 reps @8 is 81.1 kg; 83.7 is RPE 9 (on), 86.3 RPE 10 (off), 78.6 RPE 7 (on), 70.7 RPE 4 (off)
    logs = [squat_session(DAY, [(50.0, 5)], 50.0), squat_session(DAY + timedelta(weeks=1), [(50.0, 5)], 50.0),
            squat_session(DAY + timedelta(weeks=2), [(81.1, 5), (83.7, 5), (86.3, 5)], 81.1),
            squat_session(DAY + timedelta(weeks=3), [(78.6, 5), (70.7, 5), (90.0, 3)], 78.6)]
    outings = figures.outings_from_logs(logs, lifter(back_squat=("load", 100.0)), None)
    assert [o.number for o in outings] == [1, 2, 3, 4]
    assert figures.on_target_share(outings) == (6, pytest.approx(3 / 6))
    assert [o.missed for o in outings] == [False, False, False, True]


def test_first_set_distance_is_counted_in_the_equipments_load_steps():
    logs = weekly([60.0, 70.0, 80.0, 86.0])            # the true target is 81.1 kg every week
    outings = figures.outings_from_logs(logs, lifter(back_squat=("load", 100.0)), None)
    distances = figures.first_set_distances(outings, {"back_squat": BAR_LADDER})
    assert distances == pytest.approx(((81.1 - 80.0) / 2.5, (86.0 - 81.1) / 2.5))
    rack = (2.0, 4.0, 5.0, 6.0, 8.0, 10.0)
    assert figures.steps_apart(rack, 8.0, 5.0) == 2.0
    assert figures.position(rack, 7.0) == 3.5
    assert figures.position(rack, 12.0) == 6.0, "beyond the rack: the last gap carries on"


def test_true_target_is_measured_in_the_set_ups_unit():
    log = squat_session(DAY, [(180.0, 5)], 180.0)
    log = dataclasses.replace(log, unit="lb", sets=tuple(dataclasses.replace(s, unit="lb") for s in log.sets))
    (outing,) = figures.outings_from_logs([log], lifter(back_squat=("load", 100.0)), None)
    assert outing.true_target == pytest.approx(81.1 / 0.45359237)


def test_drift_compares_the_first_and_last_three_normal_starts_before_the_layoff():
    logs = weekly([40.0, 50.0, 80.0, 80.0, 82.5, 85.0, 85.0, 87.5, 100.0])
    layoff = (DAY + timedelta(weeks=8) - timedelta(days=3), DAY + timedelta(weeks=8))
    outings = figures.outings_from_logs(logs, lifter(back_squat=("load", 100.0)), layoff)
    # steps above the bar: 80 -> 24, 82.5 -> 25, 85 -> 26, 87.5 -> 27; (26 + 26 + 27 - 24 - 24 - 25) / 3 = 2
    assert figures.largest_drift(outings, {"back_squat": BAR_LADDER}, layoff) == ("back_squat", pytest.approx(2.0))
    assert outings[-1].start == "layoff"
    assert figures.largest_drift(outings[:3], {"back_squat": BAR_LADDER}, None) is None, "one normal start: no drift"


def test_a_start_after_the_layoff_or_two_missed_sessions_is_checked_against_the_last_normal_start():
    weeks = [DAY + timedelta(weeks=n) for n in range(8)]
    logs = [squat_session(weeks[0], [(60.0, 5)], 60.0), squat_session(weeks[1], [(70.0, 5)], 70.0),
            squat_session(weeks[2], [(80.0, 5)], 80.0),
            squat_session(weeks[3], [(95.0, 2)], 95.0), squat_session(weeks[4], [(95.0, 2)], 95.0),   # missed twice
            squat_session(weeks[5], [(85.0, 5)], 85.0),                 # after two missed: lighter than 95
            squat_session(weeks[6] + timedelta(weeks=1), [(100.0, 5)], 100.0)]   # after the layoff: heavier
    layoff = (weeks[6], weeks[7])   # nothing in week 6
    outings = figures.outings_from_logs(logs, lifter(back_squat=("load", 100.0)), layoff)
    assert [o.start for o in outings] == ["normal"] * 5 + ["misses", "layoff"]
    checks = figures.deload_checks(outings, {"back_squat": BAR_LADDER})
    assert [(c.why, c.load, c.normal_load, c.lighter) for c in checks] == [
        ("misses", 85.0, 95.0, True), ("layoff", 100.0, 95.0, False)]


def test_a_deload_from_the_lightest_load_is_not_checked_as_nothing_is_lighter():
    weeks = [DAY + timedelta(weeks=n) for n in range(5)]
    logs = [squat_session(day, [(20.0, 5)], 20.0) for day in weeks[:3]] + [squat_session(weeks[4], [(20.0, 5)], 20.0)]
    outings = figures.outings_from_logs(logs, lifter(back_squat=("load", 100.0)), (weeks[3], weeks[4]))
    assert outings[-1].start == "layoff"
    assert figures.deload_checks(outings, {"back_squat": BAR_LADDER}) == ()
    assert len(figures.deload_checks(outings, {"back_squat": (10.0, *BAR_LADDER)})) == 1


def test_a_set_is_reachable_when_some_load_and_some_reps_in_the_range_land_within_one_rpe():
    # 1RM 100: 5 reps @8 is 81.1 kg, RPE 7-9 spans 78.6-83.7 kg; 8 reps @8 is 73.9, RPE 7-9 spans 70.7-76.2 kg
    squatter = lifter(back_squat=("load", 100.0))
    asked = SetLog("back_squat", 1, datetime.combine(DAY, datetime.min.time()), target_reps=5, target_rpe=8.0,
                   target_load=70.0, reps=5, load=70.0, rpe=5.0)
    gappy = (60.0, 75.0, 90.0)
    assert not figures.reachable(squatter, DAY, asked, figures.Reach(gappy, 5, 5)), "75 kg x 5 is about RPE 5.5, 90 kg past 10"
    assert figures.reachable(squatter, DAY, asked, figures.Reach(gappy, 5, 8)), "75 kg x 8 is about RPE 8.5"
    assert figures.reachable(squatter, DAY, asked, figures.Reach((60.0, 80.0), 5, 5))


def test_the_reps_a_set_may_reach_are_the_plans_range_widened_as_the_coach_flexes_it_and_a_fixed_count_as_written():
    plan = simulation.sample_plans()["runner-foundation"]
    ladders = {"split_squat": BAR_LADDER, "hamstring_curl": BAR_LADDER}
    reach = runs.reaches(plan, ladders)
    assert (reach["split_squat"].fewest, reach["split_squat"].most) == (6, 12), "8-10, and 2 either side"
    fixed = dataclasses.replace(plan, sessions=tuple(
        dataclasses.replace(t, blocks=tuple(dataclasses.replace(b, prescription=dataclasses.replace(
            b.prescription, reps=NumberRange(8, 8))) for b in t.blocks)) for t in plan.sessions))
    assert (runs.reaches(fixed, ladders)["split_squat"].fewest, runs.reaches(fixed, ladders)["split_squat"].most) == (8, 8)


def test_on_target_among_reachable_sets_leaves_out_the_sets_nothing_could_land():
    # two sessions of calibration, then 81.1 (on) and 70.7 x 5 (RPE 4, off) with only 60/70.7/90 kg to choose
    logs = [squat_session(DAY + timedelta(weeks=n), [(load, 5)], load) for n, load in enumerate((50.0, 50.0, 81.1))]
    logs.append(squat_session(DAY + timedelta(weeks=3), [(70.7, 5)], 70.7))
    reach = {"back_squat": figures.Reach((60.0, 70.7, 81.1), 5, 5)}
    outings = figures.outings_from_logs(logs, lifter(back_squat=("load", 100.0)), None, reach)
    assert figures.on_target_share(outings) == (2, 0.5) and figures.reachable_share(outings) == (2, 0.5)
    without_81 = {"back_squat": figures.Reach((60.0, 70.7, 90.0), 5, 5)}
    outings = figures.outings_from_logs(logs, lifter(back_squat=("load", 100.0)), None, without_81)
    assert figures.on_target_share(outings) == (2, 0.5) and figures.reachable_share(outings) == (0, None)


def test_each_off_target_set_is_counted_once_as_unreachable_back_from_the_layoff_or_other():
    # 1RM 100, 5 @8 (81.1 kg) on target, 70.7 kg x 5 (RPE 4) off; the layoff ends in week 6
    week = [DAY + timedelta(weeks=n) for n in range(9)]
    logs = [squat_session(week[0], [(50.0, 5)], 50.0), squat_session(week[1], [(50.0, 5)], 50.0),
            squat_session(week[2], [(81.1, 5), (70.7, 5)], 81.1)]
    logs += [squat_session(day, [(70.7, 5)], 70.7) for day in week[6:9]]
    layoff = (week[4], week[6])
    squatter = lifter(back_squat=("load", 100.0))
    landable = figures.outings_from_logs(logs, squatter, layoff, {"back_squat": figures.Reach((60.0, 70.7, 81.1), 5, 5)})
    assert dict(figures.off_target_causes(landable, layoff)) == {"unreachable": 0, "back from layoff": 2, "other": 2}
    gappy = figures.outings_from_logs(logs, squatter, layoff, {"back_squat": figures.Reach((60.0, 70.7, 90.0), 5, 5)})
    assert dict(figures.off_target_causes(gappy, layoff)) == {"unreachable": 4, "back from layoff": 0, "other": 0}
    measured = figures.measure(landable, landable, {"back_squat": BAR_LADDER}, layoff)
    lines = simulation.why_lines([simulation.Row("heavy-strength", "kg-plates", measured)])
    assert lines[-1].split() == ["heavy-strength", "kg-plates", "5", "20%", "0%", "40%", "40%"]


def test_figures_gather_the_run_and_the_table_marks_each_missed_goal():
    logs = weekly([60.0, 70.0, 81.1, 81.1, 90.0, 90.0])
    outings = figures.outings_from_logs(logs, lifter(back_squat=("load", 100.0)), None)
    measured = figures.measure(outings, outings, {"back_squat": BAR_LADDER}, None)
    assert measured.work_sets == 4 and measured.on_target == 0.5
    assert measured.first_set_steps == pytest.approx((0.0, 0.0, 8.9 / 2.5, 8.9 / 2.5))
    assert measured.within_one_step == 0.5 and measured.median_steps == pytest.approx(8.9 / 2.5 / 2)
    assert measured.drift == ("back_squat", pytest.approx(8.9 / 2.5))
    scenario = runs.Scenario(weeks=6, layoff_after=6, race_week=None)
    header, row = simulation.table_lines([simulation.Row("heavy-strength", "kg-plates", measured)], scenario)[-2:]
    assert header.split()[:2] == ["plan", "set-up"]
    assert row.split() == ["heavy-strength", "kg-plates", "4", "50%", "!", "4", "50%", "!", "1.8", "!", "50%", "3.6", "!",
                           "back_squat", "-", "0"]


# -- the engine driven day by day -----------------------------------------------------------------------


def test_a_short_run_follows_the_rotation_the_layoff_and_the_race_with_events_at_injected_times():
    plan = simulation.sample_plans()["runner-foundation"]
    library = simulation._library()
    scenario = runs.Scenario(weeks=4, layoff_after=2, layoff_weeks=3, race_week=4)
    set_up = next(s for s in runs.SET_UPS if s.name == "limited-pairs")
    steady = runs.lifter_for(plan, library, 0.0, scenario.start, "seed")
    logs = runs.simulate(plan, library, set_up, steady, scenario)
    days = [log.started_at.date() for log in logs]
    assert len(logs) >= 5
    assert [log.session_id for log in logs] == ["A", "B"] * (len(logs) // 2) + ["A"] * (len(logs) % 2)
    assert not any(scenario.layoff[0] <= day < scenario.layoff[1] for day in days)
    running = scenario.running()
    assert not any(RACE in runs_on(running, day) or RACE in runs_on(running, day + timedelta(days=1)) for day in days)
    for log in logs:
        times = [s.at for s in log.sets]
        assert times == sorted(times) and log.started_at < times[0] and log.finished_at >= times[-1]
    squats = [s for log in logs for s in log.work_sets if s.exercise_id == "quarter_squat"]
    assert all(plates_per_side(s.load, set_up.equipment).exact for s in squats), "the lifter loads what the plates make"
    assert "No history" not in squats[-1].reason, "each session starts from the history filed before it"
    outings = figures.outings_from_logs(logs, steady, scenario.layoff)
    back = [o for o in outings if o.day >= scenario.layoff[1]]
    assert {o.start for o in back if o.number == min(p.number for p in back if p.exercise_id == o.exercise_id)} == {"layoff"}
