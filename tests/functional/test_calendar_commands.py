"""`today` and `week` with a calendar in config: the day's runs beside the advice, `--why`, broken files, fallback."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from strongstride import cli

TODAY = date.today()


def ics(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def all_day(uid: str, when: date, title: str, description: str = "") -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20250101T000000Z\r\nDTSTART;VALUE=DATE:{when:%Y%m%d}\r\n"
            f"SUMMARY:{title}\r\nDESCRIPTION:{description}\r\nEND:VEVENT\r\n")


def timed(uid: str, when: date, start: str, end: str, title: str) -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:{when:%Y%m%d}T{start}\r\n"
            f"DTEND:{when:%Y%m%d}T{end}\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n")


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def set_up(folders: Path, calendar_text: str, running: str = "") -> Path:
    path = folders / "plan.ics"
    path.write_text(calendar_text, encoding="utf-8", newline="")
    tomorrow = f"{days(1):%A}".lower()     # the weekday list says tomorrow: the calendar overrules it
    (folders / "config" / "config.toml").write_text(
        f'schema = 1\n[running]\ncalendar = "{path}"\nlong_run_days = ["{tomorrow}"]\n{running}', encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_today_shows_the_day_s_runs_and_when_strength_fits(folders: Path, capsys) -> None:
    rest_of_week = [all_day(f"l{n}", days(n), "Long run") for n in range(1, 7 - TODAY.weekday())]
    set_up(folders, ics(timed("a1", TODAY, "063000", "073000", "Track: 6x800"), *rest_of_week),
           running="strength_before_long_run = true\n")     # today is the only day left for strength this week
    code, out, err = run(capsys, "today")
    assert code == 0, err
    assert "Running today: Track: 6x800 (quality run, 06:30)" in out
    assert "When: from 13:30, 6 hours after your quality run ends at 07:30" in out
    assert "Robineau et al. 2016" in out


def test_the_calendar_replaces_the_weekday_lists_in_config(folders: Path, capsys) -> None:
    set_up(folders, ics(all_day("r1-LONG_RUN", days(3), "🏃 14km Long Run • 14km")))
    code, out, err = run(capsys, "week")
    assert code == 0, err
    lines = out.splitlines()[1:8]
    assert "🏃 14km Long Run • 14km (long run, 14 km)" in lines[3] and "long-run day" in lines[3]
    assert "is your long run" in lines[2]
    assert "long-run day" not in lines[1], "long_run_days in config no longer applies"


def test_week_why_shows_how_each_event_was_read(folders: Path, capsys) -> None:
    set_up(folders, ics(all_day("runna-1-LEGS_AND_CORE", days(2), "🏋️ Legs and Core"),
                        all_day("g1", days(4), "Dentist"),
                        timed("g2", days(5), "090000", "093000", "Parkrun")))
    code, out, err = run(capsys, "week", "--why")
    assert code == 0, err
    why = out[out.index("How your calendar was read:"):]
    assert f"{days(2):%a %d %b} all day  🏋️ Legs and Core -> strength (running plan) (the UID type says 'legs and core')" in why
    assert f"{days(5):%a %d %b} 09:00    Parkrun -> quality run (the title says 'parkrun')" in why
    assert f"{days(4):%a %d %b}          Dentist -> not training" in why


def test_a_broken_calendar_is_a_problem_with_its_line_and_the_weekday_lists_are_used(folders: Path, capsys) -> None:
    path = set_up(folders, "not a calendar at all\r\n")
    code, out, err = run(capsys, "today")
    assert code == 0
    assert f"{path}:1: (calendar): not a calendar that can be read" in err
    _, out, _ = run(capsys, "week", "--why")
    assert "No calendar was read: the runs come from the weekday lists in config." in out
    assert "long run" in out.splitlines()[2]


def test_a_bad_calendar_key_is_reported_with_its_line(folders: Path, capsys) -> None:
    (folders / "config" / "config.toml").write_text('schema = 1\n[running]\ncalendar = "plan.ics"\n', encoding="utf-8")
    code, _, err = run(capsys, "today")
    assert code == 0
    assert "config.toml:3: running.calendar: must be a whole path, from / or ~, or an https or webcal address" in err
