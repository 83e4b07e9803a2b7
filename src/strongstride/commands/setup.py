"""`strongstride setup`: the app, opened on the first-run questions, to pick a plan and write config.toml."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    """Open the app on the questions; an existing config.toml is edited, its comments kept."""
    from strongstride.tui.run import run_app

    return run_app(args, setup=True)
