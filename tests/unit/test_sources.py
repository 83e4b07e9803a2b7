"""Reasons name the article they follow by its title, never by a seed number."""

from __future__ import annotations

from pathlib import Path

from strongstride.model.sources import SOURCE_TITLES, name_sources

SEEDS = Path("/work/shared/seeds")

def test_a_seed_number_becomes_the_articles_title() -> None:
    said = name_sources("Beginners start with 1-2 sessions a week (seed 003).")
    assert said == "Beginners start with 1-2 sessions a week (“Why Should You Strength Train”)."
    assert name_sources("seed 000's rule, seed 004") == "“Strength Training 101”'s rule, “Strength Training For Runners”"

def test_text_without_a_known_seed_is_left_alone() -> None:
    assert name_sources("seed 999: keep") == "seed 999: keep"
    assert name_sources("no seeds here") == "no seeds here"

def test_every_source_numbered_in_the_plans_has_a_title() -> None:
    plans = Path(__file__).parents[2] / "sample_plans"
    cited = {number for plan in plans.glob("*.toml") for number in SOURCE_TITLES
             if f"seed {number}" in plan.read_text(encoding="utf-8")}
    assert cited and all("seed" not in name_sources(f"seed {number}") for number in cited)
