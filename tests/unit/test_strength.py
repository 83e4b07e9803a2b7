"""What the runner can do now: one e1RM per exercise from recent sessions, or a known max when there is no history."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from strongstride.engine.history_view import latest_estimated_1rm
from strongstride.engine.rpe import estimate_1rm, fraction_to_failure
from strongstride.engine.strength import DECAY_PER_WEEK, DECAY_STARTS_DAYS, estimated_strength
from strongstride.model.config import KnownSet
from strongstride.model.log import SessionLog, SetLog

TODAY = date(2026, 3, 16)


def outing(days_ago: int, *sets: tuple[float, int, float], target_reps: int | None = None, unit: str = "kg") -> SessionLog:
    started = datetime.combine(TODAY - timedelta(days=days_ago), time(18))
    logs = tuple(
        SetLog("deadlift", n, started, unit=unit, reps=reps, load=load, rpe=rpe, target_reps=target_reps)  # type: ignore[arg-type]
        for n, (load, reps, rpe) in enumerate(sets, 1)
    )
    return SessionLog(f"s{days_ago}", "p", "A", started, unit=unit, sets=logs)  # type: ignore[arg-type]


def test_a_missed_set_counts_as_rpe_10_across_sessions() -> None:
    # 1 of 3 reps at 100 kg logged RPE 7 read as 1 @7 gave 112.1; the runner could do one rep, no more: 100.
    history = [outing(3, (100, 1, 7), target_reps=3)]
    assert latest_estimated_1rm(history, "deadlift", "kg") == pytest.approx(100)
    strength = estimated_strength(history, "deadlift", "kg", TODAY)
    assert strength is not None and strength.e1rm == pytest.approx(100)


def test_a_set_logged_below_the_chart_counts_by_the_least_e1rm_its_reading_allows() -> None:
    # 40 kg x 10 @5 is 5 reps left, 15 to failure; "easier than 5" (4) at least 6 left, 16; read as RPE 6 both were 14
    at_five = estimated_strength([outing(3, (40, 10, 5))], "deadlift", "kg", TODAY)
    easier = estimated_strength([outing(3, (40, 10, 4))], "deadlift", "kg", TODAY)
    assert at_five is not None and at_five.e1rm == pytest.approx(40 / fraction_to_failure(15))
    assert easier is not None and easier.e1rm == pytest.approx(40 / fraction_to_failure(16))
    assert easier.e1rm > at_five.e1rm > estimate_1rm(40, 10, 6.0)


def test_one_light_taper_session_does_not_lower_the_e1rm() -> None:
    heavy = outing(9, (100, 5, 8.5))                 # e1RM 121.4
    taper = outing(2, (80, 5, 6.5))                  # e1RM 103.4 on its own
    strength = estimated_strength([heavy, taper], "deadlift", "kg", TODAY)
    assert strength is not None and strength.e1rm == pytest.approx(estimate_1rm(100, 5, 8.5))
    assert strength.e1rm == pytest.approx(121.4, abs=0.05)
    assert strength.source == "e1RM 121.4 kg, the best of your last 2 sessions"


def test_only_the_last_few_sessions_count() -> None:
    old_best = outing(30, (120, 5, 8))
    recent = [outing(days, (90, 5, 8)) for days in (12, 8, 4)]
    strength = estimated_strength([old_best, *recent], "deadlift", "kg", TODAY)
    assert strength is not None and strength.e1rm == pytest.approx(estimate_1rm(90, 5, 8))


def test_time_away_lowers_the_estimate_by_a_stated_rule() -> None:
    fresh = estimated_strength([outing(DECAY_STARTS_DAYS, (100, 5, 8))], "deadlift", "kg", TODAY)
    away = estimated_strength([outing(DECAY_STARTS_DAYS + 21, (100, 5, 8))], "deadlift", "kg", TODAY)
    assert fresh is not None and away is not None
    assert fresh.e1rm == pytest.approx(estimate_1rm(100, 5, 8))
    assert away.e1rm == pytest.approx(fresh.e1rm * (1 - DECAY_PER_WEEK) ** 3)
    assert "3 weeks away" in away.source and f"{DECAY_PER_WEEK:.0%} a week" in away.source


def test_history_in_another_unit_is_converted() -> None:
    strength = estimated_strength([outing(3, (220.46226218487757, 1, 10), unit="lb")], "deadlift", "kg", TODAY)
    assert strength is not None and strength.e1rm == pytest.approx(100)


@pytest.mark.parametrize(
    ("known", "e1rm", "words"),
    [
        (KnownSet(120, 1), 120, "your known 1RM of 120 kg (config [known])"),
        (KnownSet(100, 5), estimate_1rm(100, 5, 10), "e1RM 115.9 kg from your known 5RM of 100 kg (config [known])"),
        (KnownSet(80, 5, 8), estimate_1rm(80, 5, 8), "e1RM 98.6 kg from your known 80 kg x 5 @8 (config [known])"),
    ],
)
def test_a_known_max_or_working_set_stands_in_for_history(known: KnownSet, e1rm: float, words: str) -> None:
    strength = estimated_strength([], "deadlift", "kg", TODAY, known)
    assert strength is not None and strength.e1rm == pytest.approx(e1rm)
    assert strength.source == words


def test_history_wins_over_a_known_max_and_nothing_known_is_none() -> None:
    strength = estimated_strength([outing(3, (100, 1, 10))], "deadlift", "kg", TODAY, KnownSet(150, 1))
    assert strength is not None and strength.e1rm == 100
    assert estimated_strength([], "deadlift", "kg", TODAY) is None
