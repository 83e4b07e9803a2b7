"""`strongstride history` through cli.main on temporary folders: the table, one exercise, JSON, bad files and options."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from strongstride import cli
from strongstride.commands import history
from strongstride.services.records import EMPTY_HISTORY, Trend, rounded
from strongstride.engine.rpe import estimate_1rm_from_set
from strongstride.store.history import HistoryStore
from tests.functional.saved_history import SQUATS, save_session

START = datetime(2026, 3, 2, 18, 0)

def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["history", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """Make the command print to a 100-column colour terminal; what it printed is returned."""
    screen = io.StringIO()
    monkeypatch.setattr(history, "output_console",
                        lambda: Console(file=screen, force_terminal=True, width=100, highlight=False))
    return screen


# -- the session table ------------------------------------------------------------------------

def test_sessions_are_listed_oldest_first_as_plain_text_when_piped(folders: Path, capsys) -> None:
    save_session(folders, START)
    save_session(folders, START + timedelta(days=2, hours=1), sets=SQUATS + (("plank", None, None, 7.0, 45),))
    code, out, err = run(capsys)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Date              Session     Plan               Sets  Volume (kg)  Held (m:ss)  RPE",
        "2026-03-02 18:00  Strength A  Runner foundation     2          960            -  8.5",
        "2026-03-04 19:00  Strength A  Runner foundation     3          960         0:45  8.0",
    ]
    assert "\x1b[" not in out


def test_the_last_twenty_are_shown_unless_limit_or_since_says_otherwise(folders: Path, capsys) -> None:
    for day in range(25):
        save_session(folders, START + timedelta(days=day))
    dates = lambda out: [line[:10] for line in out.splitlines()[1:]]   # noqa: E731
    assert dates(run(capsys)[1]) == [f"{START + timedelta(days=d):%Y-%m-%d}" for d in range(5, 25)]
    assert dates(run(capsys, "--limit", "2")[1]) == ["2026-03-25", "2026-03-26"]
    assert len(dates(run(capsys, "--since", "2026-03-03")[1])) == 24
    assert dates(run(capsys, "--since", "2026-03-20", "--limit", "1")[1]) == ["2026-03-26"]
    assert run(capsys, "--since", "2027-01-01")[1] == "No sessions since 2027-01-01.\n"


def test_volume_is_shown_in_the_configs_units(folders: Path, capsys) -> None:
    (folders / "config" / "config.toml").write_text('schema = 1\nunits = "lb"\n', encoding="utf-8")
    save_session(folders, START, sets=(("back_squat", 10, 100.0, 8.0, None),))
    out = run(capsys)[1]
    assert "Volume (lb)" in out and "2,204.6" in out   # 1,000 kg


def test_text_from_files_is_printed_literally_on_a_terminal(folders: Path, capsys, monkeypatch) -> None:
    save_session(folders, START, session_name="[bold red]Heavy[/] day")
    screen = terminal(monkeypatch)
    assert run(capsys)[0] == 0
    shown = screen.getvalue()
    assert "[bold red]Heavy[/] day" in shown
    assert "─" in shown   # a Rich table on a terminal


def test_an_empty_history_says_so_and_succeeds(folders: Path, capsys) -> None:
    code, out, err = run(capsys)
    assert (code, err) == (0, "")
    assert out == f"{history.EMPTY_HISTORY}\n"
    assert run(capsys, "--json")[1] == "[]\n"


def test_broken_files_are_reported_with_line_and_key_and_skipped(folders: Path, capsys) -> None:
    good = save_session(folders, START)
    broken = save_session(folders, START + timedelta(days=1))
    broken.write_text(broken.read_text(encoding="utf-8").replace("rpe = 9.0", 'rpe = "hard"'), encoding="utf-8")
    code, out, err = run(capsys)
    assert code == 0
    [problem] = err.splitlines()
    assert re.fullmatch(rf"{re.escape(str(broken))}:\d+: sets\[1\]\.rpe: must be a number.*", problem)
    assert [line[:10] for line in out.splitlines()[1:]] == ["2026-03-02"]
    assert good.exists() and broken.exists()


@pytest.mark.parametrize(("argv", "message"), [
    (("--since", "last week"), "--since must be a date such as 2026-01-31, not 'last week'"),
    (("--limit", "-1"), "--limit must be 0 or more, not -1"),
])
def test_bad_options_are_one_line_and_exit_2(folders: Path, capsys, argv: tuple[str, ...], message: str) -> None:
    assert run(capsys, *argv) == (2, "", f"strongstride history: {message}\n")


# -- one exercise -----------------------------------------------------------------------------

def test_one_exercise_shows_each_sessions_sets_best_e1rm_and_the_trend(folders: Path, capsys) -> None:
    save_session(folders, START, sets=(("back_squat", 5, 100.0, 10.0, None), ("plank", None, None, None, 30)))
    save_session(folders, START + timedelta(days=2), sets=(("plank", None, None, None, 40),))
    save_session(folders, START + timedelta(days=4),
                 sets=(("back_squat", 5, 100.0, 10.0, None), ("back_squat", 6, 100.0, 10.0, None)))
    code, out, err = run(capsys, "--exercise", "back_squat")
    assert (code, err) == (0, "")
    five, six = (estimate_1rm_from_set(100.0, reps, 10.0) for reps in (5, 6))
    lines = out.splitlines()
    assert lines[0] == "Back squat (back_squat): 2 sessions"
    assert lines[2].split("  ")[0] == "2026-03-02" and "100 x 5 @10" in lines[2] and lines[2].endswith(rounded(five))
    assert "100 x 5 @10, 100 x 6 @10" in lines[3] and lines[3].endswith(rounded(six))
    days = (START.date(), START.date() + timedelta(days=4))
    assert lines[4] == f"Trend: {Trend('e1RM', 'kg', ((days[0], five), (days[1], six))).describe()}"
    assert six > five and "+" in lines[4]


def test_a_hold_exercise_trends_by_its_longest_hold_with_a_sparkline_on_a_terminal(folders: Path, capsys,
                                                                                    monkeypatch) -> None:
    for day, seconds in enumerate((30, 45, 40)):
        save_session(folders, START + timedelta(days=day), sets=(("plank", None, None, 8.0, seconds),))
    screen = terminal(monkeypatch)
    run(capsys, "--exercise", "plank")
    shown = Console(file=io.StringIO()).render_str(screen.getvalue()).plain   # drop the colour codes
    assert "45 s @8" in shown
    assert "▁█▆" in shown and "longest hold 30 -> 40 s (+10 s, +33%) over 3 sessions" in shown


def test_an_unknown_exercise_suggests_the_nearest_id(folders: Path, capsys) -> None:
    save_session(folders, START)
    assert run(capsys, "--exercise", "back_sqat") == (1, "", "unknown exercise 'back_sqat' - did you mean 'back_squat'?\n")


def test_a_library_exercise_never_trained_is_not_an_error(folders: Path, capsys) -> None:
    save_session(folders, START)
    assert run(capsys, "--exercise", "plank") == (0, "No sessions with plank yet.\n", "")


# -- JSON -------------------------------------------------------------------------------------

def test_json_has_one_object_per_session_with_its_sets_reading_only_those_files(folders: Path, capsys,
                                                                                 monkeypatch) -> None:
    paths = [save_session(folders, START + timedelta(days=day)) for day in range(4)]
    read = []
    load = HistoryStore.load
    monkeypatch.setattr(HistoryStore, "load", lambda store, path: read.append(path) or load(store, path))
    HistoryStore(folders / "data", folders / "cache").index()   # warm the index, as any earlier command would
    code, out, err = run(capsys, "--json", "--limit", "2")
    assert (code, err) == (0, "")
    sessions = json.loads(out)
    assert [s["started_at"] for s in sessions] == ["2026-03-04T18:00:00", "2026-03-05T18:00:00"]
    assert [(s["reps"], s["load"], s["rpe"]) for s in sessions[0]["sets"]] == [(8, 60.0, 8.0), (8, 60.0, 9.0)]
    assert sessions[0]["sets"][0]["at"] == "2026-03-04T18:03:00"
    assert read == paths[2:]


def test_json_for_one_exercise_keeps_only_its_sets(folders: Path, capsys) -> None:
    save_session(folders, START, sets=SQUATS + (("plank", None, None, 7.0, 45),))
    save_session(folders, START + timedelta(days=1), sets=(("plank", None, None, 7.0, 50),))
    sessions = json.loads(run(capsys, "--json", "--exercise", "back_squat")[1])
    assert len(sessions) == 1
    assert {s["exercise_id"] for s in sessions[0]["sets"]} == {"back_squat"}


def test_history_json_pipes_into_json_tool_without_loading_textual(folders: Path) -> None:
    save_session(folders, START, sets=SQUATS + (("plank", None, None, 7.0, 45),), session_name='Quotes " and ünïcode')
    command = "import sys; from strongstride.cli import main; main(['history', '--json']); print('textual' in sys.modules, file=sys.stderr)"
    produced = subprocess.run([sys.executable, "-c", command], capture_output=True, check=True)
    assert produced.stderr == b"False\n"
    checked = subprocess.run([sys.executable, "-m", "json.tool"], input=produced.stdout, capture_output=True, check=True)
    assert json.loads(checked.stdout)[0]["session_name"] == 'Quotes " and ünïcode'


def test_rescan_reports_a_file_broken_in_place_in_a_settled_year(folders: Path, capsys) -> None:
    old = save_session(folders, datetime(2019, 5, 6, 18, 0))
    assert run(capsys)[1].splitlines()[1][:10] == "2019-05-06"
    with old.open("r+b") as file:   # in place, as nano writes: the 2019 folder itself is unchanged
        broken = file.read().replace(b"rpe = 9.0", b'rpe = "x"')
        file.seek(0)
        file.write(broken)
    assert run(capsys)[2] == ""
    code, out, err = run(capsys, "--rescan")
    assert code == 0 and out.splitlines() == [EMPTY_HISTORY] and f"{old}:" in err and "sets[1].rpe" in err


def test_bodyweight_work_shows_reps_and_holds_rather_than_an_empty_volume_column(folders: Path, capsys) -> None:
    save_session(folders, START, (("push_up", 12, None, 8.0, None), ("push_up", 10, None, 8.0, None),
                                  ("plank", None, None, 8.0, 40)))
    save_session(folders, START + timedelta(days=2), (("plank", None, None, 8.0, 75),))
    lines = run(capsys)[1].splitlines()
    assert re.split(r"\s{2,}", lines[0]) == ["Date", "Session", "Plan", "Sets", "Bodyweight reps", "Held (m:ss)", "RPE"]
    assert [re.split(r"\s{2,}", row.strip())[3:] for row in lines[1:]] == [["3", "22", "0:40", "8.0"],
                                                                          ["1", "-", "1:15", "8.0"]]


def test_a_bodyweight_exercise_shows_its_trends_measure_not_an_empty_e1rm(folders: Path, capsys) -> None:
    save_session(folders, START, (("plank", None, None, 8.0, 40), ("plank", None, None, 8.0, 50)))
    save_session(folders, START + timedelta(days=2), (("plank", None, None, 8.0, 60),))
    lines = run(capsys, "--exercise", "plank")[1].splitlines()
    assert re.split(r"\s{2,}", lines[1]) == ["Date", "Work sets (kg x reps @RPE)", "Longest hold (s)"]
    assert [re.split(r"\s{2,}", row)[-1] for row in lines[2:4]] == ["50", "60"]
    assert "e1RM" not in "\n".join(lines)


