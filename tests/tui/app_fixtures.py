"""Fixed data for app tests and snapshots: folders under tmp_path, three past sessions, a fixed today."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from strongstride.model.log import SessionLog, SetLog
from strongstride.store.history import HistoryStore
from strongstride.model.session_header import SessionHeader
from strongstride.store.in_progress import InProgressStore
from strongstride.tui.app import StrongstrideApp
from strongstride.tui.startup import load_app_state

TODAY = date(2026, 11, 24)          # a Tuesday: an easy day in the default running week
NOW = datetime(2026, 11, 24, 18, 0)


class FakeClock:
    """Monotonic seconds that move only when a test moves them."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point data, config and cache at fresh folders under tmp_path, named relative to it so
    paths shown on screen (and in snapshots) are the same on every run."""
    monkeypatch.chdir(tmp_path)
    folders = {kind: Path(kind) for kind in ("data", "config", "cache")}
    for kind, folder in folders.items():
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(f"STRONGSTRIDE_{kind.upper()}_DIR", kind)
    return folders


def _squat_and_hinge(at: datetime, squat: float, rpes: tuple[float, float]) -> tuple[SetLog, ...]:
    return (
        SetLog("quarter_squat", 1, at, kind="warmup", exercise_name="Quarter squat", reps=5, load=20.0),
        SetLog("quarter_squat", 1, at + timedelta(minutes=4), exercise_name="Quarter squat",
               target_reps=10, target_load=squat, target_rpe=8.5, reps=10, load=squat, rpe=rpes[0]),
        SetLog("romanian_deadlift", 1, at + timedelta(minutes=9), exercise_name="Romanian deadlift",
               target_reps=10, target_load=30.0, target_rpe=8.5, reps=9, load=30.0, rpe=rpes[1]),
        SetLog("plank", 1, at + timedelta(minutes=14), exercise_name="Plank", hold_seconds=40, rpe=7.0),
    )


def past_sessions() -> list[SessionLog]:
    """Three finished sessions of the bundled runner-foundation plan over two weeks."""
    starts = [datetime(2026, 11, 12, 18, 0), datetime(2026, 11, 16, 7, 30), datetime(2026, 11, 19, 18, 5)]
    return [
        SessionLog(
            id=f"{start:%Y-%m-%dT%H-%M-%S}_runner-foundation_{session_id}_abc123",
            plan_id="runner-foundation", session_id=session_id, started_at=start,
            finished_at=start + timedelta(minutes=38 + n), plan_name="Runner foundation",
            session_name=f"Foundation {session_id}", sets=_squat_and_hinge(start, 40.0 + 2.5 * n, (7.5 + n / 2, 8.0)),
        )
        for n, (start, session_id) in enumerate(zip(starts, "ABA"))
    ]


def write_history(folders: dict[str, Path]) -> None:
    """File the three past sessions in the tmp history folder."""
    store = HistoryStore(folders["data"], folders["cache"])
    for log in past_sessions():
        store.save(log)


def write_in_progress(folders: dict[str, Path]) -> None:
    """An unfinished session B, as a crash or a quit mid-session leaves it."""
    header = SessionHeader("2026-11-24T07-15-00_runner-foundation_B_x1y2z3", "runner-foundation", "B",
                           datetime(2026, 11, 24, 7, 15))
    InProgressStore(folders["data"] / "in-progress.toml").save(header, [])


def make_app(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    history: bool = True,
    in_progress: bool = False,
    config_text: str | None = None,
    setup: bool = False,
) -> StrongstrideApp:
    """The real app on fixed data: tmp folders, optional history, in-progress session and config; setup: over the first-run questions."""
    folders = user_folders(tmp_path, monkeypatch)
    if history:
        write_history(folders)
    if in_progress:
        write_in_progress(folders)
    if config_text is not None:
        (folders["config"] / "config.toml").write_text(config_text, encoding="utf-8")
    return StrongstrideApp(load_app_state(None, TODAY), clock=FakeClock(), wall_clock=lambda: NOW, setup=setup)


def opened_app(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> StrongstrideApp:
    """Run the command line, catching the app it would open instead of taking over the terminal."""
    from strongstride.cli import main

    opened: list[StrongstrideApp] = []
    monkeypatch.setattr(StrongstrideApp, "run", lambda self: opened.append(self))
    assert main(argv) == 0
    return opened[0]
