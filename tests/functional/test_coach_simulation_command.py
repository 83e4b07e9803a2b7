"""`python benchmarks/coach_simulation.py` runs a short simulation and prints its table, or JSON (no figure is judged)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SIMULATION = Path(__file__).resolve().parents[2] / "benchmarks" / "coach_simulation.py"
NO_LOADS = "any (no loads)"   # the set-up column of a plan without loaded exercises


def test_the_command_prints_a_table_and_json_for_a_short_run():
    command = [sys.executable, str(SIMULATION), "--weeks", "3", "--plans", "runner-foundation", "bodyweight-beginner",
               "--set-ups", "kg-plates", "--jobs", "1"]
    table = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout.splitlines()
    assert [line.split()[:2] for line in table[-2:]] == [["runner-foundation", "kg-plates"],
                                                         ["bodyweight-beginner", "any"]]
    data = json.loads(subprocess.run([*command, "--json"], capture_output=True, text=True, timeout=120,
                                     check=True).stdout)
    assert [(row["plan"], row["set_up"]) for row in data["rows"]] == [("runner-foundation", "kg-plates"),
                                                                      ("bodyweight-beginner", NO_LOADS)]
    foundation = data["rows"][0]
    assert foundation["work_sets"] > 0 and 0.0 <= foundation["on_target"] <= 1.0
    assert foundation["first_sets"] > 0 and foundation["median_steps"] >= 0.0
    assert set(foundation["off_target"]) == {"unreachable", "back from layoff", "other"}
    why = subprocess.run([*command, "--why"], capture_output=True, text=True, timeout=120, check=True).stdout.splitlines()
    assert why[0].split()[:2] == ["plan", "set-up"] and "unreachable" in why[0]
    assert [line.split()[:2] for line in why[1:]] == [["runner-foundation", "kg-plates"], ["bodyweight-beginner", "any"]]
