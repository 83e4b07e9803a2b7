"""The exercise library: the bundled file's integrity, the user's overrides, suggestions and ladders."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from strongstride.model.exercise import Exercise
from strongstride.model.exercise_library import ExerciseLibrary, load_library, parse_exercise_file
from strongstride.resources import bundled_dir, exercise_library_file

REQUIRED_IDS = """
bodyweight_squat goblet_squat back_squat front_squat quarter_squat leg_press wall_sit
deadlift romanian_deadlift trap_bar_deadlift single_leg_deadlift
reverse_lunge walking_lunge split_squat bench_split_squat step_up
calf_raise single_leg_calf_raise bent_knee_calf_raise seated_calf_raise
glute_bridge single_leg_glute_bridge hip_thrust
side_lying_hip_abduction clamshell banded_lateral_walk
hamstring_curl ball_hamstring_curl nordic_curl
kneeling_plank plank plank_leg_lift kneeling_side_plank side_plank dead_bug bird_dog ball_pull_in
short_foot towel_scrunch single_leg_stand single_leg_reach
knee_push_up push_up medicine_ball_push_up seated_cable_row band_row dumbbell_row overhead_press
pogo_hops box_jump bounding
sit_to_stand supported_split_squat seated_heel_raise wall_push_up
supported_single_leg_stand assisted_calf_raise incline_push_up standing_hip_hinge standing_hip_abduction
""".split()

REQUIRED_EQUIPMENT = {
    "barbell": "back_squat front_squat quarter_squat deadlift romanian_deadlift hip_thrust overhead_press trap_bar_deadlift",
    "dumbbell": "goblet_squat single_leg_deadlift reverse_lunge walking_lunge split_squat bench_split_squat step_up dumbbell_row",
    "machine": "leg_press hamstring_curl seated_calf_raise",
    "cable": "seated_cable_row",
    "band": "band_row banded_lateral_walk",
    "exercise_ball": "ball_hamstring_curl ball_pull_in",
    "medicine_ball": "medicine_ball_push_up",
    "box": "box_jump",
    "towel": "towel_scrunch",
}
HOLDS = set("wall_sit kneeling_plank plank plank_leg_lift kneeling_side_plank side_plank single_leg_stand short_foot "
            "supported_single_leg_stand".split())
UNILATERAL = set(
    """single_leg_deadlift reverse_lunge walking_lunge split_squat bench_split_squat step_up single_leg_calf_raise
    single_leg_glute_bridge side_lying_hip_abduction clamshell kneeling_side_plank side_plank single_leg_stand
    single_leg_reach dumbbell_row supported_split_squat supported_single_leg_stand standing_hip_abduction""".split()
)
REQUIRED_LADDERS = [
    ["sit_to_stand", "bodyweight_squat", "goblet_squat", "back_squat"],
    ["supported_single_leg_stand", "single_leg_stand", "single_leg_reach", "single_leg_deadlift"],
    ["split_squat", "bench_split_squat"],
    ["supported_split_squat", "reverse_lunge", "walking_lunge"],
    ["seated_heel_raise", "assisted_calf_raise", "calf_raise", "single_leg_calf_raise"],
    ["bent_knee_calf_raise", "seated_calf_raise"],
    ["glute_bridge", "single_leg_glute_bridge", "hip_thrust"],
    ["clamshell", "side_lying_hip_abduction", "banded_lateral_walk"],
    ["ball_hamstring_curl", "nordic_curl"],
    ["kneeling_plank", "plank", "plank_leg_lift"],
    ["kneeling_side_plank", "side_plank"],
    ["dead_bug", "ball_pull_in"],
    ["bird_dog"],
    ["towel_scrunch", "short_foot"],
    ["wall_push_up", "incline_push_up", "knee_push_up", "push_up", "medicine_ball_push_up"],
    ["band_row", "seated_cable_row"],
    ["standing_hip_hinge", "romanian_deadlift", "deadlift"],
    ["pogo_hops", "box_jump", "bounding"],
]
BUNDLED = exercise_library_file()


@pytest.fixture(scope="module")
def library() -> ExerciseLibrary:
    loaded, problems = load_library(BUNDLED)
    assert problems == []
    return loaded


def write_user_file(folder: Path, text: str) -> Path:
    path = folder / "exercises.toml"
    path.write_text(text, encoding="utf-8")
    return path


def ids(rungs: list[Exercise]) -> list[str]:
    return [rung.id for rung in rungs]


# --- the bundled library ---------------------------------------------------------------


def test_every_table_id_is_unique_and_loaded(library: ExerciseLibrary) -> None:
    headers = re.findall(r"^\[exercises\.([^\]]+)\]", BUNDLED.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(headers) == len(set(headers)) == len(library)
    assert len({exercise.name for exercise in library.values()}) == len(library)


def test_library_has_every_required_id_and_at_least_45(library: ExerciseLibrary) -> None:
    assert len(library) >= 45
    assert sorted(set(REQUIRED_IDS) - set(library)) == []


def test_equipment_kinds_and_sides_are_as_specified(library: ExerciseLibrary) -> None:
    for equipment, listed in REQUIRED_EQUIPMENT.items():
        for exercise_id in listed.split():
            assert library[exercise_id].equipment == equipment, exercise_id
    not_bodyweight = {exercise_id for listed in REQUIRED_EQUIPMENT.values() for exercise_id in listed.split()}
    for exercise_id in set(REQUIRED_IDS) - not_bodyweight:
        assert library[exercise_id].equipment == "bodyweight", exercise_id
    assert {i for i in REQUIRED_IDS if library[i].kind == "hold"} == HOLDS
    assert {i for i in REQUIRED_IDS if library[i].unilateral} == UNILATERAL


@pytest.mark.parametrize("rungs", REQUIRED_LADDERS, ids=lambda rungs: rungs[0])
def test_required_ladders_are_exactly_as_listed(library: ExerciseLibrary, rungs: list[str]) -> None:
    for exercise_id in rungs:
        assert ids(library.ladder(exercise_id)) == rungs


def test_every_link_resolves_and_is_mutual(library: ExerciseLibrary) -> None:
    for exercise in library.values():
        if exercise.harder is not None:
            assert library[exercise.harder].easier == exercise.id, exercise.id
        if exercise.easier is not None:
            assert library[exercise.easier].harder == exercise.id, exercise.id


def test_no_ladder_loops(library: ExerciseLibrary) -> None:
    for exercise in library.values():
        seen, rung = {exercise.id}, exercise
        while rung.harder is not None:
            assert rung.harder not in seen, f"loop through {exercise.id}"
            seen.add(rung.harder)
            rung = library[rung.harder]


# The easiest form a runner starts on: no easier bodyweight movement of the same kind exists.
FIRST_RUNGS = {"kneeling_plank", "kneeling_side_plank", "supported_single_leg_stand", "clamshell", "glute_bridge", "dead_bug",
               "bird_dog", "sit_to_stand", "supported_split_squat", "wall_push_up", "seated_heel_raise", "standing_hip_hinge", "standing_hip_abduction"}


def test_every_bodyweight_exercise_in_the_bundled_plans_has_an_easier_variation_without_weights(library: ExerciseLibrary) -> None:
    bodyweight = sorted({
        block["exercise"]
        for plan in bundled_dir("sample_plans").glob("*.toml")
        for session in tomllib.loads(plan.read_text(encoding="utf-8"))["sessions"].values()
        for block in session["blocks"]
        if block.get("load", "bodyweight") == "bodyweight"
    })
    lacking = [
        exercise_id for exercise_id in bodyweight
        if exercise_id not in FIRST_RUNGS and not (
            (easier := library[exercise_id].easier) and not library[easier].is_loaded
        )
    ]
    assert {"bodyweight_squat", "reverse_lunge", "knee_push_up", "calf_raise"} <= set(bodyweight)
    assert lacking == []


def test_every_exercise_is_fully_coached(library: ExerciseLibrary) -> None:
    for exercise in library.values():
        assert 3 <= len(exercise.cues) <= 5, exercise.id
        assert all(len(cue) <= 45 for cue in exercise.cues), f"{exercise.id}: cues must be readable mid-set"
        assert len(set(exercise.cues)) == len(exercise.cues), exercise.id
        assert exercise.mistake and exercise.why and exercise.muscles, exercise.id
        assert not exercise.user_defined


# --- suggest and ladder -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("goblet_sqaut", "goblet_squat"), ("Back-Squat", "back_squat"), ("nordic", "nordic_curl"),
     ("Exercise ball pull-in", "ball_pull_in"), ("side plank", "side_plank")],
)
def test_suggest_finds_the_nearest_id_or_name(library: ExerciseLibrary, typed: str, expected: str) -> None:
    assert library.suggest(typed) == expected


def test_suggest_gives_nothing_for_nonsense(library: ExerciseLibrary) -> None:
    assert library.suggest("xyzzy") is None


def make(exercise_id: str, easier: str | None = None, harder: str | None = None) -> Exercise:
    return Exercise(exercise_id, exercise_id.title(), ("a", "b", "c"), "m", ("core",), "bodyweight",
                    easier=easier, harder=harder)


def test_ladder_survives_a_loop_and_always_holds_the_exercise() -> None:
    looped = ExerciseLibrary({"a": make("a", easier="b", harder="b"), "b": make("b", easier="a", harder="a")})
    assert sorted(ids(looped.ladder("a"))) == ["a", "b"]
    one_way = ExerciseLibrary({"a": make("a", harder="b"), "b": make("b", easier="c"), "c": make("c", harder="a")})
    assert ids(one_way.ladder("b")) == ["c", "b"]


def test_ladder_stops_at_a_missing_link() -> None:
    broken = ExerciseLibrary({"a": make("a", harder="gone"), "b": make("b", easier="a")})
    assert ids(broken.ladder("a")) == ["a"]
    assert ids(broken.ladder("b")) == ["a", "b"]


# --- the user's file ----------------------------------------------------------------------

NEW_EXERCISE = """
[exercises.copenhagen_plank]
name = "Copenhagen plank"
cues = ["Top foot on the bench", "Lift your hips in line", "Hold the bottom leg off the floor"]
mistake = "Hips sagging"
muscles = ["adductors", "obliques"]
equipment = "bench"
kind = "hold"
unilateral = true
why = "Strong adductors steady the knee."
"""


def test_user_file_adds_and_overrides_exercises(tmp_path: Path) -> None:
    user = write_user_file(tmp_path, "schema = 1\n" + NEW_EXERCISE + """
[exercises.goblet_squat]
cues = ["Bell tight to the sternum", "Elbows inside the knees", "Stand up fast"]
""")
    library, problems = load_library(BUNDLED, user)
    assert problems == []
    added = library["copenhagen_plank"]
    assert (added.kind, added.equipment, added.unilateral, added.user_defined) == ("hold", "bench", True, True)
    goblet = library["goblet_squat"]
    assert goblet.cues == ("Bell tight to the sternum", "Elbows inside the knees", "Stand up fast")
    assert goblet.user_defined
    assert (goblet.name, goblet.easier, goblet.harder) == ("Goblet squat", "bodyweight_squat", "back_squat")
    assert ids(library.ladder("goblet_squat")) == ["sit_to_stand", "bodyweight_squat", "goblet_squat", "back_squat"]


def test_user_file_can_join_a_ladder_when_both_ends_name_each_other(tmp_path: Path) -> None:
    user = write_user_file(tmp_path, "schema = 1\n" + NEW_EXERCISE + 'easier = "side_plank"\n' + """
[exercises.side_plank]
harder = "copenhagen_plank"
""")
    library, problems = load_library(BUNDLED, user)
    assert problems == []
    assert ids(library.ladder("kneeling_side_plank")) == ["kneeling_side_plank", "side_plank", "copenhagen_plank"]


def test_missing_user_file_is_no_problem(tmp_path: Path) -> None:
    library, problems = load_library(BUNDLED, tmp_path / "exercises.toml")
    assert problems == [] and len(library) >= 45


def test_user_file_with_a_syntax_error_is_reported_and_bundled_loads(tmp_path: Path) -> None:
    user = write_user_file(tmp_path, 'schema = 1\n\n[exercises.plank]\nname = "Plank\n')
    library, problems = load_library(BUNDLED, user)
    assert len(library) >= 45 and not library["plank"].user_defined
    [problem] = problems
    assert problem.path == user and problem.line == 4
    assert str(problem).startswith(f"{user}:4: (file): TOML syntax")


def test_user_file_that_is_a_folder_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "exercises.toml"
    folder.mkdir()
    library, problems = load_library(BUNDLED, folder)
    assert len(library) >= 45
    assert [p.path for p in problems] == [folder] and "cannot read" in problems[0].message


def test_broken_table_is_reported_with_key_and_line_and_bundled_one_kept(tmp_path: Path) -> None:
    user = write_user_file(tmp_path, """schema = 1

[exercises.plank]
equipment = "trampoline"
cues = ["Only one"]
""")
    library, problems = load_library(BUNDLED, user)
    assert not library["plank"].user_defined
    found = {(p.key_path, p.line) for p in problems}
    assert found == {("exercises.plank.equipment", 4), ("exercises.plank.cues", 5)}
    assert all(p.path == user for p in problems)
    assert "needs 3-5 cues, has 1" in str(next(p for p in problems if p.key_path.endswith("cues")))


def test_unknown_key_and_bad_id_are_reported(tmp_path: Path) -> None:
    user = write_user_file(tmp_path, "schema = 1\n" + NEW_EXERCISE.replace("copenhagen_plank", '"Copenhagen Plank"')
                           + 'cue = "typo"\n')
    library, problems = load_library(BUNDLED, user)
    assert "Copenhagen Plank" not in library
    assert {p.key_path for p in problems} == {'exercises."Copenhagen Plank"', 'exercises."Copenhagen Plank".cue'}
    assert {p.line for p in problems} == {3, 12}


def test_schema_is_required_and_a_future_schema_is_not_read(tmp_path: Path) -> None:
    user = write_user_file(tmp_path, NEW_EXERCISE)
    library, problems = load_library(BUNDLED, user)
    assert "copenhagen_plank" in library
    assert [(p.key_path, p.message) for p in problems] == [("schema", "missing; start the file with `schema = 1`")]
    for future in ("2", "true"):
        user.write_text(f"schema = {future}\n" + NEW_EXERCISE, encoding="utf-8")
        library, problems = load_library(BUNDLED, user)
        assert "copenhagen_plank" not in library
        assert [(p.key_path, p.line) for p in problems] == [("schema", 1)]


def test_link_to_an_unknown_exercise_is_reported_and_dropped(tmp_path: Path) -> None:
    user = write_user_file(tmp_path, "schema = 1\n" + NEW_EXERCISE + 'harder = "human_flag"\n')
    library, problems = load_library(BUNDLED, user)
    assert library["copenhagen_plank"].harder is None
    [problem] = problems
    assert (problem.path, problem.key_path, problem.line) == (user, "exercises.copenhagen_plank.harder", 12)
    assert problem.message == "unknown exercise 'human_flag'"


def test_one_way_link_is_blamed_on_the_user_file(tmp_path: Path) -> None:
    user = write_user_file(tmp_path, 'schema = 1\n\n[exercises.side_plank]\nharder = "plank"\n')
    _, problems = load_library(BUNDLED, user)
    [problem] = problems
    assert (problem.path, problem.key_path, problem.line) == (user, "exercises.side_plank.harder", 4)
    assert problem.message == "'plank' must name this exercise as easier (its easier is 'kneeling_plank')"


def test_bundled_exercise_pointing_at_a_changed_user_one_blames_the_user_file(tmp_path: Path) -> None:
    user = write_user_file(tmp_path, 'schema = 1\n\n[exercises.plank_leg_lift]\nname = "Leg lift plank"\neasier = "side_plank"\n')
    _, problems = load_library(BUNDLED, user)
    messages = {(p.key_path, p.message) for p in problems}
    assert ("exercises.plank_leg_lift.easier", "is 'side_plank', but 'plank' names this exercise as harder") in messages
    assert all(p.path == user for p in problems)


def test_ladder_loop_is_reported(tmp_path: Path) -> None:
    user = write_user_file(tmp_path, """schema = 1

[exercises.back_squat]
harder = "bodyweight_squat"

[exercises.bodyweight_squat]
easier = "back_squat"
""")
    library, problems = load_library(BUNDLED, user)
    loops = [p for p in problems if "loops" in p.message]
    assert [p.message for p in loops] == [
        "the ladder loops back: back_squat -> bodyweight_squat -> goblet_squat -> back_squat"
    ]
    assert loops[0].path == user and loops[0].line == 4
    assert sorted(ids(library.ladder("goblet_squat"))) == ["back_squat", "bodyweight_squat", "goblet_squat"]


def test_parse_exercise_file_reads_a_file_alone(tmp_path: Path) -> None:
    exercises, problems = parse_exercise_file(write_user_file(tmp_path, "schema = 1\n" + NEW_EXERCISE), user_defined=True)
    assert problems == [] and list(exercises) == ["copenhagen_plank"]
    assert exercises["copenhagen_plank"].cues[0] == "Top foot on the bench"


def test_every_bundled_exercise_says_how_to_set_up_and_the_steps_of_a_rep(tmp_path: Path) -> None:
    library, problems = load_library(exercise_library_file(), tmp_path / "no-user-exercises.toml")
    assert problems == []
    assert [exercise.id for exercise in library.values() if not exercise.setup or len(exercise.steps) < 3] == []
