"""`strongstride plans`: the bundled and the user's plans, each with its sessions and their exercises."""

from __future__ import annotations

import argparse
import sys
import textwrap

from strongstride.commands.check import library_with_warnings, plan_summary
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.plan import Plan
from strongstride.model.plan_parser import load_plan_file
from strongstride.model.problems import ProblemsFound
from strongstride.model.kit import missing_kit_words
from strongstride.model.plan_about import about_plan
from strongstride.model.config import Equipment
from strongstride.model.visible_text import visible
from strongstride.store import paths
from strongstride.store.config import load_config
from strongstride.store.plans import PlanEntry, discover_plans


WRAP = 96


def describe_plan(plan: Plan, library: ExerciseLibrary, equipment: Equipment) -> list[str]:
    """A plan: id and summary, what it is for, what it needs (and what the runner lacks), the article, its sessions."""
    about = about_plan(plan, library, equipment)
    lines = [f"{plan.id} - {plan_summary(plan)}"]
    if about.description:
        lines += textwrap.wrap(about.description, WRAP, initial_indent="  ", subsequent_indent="  ")
    lines.append(f"  needs: {about.needs_words}")
    if about.missing:
        lines.append(f"  {missing_kit_words(list(about.missing))}")
    if about.follows:
        lines.append(f"  follows: {about.follows}")
    lines += [f"  {session_id}  {name}: {', '.join(names)}" for session_id, name, names in about.sessions]
    return lines


def describe_entry(entry: PlanEntry, library: ExerciseLibrary, equipment: Equipment) -> list[str]:
    """A plan's lines, or for a plan that does not load, its id and every problem it has."""
    try:
        plan = load_plan_file(entry.path, library)
    except ProblemsFound as found:
        return [f"{entry.id} - cannot be used until fixed:"] + [f"  {problem}" for problem in found.problems]
    return describe_plan(plan, library, equipment)


def run(args: argparse.Namespace) -> int:
    """List every plan; a broken plan is shown with its problems, never stops the list; file text shown literally."""
    library = library_with_warnings()
    config, problems = load_config(paths.config_file(), library)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    equipment = config.equipment
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
            for line in describe_entry(entry, library, equipment):
                print(visible(line))
    return 0
