"""`strongstride today` and `strongstride week` through cli.main, on a temporary config and data folder."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from strongstride import cli
from strongstride.model.config import WEEKDAYS
from strongstride.model.log import SessionLog, SetLog
from strongstride.store.history import HistoryStore, new_session_id

TODAY = date.today()


def weekday_after(days: int) -> str:
    return WEEKDAYS[(TODAY + timedelta(days=days)).weekday()]


@pytest.fixture
def config_dir(folders: Path) -> Path:
    """The empty config folder, beside empty data and cache folders."""
    return folders / "config"


def write_config(config_dir: Path, text: str) -> None:
    (config_dir / "config.toml").write_text(text, encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def running(long_run_day: str, extra: str = "", top: str = "") -> str:
    return f'schema = 1\n{top}\n[running]\nlong_run_days = ["{long_run_day}"]\nhard_days = []\nfocus = "middle"\n{extra}\n'


def test_today_on_an_easy_day_suggests_the_first_session_with_its_reasons(config_dir: Path, capsys) -> None:
    write_config(config_dir, running(weekday_after(3)))
    code, out, err = run(capsys, "today")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"{TODAY:%A} {TODAY.day} {TODAY:%B}: A - Foundation A"
    assert "Plan: Runner foundation" in lines
    assert "This week: 0 of 2 sessions done" in lines
    assert "Running today: easy run or rest" in lines
    assert "Why:" in lines
    assert ("  - Middle-distance focus: 2-3 strength sessions a week on easy or rest days "
            "(“Strength Training 101”).") in lines
    assert "seed 0" not in out
    assert "\x1b[" not in out and "─" not in out


def test_today_on_the_long_run_day_warns_and_offers_to_train_anyway(config_dir: Path, capsys) -> None:
    write_config(config_dir, running(weekday_after(0)))
    code, out, _ = run(capsys, "today")
    assert code == 0
    assert ": rest from strength" in out.splitlines()[0]
    assert f"Warning: {TODAY:%A} is your long-run day: strength today is not advised" in out
    assert "To train anyway: A - Foundation A" in out
    assert "Running today: long run" in out


def test_today_while_not_running_says_why_strength_matters_now(config_dir: Path, capsys) -> None:
    resume = TODAY + timedelta(days=20)
    write_config(config_dir, running(weekday_after(0), extra=f"not_running_until = {resume.isoformat()}"))
    code, out, _ = run(capsys, "today")
    assert code == 0
    assert "strength work keeps your fitness while injury stops the running (“Strength Training 101”)" in out
    assert "Running today: no running (break)" in out
    assert "Warning" not in out


def test_today_shows_the_phase_and_its_week_and_the_taper(config_dir: Path, capsys) -> None:
    started = TODAY - timedelta(weeks=7)
    race = TODAY + timedelta(days=5)
    top = f'plan = "ultra-block"\nplan_started = {started.isoformat()}'
    write_config(config_dir, running(weekday_after(3), extra=f"race_date = {race.isoformat()}", top=top))
    code, out, err = run(capsys, "today")
    assert code == 0, err
    # the block counts back from the race, not forward from plan_started: race week is the last week
    assert f"Phase: Maintenance, week 10 of 10, counted back from your race on {race.day} {race:%B} (half the sets)" in out
    assert "Today's volume: 25% of the sets of what the plan writes." in out
    assert "common taper practice, not the seeds" in out


def test_today_after_a_session_today_says_rest(config_dir: Path, capsys) -> None:
    write_config(config_dir, running(weekday_after(3)))
    started = datetime.combine(TODAY, time(0, 5))
    HistoryStore.default().save(SessionLog(
        id=new_session_id(started, "runner-foundation", "A"), plan_id="runner-foundation", session_id="A",
        started_at=started, finished_at=started + timedelta(minutes=30), plan_name="Runner foundation",
        session_name="Foundation A",
        sets=(SetLog("plank", 1, started + timedelta(minutes=10), hold_seconds=30, target_hold=30),),
    ))
    code, out, err = run(capsys, "today")
    assert code == 0, err
    assert "This week: 1 of 2 sessions done" in out
    assert "You already trained today (A)" in out


def test_week_prints_a_heading_and_seven_days_with_runs_and_reasons(config_dir: Path, capsys) -> None:
    write_config(config_dir, running(weekday_after(2)))
    code, out, err = run(capsys, "week")
    assert code == 0, err
    heading, *days = out.splitlines()
    assert heading.startswith(f"From {TODAY:%A} {TODAY.day} {TODAY:%B} - Runner foundation, 2 sessions a week")
    assert len(days) == 7
    for n, line in enumerate(days):
        assert line.startswith(f"{TODAY + timedelta(days=n):%a %d %b}  ")
        assert "strength: " in line and " - " in line
    assert "long run" in days[2] and "strength: rest from strength" in days[2]
    assert "long-run day" in days[2]
    assert sum("strength: A - Foundation A" in line or "strength: B - Foundation B" in line for line in days) >= 1
    assert "seed 0" not in out
    assert "“Strength Training 101”" in days[2]


def test_a_bad_config_key_is_reported_and_the_command_still_answers(config_dir: Path, capsys) -> None:
    write_config(config_dir, 'schema = 1\n[running]\nfocus = "sprint"\n')
    code, out, err = run(capsys, "today")
    assert code == 0
    assert "config.toml" in err and "running.focus" in err
    assert "Traceback" not in err
    assert "Plan: Runner foundation" in out


def test_an_unknown_plan_exits_1_with_a_clear_message(config_dir: Path, capsys) -> None:
    write_config(config_dir, 'schema = 1\nplan = "no-such-plan"\n')
    for command in ("today", "week"):
        code, out, err = run(capsys, command)
        assert code == 1 and out == ""
        assert "config.toml: plan: no plan 'no-such-plan'" in err
        assert "runner-foundation" in err and "Traceback" not in err


def test_a_broken_plan_exits_1_with_its_file_line_and_key(config_dir: Path, capsys, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('schema = 1\nname = "Broken"\nsessions_per_week = "often"\n', encoding="utf-8")
    code, out, err = run(capsys, "--plan", str(broken), "today")
    assert code == 1 and out == ""
    assert f"{broken}:3: sessions_per_week:" in err
    assert "Traceback" not in err


def test_text_from_plan_files_is_printed_literally(config_dir: Path, capsys) -> None:
    source = (Path(cli.__file__).resolve().parents[2] / "sample_plans" / "runner-foundation.toml").read_text(encoding="utf-8")
    plans = config_dir / "plans"
    plans.mkdir()
    (plans / "mine.toml").write_text(
        source.replace('name = "Runner foundation"', 'name = "[bold]Mine[/bold]"').replace('name = "Foundation A"', 'name = "[red]A day"'),
        encoding="utf-8",
    )
    write_config(config_dir, running(weekday_after(3), top='plan = "mine"'))
    code, out, err = run(capsys, "today")
    assert code == 0, err
    assert "Plan: [bold]Mine[/bold]" in out
    assert ": A - [red]A day" in out
