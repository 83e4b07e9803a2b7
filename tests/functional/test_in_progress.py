"""The live session's file: saved whole after each event, read back exactly, a broken one left alone."""

from __future__ import annotations

import errno
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from strongstride.model.problems import ProblemsFound
from strongstride.store import atomic, paths
from strongstride.store.in_progress import InProgressStore, SavedSession, this_machine

STARTED = datetime(2026, 11, 22, 18, 5, 12, tzinfo=timezone(timedelta(hours=1)))
HEADER = {"uid": "2026-11-22T18-05-12_runner-foundation_A_k3f9x2", "plan_id": "runner-foundation",
          "session_id": "A", "started_at": STARTED, "volume_factor": 0.8}
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
    assert store.load() == SavedSession({**HEADER, "machine": this_machine()}, EVENTS)
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


@pytest.mark.parametrize(("text", "key"), [
    ("schema = 1\nevents = [\n", ""),
    ('schema = 1\nevents = []\n', "session"),
    ('schema = 2\n[session]\nuid = "x"\n', "schema"),
    ('schema = 1\nevents = ["a"]\n[session]\nuid = "x"\n', "events"),
])
def test_a_broken_file_is_reported_and_left_untouched(store: InProgressStore, text: str, key: str) -> None:
    store.path.write_text(text)
    with pytest.raises(ProblemsFound) as raised:
        store.load()
    assert [p.key_path for p in raised.value.problems] == [key]
    assert raised.value.problems[0].path == store.path
    assert store.path.read_text() == text


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
    assert store.load() == SavedSession({**HEADER, "machine": this_machine()}, events, setup)
