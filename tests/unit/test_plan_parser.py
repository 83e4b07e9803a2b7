"""The plan format: every field and written form, every validation rule, and where problems point."""

from __future__ import annotations

from pathlib import Path

import pytest

from strongstride.model.exercise import Exercise
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.plan import BODYWEIGHT, Load, NumberRange, Phase, Warmup
from strongstride.model.plan_parser import load_plan_file, parse_plan
from strongstride.model.problems import Problem, ProblemsFound
from strongstride.model.toml_locate import format_key_path, locate, parse_key_path

PLAN_PATH = Path("plans/test-plan.toml")

HEADER = """\
schema = 1
name = "Test plan"
level = "beginner"
sessions_per_week = 2
units = "kg"
"""


def _exercise(exercise_id: str, equipment: str, kind: str = "reps", unilateral: bool = False) -> Exercise:
    return Exercise(
        id=exercise_id, name=exercise_id.replace("_", " ").capitalize(), cues=("one", "two", "three"),
        mistake="rushing", muscles=("gluteals",), equipment=equipment, kind=kind, unilateral=unilateral,
    )


LIBRARY = ExerciseLibrary({
    exercise.id: exercise for exercise in (
        _exercise("goblet_squat", "dumbbell"),
        _exercise("back_squat", "barbell"),
        _exercise("leg_press", "machine"),
        _exercise("push_up", "bodyweight"),
        _exercise("band_row", "band"),
        _exercise("split_squat", "dumbbell", unilateral=True),
        _exercise("plank", "bodyweight", kind="hold"),
        _exercise("side_plank", "bodyweight", kind="hold", unilateral=True),
    )
})


def one_block(block: str, header: str = HEADER) -> str:
    """A plan with one session A holding one block written as `block`."""
    return header + '[sessions.A]\nname = "A"\n[[sessions.A.blocks]]\n' + block


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(ProblemsFound) as raised:
        parse_plan(text, PLAN_PATH, LIBRARY)
    return raised.value.problems


def only_problem(text: str) -> Problem:
    problems = problems_of(text)
    assert len(problems) == 1, [str(problem) for problem in problems]
    return problems[0]


def line_with(text: str, snippet: str) -> int:
    """The 1-based line of the first line holding the snippet (so tests need no magic line numbers)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if snippet in line:
            return number
    raise AssertionError(f"{snippet!r} not in the text")


# -- parsing every field and form ---------------------------------------------------------------

FULL_PLAN = """\
schema = 1
name = "Runner foundation"
description = "One set, twice a week."
level = "intermediate"
sessions_per_week = 3
units = "lb"
source = "seed 004"

[[phases]]
name = "Base"
weeks = 6
volume_factor = 1.0

[[phases]]
name = "Maintenance"
weeks = 10
volume_factor = 0.5

[sessions.B]
name = "Second"

[[sessions.B.blocks]]
exercise = "push_up"
sets = 1
reps = 8

[sessions.A]
name = "First"
warmup = { activity = "Stationary bike", minutes = 8 }

[[sessions.A.blocks]]
exercise = "goblet_squat"
sets = "3-5"
reps = "8-10"
load = 35
rpe = 8.5
rest = 120
per_side = false
tempo = "3-1-1-0"
superset = "a"
progression = "linear"
warmup_sets = false
note = "Elbows inside the knees."

[[sessions.A.blocks]]
exercise = "split_squat"
sets = 2
reps = 8
load = "bodyweight"
rir = 2
superset = "a"

[[sessions.A.blocks]]
exercise = "plank"
sets = 1
hold = "20-40"
"""


def test_full_plan_maps_every_field():
    plan = parse_plan(FULL_PLAN, PLAN_PATH, LIBRARY)
    assert (plan.id, plan.name, plan.description, plan.level) == ("test-plan", "Runner foundation", "One set, twice a week.", "intermediate")
    assert (plan.sessions_per_week, plan.units, plan.source, plan.path) == (3, "lb", "seed 004", PLAN_PATH)
    assert plan.phases == (Phase("Base", 6, 1.0), Phase("Maintenance", 10, 0.5))


def test_rotation_is_the_order_of_the_session_tables():
    plan = parse_plan(FULL_PLAN, PLAN_PATH, LIBRARY)
    assert [session.id for session in plan.sessions] == ["B", "A"]
    assert [session.name for session in plan.sessions] == ["Second", "First"]


def test_session_warmup_is_read_and_optional():
    plan = parse_plan(FULL_PLAN, PLAN_PATH, LIBRARY)
    assert plan.session("A").warmup == Warmup("Stationary bike", 8)
    assert plan.session("B").warmup is None


def test_block_with_every_key():
    block = parse_plan(FULL_PLAN, PLAN_PATH, LIBRARY).session("A").blocks[0]
    assert block.exercise_id == "goblet_squat"
    assert block.prescription.sets == NumberRange(3, 5)
    assert block.prescription.reps == NumberRange(8, 10)
    assert block.prescription.hold_seconds is None
    assert block.prescription.load == Load("absolute", weight=35.0)
    assert block.prescription.rpe == 8.5
    assert block.prescription.rest_seconds == 120
    assert block.prescription.tempo == "3-1-1-0"
    assert (block.per_side, block.superset, block.progression) == (False, "a", "linear")
    assert (block.warmup_sets, block.note) == (False, "Elbows inside the knees.")


def test_rir_is_stored_as_rpe():
    block = parse_plan(FULL_PLAN, PLAN_PATH, LIBRARY).session("A").blocks[1]
    assert block.prescription.rpe == 8.0
    assert block.prescription.sets == NumberRange(2, 2)
    assert block.prescription.reps == NumberRange(8, 8)


def test_defaults_of_a_minimal_block():
    block = parse_plan(FULL_PLAN, PLAN_PATH, LIBRARY).session("B").blocks[0]
    assert block.prescription.load == BODYWEIGHT
    assert block.prescription.rpe is None
    assert block.prescription.rest_seconds is None, "the runner's default rest applies"
    assert block.prescription.tempo is None
    assert (block.per_side, block.superset, block.warmup_sets, block.note) == (None, None, True, "")


def test_optional_plan_keys_default_to_empty():
    plan = parse_plan(one_block('exercise = "push_up"\nsets = 1\nreps = 5\n'), PLAN_PATH, LIBRARY)
    assert (plan.description, plan.source, plan.phases) == ("", "", ())


def test_a_hold_reads_seconds():
    block = parse_plan(FULL_PLAN, PLAN_PATH, LIBRARY).session("A").blocks[2]
    assert block.prescription.hold_seconds == NumberRange(20, 40)
    assert block.prescription.reps is None


def test_a_phase_without_volume_factor_is_full_volume():
    text = HEADER + '[[phases]]\nname = "Base"\nweeks = 4\n' + '[sessions.A]\nname = "A"\n[[sessions.A.blocks]]\nexercise = "push_up"\nsets = 1\nreps = 5\n'
    assert parse_plan(text, PLAN_PATH, LIBRARY).phases == (Phase("Base", 4, 1.0),)


@pytest.mark.parametrize(("written", "load"), [
    ("16", Load("absolute", weight=16.0)),
    ("12.5", Load("absolute", weight=12.5)),
    ('"bodyweight"', BODYWEIGHT),
    ('"band medium"', Load("band", band="medium")),
    ('"Band Extra-Heavy"', Load("band", band="extra-heavy")),
    ('"70% 1RM"', Load("percent_1rm", percent=NumberRange(70, 70))),
    ('"75% of 1RM"', Load("percent_1rm", percent=NumberRange(75, 75))),
    ('"80-100% of 5RM"', Load("percent_rm", percent=NumberRange(80, 100), rep_max=5)),
    ('"80-100% 5RM"', Load("percent_rm", percent=NumberRange(80, 100), rep_max=5)),
    ('"72.5 % of 3rm"', Load("percent_rm", percent=NumberRange(72.5, 72.5), rep_max=3)),
])
def test_load_forms(written, load):
    plan = parse_plan(one_block(f'exercise = "goblet_squat"\nsets = 1\nreps = 8\nload = {written}\n'), PLAN_PATH, LIBRARY)
    assert plan.sessions[0].blocks[0].prescription.load == load


@pytest.mark.parametrize(("block", "progression"), [
    ('exercise = "goblet_squat"\nsets = 1\nreps = 8\nload = 16\n', "double"),
    ('exercise = "goblet_squat"\nsets = 1\nreps = 8\n', "bodyweight"),
    ('exercise = "band_row"\nsets = 1\nreps = 8\nload = "band light"\n', "double"),
    ('exercise = "push_up"\nsets = 1\nreps = 8\n', "bodyweight"),
    ('exercise = "plank"\nsets = 1\nhold = 30\n', "hold"),
    ('exercise = "push_up"\nsets = 1\nreps = 8\nprogression = "rpe"\n', "rpe"),
    ('exercise = "plank"\nsets = 1\nhold = 30\nprogression = "bodyweight"\n', "bodyweight"),
])
def test_default_progression_suits_the_block(block, progression):
    assert parse_plan(one_block(block), PLAN_PATH, LIBRARY).sessions[0].blocks[0].progression == progression


@pytest.mark.parametrize(("written", "expected"), [("8", (8, 8)), ('"8"', (8, 8)), ('"8-10"', (8, 10)), ('" 8 - 10 "', (8, 10))])
def test_count_forms(written, expected):
    block = parse_plan(one_block(f'exercise = "push_up"\nsets = 1\nreps = {written}\n'), PLAN_PATH, LIBRARY).sessions[0].blocks[0]
    assert block.prescription.reps == NumberRange(*expected)


# -- every validation rule ----------------------------------------------------------------------

PLAIN_BLOCK = 'exercise = "push_up"\nsets = 1\nreps = 8\n'

# (name, text, key path, the line's snippet or None, message)
RULES = [
    ("schema missing", one_block(PLAIN_BLOCK, HEADER.replace("schema = 1\n", "")),
     "schema", None, "missing: schema = 1"),
    ("schema other", one_block(PLAIN_BLOCK, HEADER.replace("schema = 1", "schema = 2")),
     "schema", "schema = 2", "this version reads schema 1, not 2"),
    ("name missing", one_block(PLAIN_BLOCK, HEADER.replace('name = "Test plan"\n', "")),
     "name", None, "missing: the plan's name"),
    ("name not text", one_block(PLAIN_BLOCK, HEADER.replace('name = "Test plan"', "name = 5")),
     "name", "name = 5", "must be text, not a number"),
    ("name empty", one_block(PLAIN_BLOCK, HEADER.replace('name = "Test plan"', 'name = "  "')),
     "name", 'name = "  "', "must not be empty: the plan's name"),
    ("description not text", one_block(PLAIN_BLOCK, HEADER + "description = [1]\n"),
     "description", "description", "must be text, not an array"),
    ("level not in set", one_block(PLAIN_BLOCK, HEADER.replace('"beginner"', '"expert"')),
     "level", "level", "must be one of beginner, intermediate, advanced, not 'expert'"),
    ("level missing", one_block(PLAIN_BLOCK, HEADER.replace('level = "beginner"\n', "")),
     "level", None, "missing: one of beginner, intermediate, advanced"),
    ("units not in set", one_block(PLAIN_BLOCK, HEADER.replace('"kg"', '"stone"')),
     "units", "units", "must be one of kg, lb, not 'stone'"),
    ("sessions_per_week too low", one_block(PLAIN_BLOCK, HEADER.replace("week = 2", "week = 0")),
     "sessions_per_week", "sessions_per_week", "must be 1-7, not 0"),
    ("sessions_per_week too high", one_block(PLAIN_BLOCK, HEADER.replace("week = 2", "week = 8")),
     "sessions_per_week", "sessions_per_week", "must be 1-7, not 8"),
    ("sessions_per_week not whole", one_block(PLAIN_BLOCK, HEADER.replace("week = 2", "week = 2.5")),
     "sessions_per_week", "sessions_per_week", "must be a whole number, not 2.5"),
    ("sessions_per_week text", one_block(PLAIN_BLOCK, HEADER.replace("week = 2", 'week = "2"')),
     "sessions_per_week", "sessions_per_week", "must be a whole number, not text"),
    ("unknown top-level key", one_block(PLAIN_BLOCK, HEADER + "sesions_per_week = 2\n"),
     "sesions_per_week", "sesions_per_week", "unknown key (did you mean 'sessions_per_week'?)"),
    ("phases not an array", one_block(PLAIN_BLOCK, HEADER + 'phases = "base"\n'),
     "phases", "phases", "must be an array of [[phases]] tables, not text"),
    ("phase not a table", one_block(PLAIN_BLOCK, HEADER + "phases = [1]\n"),
     "phases[0]", "phases", "must be a [[phases]] table, not a number"),
    ("phase name missing", one_block(PLAIN_BLOCK, HEADER + "[[phases]]\nweeks = 4\n"),
     "phases[0].name", "[[phases]]", 'missing: the phase\'s name, such as "Base"'),
    ("phase weeks zero", one_block(PLAIN_BLOCK, HEADER + '[[phases]]\nname = "Base"\nweeks = 0\n'),
     "phases[0].weeks", "weeks = 0", "must be 1-52 weeks, not 0"),
    ("phase volume factor low", one_block(PLAIN_BLOCK, HEADER + '[[phases]]\nname = "B"\nweeks = 4\nvolume_factor = 0.05\n'),
     "phases[0].volume_factor", "volume_factor", "must be 0.1-1.5, not 0.05"),
    ("phase volume factor high", one_block(PLAIN_BLOCK, HEADER + '[[phases]]\nname = "B"\nweeks = 4\nvolume_factor = 1.6\n'),
     "phases[0].volume_factor", "volume_factor", "must be 0.1-1.5, not 1.6"),
    ("phase unknown key", one_block(PLAIN_BLOCK, HEADER + '[[phases]]\nname = "B"\nweeks = 4\nvolume = 1\n'),
     "phases[0].volume", "volume = 1", "unknown key (did you mean 'volume_factor'?)"),
    ("no sessions", HEADER,
     "sessions", None, "missing: at least one session, such as [sessions.A]"),
    ("empty sessions", HEADER + "sessions = {}\n",
     "sessions", "sessions = {}", "needs at least one session, such as [sessions.A]"),
    ("sessions not tables", HEADER + "sessions = 3\n",
     "sessions", "sessions = 3", "must be tables such as [sessions.A], not a number"),
    ("session id", HEADER + '[sessions."A B"]\nname = "A"\n[[sessions."A B".blocks]]\n' + PLAIN_BLOCK,
     'sessions."A B"', '[sessions."A B"]', "a session id must be 1-20 letters, digits, '-' or '_'"),
    ("session name missing", HEADER + "[sessions.A]\n[[sessions.A.blocks]]\n" + PLAIN_BLOCK,
     "sessions.A.name", "[sessions.A]", 'missing: the session\'s name, such as "Foundation A"'),
    ("session without blocks", HEADER + '[sessions.A]\nname = "A"\n',
     "sessions.A.blocks", "[sessions.A]", "needs at least one block: add a [[sessions.A.blocks]] table"),
    ("session with empty blocks", HEADER + '[sessions.A]\nname = "A"\nblocks = []\n',
     "sessions.A.blocks", "blocks = []", "needs at least one block: add a [[sessions.A.blocks]] table"),
    ("session unknown key", HEADER + '[sessions.A]\nname = "A"\nwarm_up = 5\n[[sessions.A.blocks]]\n' + PLAIN_BLOCK,
     "sessions.A.warm_up", "warm_up", "unknown key (did you mean 'warmup'?)"),
    ("warmup minutes zero", HEADER + '[sessions.A]\nname = "A"\nwarmup = { activity = "Bike", minutes = 0 }\n[[sessions.A.blocks]]\n' + PLAIN_BLOCK,
     "sessions.A.warmup.minutes", "warmup", "must be 1-60 minutes, not 0"),
    ("warmup minutes high", HEADER + '[sessions.A]\nname = "A"\nwarmup = { activity = "Bike", minutes = 61 }\n[[sessions.A.blocks]]\n' + PLAIN_BLOCK,
     "sessions.A.warmup.minutes", "warmup", "must be 1-60 minutes, not 61"),
    ("warmup activity missing", HEADER + '[sessions.A]\nname = "A"\nwarmup = { minutes = 8 }\n[[sessions.A.blocks]]\n' + PLAIN_BLOCK,
     "sessions.A.warmup.activity", "warmup", 'missing: what to do, such as "Stationary bike"'),
    ("warmup not a table", HEADER + '[sessions.A]\nname = "A"\nwarmup = 8\n[[sessions.A.blocks]]\n' + PLAIN_BLOCK,
     "sessions.A.warmup", "warmup", 'must be a table such as { activity = "Stationary bike", minutes = 8 }, not a number'),
    ("exercise missing", one_block("sets = 1\nreps = 8\n"),
     "sessions.A.blocks[0].exercise", "[[sessions.A.blocks]]", 'missing: an exercise id, such as "goblet_squat"'),
    ("unknown exercise, no suggestion", one_block('exercise = "zzzz"\nsets = 1\nreps = 8\n'),
     "sessions.A.blocks[0].exercise", "exercise", "unknown exercise 'zzzz' (`strongstride exercises` lists them)"),
    ("block unknown key", one_block(PLAIN_BLOCK + 'tmepo = "3-1-1-0"\n'),
     "sessions.A.blocks[0].tmepo", "tmepo", "unknown key (did you mean 'tempo'?)"),
    ("block unknown key, nothing close", one_block(PLAIN_BLOCK + "zz = 1\n"),
     "sessions.A.blocks[0].zz", "zz = 1", "unknown key (known keys: exercise, sets, reps, hold, load, rpe, rir, rest, "
     "per_side, tempo, superset, progression, warmup_sets, note)"),
    ("sets missing", one_block('exercise = "push_up"\nreps = 8\n'),
     "sessions.A.blocks[0].sets", "[[sessions.A.blocks]]", 'missing: a whole number from 1 to 10 sets, or a range such as "3-5"'),
    ("sets zero", one_block('exercise = "push_up"\nsets = 0\nreps = 8\n'),
     "sessions.A.blocks[0].sets", "sets", "must be 1-10 sets, not 0"),
    ("sets eleven", one_block('exercise = "push_up"\nsets = 11\nreps = 8\n'),
     "sessions.A.blocks[0].sets", "sets", "must be 1-10 sets, not 11"),
    ("sets range reversed", one_block('exercise = "push_up"\nsets = "5-3"\nreps = 8\n'),
     "sessions.A.blocks[0].sets", "sets", "the low end 5 is above the high end 3"),
    ("sets not whole", one_block('exercise = "push_up"\nsets = 2.5\nreps = 8\n'),
     "sessions.A.blocks[0].sets", "sets", 'must be a whole number or a range such as "8-10", not 2.5'),
    ("sets in words", one_block('exercise = "push_up"\nsets = "three"\nreps = 8\n'),
     "sessions.A.blocks[0].sets", "sets", 'must be a whole number or a range such as "8-10", not text'),
    ("reps zero", one_block('exercise = "push_up"\nsets = 1\nreps = 0\n'),
     "sessions.A.blocks[0].reps", "reps", "must be 1-100 reps, not 0"),
    ("reps over 100", one_block('exercise = "push_up"\nsets = 1\nreps = "90-101"\n'),
     "sessions.A.blocks[0].reps", "reps", "must be 1-100 reps, not '90-101'"),
    ("reps range reversed", one_block('exercise = "push_up"\nsets = 1\nreps = "10-8"\n'),
     "sessions.A.blocks[0].reps", "reps", "the low end 10 is above the high end 8"),
    ("neither reps nor hold", one_block('exercise = "push_up"\nsets = 1\n'),
     "sessions.A.blocks[0].reps", "[[sessions.A.blocks]]", 'missing: reps (such as 8 or "8-10") or hold (seconds, such as 30 or "20-40")'),
    ("both reps and hold", one_block('exercise = "push_up"\nsets = 1\nreps = 8\nhold = 30\n'),
     "sessions.A.blocks[0].hold", "hold", "give reps or hold, not both"),
    ("hold too short", one_block('exercise = "plank"\nsets = 1\nhold = 4\n'),
     "sessions.A.blocks[0].hold", "hold", "must be 5-600 seconds, not 4"),
    ("hold too long", one_block('exercise = "plank"\nsets = 1\nhold = 601\n'),
     "sessions.A.blocks[0].hold", "hold", "must be 5-600 seconds, not 601"),
    ("hold range reversed", one_block('exercise = "plank"\nsets = 1\nhold = "40-20"\n'),
     "sessions.A.blocks[0].hold", "hold", "the low end 40 is above the high end 20"),
    ("hold on a reps exercise", one_block('exercise = "push_up"\nsets = 1\nhold = 30\n'),
     "sessions.A.blocks[0].hold", "hold", "'push_up' is done in reps, not held: give reps instead of hold"),
    ("reps on a hold exercise", one_block('exercise = "plank"\nsets = 1\nreps = 8\n'),
     "sessions.A.blocks[0].reps", "reps", "'plank' is a hold: give hold = seconds instead of reps"),
    ("rpe below 1", one_block(PLAIN_BLOCK + "rpe = 0.5\n"),
     "sessions.A.blocks[0].rpe", "rpe", "must be 1-10, not 0.5"),
    ("rpe above 10", one_block(PLAIN_BLOCK + "rpe = 10.5\n"),
     "sessions.A.blocks[0].rpe", "rpe", "must be 1-10, not 10.5"),
    ("rpe not a half step", one_block(PLAIN_BLOCK + "rpe = 8.3\n"),
     "sessions.A.blocks[0].rpe", "rpe", "must be in half steps (such as 7, 7.5, 8), not 8.3"),
    ("rpe as text", one_block(PLAIN_BLOCK + 'rpe = "8"\n'),
     "sessions.A.blocks[0].rpe", "rpe", "must be a number, not text"),
    ("rir negative", one_block(PLAIN_BLOCK + "rir = -1\n"),
     "sessions.A.blocks[0].rir", "rir", "must be 0-9, not -1"),
    ("rir above 9", one_block(PLAIN_BLOCK + "rir = 9.5\n"),
     "sessions.A.blocks[0].rir", "rir", "must be 0-9, not 9.5"),
    ("rir not a half step", one_block(PLAIN_BLOCK + "rir = 2.2\n"),
     "sessions.A.blocks[0].rir", "rir", "must be in half steps (such as 7, 7.5, 8), not 2.2"),
    ("rpe and rir", one_block(PLAIN_BLOCK + "rpe = 8\nrir = 2\n"),
     "sessions.A.blocks[0].rir", "rir", "give rpe or rir, not both (rir 2 is rpe 8)"),
    ("rest negative", one_block(PLAIN_BLOCK + "rest = -1\n"),
     "sessions.A.blocks[0].rest", "rest", "must be 0-900 seconds, not -1"),
    ("rest too long", one_block(PLAIN_BLOCK + "rest = 901\n"),
     "sessions.A.blocks[0].rest", "rest", "must be 0-900 seconds, not 901"),
    ("rest not whole", one_block(PLAIN_BLOCK + "rest = 90.5\n"),
     "sessions.A.blocks[0].rest", "rest", "must be a whole number, not 90.5"),
    ("percent too low", one_block('exercise = "back_squat"\nsets = 1\nreps = 5\nload = "29% 1RM"\n'),
     "sessions.A.blocks[0].load", "load", "percentages must be 30-105%, not '29% 1RM'"),
    ("percent too high", one_block('exercise = "back_squat"\nsets = 1\nreps = 5\nload = "90-106% of 5RM"\n'),
     "sessions.A.blocks[0].load", "load", "percentages must be 30-105%, not '90-106% of 5RM'"),
    ("percent range reversed", one_block('exercise = "back_squat"\nsets = 1\nreps = 5\nload = "100-80% of 5RM"\n'),
     "sessions.A.blocks[0].load", "load", "the low end 100% is above the high end 80%"),
    ("rep max zero", one_block('exercise = "back_squat"\nsets = 1\nreps = 5\nload = "80% of 0RM"\n'),
     "sessions.A.blocks[0].load", "load", "the rep max must be 1-20RM, not 0RM"),
    ("rep max above 20", one_block('exercise = "back_squat"\nsets = 1\nreps = 5\nload = "80% of 21RM"\n'),
     "sessions.A.blocks[0].load", "load", "the rep max must be 1-20RM, not 21RM"),
    ("unknown band", one_block('exercise = "band_row"\nsets = 1\nreps = 8\nload = "band purple"\n'),
     "sessions.A.blocks[0].load", "load", "band must be one of light, medium, heavy, extra-heavy, not 'purple'"),
    ("load in words", one_block('exercise = "goblet_squat"\nsets = 1\nreps = 8\nload = "heavy"\n'),
     "sessions.A.blocks[0].load", "load", 'must be a number (in the plan\'s units), "bodyweight", "band medium", '
     '"70% 1RM" or "80-100% of 5RM", not \'heavy\''),
    ("load true", one_block('exercise = "goblet_squat"\nsets = 1\nreps = 8\nload = true\n'),
     "sessions.A.blocks[0].load", "load", 'must be a number (in the plan\'s units), "bodyweight", "band medium", '
     '"70% 1RM" or "80-100% of 5RM", not true/false'),
    ("load zero", one_block('exercise = "goblet_squat"\nsets = 1\nreps = 8\nload = 0\n'),
     "sessions.A.blocks[0].load", "load", "must be above 0 and at most 1000, not 0"),
    ("load too heavy", one_block('exercise = "goblet_squat"\nsets = 1\nreps = 8\nload = 1001\n'),
     "sessions.A.blocks[0].load", "load", "must be above 0 and at most 1000, not 1001"),
    ("barbell without a weight", one_block('exercise = "back_squat"\nsets = 1\nreps = 5\n'),
     "sessions.A.blocks[0].load", "[[sessions.A.blocks]]", "'back_squat' uses a barbell: give a weight, such as 20 or \"70% 1RM\""),
    ("machine with a band", one_block('exercise = "leg_press"\nsets = 1\nreps = 5\nload = "band light"\n'),
     "sessions.A.blocks[0].load", "load", "'leg_press' uses a machine: give a weight, such as 20 or \"70% 1RM\""),
    ("percentage of bodyweight exercise", one_block('exercise = "push_up"\nsets = 1\nreps = 5\nload = "70% 1RM"\n'),
     "sessions.A.blocks[0].load", "load", "'push_up' has no weight to take a percentage of: give a number, \"bodyweight\" or a band"),
    ("per_side not a flag", one_block(PLAIN_BLOCK + 'per_side = "yes"\n'),
     "sessions.A.blocks[0].per_side", "per_side", "must be true or false, not text"),
    ("warmup_sets not a flag", one_block(PLAIN_BLOCK + "warmup_sets = 0\n"),
     "sessions.A.blocks[0].warmup_sets", "warmup_sets", "must be true or false, not a number"),
    ("tempo", one_block(PLAIN_BLOCK + 'tempo = "fast"\n'),
     "sessions.A.blocks[0].tempo", "tempo", 'must be four phases in seconds such as "3-1-1-0" (X for explosive), not \'fast\''),
    ("note not text", one_block(PLAIN_BLOCK + "note = 3\n"),
     "sessions.A.blocks[0].note", "note", "must be text, not a number"),
    ("superset empty", one_block(PLAIN_BLOCK + 'superset = " "\n'),
     "sessions.A.blocks[0].superset", "superset", 'must not be empty: a label such as "a"'),
    ("superset alone", one_block(PLAIN_BLOCK + 'superset = "a"\n[[sessions.A.blocks]]\n' + PLAIN_BLOCK),
     "sessions.A.blocks[0].superset", 'superset = "a"', "superset 'a' has only this block; give the same label to the blocks it alternates with"),
    ("progression unknown", one_block(PLAIN_BLOCK + 'progression = "magic"\n'),
     "sessions.A.blocks[0].progression", "progression", "must be one of double, linear, rpe, bodyweight, hold, not 'magic'"),
    ("hold progression on reps", one_block(PLAIN_BLOCK + 'progression = "hold"\n'),
     "sessions.A.blocks[0].progression", "progression", "hold progression is for holds"),
    ("reps progression on a hold", one_block('exercise = "plank"\nsets = 1\nhold = 30\nprogression = "double"\n'),
     "sessions.A.blocks[0].progression", "progression", "a hold progresses by time: use hold, or bodyweight to move on to the harder variation"),
    ("block not a table", HEADER + '[sessions.A]\nname = "A"\nblocks = [1]\n',
     "sessions.A.blocks[0]", "blocks = [1]", "must be a table with an exercise and its prescription, not a number"),
    ("blocks not an array", HEADER + '[sessions.A]\nname = "A"\nblocks = "squat"\n',
     "sessions.A.blocks", "blocks", 'must be an array of [[sessions.A.blocks]] tables, not text'),
]


@pytest.mark.parametrize(("text", "key_path", "snippet", "message"), [rule[1:] for rule in RULES], ids=[rule[0] for rule in RULES])
def test_validation_rule(text, key_path, snippet, message):
    problem = only_problem(text)
    assert problem.key_path == key_path
    assert problem.message == message
    assert problem.line == (None if snippet is None else line_with(text, snippet))
    assert problem.path == PLAN_PATH


def test_unknown_exercise_suggests_the_nearest():
    text = one_block('exercise = "goblet_sqat"\nsets = 1\nreps = 8\n')
    problem = only_problem(text)
    assert problem.key_path == "sessions.A.blocks[0].exercise"
    assert problem.message == "unknown exercise 'goblet_sqat' - did you mean 'goblet_squat'?"
    assert problem.line == line_with(text, "goblet_sqat")


def test_every_problem_is_reported_at_once_in_line_order():
    text = one_block('exercise = "nope"\nsets = 0\nreps = "10-8"\nrpe = 11\n', HEADER.replace('"kg"', '"st"'))
    problems = problems_of(text)
    assert [problem.key_path for problem in problems] == [
        "units", "sessions.A.blocks[0].exercise", "sessions.A.blocks[0].sets",
        "sessions.A.blocks[0].reps", "sessions.A.blocks[0].rpe",
    ]
    assert [problem.line for problem in problems] == sorted(problem.line for problem in problems)


def test_problems_in_two_blocks_name_each_block():
    text = one_block(PLAIN_BLOCK + "rpe = 12\n[[sessions.A.blocks]]\n" + PLAIN_BLOCK + "rest = 1000\n")
    problems = problems_of(text)
    assert [(p.key_path, p.line) for p in problems] == [
        ("sessions.A.blocks[0].rpe", line_with(text, "rpe = 12")),
        ("sessions.A.blocks[1].rest", line_with(text, "rest = 1000")),
    ]


def test_problem_prints_as_file_line_key_message():
    problem = only_problem(one_block(PLAIN_BLOCK + "rpe = 12\n"))
    assert str(problem) == f"{PLAN_PATH}:{problem.line}: sessions.A.blocks[0].rpe: must be 1-10, not 12"


def test_toml_syntax_error_has_its_line():
    problem = only_problem(HEADER + "name = = 3\n")
    assert problem.line == 6
    assert problem.message.startswith("TOML syntax:")


# -- reading files ------------------------------------------------------------------------------

def test_load_plan_file_reads_and_names_the_plan_after_the_file(tmp_path):
    path = tmp_path / "my-plan.toml"
    path.write_text(FULL_PLAN, encoding="utf-8")
    plan = load_plan_file(path, LIBRARY)
    assert (plan.id, plan.path) == ("my-plan", path)


def test_load_plan_file_refuses_over_a_mebibyte(tmp_path):
    path = tmp_path / "big.toml"
    path.write_text(FULL_PLAN + "#" * (1024 * 1024), encoding="utf-8")
    with pytest.raises(ProblemsFound) as raised:
        load_plan_file(path, LIBRARY)
    assert "the limit is 1 MiB" in raised.value.problems[0].message


def test_load_plan_file_refuses_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes(b'schema = 1\nname = "Caf\xe9"\n')
    with pytest.raises(ProblemsFound) as raised:
        load_plan_file(path, LIBRARY)
    assert (raised.value.problems[0].message, raised.value.problems[0].line) == ("not UTF-8 text", 2)


def test_load_plan_file_reports_a_missing_file(tmp_path):
    with pytest.raises(ProblemsFound) as raised:
        load_plan_file(tmp_path / "gone.toml", LIBRARY)
    assert raised.value.problems[0].message.startswith("cannot read:")


# -- finding lines ------------------------------------------------------------------------------

LOCATE_SOURCE = '''\
schema = 1
name = "x" # a comment with [brackets]
[[phases]]
name = "Base"
[[phases]]
name = "Later"
weeks = 4
[sessions.A]
name = """two
[lines.that.are.not.a.header]
"""
warmup = { activity = "Bike", minutes = 8 }
[[sessions.A.blocks]]
exercise = "a"
[[sessions.A.blocks]]
exercise = "b"
rpe = 8
[sessions."B 1"]
cues.list = [1,
  2, { deep = 3 }]
[[sessions."B 1".blocks]]
exercise = 'c'
'''


@pytest.mark.parametrize(("key_path", "line"), [
    ("schema", 1),
    ("name", 2),
    ("phases", 3),
    ("phases[0].name", 4),
    ("phases[1]", 5),
    ("phases[1].weeks", 7),
    ("phases[0].weeks", 3),              # missing: the line of its table header
    ("sessions", 8),
    ("sessions.A.name", 9),
    ("sessions.A.warmup", 12),
    ("sessions.A.warmup.minutes", 12),
    ("sessions.A.blocks[0].exercise", 14),
    ("sessions.A.blocks[1].exercise", 16),
    ("sessions.A.blocks[1].rpe", 17),
    ("sessions.A.blocks[0].rpe", 13),    # missing: its [[sessions.A.blocks]] header
    ('sessions."B 1"', 18),
    ('sessions."B 1".cues.list', 19),
    ('sessions."B 1".cues.list[1]', 20),
    ('sessions."B 1".cues.list[2].deep', 20),
    ('sessions."B 1".blocks[0].exercise', 22),
    ("description", None),
    ("sessions.Z.name", None),
    ("lines.that", None),
    ("not a key path", None),
])
def test_locate(key_path, line):
    assert locate(LOCATE_SOURCE, key_path) == line


def test_locate_survives_broken_toml():
    assert locate('name = "x"\n[[sessions.A.blocks\nrpe = 8\n', "name") == 1
    assert locate('name = "unterminated\nrpe = 8\n', "name") == 1
    assert locate('name = "unterminated\nrpe = 8\n', "rpe") is None


def test_key_paths_round_trip():
    parts = ("sessions", "A 1", "blocks", 2, "rpe")
    assert format_key_path(parts) == 'sessions."A 1".blocks[2].rpe'
    assert parse_key_path(format_key_path(parts)) == parts
    assert parse_key_path('a."q\\"uote"') == ("a", 'q"uote')
    assert parse_key_path("a..b") is None


def test_locate_reads_windows_line_ends_and_spaced_headers():
    text = 'schema = 1\r\n[ sessions . A ]\r\n[[ sessions.A.blocks ]]\r\nrpe = 8\r\n'
    assert (locate(text, "sessions.A"), locate(text, "sessions.A.blocks[0].rpe")) == (2, 4)


def test_windows_line_ends_give_the_same_lines_as_unix_ones():
    text = one_block(PLAIN_BLOCK + "rpe = 12\n")
    assert only_problem(text.replace("\n", "\r\n")).line == only_problem(text).line == line_with(text, "rpe = 12")
