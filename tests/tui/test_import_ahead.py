"""The screens home leads to, and the TOML reader, are imported by a thread once home is painted, not by the key that opens them."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import strongstride.tui.app as app_module
from tests.tui.app_fixtures import make_app


async def test_home_painted_a_thread_imports_the_session_history_and_summary_screens_and_the_toml_reader(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    imported: list[tuple[str, bool]] = []

    def noted(module: str) -> None:
        imported.append((module, threading.current_thread() is threading.main_thread()))

    monkeypatch.setattr(app_module, "import_module", noted)
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert imported == [(module, False) for module in app_module.HOME_LEADS_TO]
    assert {module.rsplit(".", 1)[-1] for module in app_module.HOME_LEADS_TO} == {"session", "history", "summary", "tomllib"}
