"""Hostile text from files: markup and escapes shown, never obeyed; ids never leave the data dir; huge files refused."""

from __future__ import annotations

import io
import os
import socket
import sys
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from strongstride.cli import main
from strongstride.engine.session import LiveSession
from strongstride.importers.reading import read_export
from strongstride.services.keeper import SessionKeeper, build_setup, restore_events
from strongstride.services.library import load_exercise_library
from strongstride.model.config import Config
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.plan_parser import load_plan_file
from strongstride.model.problems import ProblemsFound
from strongstride.model.toml_file import MAX_FILE_BYTES
from strongstride.store import paths
from strongstride.store.config import load_config
from strongstride.store.history import HistoryStore, new_session_id
from strongstride.store.in_progress import InProgressStore
from strongstride.store.lock import LOCK_FILE_NAME, SessionLock
from strongstride.tui.themes import load_themes
from tests.toml_text import toml_string

MARKUP = "[red]x[/red]"
LINK = "[link=file:///etc/passwd]x[/link]"
COLOUR = "\x1b[31mred\x1b[0m"
TITLE = "\x1b]0;title\x07"
HOSTILE = f"{MARKUP} {LINK} {COLOUR} {TITLE}"
# What the escapes look like once made visible, and the raw bytes that must never reach a terminal.
SHOWN = ("\\x1b[31mred\\x1b[0m", "\\x1b]0;title\\x07")
OBEYED = ("\x1b[31mred", "\x1b]0;", "\x07")
START = datetime(2026, 11, 23, 18, 5, 12)


@pytest.fixture
def folders(folders: Path) -> Path:
    """The user folders with a plans folder; output goes to a pipe unless a test asks for a terminal."""
    (folders / "config" / "plans").mkdir()
    return folders


@pytest.fixture(params=["pipe", "terminal"])
def output(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each command is run into a pipe, and into what it takes for a colour terminal."""
    if request.param == "terminal":
        monkeypatch.setenv("FORCE_COLOR", "1")
    return request.param


def assert_shown_literally(out: str) -> None:
    """Markup as typed, escapes made visible, no raw escape left for a terminal to obey."""
    assert MARKUP in out and LINK in out
    for shown in SHOWN:
        assert shown in out
    for raw in OBEYED:
        assert raw not in out


def hostile_plan(folders: Path) -> Path:
    """A user plan whose name, description, source, session name and note are all hostile."""
    path = folders / "config" / "plans" / "hostile.toml"
    path.write_text(f"""\
schema = 1
name = {toml_string(HOSTILE)}
description = {toml_string(HOSTILE)}
level = "beginner"
sessions_per_week = 2
units = "kg"
source = {toml_string(HOSTILE)}

[sessions.A]
name = {toml_string(HOSTILE)}

[[sessions.A.blocks]]
exercise = "goblet_squat"
sets = 2
reps = "8-10"
load = 12
note = {toml_string(HOSTILE)}
""", encoding="utf-8")
    return path


def hostile_session() -> SessionLog:
    """A finished session whose names, exercise names and notes are hostile."""
    return SessionLog(
        id="2026-11-23T18-05-12_hostile_A_abc123", plan_id="hostile", session_id="A", started_at=START,
        finished_at=START + timedelta(minutes=30), plan_name=HOSTILE, session_name=HOSTILE, note=HOSTILE,
        sets=(SetLog("goblet_squat", 1, START, exercise_name=HOSTILE, reps=8, load=12.0, rpe=8.0, note=HOSTILE),),
    )


# -- shown literally ------------------------------------------------------------------------------

def test_plans_shows_hostile_plan_text_literally(folders, output, capsys):
    hostile_plan(folders)
    assert main(["plans"]) == 0
    assert_shown_literally(capsys.readouterr().out)


def test_check_shows_a_hostile_plan_name_literally(folders, output, capsys):
    assert main(["check", str(hostile_plan(folders))]) == 0
    assert_shown_literally(capsys.readouterr().out)


def test_check_shows_hostile_keys_and_values_of_a_broken_plan_literally(folders, capsys):
    path = folders / "broken.toml"
    path.write_text(f"schema = 1\n{toml_string(HOSTILE)} = {toml_string(HOSTILE)}\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "broken.toml:2:" in out
    assert_shown_literally(out)


def test_today_shows_hostile_plan_and_session_names_literally(folders, output, capsys):
    hostile_plan(folders)
    assert main(["--plan", "hostile", "today"]) == 0
    assert_shown_literally(capsys.readouterr().out)


def test_week_shows_a_hostile_plan_name_literally(folders, output, capsys):
    hostile_plan(folders)
    assert main(["--plan", "hostile", "week"]) == 0
    assert_shown_literally(capsys.readouterr().out)


def test_import_shows_hostile_csv_cells_literally(folders, output, capsys):
    csv = folders / "hostile.csv"
    cell = '"' + HOSTILE.replace('"', '""') + '"'
    csv.write_text(
        f"Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Notes,{cell}\n"
        f"2026-03-02 18:05:12,{cell},{cell},1,40,5,{cell},\n"
        f"2026-03-02 18:05:12,{cell},Squat,{cell},40,5,,\n",
        encoding="utf-8",
    )
    assert main(["import", str(csv), "--from", "strong", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Rows not imported (1):" in out and "Unknown columns ignored:" in out
    assert_shown_literally(out)


class TerminalOut(io.StringIO):
    """Standard output as a terminal: what a command prints there is collected."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("export_format", ["csv", "json", "strong"])
def test_export_to_a_terminal_shows_escapes_and_to_a_file_or_pipe_keeps_them(folders, capsys, monkeypatch, export_format):
    """`export` to a terminal sent raw ESC and C1 bytes; a file or a pipe must keep the text as it is."""
    hostile = f"{HOSTILE} \x9b2J \x85"
    session = hostile_session()
    HistoryStore.default().save(replace(session, session_name=hostile, note=hostile,
                                        sets=tuple(replace(s, exercise_name=hostile, note=hostile) for s in session.sets)))
    terminal, piped_out = TerminalOut(), sys.stdout
    monkeypatch.setattr("sys.stdout", terminal)
    assert main(["export", "--format", export_format]) == 0
    shown = terminal.getvalue()
    assert "\\x9b2J" in shown and "\\x85" in shown and MARKUP in shown
    assert not [c for c in shown if c != "\n" and unicodedata.category(c) == "Cc"]
    monkeypatch.setattr("sys.stdout", piped_out)

    exported = folders / f"history.{export_format}"
    assert main(["export", "--format", export_format, "--out", str(exported)]) == 0
    assert main(["export", "--format", export_format]) == 0
    piped = capsys.readouterr().out
    assert piped == exported.read_text(encoding="utf-8") and "\x9b2J" in piped


def test_a_hostile_plan_file_name_is_shown_literally(folders, capsys):
    (folders / "config" / "plans" / f"{COLOUR}.toml").write_text("schema = 1\n", encoding="utf-8")
    assert main(["plans"]) == 0
    out = capsys.readouterr().out
    assert SHOWN[0] in out and OBEYED[0] not in out


# -- ids that become file names -----------------------------------------------------------------------

ESCAPING_IDS = ["../../../etc/passwd", "/etc/passwd", "..", "a\x00b", "C:\\Windows\\x", "x" * 10_000, "", "-", "\u202e.."]


@pytest.mark.parametrize("hostile_id", ESCAPING_IDS)
def test_a_session_id_from_hostile_plan_and_session_ids_stays_a_plain_file_name(hostile_id):
    session_id = new_session_id(START, hostile_id, hostile_id)
    assert "/" not in session_id and "\\" not in session_id and "\x00" not in session_id
    assert ".." not in session_id and len(session_id.encode()) < 255


@pytest.mark.parametrize("hostile_id", [hostile_id for hostile_id in ESCAPING_IDS if hostile_id])
def test_a_hostile_session_log_id_is_filed_inside_the_history_folder(folders, hostile_id):
    store = HistoryStore.default()
    log = SessionLog(id=hostile_id, plan_id="p", session_id="A", started_at=START,
                     sets=(SetLog("push_up", 1, START, reps=5),))
    path = store.save(log)
    history = (folders / "data" / "history").resolve()
    assert path.resolve().parent == history / "2026" and len(path.name.encode()) < 255
    assert store.load(path) == log


@pytest.mark.parametrize("hostile_uid", ["../../../outside", "/tmp/outside", "a\x00b", "y" * 5_000])
def test_a_hostile_uid_in_the_in_progress_file_is_filed_inside_the_history_folder(folders, hostile_uid):
    library, _ = load_exercise_library()
    plan = load_plan_file(hostile_plan(folders), library)
    store = HistoryStore.default()
    in_progress = InProgressStore(paths.in_progress_file())
    setup = build_setup(plan, "A", library, store, Config(), START, uid=hostile_uid)
    in_progress.save(setup.header(), [{"type": "SetLogged", "at": START, "reps": 8, "load": 12.0, "rpe": 8.0}])

    saved = in_progress.load()
    header, raw_events = saved.header, saved.events
    resumed = build_setup(plan, header.session_id, library, store, Config(), header.started_at, uid=header.uid)
    keeper = SessionKeeper(LiveSession(resumed, restore_events(raw_events, in_progress.path)), in_progress, store)
    assert keeper.finish(START + timedelta(minutes=20))

    history = (folders / "data" / "history").resolve()
    assert keeper.saved_to is not None and keeper.saved_to.resolve().parent == history / "2026"
    assert [path.parent for path in (folders / "data").rglob("*.toml")] == [keeper.saved_to.parent]
    assert not list(folders.parent.glob("outside*"))
    assert store.load(keeper.saved_to).sets[0].reps == 8


def test_imported_session_ids_are_plain_file_names(folders):
    csv = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n2026-03-02 18:05:12,../../x,../../y,1,40,5\n"
    result = read_export(io.StringIO(csv, newline=""), "strong", load_exercise_library()[0], "kg")
    [session] = result.sessions
    path = HistoryStore.default().save(session)
    assert path.resolve().parent == (folders / "data" / "history" / "2026").resolve()
    assert "/" not in session.id and ".." not in session.id


# -- oversized files ----------------------------------------------------------------------------------

def oversized(path: Path, first_line: str = "schema = 1\n") -> Path:
    """A syntactically fine TOML file just over 1 MiB: a first line, then a long comment."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(first_line + "#" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    return path


def assert_refused_as_too_large(problems, path: Path) -> None:
    assert [str(problem) for problem in problems] == [f"{path}: (file): file is {path.stat().st_size:,} bytes; the limit is 1 MiB"]


def test_an_oversized_plan_is_refused_by_check(folders, capsys):
    path = oversized(folders / "big.toml")
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out == f"{path}: (file): file is {path.stat().st_size:,} bytes; the limit is 1 MiB\n"


def test_an_oversized_config_gives_the_defaults_and_says_why(folders):
    path = oversized(paths.config_file(), 'units = "lb"\n')
    config, problems = load_config(path)
    assert config == Config()
    assert_refused_as_too_large(problems, path)


def test_an_oversized_history_file_is_listed_and_left_alone(folders):
    store = HistoryStore.default()
    store.save(hostile_session())
    path = oversized(folders / "data" / "history" / "2026" / "2026-11-24T07-00-00_big.toml")
    loaded = store.load_all()
    assert loaded.sessions == [hostile_session()]
    assert_refused_as_too_large(loaded.problems, path)
    assert path.stat().st_size > MAX_FILE_BYTES


def test_an_oversized_in_progress_file_is_refused(folders):
    path = oversized(paths.in_progress_file())
    with pytest.raises(ProblemsFound) as raised:
        InProgressStore(path).load()
    assert_refused_as_too_large(raised.value.problems, path)


def test_an_oversized_user_exercises_file_leaves_the_bundled_library(folders):
    path = oversized(paths.user_exercises_file())
    library, problems = load_exercise_library()
    assert "goblet_squat" in library
    assert_refused_as_too_large(problems, path)


def test_an_oversized_user_theme_is_refused(folders):
    path = oversized(paths.user_themes_dir() / "big.toml")
    themes, problems = load_themes([paths.user_themes_dir()])
    assert themes == []
    assert_refused_as_too_large(problems, path)


class MeteredText(io.TextIOBase):
    """A text stream over a file that notes the largest piece any one read asked for."""

    def __init__(self, path: Path) -> None:
        self.stream = path.open(encoding="utf-8", newline="")
        self.largest = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        text = self.stream.read(size)
        self.largest = max(self.largest, len(text))
        return text

    def readline(self, size: int | None = -1) -> str:
        line = self.stream.readline(size)
        self.largest = max(self.largest, len(line))
        return line

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line


def big_strong_export(path: Path, megabytes: int = 5) -> int:
    """A Strong export of about `megabytes` MB: many days of squats; returns how many sets it holds."""
    row = "{day} 18:05:12,Leg Day,1h,Squat (Barbell),{n},100,5,0,0,steady and deep,\n"
    lines = ["Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes\n"]
    size, sets, day = len(lines[0]), 0, datetime(2000, 1, 1)
    while size < megabytes * 1_000_000:
        for n in range(1, 21):
            line = row.format(day=f"{day:%Y-%m-%d}", n=n)
            lines.append(line)
            size += len(line)
            sets += 1
        day += timedelta(days=1)
    path.write_text("".join(lines), encoding="utf-8")
    return sets


def test_a_5_mb_export_is_read_line_by_line_not_whole(folders):
    path = folders / "big.csv"
    sets = big_strong_export(path)
    stream = MeteredText(path)
    result = read_export(stream, "strong", load_exercise_library()[0], "kg")
    assert sum(len(session.sets) for session in result.sessions) == sets
    assert result.bad_rows == []
    assert os.path.getsize(path) > 5_000_000 and stream.largest < 1_000


# -- a hostile lock file --------------------------------------------------------------------------------

@pytest.mark.parametrize("owner", ["pid = 99999999999999999999", "pid = " + "[" * 5_000, "pid = 0", "pid = -1"])
def test_a_lock_file_naming_no_real_process_is_taken_over_once_stale(tmp_path, owner):
    """A huge pid raised OverflowError, deep nesting RecursionError; pids 0 and -1 (a process group) stayed held."""
    (tmp_path / LOCK_FILE_NAME).write_text(f'{owner}\nhost = "{socket.gethostname()}"\n', encoding="utf-8")
    later = datetime.now() + timedelta(minutes=5)
    with SessionLock(tmp_path, now=lambda: later) as lock:
        assert lock.held
