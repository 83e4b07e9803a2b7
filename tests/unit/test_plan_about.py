"""A plan explained once for `plans` and the picker: description folded, level and week, kit needed and lacking, article by title."""

from __future__ import annotations

import dataclasses

from strongstride.model.config import Equipment
from strongstride.model.plan_about import NO_EQUIPMENT, about_plan
from strongstride.model.plan_parser import load_plan_file
from strongstride.services.library import load_exercise_library
from strongstride.store.plans import find_plan

FULL_GYM = Equipment.defaults("kg")
BANDS_ONLY = dataclasses.replace(FULL_GYM, owned=("band",))


def about(plan_id: str, equipment: Equipment = FULL_GYM):
    library, _ = load_exercise_library()
    return about_plan(load_plan_file(find_plan(plan_id).path, library), library, equipment)


def test_the_rows_say_what_a_runner_needs_to_choose_in_order() -> None:
    rows = dict(about("ultra-block", BANDS_ONLY).rows())
    assert list(rows)[:5] == ["About", "Level", "Needs", "Your kit", "Follows"]
    assert rows["Level"] == "intermediate, 2 sessions a week"
    assert rows["Needs"] == "dumbbell, band, barbell, machine"
    assert rows["Your kit"].startswith("missing dumbbell (Goblet squat, Walking lunge, Step-up); barbell (")
    assert "band" not in rows["Your kit"].split(";")[0] and "\n" not in rows["About"]
    assert "seed 00" not in rows["Follows"] and rows["Follows"].startswith("“")
    assert rows["A Squat and calves"].startswith("Goblet squat, Walking lunge")


def test_a_body_weight_plan_needs_nothing_to_get() -> None:
    shown = about("bodyweight-beginner", dataclasses.replace(FULL_GYM, owned=()))
    assert (shown.needs_words, shown.kit_words, shown.missing) == (NO_EQUIPMENT, "nothing to get", ())


def test_a_full_gym_has_it_all() -> None:
    assert about("runner-foundation").kit_words == "you have it all"
