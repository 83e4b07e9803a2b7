"""How home, history and the problems screen look at 80x24, in each bundled theme, on fixed data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.app_fixtures import make_app

SIZE = (80, 24)
THEMES = ("strongstride-dark", "strongstride-light", "strongstride-colorblind")


def theme_config(theme: str) -> str:
    return f'schema = 1\ntheme = "{theme}"\n'


@pytest.mark.parametrize("theme", THEMES)
def test_home_in_each_theme(theme: str, snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, in_progress=True, config_text=theme_config(theme))
    assert snap_compare(app, terminal_size=SIZE)


@pytest.mark.parametrize("theme", THEMES)
def test_history_in_each_theme(theme: str, snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, config_text=theme_config(theme))
    assert snap_compare(app, press=["h"], terminal_size=SIZE)


def test_home_on_a_first_run_with_no_config_and_no_history(
        snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert snap_compare(make_app(tmp_path, monkeypatch, history=False), terminal_size=SIZE)


def test_home_with_every_reason_shown(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert snap_compare(make_app(tmp_path, monkeypatch), press=["w"], terminal_size=SIZE)


def test_home_listing_plans(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert snap_compare(make_app(tmp_path, monkeypatch), press=["p"], terminal_size=SIZE)


async def read_then(pilot, *keys: str) -> None:
    """Open the History screen's tab, let its worker read the history, then press the keys."""
    await pilot.press("h", keys[0])
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press(*keys[1:])
    await pilot.pause()


def test_history_trend(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert snap_compare(make_app(tmp_path, monkeypatch), run_before=lambda pilot: read_then(pilot, "2", "down"),
                        terminal_size=SIZE)


def test_history_charts(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert snap_compare(make_app(tmp_path, monkeypatch), run_before=lambda pilot: read_then(pilot, "4"),
                        terminal_size=SIZE)


def test_history_weeks(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert snap_compare(make_app(tmp_path, monkeypatch), press=["h", "3"], terminal_size=SIZE)


def test_problems_screen(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, config_text='schema = 1\nunits = "stone"\ntheme = "[b]x"\n')
    assert snap_compare(app, press=["e"], terminal_size=SIZE)


def test_home_on_a_long_run_day(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = 'schema = 1\n[running]\nlong_run_days = ["tuesday"]\n'
    assert snap_compare(make_app(tmp_path, monkeypatch, config_text=config), terminal_size=SIZE)
