"""The garbage collector is paused while the app starts and collects again once the first screen is painted,
with what the start made frozen out of its sight; an app started with the collector running is left alone."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import strongstride.tui.run as run_module
from strongstride.cli import main
from tests.tui.app_fixtures import make_app


@pytest.fixture
def collector_restored() -> Iterator[None]:
    """Whatever a test does to the collector, the next test finds it running and nothing frozen."""
    yield
    gc.unfreeze()
    gc.enable()


@pytest.mark.parametrize("argv", [[], ["setup"]])
def test_opening_the_app_pauses_the_collector_before_the_app_is_loaded(
        argv: list[str], monkeypatch: pytest.MonkeyPatch, collector_restored: None) -> None:
    seen: list[bool] = []

    def run_app(args: argparse.Namespace, setup: bool = False) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(run_module, "run_app", run_app)
    assert main(argv) == 0
    assert seen == [False]


def test_a_plain_command_leaves_the_collector_running(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                      collector_restored: None) -> None:
    for kind in ("data", "config", "cache"):
        monkeypatch.setenv(f"STRONGSTRIDE_{kind.upper()}_DIR", str(tmp_path / kind))
    main(["exercises"])
    assert gc.isenabled()


async def test_the_app_collects_again_once_painted_with_the_start_frozen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None) -> None:
    app = make_app(tmp_path, monkeypatch)
    gc.disable()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() > 0


async def test_an_app_started_with_the_collector_running_freezes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None) -> None:
    frozen = gc.get_freeze_count()
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() == frozen
