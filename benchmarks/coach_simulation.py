"""Simulated lifters through every sample plan for months: how well the coach aims across sessions.

Usage: python benchmarks/coach_simulation.py [--weeks N] [--plans ID ...] [--set-ups NAME ...]
       [--seed S] [--jobs N] [--json | --why]

Each plan runs on each equipment set-up (a plan with no loaded exercise runs once) for a lifter who
grows half a percent a week and for one whose strength stays the same, with a 3-week layoff after
week 8 and a race in week 15. The table shows, per plan and set-up, the share of work sets within
1 RPE of target, the first set's distance from the true target load in load steps, the drift of the
first-set load for the steady lifter, and whether each deload start is lighter than a normal start.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coach_figures import CALIBRATION_OUTINGS, OFF_TARGET_CAUSES, Figures  # noqa: E402
from coach_runs import REP_FLEX, SET_UPS, Scenario, SetUp, loaded_exercises, run_figures  # noqa: E402

from strongstride.services.library import load_exercise_library  # noqa: E402
from strongstride.model.exercise_library import ExerciseLibrary  # noqa: E402
from strongstride.model.plan import Plan  # noqa: E402
from strongstride.model.plan_parser import load_plan_file  # noqa: E402
from strongstride.resources import bundled_dir  # noqa: E402

ON_TARGET_GOAL = 0.80
STEPS_GOAL = 1.0
DRIFT_GOAL = 1.0
NO_LOADS = "any (no loads)"
MISSED = " !"


@functools.cache
def _library() -> ExerciseLibrary:
    return load_exercise_library()[0]


@functools.cache
def sample_plans() -> dict[str, Plan]:
    """Every bundled sample plan by id."""
    return {path.stem: load_plan_file(path, _library()) for path in sorted(bundled_dir("sample_plans").glob("*.toml"))}


def _has_loads(plan: Plan) -> bool:
    return bool(loaded_exercises(plan, _library()))


@dataclass(frozen=True)
class Row:
    """One plan on one set-up and its figures."""

    plan_id: str
    set_up: str
    figures: Figures

    def as_dict(self) -> dict[str, Any]:
        f = self.figures
        return {
            "plan": self.plan_id, "set_up": self.set_up, "work_sets": f.work_sets, "on_target": f.on_target,
            "reachable_sets": f.reachable_sets, "on_target_reachable": f.on_target_reachable,
            "first_sets": len(f.first_set_steps), "median_steps": f.median_steps, "within_one_step": f.within_one_step,
            "drift": None if f.drift is None else {"exercise": f.drift[0], "steps": round(f.drift[1], 2)},
            "deloads": [{"exercise": d.exercise_id, "day": d.day.isoformat(), "after": d.why, "load": d.load,
                         "normal_start": d.normal_load, "lighter": d.lighter} for d in f.deloads],
            "missed_sessions": f.missed_sessions, "off_target": dict(f.off_target),
        }


def one_row(plan_id: str, set_up_name: str, scenario: Scenario, seed: str) -> Row:
    """Run one plan on one set-up (the first set-up stands for all when the plan has no loads)."""
    set_up = next(s for s in SET_UPS if s.name == set_up_name) if set_up_name != NO_LOADS else SET_UPS[0]
    plan = sample_plans()[plan_id]
    return Row(plan_id, set_up_name, run_figures(plan, _library(), set_up, scenario, seed))


def jobs_for(plan_ids: Sequence[str], set_ups: Sequence[SetUp]) -> list[tuple[str, str]]:
    """(plan, set-up) pairs to run: a plan without loaded exercises once, the others on every set-up."""
    plans = sample_plans()
    return [(plan_id, set_up) for plan_id in plan_ids
            for set_up in ([s.name for s in set_ups] if _has_loads(plans[plan_id]) else [NO_LOADS])]


def run_all(pairs: Sequence[tuple[str, str]], scenario: Scenario, seed: str, workers: int) -> list[Row]:
    """Every pair's row, in the order given, spread over `workers` processes (1: in this one)."""
    arguments = [(plan_id, set_up, scenario, seed) for plan_id, set_up in pairs]
    if workers <= 1:
        return [one_row(*a) for a in arguments]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one_row, *zip(*arguments)))


def _percent(share: float | None, goal: float | None = None) -> str:
    if share is None:
        return "-"
    return f"{share:.0%}{MISSED if goal is not None and share < goal - 1e-9 else ''}"


def _steps(steps: float | None, goal: float) -> str:
    if steps is None:
        return "-"
    return f"{steps:.1f}{MISSED if abs(steps) > goal + 1e-9 else ''}"


def _drift_on(figures: Figures) -> str:
    """The exercise that drifted most, when any moved at all."""
    return "" if figures.drift is None or abs(figures.drift[1]) < 0.05 else figures.drift[0]


def _deloads(figures: Figures) -> str:
    if not figures.deloads:
        return "-"
    lighter, total = figures.deloads_lighter, len(figures.deloads)
    return f"{lighter}/{total}{MISSED if lighter < total else ''}"


COLUMNS = (("plan", 20), ("set-up", 15), ("work sets", 9), ("on target", 10), ("reachable", 9), ("on them", 8),
           ("first set", 10),
           ("<= 1 step", 10), ("drift", 8), ("drift on", 22), ("deloads", 8), ("missed", 6))


def table_lines(rows: Sequence[Row], scenario: Scenario) -> list[str]:
    """The report: what was run, the goals, then a row per plan and set-up (a ! marks a missed goal)."""
    layoff = scenario.layoff
    lines = [
        f"Simulated lifters, {scenario.weeks} training weeks from {scenario.start:%d %b %Y}"
        + (f", {scenario.layoff_weeks}-week layoff {layoff[0]:%d %b}-{layoff[1]:%d %b}" if layoff else "")
        + (f", race {scenario.race_date:%d %b}" if scenario.race_date else ""),
        f"on target: work sets within 1 RPE of target, each exercise's first {CALIBRATION_OUTINGS} sessions left out"
        f" (goal >= {ON_TARGET_GOAL:.0%})",
        "reachable: of those, sets some load the equipment makes at some reps the coach may ask could land"
        f" (the plan's range, or up to {REP_FLEX} past it); on them: their on-target share",
        f"first set: median load steps from the true target; <= 1 step: share of first sets that close (goal <= {STEPS_GOAL:g})",
        f"drift: first-set load steps moved, constant true strength (goal within {DRIFT_GOAL:g}); "
        "deloads: starts after a layoff or misses lighter than the last normal start",
        "",
        "".join(f"{name:<{width}}" if i < 2 or name == "drift on" else f"{name:>{width}}  " for i, (name, width)
                in enumerate(COLUMNS)).rstrip(),
    ]
    for row in rows:
        f = row.figures
        cells = (row.plan_id, row.set_up, str(f.work_sets), _percent(f.on_target, ON_TARGET_GOAL),
                 str(f.reachable_sets), _percent(f.on_target_reachable, ON_TARGET_GOAL),
                 _steps(f.median_steps, STEPS_GOAL), _percent(f.within_one_step),
                 _steps(None if f.drift is None else f.drift[1], DRIFT_GOAL), _drift_on(f),
                 _deloads(f), str(f.missed_sessions))
        lines.append("".join(f"{cell:<{width}}" if i < 2 or COLUMNS[i][0] == "drift on" else f"{cell:>{width}}  "
                             for i, (cell, (_, width)) in enumerate(zip(cells, COLUMNS))).rstrip())
    return lines


def why_lines(rows: Sequence[Row]) -> list[str]:
    """Per plan and set-up, the off-target sets as shares of all work sets counted: nothing could land them,
    back from the layoff (the deload and the session after), or anything else."""
    lines = [f"{'plan':<20}{'set-up':<15}{'work sets':>9}  {'on target':>9}  "
             + "  ".join(f"{cause:>16}" for cause in OFF_TARGET_CAUSES)]
    for row in rows:
        f = row.figures
        shares = [_percent(n / f.work_sets if f.work_sets else None) for _, n in f.off_target]
        lines.append(f"{row.plan_id:<20}{row.set_up:<15}{f.work_sets:>9}  {_percent(f.on_target):>9}  "
                     + "  ".join(f"{share:>16}" for share in shares))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=Scenario.weeks, help="training weeks (default 16)")
    parser.add_argument("--plans", nargs="+", choices=sorted(sample_plans()), default=sorted(sample_plans()))
    parser.add_argument("--set-ups", nargs="+", choices=[s.name for s in SET_UPS], default=[s.name for s in SET_UPS])
    parser.add_argument("--seed", default="1", help="seeds every lifter's reporting noise")
    parser.add_argument("--jobs", type=int, default=2, help="processes to run on (default 2)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--why", action="store_true", help="print why the off-target sets were off target")
    args = parser.parse_args(argv)
    scenario = Scenario(weeks=args.weeks, layoff_after=min(Scenario.layoff_after, args.weeks // 2),
                        race_week=args.weeks - 1 if args.weeks >= 4 else None)
    set_ups = [s for s in SET_UPS if s.name in args.set_ups]
    rows = run_all(jobs_for(args.plans, set_ups), scenario, args.seed, args.jobs)
    if args.json:
        print(json.dumps({"weeks": scenario.weeks, "seed": args.seed,
                          "layoff": None if scenario.layoff is None else [d.isoformat() for d in scenario.layoff],
                          "race": None if scenario.race_date is None else scenario.race_date.isoformat(),
                          "rows": [row.as_dict() for row in rows]}, indent=2))
    elif args.why:
        print("\n".join(why_lines(rows)))
    else:
        print("\n".join(table_lines(rows, scenario)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
