"""`strongstride plans`: the bundled and the user's plans, each with its sessions and their exercises."""

from __future__ import annotations

import argparse
import textwrap

from strongstride.commands.check import library_with_warnings, plan_summary
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.kit import kit_name, plan_needs
from strongstride.model.plan import Plan
from strongstride.model.plan_parser import load_plan_file
from strongstride.model.problems import ProblemsFound
from strongstride.model.sources import name_sources
from strongstride.model.visible_text import visible
from strongstride.store import paths
from strongstride.store.plans import PlanEntry, discover_plans


WRAP = 96
NO_EQUIPMENT = "nothing but your body weight"


def describe_plan(plan: Plan, library: ExerciseLibrary) -> list[str]:
    """A plan: id and summary, what it is for, what it needs, the article it follows, each session's exercises."""
    lines = [f"{plan.id} - {plan_summary(plan)}"]
    if plan.description:
        lines += textwrap.wrap(" ".join(plan.description.split()), WRAP, initial_indent="  ", subsequent_indent="  ")
    lines.append(f"  needs: {', '.join(kit_name(need.kind) for need in plan_needs(plan, library)) or NO_EQUIPMENT}")
    if plan.source:
        lines.append(f"  follows: {name_sources(plan.source)}")
    for session in plan.sessions:
        exercises = ", ".join(library[block.exercise_id].name for block in session.blocks)
        lines.append(f"  {session.id}  {session.name}: {exercises}")
    return lines


def describe_entry(entry: PlanEntry, library: ExerciseLibrary) -> list[str]:
    """A plan's lines, or for a plan that does not load, its id and every problem it has."""
    try:
        plan = load_plan_file(entry.path, library)
    except ProblemsFound as found:
        return [f"{entry.id} - cannot be used until fixed:"] + [f"  {problem}" for problem in found.problems]
    return describe_plan(plan, library)


def run(args: argparse.Namespace) -> int:
    """List every plan; a broken plan is shown with its problems, never stops the list; file text shown literally."""
    library = library_with_warnings()
    entries = discover_plans()
    groups = (
        ("Bundled plans", [entry for entry in entries if entry.bundled]),
        (f"Your plans ({paths.user_plans_dir()})", [entry for entry in entries if not entry.bundled]),
    )
    for index, (title, group) in enumerate(groups):
        if index:
            print()
        print(visible(title))
        if not group:
            print("  none: a plan is a .toml file in this folder (see `strongstride check`)")
        for entry in group:
            print()
            for line in describe_entry(entry, library):
                print(visible(line))
    return 0
