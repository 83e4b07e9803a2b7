"""How the first-run questions look at the smallest, the usual and a large window, on a first run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.app_fixtures import make_app


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_first_run_questions(size: tuple[int, int], snap_compare, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert snap_compare(make_app(tmp_path, monkeypatch, history=False, setup=True), terminal_size=size)


def test_the_first_run_questions_scrolled_to_the_running_week_at_60x20(
        snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False, setup=True)
    assert snap_compare(app, press=["tab", "tab", "tab", "tab"], terminal_size=(60, 20))
