"""`strongstride import` saving sessions while it reads, in batches handed to processes of their own: each session
counted once its batch is saved, in file order; a refused save or a writer process that dies stops the import with
what was saved kept and nothing half-counted; the files byte for byte those a single save writes."""

from __future__ import annotations

import concurrent.futures
import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from strongstride.cli import main
from strongstride.commands import import_
from strongstride.commands.import_ import SavingStopped, SessionSaver
from strongstride.importers.reading import read_export_file
from strongstride.importers.summary import ImportTally, SessionCount
from strongstride.model.log import SessionLog
from strongstride.store import atomic
from strongstride.store.history import HistoryStore
from strongstride.store.history_codec import PlainSession, plain_file_key

WORKOUTS = 40
SMALL_BATCH = 4          # so that 40 workouts make ten batches, saved by the writer processes
FAILING_DAY = 10         # the day of the 19th and 20th workouts: the fifth batch of four
FAILING_BATCH = 4
HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
REAL_SAVE_MANY = HistoryStore.save_many


def strong_export(path: Path, workouts: int = WORKOUTS, tail: str = "") -> Path:
    rows = [f"2026-01-{1 + n // 2:02d} {8 + 10 * (n % 2):02d}:00:00,Day {n},45m,Squat (Barbell),1,{60 + n},5,0,0,,,\n"
            for n in range(workouts)]
    path.write_text(HEADER + "".join(rows) + tail, encoding="utf-8")
    return path


def history_files(folders: Path) -> list[Path]:
    return sorted((folders / "data" / "history").glob("*/*.toml"))


def import_file(path: Path, *more: str) -> int:
    return main(["import", str(path), "--from", "strong", "--unit", "kg", *more])


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SessionSaver, "BATCH", SMALL_BATCH)


def fail_the_batch_of_the_failing_day(monkeypatch: pytest.MonkeyPatch, failure: OSError | None) -> None:
    """The batch holding a session of FAILING_DAY raises `failure` (None: its writer process dies at once).

    Writer processes are forked, so they save with this replacement too."""
    def save_many(store: HistoryStore, sessions: list[PlainSession]) -> list[bool]:
        if any(plain_file_key(plain)[1].day == FAILING_DAY for plain in sessions):
            if failure is None:
                os._exit(3)
            raise failure
        return REAL_SAVE_MANY(store, sessions)

    monkeypatch.setattr(HistoryStore, "save_many", save_many)


@pytest.mark.parametrize("batch", [SMALL_BATCH, SessionSaver.BATCH], ids=["by-writer-processes", "in-this-process"])
def test_every_session_is_saved_and_counted(
    folders: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(SessionSaver, "BATCH", batch)
    assert import_file(strong_export(folders / "strong.csv")) == 0
    out = capsys.readouterr().out
    assert f"Sessions added: {WORKOUTS} (skipped: 0 already in history)" in out
    assert f"Rows read: {WORKOUTS} = {WORKOUTS} set" in out
    assert len(history_files(folders)) == WORKOUTS
    loaded = HistoryStore.default().load_all()
    assert loaded.problems == [] and [s.sets[0].load for s in loaded.sessions] == [60 + n for n in range(WORKOUTS)]


def test_imported_files_are_byte_for_byte_what_saving_one_session_writes(
    folders: Path, small_batches: None
) -> None:
    export = strong_export(folders / "strong.csv", tail='2026-02-01 08:00:00,"Note, ""quoted""",1h,Plank,1,0,0,0,45,'
                                                       '"line one\nline two","tab\there",\n')
    assert import_file(export) == 0
    sessions: list[SessionLog] = []
    read_export_file(export, "strong", import_.library_now(), "kg", sink=sessions.append)
    one_by_one = HistoryStore(folders / "one-by-one", folders / "cache")
    for session in sessions:
        assert HistoryStore.default().path_for(session).read_bytes() == one_by_one.save(session).read_bytes()
    assert len(history_files(folders)) == len(sessions) == WORKOUTS + 1


def test_sessions_are_counted_in_the_order_of_the_file(
    folders: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None
) -> None:
    counted: list[str] = []
    real_count = ImportTally.count

    def count(tally: ImportTally, session: SessionCount, added: bool) -> None:
        counted.append(session.id)
        real_count(tally, session, added)

    monkeypatch.setattr(ImportTally, "count", count)
    export = strong_export(folders / "strong.csv")
    in_the_file = read_export_file(export, "strong", import_.library_now(), "kg").sessions
    assert [session.session_name for session in in_the_file] == [f"Day {n}" for n in range(WORKOUTS)]
    assert import_file(export) == 0
    assert counted == [session.id for session in in_the_file]


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), None],
                         ids=["disk-full", "writer-process-dies"])
def test_a_refused_batch_stops_the_import_and_importing_again_adds_the_rest(
    folders: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, small_batches: None,
    failure: OSError | None,
) -> None:
    export = strong_export(folders / "strong.csv")
    fail_the_batch_of_the_failing_day(monkeypatch, failure)
    assert import_file(export) == 1
    err = capsys.readouterr().err
    said = "No space left on device" if failure else "a process saving sessions ended unexpectedly"
    assert f"strongstride: cannot save to the history folder: {said}" in err
    assert "sessions saved before it stay saved; importing again adds the rest" in err
    saved = len(history_files(folders))
    assert SMALL_BATCH <= saved < WORKOUTS     # a writer saves a batch before it takes another
    monkeypatch.setattr(HistoryStore, "save_many", REAL_SAVE_MANY)
    assert import_file(export) == 0
    assert f"Sessions added: {WORKOUTS - saved} (skipped: {saved} already in history)" in capsys.readouterr().out
    assert len(history_files(folders)) == WORKOUTS


def test_a_writer_process_that_dies_leaves_nothing_half_counted(
    folders: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None
) -> None:
    sessions: list[SessionLog] = []
    read_export_file(strong_export(folders / "strong.csv"), "strong", {}, "kg", sink=sessions.append)
    fail_the_batch_of_the_failing_day(monkeypatch, None)
    counted: list[str] = []
    monkeypatch.setattr(ImportTally, "count", lambda _tally, session, added: counted.append(session.id))
    store = HistoryStore.default()
    with pytest.raises(SavingStopped, match="a process saving sessions ended unexpectedly"), \
            SessionSaver(store, [], ImportTally(dry_run=False)) as saver:
        for session in sessions:
            saver(session)
    # Whole batches only, none the failing one's; a batch saved by the other writer before the failure counts.
    batches = [sessions[start:start + SMALL_BATCH] for start in range(0, WORKOUTS, SMALL_BATCH)]
    counted_batches = [batch for batch in batches if batch[0].id in counted]
    assert counted == [session.id for batch in counted_batches for session in batch]
    assert batches[FAILING_BATCH] not in counted_batches
    assert all(store.path_for(session).is_file() for batch in counted_batches for session in batch)


def test_a_folder_that_cannot_be_made_stops_the_import_naming_it(
    folders: Path, capsys: pytest.CaptureFixture[str], small_batches: None
) -> None:
    history = folders / "data" / "history"
    history.mkdir(parents=True)
    (history / "2026").write_text("not a folder\n", encoding="utf-8")
    assert import_file(strong_export(folders / "strong.csv")) == 1
    err = capsys.readouterr().err
    assert f"cannot save to the history folder: not a folder: {history / '2026'}" in err
    assert history_files(folders) == []


def test_a_session_whose_file_name_is_taken_counts_as_already_in_history(
    folders: Path, capsys: pytest.CaptureFixture[str], small_batches: None
) -> None:
    export = strong_export(folders / "strong.csv")
    assert import_file(export) == 0
    taken = history_files(folders)[6]
    for path in history_files(folders):
        if path == taken:
            path.write_text("broken = \n", encoding="utf-8")    # not read as a session, but its name is taken
        else:
            path.unlink()
    capsys.readouterr()
    assert import_file(export) == 0
    out = capsys.readouterr().out
    assert f"Sessions added: {WORKOUTS - 1} (skipped: 1 already in history)" in out
    assert f"Rows read: {WORKOUTS} = {WORKOUTS - 1} set + 1 duplicate" in out
    assert taken.read_text(encoding="utf-8") == "broken = \n"


def test_an_import_of_fewer_sessions_than_a_batch_starts_no_process(
    folders: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_processes(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a writer process was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_processes)
    assert import_file(strong_export(folders / "strong.csv")) == 0
    assert f"Sessions added: {WORKOUTS} (skipped: 0 already in history)" in capsys.readouterr().out


def test_a_file_that_breaks_after_sessions_were_saved_says_they_stay_saved(
    folders: Path, capsys: pytest.CaptureFixture[str], small_batches: None
) -> None:
    broken = strong_export(folders / "strong.csv", tail='2026-03-01 08:00:00,"' + "x" * 200_000 + "\n")
    assert import_file(broken) == 1
    err = capsys.readouterr().err
    assert "field larger than field limit" in err
    assert "sessions saved before it stay saved; importing again adds the rest" in err
    assert history_files(folders)


KILL_AT_LINK = 6     # a writer's sixth file to take its name: half way through its second batch of four
KILLED_IMPORT = """
import os, signal, sys
from strongstride.cli import main
from strongstride.commands.import_ import SessionSaver
from strongstride.store import atomic

SessionSaver.BATCH = {batch}
links, real_link = [0], atomic.os.link

def link(source, target):
    links[0] += 1                      # each writer counts its own: the first to reach it kills the whole import
    if links[0] == {kill_at}:
        os.killpg(os.getpgid(0), signal.SIGKILL)
    real_link(source, target)

atomic.os.link = link
sys.exit(main(["import", sys.argv[1], "--from", "strong", "--unit", "kg"]))
"""


def test_an_import_killed_mid_batch_leaves_whole_files_or_none_and_importing_again_adds_the_rest(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = strong_export(folders / "strong.csv")
    script = KILLED_IMPORT.format(batch=SMALL_BATCH, kill_at=KILL_AT_LINK)
    killed = subprocess.run([sys.executable, "-c", script, str(export)], env=os.environ, start_new_session=True,
                            capture_output=True, timeout=60, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    left = history_files(folders)
    assert 0 < len(left) < WORKOUTS
    loaded = HistoryStore.default().load_all()
    assert loaded.problems == [] and len(loaded.sessions) == len(left)     # every file under its name is whole
    temps = [path for path in (folders / "data" / "history").rglob("*") if path.name.endswith(".tmp")]
    assert all(atomic.TEMP_FILE.fullmatch(path.name) for path in temps)    # swept once a day old
    assert import_file(export) == 0
    assert f"Sessions added: {WORKOUTS - len(left)} (skipped: {len(left)} already in history)" in \
        capsys.readouterr().out
    assert len(history_files(folders)) == WORKOUTS
