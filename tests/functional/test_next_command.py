"""`strongstride next` through cli.main: the next session's warm-ups, first work sets, reasons and what to bring."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from strongstride import cli
from strongstride.model.log import SessionLog, SetLog
from strongstride.store.history import HistoryStore, new_session_id


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def config(folders: Path, text: str) -> None:
    (folders / "config" / "config.toml").write_text(text, encoding="utf-8")


def squats_days_ago(days: int, load: float, reps: int, rpe: float) -> None:
    started = datetime.combine(date.today() - timedelta(days=days), time(7))
    sets = tuple(SetLog("back_squat", n, started, target_reps=reps, reps=reps, load=load, rpe=rpe) for n in (1, 2, 3))
    HistoryStore.default().save(SessionLog(new_session_id(started, "heavy-strength", "A"), "heavy-strength", "A", started,
                                           finished_at=started + timedelta(minutes=40), sets=sets))


def test_a_known_5rm_gives_a_first_session_with_a_ramp_and_a_real_work_set(folders: Path, capsys) -> None:
    config(folders, '[known]\nback_squat = "100 kg x 5"\n')
    code, out, err = run(capsys, "next", "--plan", "heavy-strength", "--session", "A")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Next: A - Squat day (Heavy strength), ")
    squat = lines.index("Back squat")
    assert lines[squat + 1] == ("  Warm-up: 20 kg x 8 (empty bar), 47.5 kg x 5 (about 50%), 67.5 kg x 3 (about 70%), "
                                "80 kg x 1 (about 85%)")
    assert lines[squat + 2] == "  First work set: 5 reps @ 95 kg, RPE 8 (25 + 10 + 2.5 per side)"
    assert "your known 5RM of 100 kg (config [known])" in lines[squat + 3]
    assert lines[-1].startswith("Bring: plates per side 25, ") and "dumbbells 2 kg" in lines[-1]


def test_a_known_set_under_a_mistyped_id_is_named_on_stderr_not_silently_dropped(folders: Path, capsys) -> None:
    config(folders, '[known]\nback-squat = "100 kg x 5"\n')
    code, out, err = run(capsys, "next", "--plan", "heavy-strength", "--session", "A")
    assert code == 0
    assert "config.toml:2: known.back-squat: no exercise has this id (did you mean 'back_squat'?)" in err
    assert "No history: a test set" in out   # the mistyped set is not used


def test_history_moves_the_next_session_on(folders: Path, capsys) -> None:
    squats_days_ago(4, 95.0, 5, 8.0)
    code, out, err = run(capsys, "--plan", "heavy-strength", "next", "--session", "A")
    assert code == 0, err
    assert "  First work set: 4 reps @ 97.5 kg, RPE 8 (25 + 10 + 2.5 + 1.25 per side)" in out.splitlines()
    assert "5 -> 4 reps (heavier: “Strength Training 101”, fewer reps as the load rises)" in out
    assert "seed 0" not in out


def test_json_has_every_exercise_with_its_warmups_and_first_set(folders: Path, capsys) -> None:
    squats_days_ago(4, 95.0, 5, 8.0)
    code, out, err = run(capsys, "next", "--plan", "heavy-strength", "--session", "A", "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert (answer["plan"], answer["session"], answer["unit"]) == ("heavy-strength", "A", "kg")
    squat = answer["exercises"][0]
    assert squat["id"] == "back_squat" and squat["first_set"]["load"] == 97.5 and squat["first_set"]["reps"] == 4
    assert [w["load"] for w in squat["warmup"]] == sorted(w["load"] for w in squat["warmup"]) and squat["warmup"]
    assert squat["first_set"]["plates_per_side"] == [25.0, 10.0, 2.5, 1.25]
    assert answer["bring"]["dumbbells"] == [2.0]


def test_without_a_session_it_is_the_one_the_app_would_start_today(folders: Path, capsys) -> None:
    code, out, err = run(capsys, "next")
    assert code == 0, err
    assert out.startswith("Next: A - Foundation A (Runner foundation)")
    assert "Why: No history: plan's start load 40 kg" in out


def test_an_unknown_session_is_a_problem_naming_the_ones_there_are(folders: Path, capsys) -> None:
    code, out, err = run(capsys, "next", "--session", "Z")
    assert code == 1 and out == ""
    assert err.strip() == "--session: session: plan 'runner-foundation' has no session 'Z' (it has A, B)"


def test_reps_flexed_past_the_range_are_shown_with_the_reason(folders: Path, capsys) -> None:
    # hamstring curls at the top of 8-10 @8.5 on the default 5 kg stack: 30 kg is past the band for 8 reps, 25 kg
    # under it for 10, so the next session asks 25 kg for 12 and says where the bound comes from.
    started = datetime.combine(date.today() - timedelta(days=4), time(7))
    sets = tuple(SetLog("hamstring_curl", n, started, target_reps=10, reps=10, load=25.0, rpe=7.0) for n in (1, 2))
    HistoryStore.default().save(SessionLog(new_session_id(started, "runner-foundation", "B"), "runner-foundation", "B",
                                           started, finished_at=started + timedelta(minutes=30), sets=sets))
    code, out, err = run(capsys, "next", "--plan", "runner-foundation", "--session", "B")
    assert code == 0, err
    lines = out.splitlines()
    curl = lines.index("Hamstring curl")
    first = next(i for i in range(curl, len(lines)) if "First work set" in lines[i])
    assert lines[first] == "  First work set: 12 reps @ 25 kg, RPE 8.5"
    assert lines[first + 1].startswith("  Why: ") and "8 -> 12 reps" in lines[first + 1]
    assert "the plan's 8-10 reps need a load between 25 kg and 30 kg" in lines[first + 1]
    assert "(at most 2 reps past the range: ACSM's one to two reps over)" in lines[first + 1]
