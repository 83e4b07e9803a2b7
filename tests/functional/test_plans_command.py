"""`strongstride plans` and plan discovery: bundled plans, the user's own, and broken ones shown, not fatal."""

from __future__ import annotations

import pytest

from strongstride import resources
from strongstride.cli import main
from strongstride.services.library import load_exercise_library
from strongstride.model.plan import BODYWEIGHT, Load, NumberRange
from strongstride.model.plan_parser import load_plan_file
from strongstride.store.plans import PlanEntry, discover_plans, find_plan

SAMPLE_IDS = ["bodyweight-beginner", "gentle-start", "gym-circuit", "heavy-strength", "runner-foundation", "ultra-block"]

USER_PLAN = """\
schema = 1
name = "{name}"
level = "intermediate"
sessions_per_week = 3
units = "lb"
source = "my coach"
[sessions.X]
name = "Hills day"
[[sessions.X.blocks]]
exercise = "single_leg_calf_raise"
sets = 3
reps = "12-15"
"""


@pytest.fixture(autouse=True)
def plans_dir(folders):
    """The user's plans folder (not created), with every user folder inside tmp_path."""
    return folders / "config" / "plans"


def write_user_plan(plans_dir, plan_id: str, text: str):
    plans_dir.mkdir(parents=True, exist_ok=True)
    path = plans_dir / f"{plan_id}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def plans_output(capsys) -> str:
    assert main(["plans"]) == 0
    return capsys.readouterr().out


# -- discovery ----------------------------------------------------------------------------------

def test_the_six_sample_plans_are_discovered(plans_dir):
    entries = discover_plans()
    assert [entry.id for entry in entries] == SAMPLE_IDS
    assert all(entry.bundled and entry.path.parent == resources.bundled_dir("sample_plans") for entry in entries)


def test_user_plans_come_after_the_bundled_ones(plans_dir):
    path = write_user_plan(plans_dir, "hills", USER_PLAN.format(name="Hills"))
    assert discover_plans()[-1] == PlanEntry("hills", path, bundled=False)


def test_a_user_plan_with_a_bundled_id_wins(plans_dir):
    path = write_user_plan(plans_dir, "runner-foundation", USER_PLAN.format(name="Mine"))
    entries = discover_plans()
    assert [entry.id for entry in entries].count("runner-foundation") == 1
    assert find_plan("runner-foundation") == PlanEntry("runner-foundation", path, bundled=False)


def test_find_plan_by_id(plans_dir):
    entry = find_plan("heavy-strength")
    assert (entry.id, entry.bundled, entry.path.name) == ("heavy-strength", True, "heavy-strength.toml")


def test_find_plan_by_path(plans_dir, tmp_path):
    path = tmp_path / "elsewhere.toml"
    path.write_text(USER_PLAN.format(name="Elsewhere"), encoding="utf-8")
    assert find_plan(str(path)) == PlanEntry("elsewhere", path, bundled=False)


def test_find_plan_names_the_plans_there_are(plans_dir):
    with pytest.raises(KeyError) as raised:
        find_plan("marathon")
    assert raised.value.args[0] == f"no plan 'marathon' (plans: {', '.join(SAMPLE_IDS)})"


def test_find_plan_with_a_missing_path(plans_dir, tmp_path):
    with pytest.raises(KeyError) as raised:
        find_plan(str(tmp_path / "gone.toml"))
    assert raised.value.args[0] == f"no plan file at {tmp_path / 'gone.toml'}"


# -- the command --------------------------------------------------------------------------------

def test_plans_lists_the_six_bundled_plans_with_their_sessions(plans_dir, capsys):
    out = plans_output(capsys)
    headings = [line.split(" - ")[0] for line in out.splitlines() if line and not line.startswith((" ", "Bundled", "Your"))]
    assert headings == SAMPLE_IDS
    assert "runner-foundation - Runner foundation (beginner, 2 sessions/week, sessions A, B; 12 blocks)" in out
    assert "heavy-strength - Heavy strength (advanced, 2 sessions/week, sessions A, B; 4 blocks)" in out
    assert "  A  Squat day: Back squat, Split squat\n" in out
    assert "  B  Deadlift day: Deadlift, Reverse lunge\n" in out


def test_each_plan_names_its_source(plans_dir, capsys):
    sources = [line for line in plans_output(capsys).splitlines() if line.startswith("  follows: “")
               or line.startswith("  follows: a Sydney")]
    assert len(sources) == 6


def test_no_user_plans_says_where_they_go(plans_dir, capsys):
    out = plans_output(capsys)
    assert f"Your plans ({plans_dir})\n  none: a plan is a .toml file in this folder" in out


def test_a_user_plan_is_listed_with_its_sessions(plans_dir, capsys):
    write_user_plan(plans_dir, "hills", USER_PLAN.format(name="Hills"))
    out = plans_output(capsys)
    assert out.endswith(
        "hills - Hills (intermediate, 3 sessions/week, session X; 1 block)\n"
        "  needs: nothing but your body weight\n"
        "  follows: my coach\n"
        "  X  Hills day: Single-leg calf raise\n"
    )


def test_a_broken_user_plan_is_listed_with_its_problems(plans_dir, capsys):
    path = write_user_plan(plans_dir, "broken", USER_PLAN.format(name="Broken").replace("sets = 3", "sets = 30"))
    write_user_plan(plans_dir, "hills", USER_PLAN.format(name="Hills"))
    out = plans_output(capsys)
    assert (
        "broken - cannot be used until fixed:\n"
        f"  {path}:11: sessions.X.blocks[0].sets: must be 1-10 sets, not 30\n"
    ) in out
    assert "hills - Hills" in out


def test_user_text_is_printed_literally_and_plainly(plans_dir, capsys):
    write_user_plan(plans_dir, "markup", USER_PLAN.format(name="[bold]Loud[/bold]"))
    out = plans_output(capsys)
    assert "markup - [bold]Loud[/bold] (" in out
    assert "\x1b" not in out
    assert not set(out) & set("─│┌┐└┘━┃╭╮╰╯")


# -- the sample plans follow their advice ---------------------------------------------------------

def sample(plan_id: str):
    library, _ = load_exercise_library()
    return load_plan_file(resources.bundled_dir("sample_plans") / f"{plan_id}.toml", library), library


def all_blocks(plan):
    return [block for session in plan.sessions for block in session.blocks]


@pytest.mark.parametrize("plan_id", SAMPLE_IDS)
def test_each_sample_plan_names_the_seed_it_follows(plan_id):
    plan, _ = sample(plan_id)
    assert plan.source.startswith("seed 00")


def test_runner_foundation_is_one_hard_set_twice_a_week():
    plan, library = sample("runner-foundation")
    assert [session.id for session in plan.sessions] == ["A", "B"] and plan.sessions_per_week == 2
    assert all(5 <= session.warmup.minutes <= 10 and "bike" in session.warmup.activity.lower() for session in plan.sessions)
    blocks = all_blocks(plan)
    assert all(block.prescription.sets == NumberRange(1, 1) and 8 <= block.prescription.rpe <= 9 for block in blocks)
    reps_blocks = [block for block in blocks if block.prescription.reps is not None]
    assert all(block.prescription.reps == NumberRange(8, 10) for block in reps_blocks)
    ids = {block.exercise_id for block in blocks}
    assert ids & {"quarter_squat", "leg_press"}
    assert ids & {"plank", "side_plank"}
    assert any(library[exercise_id].unilateral for exercise_id in ids)
    muscles = {muscle for exercise_id in ids for muscle in library[exercise_id].muscles}
    assert {"gluteals", "quadriceps", "hamstrings", "calves"} <= muscles
    assert all(block.prescription.load.kind in ("absolute", "bodyweight") for block in blocks)


def test_heavy_strength_is_heavy_low_reps_bilateral_and_unilateral():
    plan, library = sample("heavy-strength")
    assert (plan.level, plan.sessions_per_week) == ("advanced", 2)
    blocks = all_blocks(plan)
    heavy = Load("percent_rm", percent=NumberRange(80, 100), rep_max=5)
    assert all(block.prescription.sets == NumberRange(3, 5) and block.prescription.reps == NumberRange(3, 5) for block in blocks)
    assert all(block.prescription.load == heavy for block in blocks)
    ids = {block.exercise_id for block in blocks}
    assert {"back_squat", "deadlift"} <= ids
    assert ids & {"split_squat", "reverse_lunge", "walking_lunge"}


def test_gym_circuit_is_the_six_exercises_in_supersets():
    plan, _ = sample("gym-circuit")
    blocks = all_blocks(plan)
    assert {block.exercise_id for block in blocks} == {
        "bench_split_squat", "seated_cable_row", "ball_pull_in", "medicine_ball_push_up", "single_leg_deadlift", "side_plank",
    }
    assert all(block.superset is not None for block in blocks)


def test_ultra_block_builds_a_base_then_cuts_volume():
    plan, _ = sample("ultra-block")
    factors = [phase.volume_factor for phase in plan.phases]
    assert len(factors) >= 2 and factors[0] == 1.0 and factors[-1] < factors[0]


def test_bodyweight_beginner_is_bodyweight_only_and_gentle():
    plan, library = sample("bodyweight-beginner")
    assert plan.level == "beginner" and plan.sessions_per_week <= 2
    blocks = all_blocks(plan)
    assert all(block.prescription.load == BODYWEIGHT and library[block.exercise_id].equipment in ("bodyweight", "dumbbell", "towel")
               for block in blocks)
    assert {block.exercise_id for block in blocks} & {"single_leg_stand", "single_leg_reach", "bird_dog"}
    assert all(block.prescription.reps is None or block.prescription.reps.high <= 12 for block in blocks)
    assert all(block.prescription.hold_seconds is None or block.prescription.hold_seconds.high <= 30 for block in blocks)


def test_plans_explain_each_plan_what_it_needs_and_the_article_by_title(capsys):
    assert main(["plans"]) == 0
    out = capsys.readouterr().out
    beginner = out[out.index("bodyweight-beginner - "):out.index("gentle-start - ")]
    assert "For runners new to strength training." in beginner
    assert "needs: nothing but your body weight" in beginner
    assert "follows: “Why Should You Strength Train”: Run with Aim" in beginner and "seed 0" not in beginner
    heavy = out[out.index("heavy-strength - "):]
    assert "needs: barbell" in heavy.split("\n\n")[0]


def test_a_plan_needing_kit_the_runner_lacks_says_which_and_for_what(plans_dir, capsys):
    (plans_dir.parent / "config.toml").write_text('schema = 1\n[equipment]\nowned = ["dumbbell"]\n', encoding="utf-8")
    out = plans_output(capsys)
    foundation = out[out.index("runner-foundation - "):]
    assert ("  needs: barbell, dumbbell, machine\n"
            "  Needs kit you do not have: barbell (Quarter squat, Romanian deadlift); "
            "machine (Leg press, Hamstring curl, Seated calf raise)\n") in foundation
    bodyweight = out[out.index("bodyweight-beginner - "):out.index("gym-circuit - ")]
    assert "do not have" not in bodyweight


def test_a_full_gym_lacks_nothing(plans_dir, capsys):
    assert "do not have" not in plans_output(capsys)
