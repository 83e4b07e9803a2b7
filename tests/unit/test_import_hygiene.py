"""The domain layers and the plain commands never load Textual, so they start fast and test without a terminal."""

from __future__ import annotations

import subprocess
import sys

DOMAIN_MODULES = [
    "strongstride.cli",
    "strongstride.services.keeper",
    "strongstride.model.plan_parser",
    "strongstride.model.exercise_library",
    "strongstride.engine.session",
    "strongstride.engine.week",
    "strongstride.store.history",
    "strongstride.store.index",
    "strongstride.store.config",
    "strongstride.commands.check",
    "strongstride.commands.plans",
    "strongstride.commands.exercises",
    "strongstride.commands.history",
    "strongstride.commands.stats",
    "strongstride.commands.export",
    "strongstride.commands.import_",
    "strongstride.commands.today",
    "strongstride.commands.week",
]


def test_domain_modules_do_not_import_textual():
    script = (
        "import importlib, sys\n"
        f"for name in {DOMAIN_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"textual was loaded: {result.stdout.strip()}"
