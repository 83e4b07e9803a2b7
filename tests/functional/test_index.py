"""The history index: right summaries, only changed files reparsed, and a bad cache never a crash."""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path

import pytest

from strongstride.engine.rpe import estimate_1rm_from_set
from strongstride.model.units import convert
from strongstride.services.records import best_e1rm
from strongstride.store import index_files
from strongstride.store.history import HistoryStore
from strongstride.store.index import HistoryIndex, load_index
from tests.unit.history_builders import make_session, make_set


@pytest.fixture
def store(folders: Path) -> HistoryStore:
    return HistoryStore.default()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The history files the index parses, in order."""
    parsed: list[Path] = []
    real = index_files.load_session_file

    def counting(path: Path):
        parsed.append(path)
        return real(path)

    monkeypatch.setattr(index_files, "load_session_file", counting)
    return parsed


def save_day(store: HistoryStore, day: int, load: float = 60.0, exercise_id: str = "back_squat") -> Path:
    started = datetime(2026, 11, day, 18)
    return store.save(make_session(make_set(exercise_id, load=load), started_at=started, id=f"day-{day:02d}"))


def year_file(store: HistoryStore, folder: str) -> Path:
    """The cache file that holds one history folder's summaries."""
    return store.index_file.with_name(f"index-{folder}.json")


def touch_with_new_contents(path: Path, old: bytes, new: bytes) -> None:
    stat = path.stat()
    path.write_bytes(path.read_bytes().replace(old, new))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


# -- what a summary says ------------------------------------------------------------------

def test_a_summary_counts_only_work_sets_and_converts_loads_to_the_session_unit(store: HistoryStore) -> None:
    log = make_session(
        make_set(kind="warmup", load=40.0, reps=5, rpe=None),
        make_set(number=1, minutes=6, load=100.0, reps=5, rpe=8.0),
        make_set(number=2, minutes=9, load=100.0, reps=6, rpe=9.0),
        make_set(number=3, minutes=12, load=225.0, reps=3, rpe=9.5, unit="lb"),
        make_set(number=4, minutes=15, load=140.0, reps=1, skipped=True),
        make_set("plank", minutes=20, reps=None, load=None, rpe=7.0, hold_seconds=45),
        make_set("plank", number=2, minutes=22, reps=None, load=None, rpe=8.0, hold_seconds=50),
        finished_at=datetime(2026, 11, 22, 19, 0),
    )
    store.save(log)
    summary = store.index().summaries[0]
    squat, plank = summary.exercises["back_squat"], summary.exercises["plank"]
    in_kg = convert(225.0, "lb", "kg")
    assert summary.work_sets == 5 and squat.work_sets == 3 and plank.work_sets == 2
    assert summary.volume == pytest.approx(100 * 5 + 100 * 6 + in_kg * 3)
    assert summary.average_rpe == pytest.approx((8 + 9 + 9.5 + 7 + 8) / 5)
    assert squat.best_load == pytest.approx(in_kg) and squat.best_load_reps == 3
    assert squat.most_reps == 6
    best = max(estimate_1rm_from_set(100.0, 5, 8.0), estimate_1rm_from_set(100.0, 6, 9.0),
               estimate_1rm_from_set(in_kg, 3, 9.5))
    assert best_e1rm(squat) == pytest.approx(best)
    assert squat.last_sets[:2] == ((5, 100.0, 8.0, None), (6, 100.0, 9.0, None))
    assert plank.longest_hold == 50 and plank.best_load is None and best_e1rm(plank) is None
    assert summary.finished_at == datetime(2026, 11, 22, 19, 0)
    assert "140" not in str(squat.last_sets)


def test_summaries_read_from_the_cache_equal_fresh_ones(store: HistoryStore) -> None:
    for day in (3, 1, 2):
        save_day(store, day, load=50.0 + day)
    fresh = store.index()
    cached = store.index()
    assert cached.summaries == fresh.summaries
    assert [s.id for s in cached.summaries] == ["day-01", "day-02", "day-03"]


# -- look-ups -----------------------------------------------------------------------------

def test_last_performance_is_the_newest_session_with_work_sets_of_the_exercise(store: HistoryStore) -> None:
    save_day(store, 1, load=50.0)
    save_day(store, 2, load=55.0)
    save_day(store, 3, exercise_id="plank")
    found = store.index().last_performance("back_squat")
    assert found is not None
    session, squat = found
    assert session.id == "day-02" and squat.best_load == 55.0
    assert store.index().last_performance("nordic_curl") is None


def test_recent_is_newest_first(store: HistoryStore) -> None:
    for day in (1, 2, 3):
        save_day(store, day)
    assert [s.id for s in store.index().recent(2)] == ["day-03", "day-02"]
    assert store.index().recent(0) == []


# -- staying fast ---------------------------------------------------------------------------

def test_only_new_and_changed_files_are_reparsed(store: HistoryStore, parses: list[Path]) -> None:
    paths = [save_day(store, day) for day in (1, 2, 3)]
    store.index()
    assert len(parses) == 3
    parses.clear()
    store.index()
    assert parses == []
    touch_with_new_contents(paths[1], b"\nload = 60.0", b"\nload = 62.5")
    new = save_day(store, 4)
    index = store.index()
    assert sorted(parses) == sorted([paths[1], new])
    assert index.summaries[1].exercises["back_squat"].best_load == 62.5


def test_a_warm_look_does_not_rewrite_the_cache(store: HistoryStore) -> None:
    save_day(store, 1)
    store.index()
    written = store.index_file.stat().st_mtime_ns
    os.utime(store.index_file, ns=(written - 5_000_000_000, written - 5_000_000_000))
    store.index()
    assert store.index_file.stat().st_mtime_ns == written - 5_000_000_000


def test_deleted_files_are_dropped(store: HistoryStore, parses: list[Path]) -> None:
    paths = [save_day(store, day) for day in (1, 2)]
    store.index()
    paths[0].unlink()
    parses.clear()
    index = store.index()
    assert [s.id for s in index.summaries] == ["day-02"] and parses == []
    assert [entry[0] for entry in json.loads(year_file(store, "2026").read_text())["files"]] == ["2026/day-02.toml"]


@pytest.mark.parametrize("cache", [
    "\x00\xff not json", "", "[]", '{"version": 99, "history": HISTORY, "clock": CLOCK, "years": []}',
    '{"version": 3, "history": HISTORY, "clock": "other", "years": [YEAR]}',
    '{"version": 3, "history": HISTORY, "clock": CLOCK, "years": [["2026", 3]]}',
    '{"version": 3, "history": HISTORY, "clock": CLOCK, "years": [["2026", SCAN, "1", null, null, "d", []]]}',
    '{"version": 3, "history": HISTORY, "clock": CLOCK, "years": [["2026", SCAN, 1, null, null, "d", []]]}',
    '{"version": 3, "history": HISTORY, "clock": CLOCK, "years": [["2026", SCAN, 1, ["x", "y"], ["x", "y"], "d", []]]}',
    '{"version": 3, "history": HISTORY, "clock": CLOCK, "years": [["2026", SCAN, 1, [1, 2], [1, 2], "d", []]]}',
    '{"version": 3, "history": HISTORY, "clock": CLOCK, "years": [["2026", SCAN, 1, ["2026-11-01T18:00:00", "x"], '
    '["2026-11-01T18:00:00", "x"], "d", [["2026/day-01.toml"]]]]}',
])
def test_a_corrupt_cache_is_rebuilt(store: HistoryStore, parses: list[Path], cache: str) -> None:
    save_day(store, 1)
    store.index()
    good = json.loads(store.index_file.read_text())
    year_file(store, "2026").unlink()
    parses.clear()
    text = (cache.replace("HISTORY", json.dumps(str(store.history_dir))).replace("CLOCK", json.dumps(good["clock"]))
            .replace("SCAN", json.dumps(good["years"][0][1])).replace("YEAR", json.dumps(good["years"][0])))
    store.index_file.write_text(text, encoding="utf-8")
    index = store.index()
    assert [s.id for s in index.summaries] == ["day-01"] and len(parses) == 1
    parses.clear()
    assert [s.id for s in store.index().summaries] == ["day-01"] and parses == []


def test_a_cache_of_another_history_folder_is_not_reused(tmp_path: Path, parses: list[Path]) -> None:
    first, second = HistoryStore(tmp_path / "one", tmp_path / "cache"), HistoryStore(tmp_path / "two", tmp_path / "cache")
    path = save_day(first, 1)
    (second.history_dir / "2026").mkdir(parents=True)
    copy = second.history_dir / "2026" / path.name
    copy.write_bytes(path.read_bytes().replace(b"\nload = 60.0", b"\nload = 70.0"))
    stat = path.stat()
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert first.index().summaries[0].exercises["back_squat"].best_load == 60.0
    parses.clear()
    assert second.index().summaries[0].exercises["back_squat"].best_load == 70.0 and parses == [copy]


def test_a_cache_that_cannot_be_written_is_ignored(store: HistoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    save_day(store, 1)

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(index_files, "atomic_write_text", disk_full)
    assert [s.id for s in store.index().summaries] == ["day-01"]
    assert not store.index_file.exists()


def test_broken_files_are_reported_kept_and_not_reparsed_until_changed(
    store: HistoryStore, parses: list[Path],
) -> None:
    good, bad = save_day(store, 1), save_day(store, 2)
    touch_with_new_contents(bad, b"\nreps = 8", b"\nreps = 800")
    broken_bytes = bad.read_bytes()
    first = store.index()
    assert [s.id for s in first.summaries] == ["day-01"]
    assert [(p.path, p.key_path) for p in first.problems] == [(bad, "sets[0].reps")]
    assert first.problems[0].line is not None
    parses.clear()
    again = store.index()
    assert parses == [] and [str(p) for p in again.problems] == [str(p) for p in first.problems]
    assert bad.read_bytes() == broken_bytes
    touch_with_new_contents(bad, b"\nreps = 800", b"\nreps = 8")
    fixed = store.index()
    assert [s.id for s in fixed.summaries] == ["day-01", "day-02"] and fixed.problems == []
    assert parses == [bad] and good not in parses


def test_no_history_folder_is_an_empty_index(tmp_path: Path) -> None:
    index = load_index(tmp_path / "none", tmp_path / "cache" / "index.json")
    assert index.summaries == [] and index.problems == []


# -- reading only what is needed --------------------------------------------------------------

@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the cached summaries the index decodes, in order."""
    decoded: list[str] = []
    real = index_files.summary_from_json

    def counting(raw: list, path: str):
        decoded.append(raw[0])
        return real(raw, path)

    monkeypatch.setattr(index_files, "summary_from_json", counting)
    return decoded


def test_a_warm_index_decodes_only_the_summaries_read(store: HistoryStore, decodes: list[str]) -> None:
    for day in range(1, 11):
        save_day(store, day)
    store.index()
    index = store.index()
    assert len(index.summaries) == 10 and decodes == []
    assert [s.id for s in index.recent(2)] == ["day-10", "day-09"]
    assert sorted(decodes) == ["day-09", "day-10"]
    assert [s.id for s in index.since(date(2026, 11, 8))] == ["day-08", "day-09", "day-10"]
    assert sorted(set(decodes)) == ["day-08", "day-09", "day-10"]
    assert [s.id for s in index.summaries] == [f"day-{day:02d}" for day in range(1, 11)]


def test_a_damaged_cached_summary_is_read_again_from_its_file(store: HistoryStore, parses: list[Path]) -> None:
    path = save_day(store, 1, load=65.0)
    store.index()
    cache = json.loads(year_file(store, "2026").read_text())
    cache["files"][0][5] = "[1, 2"
    year_file(store, "2026").write_text(json.dumps(cache), encoding="utf-8")
    parses.clear()
    summary = store.index().summaries[0]
    assert summary.id == "day-01" and summary.exercises["back_squat"].best_load == 65.0 and parses == [path]


def test_the_fingerprint_changes_with_the_files_it_covers(store: HistoryStore) -> None:
    paths = [save_day(store, day) for day in (1, 2)]
    first = store.index().summaries
    save_day(store, 3)
    added = store.index().summaries
    assert added.fingerprint(2) == first.fingerprint(2) and added.fingerprint(3) != first.fingerprint(2)
    touch_with_new_contents(paths[0], b"\nload = 60.0", b"\nload = 62.5")
    assert store.index().summaries.fingerprint(2) != first.fingerprint(2)


def test_summaries_behave_like_a_list(store: HistoryStore) -> None:
    for day in (1, 2, 3):
        save_day(store, day)
    summaries = store.index().summaries
    as_list = list(summaries)
    assert summaries == as_list and summaries[-1] == as_list[-1] and summaries[1:] == as_list[1:]
    assert list(reversed(summaries)) == as_list[::-1] and summaries != as_list[:2]


# -- a folder a year: past years read only when reached ---------------------------------------

def save_at(store: HistoryStore, started: datetime, load: float = 60.0) -> Path:
    return store.save(make_session(make_set(load=load), started_at=started, id=f"s-{started:%Y-%m-%d}"))


@pytest.fixture
def years_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The history folders whose cache files the index reads, in order."""
    read: list[str] = []
    real = index_files.IndexFiles.read

    def counting(self, name: str, scan: str | None):
        read.append(name)
        return real(self, name, scan)

    monkeypatch.setattr(index_files.IndexFiles, "read", counting)
    return read


@pytest.fixture
def three_years(store: HistoryStore) -> dict[str, list[Path]]:
    """Two sessions in each of 2024, 2025 and 2026, the index warmed."""
    written = {str(year): [save_at(store, datetime(year, month, 10, 18)) for month in (3, 9)]
               for year in (2024, 2025, 2026)}
    store.index()
    return written


def test_recent_sessions_and_the_fingerprint_read_no_past_year(
    store: HistoryStore, three_years: dict[str, list[Path]], years_read: list[str], decodes: list[str],
) -> None:
    index = store.index()
    assert len(index.summaries) == 6 and years_read == [] and index.problems == []
    whole = index.summaries.fingerprint(6)
    assert years_read == []
    assert [s.id for s in index.recent(2)] == ["s-2026-09-10", "s-2026-03-10"]
    assert [s.id for s in index.since(date(2026, 1, 1))] == ["s-2026-03-10", "s-2026-09-10"]
    assert years_read == ["2026"]
    assert [s.id for s in index.summaries][:2] == ["s-2024-03-10", "s-2024-09-10"]
    assert sorted(years_read) == ["2024", "2025", "2026"]
    assert whole == store.index().summaries.fingerprint(6)


def look(store: HistoryStore, rescan: bool = False) -> HistoryIndex:
    """The index as of 2026, so 2025 and 2026 are recent and 2024 is settled."""
    return load_index(store.history_dir, store.index_file, this_year=2026, rescan=rescan)


def edit_in_place(path: Path, old: bytes, new: bytes) -> None:
    """Write new contents into the file itself, as nano does: the folder is left as it was."""
    with path.open("r+b") as file:
        contents = file.read().replace(old, new)
        file.seek(0)
        file.write(contents)
        file.truncate()


@pytest.fixture
def folders_checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The history folders whose files the index stats, in order."""
    checked: list[str] = []
    real = index_files.Folder.scan_stamp

    def counting(self: index_files.Folder) -> str:
        checked.append(self.name)
        return real(self)

    monkeypatch.setattr(index_files.Folder, "scan_stamp", counting)
    return checked


def test_a_settled_year_is_trusted_by_its_folder_and_recent_years_are_checked_file_by_file(
    store: HistoryStore, three_years: dict[str, list[Path]], folders_checked: list[str],
) -> None:
    look(store)
    folders_checked.clear()
    assert len(look(store).summaries) == 6 and folders_checked == ["2025", "2026"]
    folders_checked.clear()
    assert len(look(store, rescan=True).summaries) == 6 and folders_checked == ["2024", "2025", "2026"]


def test_an_edit_in_place_in_a_recent_year_is_noticed_at_once(
    store: HistoryStore, three_years: dict[str, list[Path]], parses: list[Path],
) -> None:
    before = look(store).summaries.fingerprint(6)
    path = three_years["2025"][1]
    edit_in_place(path, b"\nload = 60.0", b"\nload = 67.5")
    parses.clear()
    index = look(store)
    assert parses == [path] and index.summaries[3].exercises["back_squat"].best_load == 67.5
    assert index.summaries.fingerprint(6) != before
    parses.clear()
    assert look(store).summaries[3].exercises["back_squat"].best_load == 67.5 and parses == []


def test_an_edit_in_place_in_a_settled_year_is_noticed_when_rescanning(
    store: HistoryStore, three_years: dict[str, list[Path]], parses: list[Path],
) -> None:
    look(store)
    path = three_years["2024"][1]
    edit_in_place(path, b"\nload = 60.0", b"\nload = 67.5")
    parses.clear()
    assert look(store).summaries[1].exercises["back_squat"].best_load == 60.0 and parses == []
    index = look(store, rescan=True)
    assert parses == [path] and index.summaries[1].exercises["back_squat"].best_load == 67.5
    parses.clear()
    assert look(store).summaries[1].exercises["back_squat"].best_load == 67.5 and parses == []


def test_a_settled_year_whose_folder_or_cache_file_changed_is_checked_again(
    store: HistoryStore, three_years: dict[str, list[Path]], folders_checked: list[str], parses: list[Path],
) -> None:
    look(store)
    edit_in_place(three_years["2024"][0], b"\nload = 60.0", b"\nload = 70.0")
    (store.history_dir / "2024" / "notes.txt").write_text("moved house in May", encoding="utf-8")
    folders_checked.clear()
    parses.clear()
    assert look(store).summaries[0].exercises["back_squat"].best_load == 70.0
    assert folders_checked == ["2024", "2025", "2026"] and parses == [three_years["2024"][0]]
    year_file(store, "2024").write_text("{not json", encoding="utf-8")
    folders_checked.clear()
    parses.clear()
    assert len(look(store).summaries) == 6 and folders_checked == ["2024", "2025", "2026"]
    folders_checked.clear()
    index = look(store)
    assert folders_checked == ["2025", "2026"] and parses == []
    assert index.summaries[0].exercises["back_squat"].best_load == 70.0 and len(list(index.summaries)) == 6
    assert sorted(parses) == sorted(three_years["2024"])
    folders_checked.clear()
    assert len(look(store).summaries) == 6 and folders_checked == ["2024", "2025", "2026"]
    folders_checked.clear()
    parses.clear()
    assert len(list(look(store).summaries)) == 6 and folders_checked == ["2025", "2026"] and parses == []


def test_a_settled_year_that_cannot_be_read_when_reached_is_left_out_not_a_crash(
    store: HistoryStore, three_years: dict[str, list[Path]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    look(store)
    index = look(store)

    listed, read = index_files.Folder.files, index_files.IndexFiles.read

    def files(self: index_files.Folder) -> list:
        if self.name == "2024":
            raise PermissionError(13, "Permission denied")
        return listed.fget(self)

    monkeypatch.setattr(index_files.Folder, "files", property(files))
    monkeypatch.setattr(index_files.IndexFiles, "read",
                        lambda self, name, scan: None if name == "2024" else read(self, name, scan))
    assert [s.id for s in index.summaries] == ["s-2025-03-10", "s-2025-09-10", "s-2026-03-10", "s-2026-09-10"]


def test_a_folder_not_named_for_a_year_is_always_checked_file_by_file(
    store: HistoryStore, three_years: dict[str, list[Path]], folders_checked: list[str],
) -> None:
    moved = store.history_dir / "old-phone" / three_years["2024"][0].name
    moved.parent.mkdir()
    three_years["2024"][0].rename(moved)
    look(store)
    folders_checked.clear()
    assert len(look(store).summaries) == 6 and folders_checked == ["2025", "2026", "old-phone"]


def test_a_session_added_or_deleted_in_a_past_year_is_noticed(
    store: HistoryStore, three_years: dict[str, list[Path]],
) -> None:
    added = save_at(store, datetime(2025, 6, 1, 7))
    assert [s.id for s in store.index().summaries][2:5] == ["s-2025-03-10", "s-2025-06-01", "s-2025-09-10"]
    added.unlink()
    three_years["2024"][0].unlink()
    assert [s.id for s in store.index().summaries] == [
        "s-2024-09-10", "s-2025-03-10", "s-2025-09-10", "s-2026-03-10", "s-2026-09-10"]
    for path in three_years["2025"]:
        path.unlink()
    path.parent.rmdir()
    assert [s.id for s in store.index().summaries] == ["s-2024-09-10", "s-2026-03-10", "s-2026-09-10"]


def test_a_lost_or_damaged_year_cache_is_rebuilt_when_reached(
    store: HistoryStore, three_years: dict[str, list[Path]], parses: list[Path],
) -> None:
    year_file(store, "2024").unlink()
    year_file(store, "2025").write_text("{not json", encoding="utf-8")
    parses.clear()
    index = store.index()
    assert [s.id for s in index.recent(1)] == ["s-2026-09-10"] and parses == []
    assert len(list(index.summaries)) == 6
    assert sorted(parses) == sorted(three_years["2024"] + three_years["2025"])
    parses.clear()
    assert len(list(store.index().summaries)) == 6 and parses == []


def test_sessions_filed_in_another_year_s_folder_still_come_in_time_order(
    store: HistoryStore, three_years: dict[str, list[Path]],
) -> None:
    stray = store.history_dir / "2024" / "stray.toml"
    late = save_at(store, datetime(2026, 1, 5, 18))
    late.rename(stray)
    index = store.index()
    ids = [s.id for s in index.summaries]
    assert ids == sorted(ids) and ids.index("s-2026-01-05") == 4
    assert [s.id for s in index.since(date(2026, 1, 1))] == ["s-2026-01-05", "s-2026-03-10", "s-2026-09-10"]
    assert index.summaries[4].path == str(stray) and index.summaries[-3:] == list(index.summaries)[-3:]


def test_the_fingerprint_of_earlier_years_holds_when_a_session_is_added(
    store: HistoryStore, three_years: dict[str, list[Path]],
) -> None:
    first = store.index().summaries
    save_at(store, datetime(2026, 11, 1, 18))
    added = store.index().summaries
    assert added.fingerprint(6) == first.fingerprint(6) and added.fingerprint(4) == first.fingerprint(4)
    assert added.fingerprint(7) != first.fingerprint(6)
