"""The live session's file: saved whole after each event, read back exactly, a broken one left alone."""

from __future__ import annotations

import errno
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from strongstride.model.problems import ProblemsFound
from strongstride.model.session_header import SessionHeader
from strongstride.store import atomic, paths
from strongstride.store.in_progress import InProgressStore, SavedSession, this_machine

STARTED = datetime(2026, 11, 22, 18, 5, 12, tzinfo=timezone(timedelta(hours=1)))
HEADER = SessionHeader("2026-11-22T18-05-12_runner-foundation_A_k3f9x2", "runner-foundation", "A", STARTED, 0.8)
EVENTS = [
    {"type": "WarmupDone", "at": STARTED + timedelta(minutes=8)},
    {"type": "SetLogged", "at": STARTED + timedelta(minutes=10), "reps": 8, "load": 42.5, "rpe": 7.5,
     "note": 'knee [red]fine[/red] "ok"\nnext line'},
    {"type": "VariationSwapped", "at": STARTED + timedelta(minutes=12), "easier": True},
]


@pytest.fixture
def store(folders: Path) -> InProgressStore:
    return InProgressStore(paths.in_progress_file())


def test_nothing_saved_loads_as_none(store: InProgressStore) -> None:
    assert store.load() is None


def test_header_and_events_come_back_exactly(store: InProgressStore) -> None:
    store.save(HEADER, EVENTS)
    assert store.load() == SavedSession(replace(HEADER, machine=this_machine()), EVENTS)
    assert store.path.read_text(encoding="utf-8").startswith("schema = 1\n")


def test_each_save_replaces_the_whole_file(store: InProgressStore) -> None:
    store.save(HEADER, EVENTS)
    store.save(HEADER, EVENTS[:1])
    assert store.load().events == EVENTS[:1]
    store.save(HEADER, [])
    assert store.load().events == []


def test_a_failed_save_keeps_the_previous_file_and_raises(store: InProgressStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(HEADER, EVENTS[:1])
    before = store.path.read_bytes()

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    with pytest.raises(OSError):
        store.save(HEADER, EVENTS)
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["in-progress.toml"]


GOOD_SESSION = '[session]\nuid = "x"\nplan_id = "p"\nsession_id = "A"\nstarted_at = 2026-11-22T18:05:12+01:00\n'


@pytest.mark.parametrize(("text", "keys"), [
    ("schema = 1\nevents = [\n", [""]),
    ('schema = 1\nevents = []\n', ["session"]),
    ('schema = 2\n' + GOOD_SESSION, ["schema"]),
    ('schema = 1\nevents = ["a"]\n' + GOOD_SESSION, ["events"]),
    ('schema = 1\n[session]\nuid = "x"\nsession_id = 3\n', ["session.plan_id", "session.session_id", "session.started_at"]),
    ('schema = 1\n' + GOOD_SESSION + 'volume_factor = "all"\nmachine = 7\n', ["session.volume_factor", "session.machine"]),
])
def test_a_broken_file_is_reported_and_left_untouched(store: InProgressStore, text: str, keys: list[str]) -> None:
    store.path.write_text(text)
    with pytest.raises(ProblemsFound) as raised:
        store.load()
    assert [p.key_path for p in raised.value.problems] == keys
    assert raised.value.problems[0].path == store.path
    assert store.path.read_text() == text


def test_the_header_is_read_as_a_typed_record(store: InProgressStore) -> None:
    store.path.write_text("schema = 1\n" + GOOD_SESSION)
    saved = store.load()
    assert saved is not None and saved.header == SessionHeader("x", "p", "A", datetime.fromisoformat("2026-11-22T18:05:12+01:00"))
    assert saved.machine is None and not saved.from_another_machine


def test_clear_removes_the_file_and_is_safe_to_repeat(store: InProgressStore) -> None:
    store.save(HEADER, EVENTS)
    store.clear()
    assert store.load() is None
    store.clear()


@pytest.mark.parametrize("events", [EVENTS, []])
def test_header_setup_and_events_come_back_exactly(store: InProgressStore, events: list) -> None:
    setup = {"plan": 'schema = 1\nname = "x"\n', "config": {"units": "kg", "equipment": {"plates": [20.0]}},
             "exercises": {"plank": {"name": "Plank", "cues": ["a"]}}, "history": [{"id": "s", "sets": [{"reps": 5}]}]}
    store.save(HEADER, events, setup)
    store.save(HEADER, events, setup)      # the setup's text is kept from the first save
    assert store.load() == SavedSession(replace(HEADER, machine=this_machine()), events, setup)
