"""Starting the app: load everything once, then hand the terminal to Textual."""

from __future__ import annotations

import argparse
from datetime import date

from strongstride.tui.app import StrongstrideApp
from strongstride.tui.startup import load_app_state


def run_app(args: argparse.Namespace) -> int:
    """Open the app on today's suggested session; problems found while loading show inside it."""
    from strongstride.store import paths
    from strongstride.store.lock import SessionLock

    SessionLock(paths.data_dir()).sweep_stale_temp_files()   # what writes killed long ago left behind
    StrongstrideApp(load_app_state(args.plan, date.today())).run()
    return 0
