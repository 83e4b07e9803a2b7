"""The front door: `strongstride` opens the app; subcommands print and exit without Textual."""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

# Each subcommand lives in its own module with `run(args) -> int`, imported only when it is asked for.
COMMAND_MODULES = {
    "check": "strongstride.commands.check",
    "plans": "strongstride.commands.plans",
    "exercises": "strongstride.commands.exercises",
    "history": "strongstride.commands.history",
    "stats": "strongstride.commands.stats",
    "export": "strongstride.commands.export",
    "import": "strongstride.commands.import_",
    "today": "strongstride.commands.today",
    "week": "strongstride.commands.week",
    "next": "strongstride.commands.next",
    "setup": "strongstride.commands.setup",
}
APP_COMMANDS = ("setup",)   # these open the app, which needs the terminal as it is
RESCAN_HELP = "check every history file for edits made in place, however old (recent years always are)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="strongstride",
        description="A strength coach for runners. With no command, opens the app.",
    )
    parser.add_argument("--plan", help="plan id or TOML file to train from (default: config, then runner-foundation)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="validate plan files")
    check.add_argument("files", nargs="+", metavar="FILE")

    commands.add_parser("plans", help="list bundled and user plans with their sessions")

    exercises = commands.add_parser("exercises", help="list the exercise library, or show one exercise")
    exercises.add_argument("exercise_id", nargs="?", metavar="ID")

    history = commands.add_parser("history", help="recent sessions")
    history.add_argument("--exercise", metavar="ID", help="each session's sets of one exercise, with the e1RM trend")
    history.add_argument("--since", metavar="DATE", help="only sessions on or after YYYY-MM-DD")
    history.add_argument("--limit", type=int, metavar="N", help="at most N sessions")
    history.add_argument("--json", action="store_true", help="a JSON array, one object per session")
    history.add_argument("--rescan", action="store_true", help=RESCAN_HELP)

    stats = commands.add_parser("stats", help="adherence, personal records and volume")
    stats.add_argument("--weeks", type=int, default=8, metavar="N", help="weeks of adherence to show")
    stats.add_argument("--rescan", action="store_true", help=RESCAN_HELP)
    stats.add_argument("--plot", action="store_true",
                       help="also draw sessions per week, work per month and each exercise's progress as charts")

    export = commands.add_parser("export", help="write the history as CSV, JSON, Strong's CSV or FIT activities")
    export.add_argument("--format", choices=("csv", "json", "strong", "fit"), required=True)
    export.add_argument("--out", metavar="PATH", help="write here instead of standard output (fit: a folder, one file a session)")
    export.add_argument("--since", metavar="DATE", help="only sessions on or after YYYY-MM-DD")
    export.add_argument("--session", metavar="ID", help="only the session with this id (its history file's name)")

    import_ = commands.add_parser("import", help="import another app's export")
    import_.add_argument("file", metavar="FILE")
    import_.add_argument(
        "--from", dest="source", default="auto",
        choices=("auto", "strong", "hevy", "fitnotes", "csv", "stronglifts", "alpha", "jefit"),
        help="the app the file is from (default: auto, found from the file and named in the report)",
    )
    import_.add_argument("--unit", choices=("kg", "lb"), help="unit of files that carry none (default: config)")
    import_.add_argument("--dry-run", action="store_true", help="show what would be added, write nothing")

    commands.add_parser("today", help="today's suggested session and the reasons behind it")
    week = commands.add_parser("week", help="the next seven days: runs and suggested strength sessions")
    week.add_argument("--why", action="store_true", help="also show how each calendar event was classified")

    next_ = commands.add_parser("next", help="the next session's warm-ups and first work sets, and what to bring")
    next_.add_argument("--plan", default=argparse.SUPPRESS, help="plan id or TOML file (default: config, then runner-foundation)")
    next_.add_argument("--session", metavar="ID", help="this session of the plan instead of today's")
    next_.add_argument("--json", action="store_true", help="one JSON object")

    commands.add_parser("setup", help="open the app on the first-run questions: experience, kit, running week")
    return parser


class OutputFailed(Exception):
    """Standard output refused what a command printed: a full disk, a pipe closed by its reader."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error


class GuardedOutput:
    """Standard output whose failed writes raise OutputFailed, told apart from a command's own file errors."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except OSError as error:
            raise OutputFailed(error) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            raise OutputFailed(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from strongstride.tui.run import run_app

        return run_app(args)
    if args.command in APP_COMMANDS:
        return _run_command(args)
    if sys.stdout is None:
        return _fail("standard output is closed")
    real_stdout = sys.stdout
    if hasattr(real_stdout, "reconfigure"):
        real_stdout.reconfigure(errors="replace")   # a character the output cannot encode shows as ?
    sys.stdout = GuardedOutput(real_stdout)
    try:
        return _run_command(args)
    except OutputFailed as failed:
        _discard_output(real_stdout)
        if failed.error.errno == errno.EPIPE:
            return 1   # the reader has all it wanted (`| head -1`): nothing to say
        return _fail(f"cannot write to standard output: {failed}")
    finally:
        sys.stdout = real_stdout


def _run_command(args: argparse.Namespace) -> int:
    """The subcommand's status, once everything it printed has reached standard output."""
    module = importlib.import_module(COMMAND_MODULES[args.command])
    try:
        status: int = module.run(args)
    except KeyboardInterrupt:
        return 130
    sys.stdout.flush()
    return status


def _fail(message: str) -> int:
    """One line on stderr (if there is one) and status 1."""
    if sys.stderr is not None:
        print(f"strongstride: {message}", file=sys.stderr)
    return 1


def _discard_output(stream: TextIO) -> None:
    """Send what is still buffered for a failed standard output nowhere, so Python's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):   # not a real file (a test's capture): its buffer is harmless
        pass


if __name__ == "__main__":
    raise SystemExit(main())
