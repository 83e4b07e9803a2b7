"""Starting the app: load everything once, then hand the terminal to Textual."""

from __future__ import annotations

import argparse
from datetime import date

from strongstride.tui.app import StrongstrideApp
from strongstride.tui.startup import load_app_state


def build_app(args: argparse.Namespace, today: date, setup: bool = False) -> StrongstrideApp:
    """The app on today's suggested session, over the first-run questions when asked or on a first run.

    A plan given with --plan is the runner's answer already: the questions wait for `setup`.
    """
    state = load_app_state(args.plan, today)
    return StrongstrideApp(state, setup=setup or (state.first_run and not args.plan))


def run_app(args: argparse.Namespace, setup: bool = False) -> int:
    """Open the app; problems found while loading show inside it."""
    from strongstride.store import paths
    from strongstride.store.lock import SessionLock

    SessionLock(paths.data_dir()).sweep_stale_temp_files()   # what writes killed long ago left behind
    build_app(args, date.today(), setup).run()
    return 0
