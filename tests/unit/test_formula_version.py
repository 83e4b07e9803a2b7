"""The fingerprint behind derived caches follows the code of the formulas, not a number someone must bump."""

from __future__ import annotations

import os
import subprocess
import sys
import types

from strongstride.engine import rpe
from strongstride.services.formula_version import formula_version


def module(source: str) -> types.ModuleType:
    made = types.ModuleType("formulas_under_test")
    exec(source, made.__dict__)
    return made


def test_the_same_code_gives_the_same_version_every_time() -> None:
    assert formula_version(rpe) == formula_version(rpe)
    assert formula_version(module("def e(x):\n    return x * 2\n")) == formula_version(module("def e(x):\n    return x * 2\n"))


def test_a_changed_function_constant_table_or_method_changes_the_version() -> None:
    base = formula_version(module("TABLE = (1, 2)\ndef e(x):\n    return x * 2\nclass K:\n    def f(self):\n        return 1\n"))
    assert base != formula_version(module("TABLE = (1, 2)\ndef e(x):\n    return x * 3\nclass K:\n    def f(self):\n        return 1\n"))
    assert base != formula_version(module("TABLE = (1, 3)\ndef e(x):\n    return x * 2\nclass K:\n    def f(self):\n        return 1\n"))
    assert base != formula_version(module("TABLE = (1, 2)\ndef e(x):\n    return x * 2\nclass K:\n    def f(self):\n        return 2\n"))


def test_a_formula_replaced_at_run_time_changes_the_version(monkeypatch) -> None:
    before = formula_version(rpe)
    monkeypatch.setattr(rpe, "estimate_1rm_from_set", lambda load, reps, logged: 1.0)
    assert formula_version(rpe) != before


def test_the_version_is_the_same_in_every_process_whatever_the_string_hashing() -> None:
    script = ("from strongstride.services.records import records_formulas\n"
              "import types\n"
              "from strongstride.services.formula_version import formula_version\n"
              "m = types.ModuleType('m')\n"
              "exec('WORDS = frozenset(\"abcdefgh\")\\ndef f(x):\\n    return x in {\"kg\", \"lb\", \"st\", \"oz\"}\\n', m.__dict__)\n"
              "print(records_formulas(), formula_version(m))\n")
    seen = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert len(seen) == 1
