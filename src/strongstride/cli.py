"""The front door: `strongstride` opens the app; subcommands print and exit without Textual."""

from __future__ import annotations

import argparse
import errno
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, TextIO

RESCAN_HELP = "check every history file for edits made in place, however old (recent years always are)"


def _check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("files", nargs="+", metavar="FILE")


def _exercises_options(exercises: argparse.ArgumentParser) -> None:
    exercises.add_argument("exercise_id", nargs="?", metavar="ID")
    exercises.add_argument("--json", action="store_true", help="JSON for scripts: an array of every exercise, or the one asked for")


def _history_options(history: argparse.ArgumentParser) -> None:
    history.add_argument("--exercise", metavar="ID", help="each session's sets of one exercise, with the e1RM trend")
    history.add_argument("--since", metavar="DATE", help="only sessions on or after YYYY-MM-DD")
    history.add_argument("--limit", type=int, metavar="N", help="at most N sessions")
    history.add_argument("--json", action="store_true", help="a JSON array, one object per session")
    history.add_argument("--rescan", action="store_true", help=RESCAN_HELP)


def _stats_options(stats: argparse.ArgumentParser) -> None:
    stats.add_argument("--weeks", type=int, default=8, metavar="N", help="weeks of adherence to show")
    stats.add_argument("--rescan", action="store_true", help=RESCAN_HELP)
    stats.add_argument("--plot", action="store_true",
                       help="also draw sessions per week, work per month and each exercise's progress as charts")


def _export_options(export: argparse.ArgumentParser) -> None:
    export.add_argument("--format", choices=("csv", "json", "strong", "fit"), required=True)
    export.add_argument("--out", metavar="PATH", help="write here instead of standard output (fit: a folder, one file a session)")
    export.add_argument("--since", metavar="DATE", help="only sessions on or after YYYY-MM-DD")
    export.add_argument("--session", metavar="ID", help="only the session with this id (its history file's name)")


def _import_options(import_: argparse.ArgumentParser) -> None:
    import_.add_argument("file", metavar="FILE")
    import_.add_argument(
        "--from", dest="source", default="auto",
        choices=("auto", "strong", "hevy", "fitnotes", "csv", "stronglifts", "alpha", "jefit"),
        help="the app the file is from (default: auto, found from the file and named in the report)",
    )
    import_.add_argument("--unit", choices=("kg", "lb"), help="unit of files that carry none (default: config)")
    import_.add_argument("--dry-run", action="store_true", help="show what would be added, write nothing")


def _week_options(week: argparse.ArgumentParser) -> None:
    week.add_argument("--why", action="store_true", help="also show how each calendar event was classified")


def _next_options(next_: argparse.ArgumentParser) -> None:
    next_.add_argument("--plan", default=argparse.SUPPRESS, help="plan id or TOML file (default: config, then runner-foundation)")
    next_.add_argument("--session", metavar="ID", help="this session of the plan instead of today's")
    next_.add_argument("--json", action="store_true", help="one JSON object")


def _no_options(_: argparse.ArgumentParser) -> None:
    pass


class Command(NamedTuple):
    """A subcommand: its module (with `run(args) -> int`, imported only when asked for), help line and options."""

    module: str
    summary: str
    add_options: Callable[[argparse.ArgumentParser], None] = _no_options
    opens_app: bool = False   # the app needs the terminal as it is: its output is not guarded as a command's


# In the order --help lists them.
COMMANDS: dict[str, Command] = {
    "check": Command("strongstride.commands.check", "validate plan files and config.toml", _check_options),
    "plans": Command("strongstride.commands.plans", "list bundled and user plans with their sessions"),
    "exercises": Command("strongstride.commands.exercises", "list the exercise library, or show one exercise",
                         _exercises_options),
    "history": Command("strongstride.commands.history", "recent sessions", _history_options),
    "stats": Command("strongstride.commands.stats", "adherence, personal records and volume", _stats_options),
    "export": Command("strongstride.commands.export",
                      "write the history as CSV, JSON, Strong's CSV or FIT activities", _export_options),
    "import": Command("strongstride.commands.import_", "import another app's export", _import_options),
    "today": Command("strongstride.commands.today", "today's suggested session and the reasons behind it"),
    "week": Command("strongstride.commands.week", "the next seven days: runs and suggested strength sessions",
                    _week_options),
    "next": Command("strongstride.commands.next",
                    "the next session's warm-ups and first work sets, and what to bring", _next_options),
    "setup": Command("strongstride.commands.setup",
                     "open the app on the first-run questions: experience, kit, running week", opens_app=True),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; given the command asked for, only its parser is built (each one costs start-up time)."""
    parser = argparse.ArgumentParser(
        prog="strongstride",
        description="A strength coach for runners. With no command, opens the app.",
    )
    parser.add_argument("--plan", help="plan id or TOML file to train from (default: config, then runner-foundation)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        if only is None or name == only:
            command.add_options(commands.add_parser(name, help=command.summary))
    return parser


def command_asked_for(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line (after any --plan ID), if it is one we have; else None."""
    words = iter(argv)
    for word in words:
        if word == "--plan":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


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
    words = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(command_asked_for(words)).parse_args(words)
    if args.command is None or COMMANDS[args.command].opens_app:
        gc.disable()    # nothing the start makes is garbage worth looking for: the app collects again once painted
    if args.command is None:
        from strongstride.tui.run import run_app

        return run_app(args)
    if COMMANDS[args.command].opens_app:
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
    module = importlib.import_module(COMMANDS[args.command].module)
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
