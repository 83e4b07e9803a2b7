"""`strongstride stats` through cli.main on temporary folders: adherence, records, volume, bad files and options."""

from __future__ import annotations

import json
import os
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from strongstride import cli
from strongstride.commands import history
from strongstride.services import records as records_module
from strongstride.commands.stats import MONTHS_OF_WORK
from strongstride.model.calendar import month_start
from strongstride.model.units import KG_PER_LB
from strongstride.store.history import HistoryStore
from tests.functional import saved_history
from tests.functional.saved_history import Done

TODAY = date.today()
THIS_MONDAY = TODAY - timedelta(days=TODAY.weekday())


def save_session(folders: Path, day: date, *sets: Done, unit: str = "kg") -> Path:
    """A session of these sets on the day, at half past seven in the morning."""
    return saved_history.save_session(folders, datetime.combine(day, time(7, 30)), sets, unit)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["stats", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def section(out: str, heading: str) -> list[str]:
    """The lines of one section of the output: from its heading to the next blank line."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    end = next((i for i in range(start, len(lines)) if not lines[i]), len(lines))
    return lines[start:end]


def cells(lines: list[str]) -> list[list[str]]:
    """Each line's cells: text separated by two spaces or more."""
    return [re.split(r"\s{2,}", line.strip()) for line in lines]


def test_sessions_per_week_are_set_against_the_plans_target(folders: Path, capsys) -> None:
    for weeks_back, sessions in ((2, 2), (1, 1), (0, 1)):
        for n in range(sessions):
            save_session(folders, THIS_MONDAY - timedelta(weeks=weeks_back) + timedelta(days=2 * n),
                         ("back_squat", 8, 60.0, 8.0, None))
    code, out, err = run(capsys, "--weeks", "3")
    assert (code, err) == (0, "")
    assert section(out, "Sessions per week") == [
        "Sessions per week - target 2 (Runner foundation)",   # runner-foundation asks for two a week
        "Week of     Sessions  Target met",
        f"{THIS_MONDAY - timedelta(weeks=2):%Y-%m-%d}         2  yes",
        f"{THIS_MONDAY - timedelta(weeks=1):%Y-%m-%d}         1  no",
        f"{THIS_MONDAY:%Y-%m-%d}         1  this week",
        "Target met in 1 of 2 full weeks; this week so far: 1 of 2.",
    ]
    assert "\x1b[" not in out and "─" not in out


def test_personal_records_list_each_exercises_bests_with_their_dates(folders: Path, capsys) -> None:
    first, second = THIS_MONDAY - timedelta(weeks=3), THIS_MONDAY - timedelta(weeks=2)
    save_session(folders, first, ("back_squat", 5, 100.0, 10.0, None), ("plank", None, None, 8.0, 50),
                 ("push_up", 15, None, 8.0, None))
    save_session(folders, second, ("back_squat", 5, 100.0, 9.0, None), ("back_squat", 8, 90.0, 8.0, None),
                 ("plank", None, None, 8.0, 40), ("push_up", 18, None, 9.0, None))
    records = section(run(capsys)[1], "Personal records")
    assert records[1].split() == ["Exercise", "Record", "Best", "Date"]
    found = cells(records[2:])
    assert found[1:3] == [["heaviest 5 reps", "100 kg", f"{first}"], ["heaviest 8 reps", "90 kg", f"{second}"]]
    assert found[0][:2] == ["Back squat", "best e1RM"]
    assert ["Plank", "longest hold", "50 s", f"{first}"] in found
    assert ["Push-up", "most reps at bodyweight", "18 reps", f"{second}"] in found


def test_loads_and_volume_follow_the_configs_units(folders: Path, capsys) -> None:
    (folders / "config" / "config.toml").write_text('schema = 1\nunits = "lb"\n', encoding="utf-8")
    save_session(folders, TODAY, ("back_squat", 10, 100.0, None, None))
    out = run(capsys)[1]
    assert ["heaviest 10 reps", "220.5 lb", f"{TODAY}"] in cells(section(out, "Personal records"))
    volume = section(out, "Work per month")
    assert cells(volume[1:2]) == [["Month", "Volume (lb)"]]
    assert volume[-1].split()[:2] == [f"{TODAY:%Y-%m}", "2,204.6"]


def test_volume_covers_the_last_twelve_months_with_a_bar_for_each(folders: Path, capsys) -> None:
    save_session(folders, month_start(TODAY, 2) + timedelta(days=3), ("back_squat", 10, 50.0, 8.0, None))
    save_session(folders, TODAY, ("back_squat", 10, 100.0, 8.0, None))
    save_session(folders, month_start(TODAY, MONTHS_OF_WORK), ("back_squat", 10, 500.0, 8.0, None))   # too old
    volume = section(run(capsys)[1], "Work per month")
    rows = volume[2:]
    assert len(rows) == MONTHS_OF_WORK
    assert rows[-1].split() == [f"{TODAY:%Y-%m}", "1,000", "#" * 20]
    assert rows[-3].split() == [f"{month_start(TODAY, 2):%Y-%m}", "500", "#" * 10]
    assert rows[-2].split() == [f"{month_start(TODAY, 1):%Y-%m}", "-"]


def test_an_empty_history_says_so_and_succeeds(folders: Path, capsys) -> None:
    assert run(capsys) == (0, f"{history.EMPTY_HISTORY}\n", "")


def test_broken_files_are_reported_and_the_rest_still_counted(folders: Path, capsys) -> None:
    save_session(folders, TODAY, ("back_squat", 8, 60.0, 8.0, None))
    broken = folders / "data" / "history" / f"{TODAY.year}" / "broken.toml"
    broken.write_text("schema = 1\nid = [\n", encoding="utf-8")
    code, out, err = run(capsys)
    assert code == 0
    assert err.startswith(f"{broken}:") and len(err.splitlines()) == 1
    assert "this week so far: 1 of 2." in out


def test_weeks_must_be_at_least_one(folders: Path, capsys) -> None:
    assert run(capsys, "--weeks", "0") == (2, "", "strongstride stats: --weeks must be 1 or more, not 0\n")


def test_a_plan_that_cannot_be_found_is_reported(folders: Path, capsys) -> None:
    (folders / "config" / "config.toml").write_text('schema = 1\nplan = "no-such-plan"\n', encoding="utf-8")
    code, out, err = run(capsys)
    assert (code, out) == (1, "")
    assert "config.toml" in err and "no-such-plan" in err


# -- the records cache ------------------------------------------------------------------------

@pytest.fixture
def folded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many sessions each count of records folds in."""
    counts: list[int] = []
    real = records_module.add_sessions

    def counting(records, summaries, unit):
        summaries = list(summaries)
        counts.append(len(summaries))
        return real(records, summaries, unit)

    monkeypatch.setattr(records_module, "add_sessions", counting)
    return counts


def all_time(folders: Path, unit: str = "kg") -> dict:
    store = HistoryStore(folders / "data", folders / "cache")
    return records_module.all_time_records(store.index(), unit, store)


def test_records_are_kept_and_only_new_sessions_are_folded_in(folders: Path, folded: list[int]) -> None:
    save_session(folders, TODAY - timedelta(days=9), ("back_squat", 5, 100.0, 9.0, None))
    save_session(folders, TODAY - timedelta(days=7), ("back_squat", 8, 90.0, 8.0, None))
    first = all_time(folders)
    assert folded == [2]
    assert all_time(folders) == first and folded == [2]   # nothing new: the cache answers alone
    save_session(folders, TODAY, ("back_squat", 5, 105.0, 9.0, None), ("plank", None, None, 8.0, 60))
    extended = all_time(folders)
    assert folded[-1] == 1
    store = HistoryStore(folders / "data", folders / "cache")
    assert extended == records_module.add_sessions({}, store.index().summaries, "kg")
    assert extended["back_squat"].heaviest_for_reps[5].value == 105.0 and "plank" in extended


def test_an_edited_file_or_another_unit_counts_every_session_again(folders: Path, folded: list[int]) -> None:
    old = save_session(folders, TODAY - timedelta(days=9), ("back_squat", 5, 100.0, 9.0, None))
    save_session(folders, TODAY, ("back_squat", 5, 90.0, 9.0, None))
    all_time(folders)
    stat = old.stat()
    old.write_bytes(old.read_bytes().replace(b"load = 100.0", b"load = 80.0"))
    os.utime(old, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert all_time(folders)["back_squat"].heaviest_for_reps[5].value == 90.0 and folded[-1] == 2
    in_lb = all_time(folders, "lb")
    assert folded[-1] == 2 and in_lb["back_squat"].heaviest_for_reps[5].value == pytest.approx(90.0 / KG_PER_LB)


def test_a_damaged_records_cache_is_counted_again(folders: Path, folded: list[int]) -> None:
    save_session(folders, TODAY, ("back_squat", 5, 100.0, 9.0, None))
    first = all_time(folders)
    cache = folders / "cache" / "records.json"
    for damage in ("not json", '{"version": 1}', cache.read_text().replace('"back_squat"', "7")):
        cache.write_text(damage, encoding="utf-8")
        assert all_time(folders) == first and folded[-1] == 1


def test_records_survive_the_cache_unchanged() -> None:
    kept = records_module.ExerciseRecords(
        "back_squat", "Back squat", "kg", heaviest_for_reps={5: records_module.Record(102.5, TODAY)},
        best_e1rm=records_module.Record(118.123456, TODAY), longest_hold=None,
        most_bodyweight_reps=records_module.Record(12, TODAY - timedelta(days=1)),
    )
    again = records_module.records_from_json(json.loads(json.dumps(records_module.records_to_json(kept))), "kg")
    assert again == kept and isinstance(again.most_bodyweight_reps.value, int)


def test_rescan_notices_an_edit_made_in_place_in_a_settled_year(folders: Path, capsys) -> None:
    old = save_session(folders, date(2019, 5, 6), ("back_squat", 5, 100.0, 9.0, None))
    assert ["heaviest 5 reps", "100 kg", "2019-05-06"] in cells(section(run(capsys)[1], "Personal records"))
    with old.open("r+b") as file:   # in place, as nano writes: the 2019 folder itself is unchanged
        edited = file.read().replace(b"load = 100.0", b"load = 110.0")
        file.seek(0)
        file.write(edited)
    assert ["heaviest 5 reps", "100 kg", "2019-05-06"] in cells(section(run(capsys)[1], "Personal records"))
    assert ["heaviest 5 reps", "110 kg", "2019-05-06"] in cells(section(run(capsys, "--rescan")[1], "Personal records"))
    assert ["heaviest 5 reps", "110 kg", "2019-05-06"] in cells(section(run(capsys)[1], "Personal records"))


def test_with_a_body_weight_the_best_e1rm_is_also_a_multiple_of_it(folders: Path, capsys) -> None:
    save_session(folders, THIS_MONDAY - timedelta(weeks=1), ("back_squat", 1, 120.0, 10.0, None),
                 ("push_up", 15, None, 8.0, None))
    before = cells(section(run(capsys)[1], "Personal records"))
    assert ["Back squat", "best e1RM", "120 kg", f"{THIS_MONDAY - timedelta(weeks=1)}"] in before
    (folders / "config" / "config.toml").write_text("schema = 1\nbody_weight = 80\n", encoding="utf-8")
    found = cells(section(run(capsys)[1], "Personal records"))
    assert ["Back squat", "best e1RM", "120 kg = 1.50x body weight", f"{THIS_MONDAY - timedelta(weeks=1)}"] in found
    assert ["heaviest 1 rep", "120 kg", f"{THIS_MONDAY - timedelta(weeks=1)}"] in found
    assert not any("body weight" in cell for row in found if row[0] == "Push-up" for cell in row)


def test_weeks_and_months_before_the_first_session_are_not_counted(folders: Path, capsys) -> None:
    first = THIS_MONDAY - timedelta(weeks=2)
    save_session(folders, first, ("back_squat", 5, 100.0, 8.0, None))
    save_session(folders, TODAY, ("back_squat", 5, 100.0, 8.0, None))
    out = run(capsys)[1]
    weeks = cells(section(out, "Sessions per week")[2:-1])
    assert [row[0] for row in weeks] == [f"{THIS_MONDAY - timedelta(weeks=back)}" for back in (2, 1, 0)]
    assert section(out, "Sessions per week")[-1] == f"Target met in 0 of 2 full weeks; this week so far: 1 of 2."
    months = [row[0] for row in cells(section(out, "Work per month")[2:])]
    assert months[0] == f"{first:%Y-%m}" and months[-1] == f"{TODAY:%Y-%m}"


def test_bodyweight_only_history_shows_reps_and_time_held_instead_of_an_empty_volume(folders: Path, capsys) -> None:
    save_session(folders, TODAY, ("push_up", 12, None, 8.0, None), ("push_up", 10, None, 8.0, None),
                 ("plank", None, None, 8.0, 40))
    out = run(capsys)[1]
    assert section(out, "Sessions per week")[-1] == "No full weeks yet; this week so far: 1 of 2."
    work = cells(section(out, "Work per month")[1:])
    assert work[0] == ["Month", "Bodyweight reps", "Held (m:ss)"]
    assert work[-1][:3] == [f"{TODAY:%Y-%m}", "22", "0:40"]
    assert "Volume" not in out and "e1RM" not in out


def test_no_work_in_the_last_twelve_months_names_the_last_session(folders: Path, capsys) -> None:
    save_session(folders, TODAY - timedelta(days=500), ("back_squat", 5, 100.0, 8.0, None))
    work = section(run(capsys)[1], "Work per month")
    assert work[1] == f"None in the last 12 months; the last session was on {TODAY - timedelta(days=500)}."


def test_plot_draws_each_chart_with_dates_values_and_words_and_no_escape_codes_under_no_color(
        folders: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")     # even a terminal gets no colour when NO_COLOR is set
    save_session(folders, THIS_MONDAY - timedelta(weeks=1), ("back_squat", 5, 100.0, 8.0, None), ("plank", None, None, 7.0, 40))
    save_session(folders, THIS_MONDAY, ("back_squat", 5, 110.0, 8.0, None), ("plank", None, None, 7.0, 55))
    code, out, err = run(capsys, "--plot", "--weeks", "2")
    assert (code, err) == (0, "")
    assert "\x1b" not in out
    for title in ("Sessions per week (target 2)", "Volume per month (kg)", "Time held per month (m:ss)",
                  "Back squat: e1RM and heaviest set (kg)", "Plank: longest hold (s)"):
        assert title in out
    last_week = f"{THIS_MONDAY - timedelta(weeks=1)}"
    assert f"{last_week}: 1" in out.splitlines()                       # the words under the weekly chart
    assert f"e1RM: 2 sessions, first 123.3 on {last_week}, latest 135.6 on {THIS_MONDAY}" in out   # 5 @8: 81.1%
    axis_values = {line.split("┤")[0].strip() for line in out.splitlines() if "┤" in line}
    assert {"0", "1", "120"} <= axis_values                            # values on the axes


def test_plot_in_a_pipe_has_no_escape_codes_and_a_terminal_gets_colour(folders: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    save_session(folders, TODAY, ("back_squat", 5, 100.0, 8.0, None))
    out = run(capsys, "--plot")[1]
    assert "Sessions per week (target 2)" in out and "\x1b" not in out
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run(capsys, "--plot")[1]
    assert re.search(r"\x1b\[(\d+;)*(3[0-8]|9[0-7])[;m]", coloured)        # the series in a colour
    assert "Back squat: e1RM and heaviest set (kg)" in re.sub(r"\x1b\[[0-9;]*m", "", coloured)
