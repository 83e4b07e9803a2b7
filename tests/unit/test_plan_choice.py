"""The plan a new runner's answers point to: body weight first, gentle when asked, the gym plans by experience and race."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from strongstride.engine.plan_choice import (
    SetupAnswers, answers_from_config, choose_plan, config_values, parse_race_date, parse_weights,
)
from strongstride.model.config import Config, Equipment, RunningWeek
from strongstride.resources import bundled_dir
from strongstride.model.sources import SOURCE_TITLES


@pytest.mark.parametrize(("answers", "plan_id"), [
    (SetupAnswers(experience="new", kit="none"), "bodyweight-beginner"),
    (SetupAnswers(experience="new", kit="gym", focus="short"), "bodyweight-beginner"),   # body weight first anyway
    (SetupAnswers(experience="experienced", kit="none"), "bodyweight-beginner"),
    (SetupAnswers(experience="some", kit="bands"), "bodyweight-beginner"),
    (SetupAnswers(experience="experienced", kit="dumbbells", dumbbells=(8.0, 12.0)), "bodyweight-beginner"),
    (SetupAnswers(experience="experienced", kit="gym", gentle=True), "gentle-start"),
    (SetupAnswers(experience="new", kit="none", gentle=True), "gentle-start"),
    (SetupAnswers(experience="experienced", kit="gym", focus="short"), "heavy-strength"),
    (SetupAnswers(experience="experienced", kit="gym", focus="middle"), "heavy-strength"),
    (SetupAnswers(experience="experienced", kit="gym", focus="marathon"), "runner-foundation"),
    (SetupAnswers(experience="some", kit="gym", focus="middle"), "runner-foundation"),
    (SetupAnswers(experience="some", kit="gym", focus="ultra"), "ultra-block"),
    (SetupAnswers(experience="experienced", kit="gym", focus="ultra"), "ultra-block"),
])
def test_the_answers_pick_the_plan_that_fits(answers: SetupAnswers, plan_id: str) -> None:
    assert choose_plan(answers).plan_id == plan_id


def test_every_plan_chosen_is_bundled_and_every_reason_names_an_article_by_title() -> None:
    bundled = {path.stem for path in bundled_dir("sample_plans").glob("*.toml")}
    for experience in ("new", "some", "experienced"):
        for kit in ("none", "bands", "dumbbells", "gym"):
            for focus in ("short", "middle", "marathon", "ultra"):
                for gentle in (False, True):
                    choice = choose_plan(SetupAnswers(experience, kit, focus=focus, gentle=gentle))   # type: ignore[arg-type]
                    assert choice.plan_id in bundled
                    assert any(title in choice.reason for title in SOURCE_TITLES.values())
                    assert "\n" not in choice.reason and "seed" not in choice.reason


def test_the_beginner_reason_says_body_weight_first() -> None:
    reason = choose_plan(SetupAnswers()).reason
    assert reason == ("New to strength work: balance and stability first, with your body weight, "
                      "as “Why Should You Strength Train” advises.")


def test_the_config_values_say_what_kit_is_owned_and_the_running_week() -> None:
    answers = SetupAnswers(kit="none", focus="marathon", long_run_days=("saturday",), hard_days=("wednesday",),
                           race_date=date(2027, 4, 18))
    assert config_values(answers, choose_plan(answers)) == {
        "plan": "bodyweight-beginner", "equipment.owned": [], "running.focus": "marathon",
        "running.long_run_days": ["saturday"], "running.hard_days": ["wednesday"], "running.race_date": date(2027, 4, 18),
    }
    gym = SetupAnswers(experience="some", kit="gym")
    assert config_values(gym, choose_plan(gym))["equipment.owned"] is None   # a full gym: the key left out
    dumbbells = SetupAnswers(kit="dumbbells", dumbbells=(12.0, 4.0))
    values = config_values(dumbbells, choose_plan(dumbbells))
    assert values["equipment.owned"] == ["dumbbell"] and values["equipment.dumbbells"] == [4.0, 12.0]


@pytest.mark.parametrize(("owned", "kit"), [(None, "gym"), ((), "none"), (("band",), "bands"),
                                            (("band", "dumbbell"), "dumbbells")])
def test_an_existing_config_gives_the_answers_it_holds(owned: tuple[str, ...] | None, kit: str) -> None:
    equipment = Equipment(2.5, 5.0, (4.0, 8.0), 20.0, (20.0,), owned=owned)
    config = Config(equipment=equipment, running=RunningWeek(long_run_days=("saturday",), focus="ultra"))
    answers = answers_from_config(config)
    assert answers.kit == kit and answers.focus == "ultra" and answers.long_run_days == ("saturday",)


@pytest.mark.parametrize("answers", [
    SetupAnswers(experience="experienced", kit="gym", focus="short"),
    SetupAnswers(experience="some", kit="gym", focus="marathon"),
    SetupAnswers(experience="some", kit="gym", focus="ultra"),
    SetupAnswers(kit="bands", gentle=True),
    SetupAnswers(kit="none"),
])
def test_setup_run_again_on_the_config_it_wrote_chooses_the_same_plan(answers: SetupAnswers) -> None:
    choice = choose_plan(answers)
    owned = config_values(answers, choice)["equipment.owned"]
    config = Config(plan=choice.plan_id, equipment=Equipment(2.5, 5.0, (), 20.0, (20.0,),
                                                             owned=None if owned is None else tuple(owned)),
                    running=RunningWeek(focus=answers.focus))
    assert choose_plan(answers_from_config(config)) == choice


def test_typed_dumbbells_and_race_dates_are_read_or_refused_with_a_reason() -> None:
    assert parse_weights("12, 4 8.5") == (4.0, 8.5, 12.0)
    with pytest.raises(ValueError, match="'heavy' is not a weight"):
        parse_weights("4, heavy")
    today = date(2026, 11, 24)
    assert parse_race_date("", today) is None
    assert parse_race_date("2027-04-18", today) == date(2027, 4, 18)
    with pytest.raises(ValueError, match="write it as YYYY-MM-DD"):
        parse_race_date("18/04/2027", today)
    with pytest.raises(ValueError, match="has passed"):
        parse_race_date("2026-01-01", today)


def test_the_table_in_the_config_doc_is_the_choice_the_code_makes() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "config.md").read_text(encoding="utf-8")
    assert "| a gentle start | `gentle-start` |" in doc
    cases = {
        "gentle-start": SetupAnswers(kit="gym", experience="experienced", gentle=True),
        "bodyweight-beginner": SetupAnswers(kit="dumbbells", experience="experienced"),
        "ultra-block": SetupAnswers(kit="gym", experience="some", focus="ultra"),
        "heavy-strength": SetupAnswers(kit="gym", experience="experienced", focus="short"),
        "runner-foundation": SetupAnswers(kit="gym", experience="experienced", focus="marathon"),
    }
    for plan_id, answers in cases.items():
        assert f"`{plan_id}` |" in doc and choose_plan(answers).plan_id == plan_id
