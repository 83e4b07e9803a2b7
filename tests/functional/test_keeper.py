"""The keeper saves after every event, survives failed writes and files the session in history."""

from __future__ import annotations

import dataclasses
import errno
from pathlib import Path

import pytest

from strongstride.engine.events import HoldCompleted, RestEnded, SetLogged
from strongstride.engine.session import InvalidEvent, LiveSession
from strongstride.services.keeper import SessionKeeper, restore_events
from strongstride.model.problems import ProblemsFound
from strongstride.model import toml_file
from strongstride.store.history import HistoryStore
from strongstride.store.in_progress import InProgressStore

from ..unit.session_fixtures import Clock, block, setup_of


@pytest.fixture
def stores(tmp_path: Path) -> tuple[InProgressStore, HistoryStore]:
    return InProgressStore(tmp_path / "data" / "in-progress.toml"), HistoryStore(tmp_path / "data", tmp_path / "cache")


def _keeper(stores, *blocks) -> SessionKeeper:
    setup = setup_of(*(blocks or (block("push_up", sets=2), block("plank", sets=1, hold=30))))
    return SessionKeeper(LiveSession(setup), *stores)


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_every_event_is_on_disk_and_resumes_exactly(stores):
    in_progress, _ = stores
    keeper, clock = _keeper(stores), Clock()
    keeper.apply(SetLogged(clock(), reps=10, rpe=8, note="[red]felt fine[/red]"))
    keeper.apply(RestEnded(clock()))
    saved = in_progress.load()
    header, raw = saved.header, saved.events
    assert header.uid == keeper.session.setup.uid and len(raw) == 2
    resumed = LiveSession(keeper.session.setup, restore_events(raw, in_progress.path))
    assert resumed.state == keeper.state
    assert resumed.state.logged[0].note == "[red]felt fine[/red]"


def test_a_refused_event_writes_nothing(stores):
    in_progress, _ = stores
    keeper = _keeper(stores)
    with pytest.raises(InvalidEvent):
        keeper.apply(SetLogged(Clock()(), reps=500))
    assert in_progress.load() is None


def test_a_full_disk_keeps_the_old_file_and_every_set_in_memory(stores, monkeypatch):
    in_progress, _ = stores
    keeper, clock = _keeper(stores), Clock()
    keeper.apply(SetLogged(clock(), reps=10, rpe=8))
    before = in_progress.path.read_bytes()
    monkeypatch.setattr("strongstride.store.atomic.os.replace", _disk_full)
    keeper.apply(RestEnded(clock()))
    keeper.apply(SetLogged(clock(), reps=9, rpe=9))
    assert "No space left on device" in keeper.save_error
    assert in_progress.path.read_bytes() == before
    assert len(keeper.state.logged) == 2
    monkeypatch.undo()
    keeper.apply(RestEnded(clock()))
    assert keeper.save_error is None
    assert len(in_progress.load().events) == 4


def test_finishing_files_the_session_in_history_and_clears_in_progress(stores):
    in_progress, history = stores
    keeper, clock = _keeper(stores), Clock()
    keeper.apply(SetLogged(clock(), reps=10, rpe=8))
    keeper.apply(RestEnded(clock()))
    keeper.apply(SetLogged(clock(), reps=10, rpe=8.5))
    keeper.apply(RestEnded(clock()))
    keeper.apply(HoldCompleted(clock(), seconds=32, rpe=7))
    assert keeper.finish(clock(), note="good one")
    assert keeper.saved_to is not None and keeper.saved_to.is_file()
    assert in_progress.load() is None
    saved = history.load(keeper.saved_to)
    assert saved == keeper.session.to_log()
    assert [s.hold_seconds for s in saved.sets] == [None, None, 32]


def test_a_failed_history_write_keeps_the_session_resumable_and_retries(stores, monkeypatch):
    in_progress, history = stores
    keeper, clock = _keeper(stores), Clock()
    keeper.apply(SetLogged(clock(), reps=10, rpe=8))
    monkeypatch.setattr(HistoryStore, "save", _disk_full)
    assert not keeper.finish(clock())
    assert "No space left" in keeper.save_error
    assert in_progress.load() is not None, "the finished session stays in in-progress.toml"
    monkeypatch.undo()
    assert keeper.save()
    assert keeper.saved_to.is_file() and in_progress.load() is None


def test_a_session_already_filed_before_a_crash_is_not_filed_twice(stores):
    in_progress, history = stores
    keeper, clock = _keeper(stores), Clock()
    keeper.apply(SetLogged(clock(), reps=10, rpe=8))
    keeper.finish(clock())
    first = keeper.saved_to
    again = SessionKeeper(LiveSession(keeper.session.setup, keeper.session.events), in_progress, history)
    assert again.save()
    assert again.saved_to == first
    assert len(list(history.history_dir.rglob("*.toml"))) == 1


def test_abandoning_with_nothing_logged_leaves_no_history(stores):
    in_progress, history = stores
    keeper = _keeper(stores)
    keeper.apply(SetLogged(Clock()(), reps=10))
    keeper.undo_last_set()
    assert keeper.abandon(Clock()())
    assert in_progress.load() is None
    assert not list(history.history_dir.rglob("*.toml"))


def test_broken_events_are_reported_by_number(tmp_path):
    with pytest.raises(ProblemsFound) as found:
        restore_events([{"type": "SetLogged"}, {"type": "Teleported", "at": 1}], tmp_path / "in-progress.toml")
    messages = [str(p) for p in found.value.problems]
    assert "in-progress.toml: events[0]: SetLogged:" in messages[0] and "'at'" in messages[0]
    assert "events[1]: unknown event type 'Teleported'" in messages[1]


def _three_push_ups(stores) -> SessionKeeper:
    keeper, clock = _keeper(stores, block("push_up", sets=3)), Clock()
    for _ in range(2):
        keeper.apply(SetLogged(clock(), reps=10, rpe=8))
        keeper.apply(RestEnded(clock()))
    return keeper


def test_a_session_filed_before_a_crash_is_replaced_by_its_longer_resumed_self(stores):
    in_progress, history = stores
    keeper = _three_push_ups(stores)
    history.save(keeper.session.to_log(keeper.session.setup.started_at))   # filed, then the power went
    keeper.apply(SetLogged(Clock()(), reps=9, rpe=9))
    assert keeper.finish(Clock()())
    filed = history.load_all().sessions
    assert len(filed) == 1 and [s.reps for s in filed[0].sets] == [10, 10, 9]
    assert "now with all 3" in keeper.filing_note
    assert in_progress.load() is None


def test_a_filed_copy_with_other_sets_is_kept_and_the_session_filed_beside_it(stores):
    _, history = stores
    keeper = _three_push_ups(stores)
    other = keeper.session.to_log(keeper.session.setup.started_at)
    history.save(dataclasses.replace(other, sets=(dataclasses.replace(other.sets[0], reps=3),)))
    assert keeper.finish(Clock()())
    assert sorted(len(s.sets) for s in history.load_all().sessions) == [1, 2]
    assert "both are kept" in keeper.filing_note


def test_a_session_that_arrives_from_another_machine_is_never_overwritten(stores):
    in_progress, _ = stores
    keeper, clock = _keeper(stores), Clock()
    keeper.apply(SetLogged(clock(), reps=10, rpe=8))
    theirs = in_progress.path.read_text().replace(keeper.session.setup.uid, "their-session")
    in_progress.path.with_name("sync.tmp").write_text(theirs)
    in_progress.path.with_name("sync.tmp").replace(in_progress.path)   # as a sync tool delivers a file
    keeper.apply(RestEnded(clock()))
    assert in_progress.path.read_text() == theirs
    assert "changed by another program or machine" in keeper.save_error
    assert keeper.unsaved_sets == 0 and len(keeper.state.logged) == 1
    keeper.apply(SetLogged(clock(), reps=10, rpe=8))
    assert keeper.unsaved_sets == 1 and in_progress.path.read_text() == theirs


def test_a_new_session_never_writes_over_an_unfinished_one_that_appeared(stores):
    in_progress, _ = stores
    keeper = _keeper(stores)
    in_progress.path.parent.mkdir(parents=True, exist_ok=True)
    in_progress.path.write_text("schema = 1\n[session]\nuid = 'theirs'\n")
    keeper.apply(SetLogged(Clock()(), reps=10, rpe=8))
    assert "uid = 'theirs'" in in_progress.path.read_text()
    assert keeper.save_error is not None


def test_filing_leaves_another_machines_session_in_place(stores):
    in_progress, history = stores
    keeper, clock = _keeper(stores, block("push_up", sets=1)), Clock()
    keeper.apply(SetLogged(clock(), reps=10, rpe=8))
    in_progress.path.write_text("schema = 1\n[session]\nuid = 'theirs'\n")
    assert keeper.finish(clock())
    assert len(history.load_all().sessions) == 1
    assert "theirs" in in_progress.path.read_text()


def test_the_keeper_never_writes_a_file_larger_than_the_reader_accepts(stores, monkeypatch):
    monkeypatch.setattr(toml_file, "MAX_FILE_BYTES", 40_000)   # one limit for both: 1 MiB would take a while to fill
    in_progress, _ = stores
    keeper, clock = _keeper(stores, block("push_up", sets=(1, 100))), Clock()
    note = "n" * 1000
    with pytest.raises(InvalidEvent, match="1 MiB"):
        for _ in range(100):
            keeper.apply(SetLogged(clock(), reps=10, rpe=8, note=note))
            keeper.apply(RestEnded(clock()))
    assert in_progress.path.stat().st_size <= toml_file.MAX_FILE_BYTES
    resumed = LiveSession(keeper.session.setup, restore_events(in_progress.load().events, in_progress.path))
    assert len(resumed.state.logged) == len(keeper.state.logged) > 30
