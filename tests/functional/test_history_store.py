"""History on disk: one file a session, never overwritten, broken files reported and left alone."""

from __future__ import annotations

import errno
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from strongstride.model.problems import ProblemsFound
from strongstride.store import atomic
from strongstride.store.history import HistoryStore, new_session_id
from tests.unit.history_builders import START, make_session, make_set


@pytest.fixture
def store(folders: Path) -> HistoryStore:
    return HistoryStore.default()


def session_on(day: int, *exercise_ids: str, hour: int = 18):
    """A session on the given day of November 2026 with one work set of each exercise."""
    started = datetime(2026, 11, day, hour)
    sets = [make_set(e, minutes=n, load=40.0 + day) for n, e in enumerate(exercise_ids or ("back_squat",))]
    return make_session(*sets, started_at=started, id=new_session_id(started, "runner-foundation", "A"))


def test_session_ids_carry_the_time_plan_session_and_a_random_suffix() -> None:
    session_id = new_session_id(datetime(2026, 11, 22, 18, 5, 12), "runner-foundation", "A")
    assert re.fullmatch(r"2026-11-22T18-05-12_runner-foundation_A_[a-z0-9]{6}", session_id)


def test_session_ids_are_safe_file_names() -> None:
    session_id = new_session_id(START, "../../etc/passwd", "A B/C\\..")
    assert re.fullmatch(r"[A-Za-z0-9_-]+", session_id)
    assert "etc-passwd" in session_id


def test_default_store_uses_the_data_and_cache_folders(store: HistoryStore, tmp_path: Path) -> None:
    assert store.history_dir == tmp_path / "data" / "history"
    assert store.index_file.parent == tmp_path / "cache"


def test_save_files_the_session_by_year_and_loads_it_back(store: HistoryStore, tmp_path: Path) -> None:
    log = session_on(22, "back_squat", "plank")
    path = store.save(log)
    assert path == tmp_path / "data" / "history" / "2026" / f"{log.id}.toml"
    assert store.load(path) == log


def test_save_never_overwrites(store: HistoryStore) -> None:
    log = session_on(22)
    path = store.save(log)
    before = path.read_bytes()
    with pytest.raises(FileExistsError):
        store.save(make_session(make_set(reps=1), started_at=log.started_at, id=log.id))
    assert path.read_bytes() == before


def test_two_sessions_started_in_the_same_second_get_different_files(store: HistoryStore) -> None:
    first = make_session(make_set(), id=new_session_id(START, "runner-foundation", "A"))
    second = make_session(make_set(reps=5), id=new_session_id(START, "runner-foundation", "A"))
    assert store.save(first) != store.save(second)
    assert len(store.load_all().sessions) == 2


def test_an_unsafe_id_cannot_leave_the_history_folder(store: HistoryStore) -> None:
    path = store.save(make_session(make_set(), id="../../outside"))
    assert path.parent == store.history_dir / "2026"


def test_a_failed_save_raises_and_leaves_no_file(store: HistoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "link", disk_full)
    log = session_on(22)
    with pytest.raises(OSError):
        store.save(log)
    assert list(store.history_dir.rglob("*")) == [store.history_dir / "2026"]


def test_load_all_is_oldest_first_and_reports_broken_files_untouched(store: HistoryStore) -> None:
    paths = [store.save(session_on(day)) for day in (24, 20, 22)]
    broken = paths[2]
    broken.write_bytes(broken.read_bytes().replace(b"\nreps = 8", b"\nreps = 800"))
    broken_bytes = broken.read_bytes()
    loaded = store.load_all()
    assert [s.started_at.day for s in loaded.sessions] == [20, 24]
    assert len(loaded.problems) == 1
    assert loaded.problems[0].path == broken and loaded.problems[0].key_path == "sets[0].reps"
    assert loaded.problems[0].line is not None
    assert broken.read_bytes() == broken_bytes


def test_load_all_sorts_times_with_and_without_offsets_together(store: HistoryStore) -> None:
    utc = timezone.utc
    store.save(make_session(make_set(), started_at=datetime(2026, 11, 22, 18, tzinfo=utc), id="aware"))
    store.save(make_session(make_set(), started_at=datetime(2026, 11, 20, 18), id="naive"))
    assert [s.id for s in store.load_all().sessions] == ["naive", "aware"]


def test_load_of_a_broken_file_raises_problems(store: HistoryStore) -> None:
    path = store.history_dir / "2026" / "bad.toml"
    path.parent.mkdir(parents=True)
    path.write_text("schema = 1\nid = [\n")
    with pytest.raises(ProblemsFound) as raised:
        store.load(path)
    assert raised.value.problems[0].path == path


def test_load_all_of_no_history_is_empty(store: HistoryStore) -> None:
    loaded = store.load_all()
    assert loaded.sessions == [] and loaded.problems == []


def test_recent_sessions_with_loads_the_last_few_of_each_exercise_once(store: HistoryStore) -> None:
    for day in range(1, 9):
        store.save(session_on(day, "back_squat"))
    store.save(session_on(10, "plank", "back_squat"))
    store.save(session_on(12, "push_up"))
    store.save(session_on(3, "plank", hour=7))
    recent = store.recent_sessions_with(["back_squat", "plank", "nordic_curl"], per_exercise=2)
    assert [(s.started_at.day, s.started_at.hour) for s in recent] == [(3, 7), (8, 18), (10, 18)]
    assert all(len(s.sets) >= 1 for s in recent)
    assert store.recent_sessions_with(["back_squat"], per_exercise=0) == []


def test_recent_sessions_with_ignores_warmup_and_skipped_sets(store: HistoryStore) -> None:
    worked = session_on(1, "back_squat")
    store.save(worked)
    store.save(make_session(make_set(kind="warmup"), make_set("plank", skipped=True),
                            started_at=datetime(2026, 11, 2, 18), id="warmups"))
    assert [s.id for s in store.recent_sessions_with(["back_squat", "plank"])] == [worked.id]
