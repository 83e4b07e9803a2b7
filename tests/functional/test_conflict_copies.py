"""Copies a sync tool leaves beside a session file count once, are reported with both paths, and are never deleted."""

from __future__ import annotations

import shutil
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from strongstride import cli
from strongstride.model.log import SessionLog, SetLog
from strongstride.store.history import HistoryStore, new_session_id

# The names Syncthing, Dropbox, Nextcloud and OneDrive give the copies they make of `x.toml`.
CONFLICT_NAMES = (
    "{stem}.sync-conflict-20261130-123456-ABCDEFG.toml",
    "{stem} (conflicted copy 2026-11-30).toml",
    "{stem} (1).toml",
    "{stem}-LAPTOP.toml",
)


def store_of(folders: Path) -> HistoryStore:
    return HistoryStore(folders / "data", folders / "cache")


def save_session(folders: Path, started_at: datetime, load: float = 60.0) -> Path:
    sets = tuple(SetLog(exercise_id="back_squat", set_number=n, at=started_at + timedelta(minutes=3 * n),
                        reps=5, load=load, rpe=8.0) for n in (1, 2))
    log = SessionLog(id=new_session_id(started_at, "runner-foundation", "A"), plan_id="runner-foundation",
                     session_id="A", started_at=started_at, plan_name="Runner foundation",
                     session_name="Strength A", sets=sets)
    return store_of(folders).save(log)


def make_copies(original: Path) -> list[Path]:
    copies = [original.with_name(name.format(stem=original.stem)) for name in CONFLICT_NAMES]
    for copy in copies:
        shutil.copy2(original, copy)
    return copies


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_copies_of_one_session_count_once_and_each_is_a_problem_naming_both_paths(folders: Path) -> None:
    original = save_session(folders, datetime(2026, 11, 2, 18))
    copies = make_copies(original)
    before = contents(original.parent)
    index = store_of(folders).index()
    assert [summary.path for summary in index.summaries] == [str(original)]
    assert sorted(str(problem.path) for problem in index.problems) == sorted(map(str, copies))
    assert all(str(original) in problem.message for problem in index.problems)
    assert contents(original.parent) == before   # nothing deleted or changed


def test_the_file_with_the_sessions_own_name_is_kept_even_when_a_copy_holds_other_sets(folders: Path) -> None:
    original = save_session(folders, datetime(2026, 11, 2, 18))
    edited = original.with_name(f"{original.stem} (1).toml")   # sorts before the original's name
    edited.write_text(original.read_text(encoding="utf-8").replace("load = 60.0", "load = 90.0"), encoding="utf-8")
    (summary,) = store_of(folders).index().summaries
    assert (summary.path, summary.volume) == (str(original), 600.0)


def test_without_the_original_one_copy_is_counted(folders: Path) -> None:
    original = save_session(folders, datetime(2026, 11, 2, 18))
    copies = make_copies(original)
    original.unlink()
    index = store_of(folders).index()
    assert len(index.summaries) == 1 and len(index.problems) == 3
    assert {str(problem.path) for problem in index.problems} | {index.summaries[0].path} == set(map(str, copies))


def test_copies_in_a_settled_year_are_still_reported_when_the_index_is_warm(folders: Path) -> None:
    original = save_session(folders, datetime(2019, 5, 6, 18))
    make_copies(original)
    store = store_of(folders)
    cold, warm = store.index(), store.index()
    assert len(warm.summaries) == len(cold.summaries) == 1
    assert sorted(map(str, warm.problems)) == sorted(map(str, cold.problems)) and len(warm.problems) == 4


def test_the_full_history_load_keeps_one_copy_and_reports_the_rest(folders: Path) -> None:
    original = save_session(folders, datetime(2026, 11, 2, 18))
    make_copies(original)
    loaded = store_of(folders).load_all()
    assert len(loaded.sessions) == 1 and len(loaded.problems) == 4


def test_history_lists_the_session_once_and_names_both_files_on_stderr(folders: Path, capsys) -> None:
    original = save_session(folders, datetime(2026, 11, 2, 18))
    copies = make_copies(original)
    code = cli.main(["history"])
    out, err = capsys.readouterr()
    assert code == 0
    assert len(out.splitlines()) == 2   # the heading and one session
    for copy in copies:
        assert any(str(copy) in line and str(original) in line for line in err.splitlines())


def test_stats_and_today_count_the_session_and_its_volume_once(folders: Path, capsys) -> None:
    today = date.today()
    original = save_session(folders, datetime.combine(today, time(0, 5)))
    make_copies(original)
    assert cli.main(["stats"]) == 0
    out, err = capsys.readouterr()
    assert "this week so far: 1 of 2" in out
    assert err.count(str(original)) == 4
    assert cli.main(["today"]) == 0
    out, _ = capsys.readouterr()
    assert "This week: 1 of 2 sessions done" in out


@pytest.mark.parametrize("name", ["2026-11-02T18-00-00_other.toml", "notes (1).toml"])
def test_two_different_sessions_are_never_taken_for_copies(folders: Path, name: str) -> None:
    original = save_session(folders, datetime(2026, 11, 2, 18))
    other = save_session(folders, datetime(2026, 11, 2, 19))
    shutil.move(other, original.with_name(name))
    index = store_of(folders).index()
    assert (len(index.summaries), index.problems) == (2, [])


def test_the_apps_problems_list_the_copies(folders: Path) -> None:
    from strongstride.tui.startup import load_app_state

    original = save_session(folders, datetime(2026, 11, 2, 18))
    copies = make_copies(original)
    state = load_app_state(None, date(2026, 11, 30))
    assert len(state.index.summaries) == 1
    listed = [str(problem) for problem in state.problems]
    assert all(any(str(copy) in line and str(original) in line for line in listed) for copy in copies)
