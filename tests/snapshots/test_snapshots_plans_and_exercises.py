"""How the plan picker and the exercise page look in a small, a standard and a large window, on fixed data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.app_fixtures import make_app

SIZES = ((60, 20), (80, 24), (120, 40))
NO_KIT = 'schema = 1\n[equipment]\nowned = []\n'


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_plan_picker(size: tuple[int, int], snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert snap_compare(make_app(tmp_path, monkeypatch, config_text=NO_KIT), press=["p"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_exercise_page(size: tuple[int, int], snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = NO_KIT.replace("[equipment]", 'plan = "bodyweight-beginner"\n[equipment]')
    app = make_app(tmp_path, monkeypatch, config_text=config)
    assert snap_compare(app, press=["enter", "enter", "i"], terminal_size=size)
