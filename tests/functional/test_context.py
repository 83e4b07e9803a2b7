"""What the plain commands and the app load first: the past sessions the runner's week needs, and no more."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from strongstride.services.loading import WEEK_LOOKBACK_DAYS, past_session, sessions_for_the_week
from strongstride.engine.week import suggest_day
from strongstride.services.library import load_exercise_library
from strongstride.model.config import RunningWeek
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.log import SessionLog, SetLog
from strongstride.model.plan import Plan
from strongstride.model.plan_parser import load_plan_file
from strongstride.store.history import HistoryStore
from strongstride.store.plans import find_plan

TODAY = date(2026, 11, 19)   # a Thursday
EXERCISES = {"A": "goblet_squat", "B": "glute_bridge"}


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, ExerciseLibrary]:
    config = tmp_path_factory.mktemp("config")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STRONGSTRIDE_CONFIG_DIR", str(config))
        library, _ = load_exercise_library()
        return load_plan_file(find_plan("runner-foundation").path, library), library


def save(store: HistoryStore, days_back: int, plan_id: str, session_id: str, n: int) -> None:
    started = datetime.combine(TODAY - timedelta(days=days_back), datetime.min.time()) + timedelta(hours=7, minutes=n)
    exercise = EXERCISES.get(session_id, "plank")
    log = SessionLog(id=f"s{n:03d}", plan_id=plan_id, session_id=session_id, started_at=started,
                     sets=(SetLog(exercise, 1, started, reps=8, rpe=8.0),))
    store.save(log)


def write_history(store: HistoryStore, seed: int) -> None:
    """Sixty days of sessions one to three days apart, on the plan or another, and a few from long ago."""
    rng = random.Random(seed)
    days_back, n = 60, 0
    while days_back > -3:
        save(store, days_back, rng.choice(["runner-foundation", "other-plan"]), rng.choice("ABZ"), n)
        days_back -= rng.randint(1, 3)
        n += 1
    for days_back in rng.sample(range(100, 900), 3):
        n += 1
        save(store, days_back, "runner-foundation", rng.choice("AB"), n)


@pytest.mark.parametrize("seed", range(4))
def test_the_week_advises_the_same_from_recent_sessions_as_from_the_whole_history(
        setting: tuple[Plan, ExerciseLibrary], tmp_path: Path, seed: int) -> None:
    plan, library = setting
    store = HistoryStore(tmp_path / "data", tmp_path / "cache")
    write_history(store, seed)
    index = store.index()
    everything = [past_session(summary, library) for summary in index.summaries]
    for day in (TODAY + timedelta(days=ahead) for ahead in range(7)):
        chosen = sessions_for_the_week(index, plan, library, day)
        for race in (None, *(day + timedelta(days=ahead) for ahead in range(1, 12))):
            running = RunningWeek(long_run_days=("sunday",), hard_days=("tuesday",), race_date=race)
            assert (suggest_day(plan, library, running, None, chosen, day)
                    == suggest_day(plan, library, running, None, everything, day)), (day, race)


def test_only_recent_sessions_and_the_last_on_the_plan_are_read(setting: tuple[Plan, ExerciseLibrary],
                                                               tmp_path: Path) -> None:
    plan, library = setting
    store = HistoryStore(tmp_path / "data", tmp_path / "cache")
    for n, days_back in enumerate((300, 200, 100)):
        save(store, days_back, "runner-foundation", "AB"[n % 2], n)
    for n, days_back in enumerate((90, 60, WEEK_LOOKBACK_DAYS + 1, WEEK_LOOKBACK_DAYS - 1, 2), start=3):
        save(store, days_back, "other-plan", "A", n)
    chosen = sessions_for_the_week(store.index(), plan, library, TODAY)
    assert [(p.day, p.plan_id) for p in chosen] == [
        (TODAY - timedelta(days=100), "runner-foundation"),
        (TODAY - timedelta(days=WEEK_LOOKBACK_DAYS - 1), "other-plan"),
        (TODAY - timedelta(days=2), "other-plan"),
    ]
