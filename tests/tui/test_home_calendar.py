"""Home with a running calendar: today's run, recovery after a race, and a feed's cached copy when it fails."""

from __future__ import annotations

import os
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from textual.widgets import Static

from strongstride.store.calendar_feed import cache_file
from strongstride.tui.app import StrongstrideApp
from tests.tui.app_fixtures import NOW, TODAY, make_app

CALENDARS = Path(__file__).parent.parent / "data" / "calendars"


def shown(app: StrongstrideApp) -> str:
    return str(app.screen.query_one("#today", Static).render())


def event(uid: str, days: int, title: str, start: str | None = None) -> str:
    when = TODAY + timedelta(days=days)
    begins = f"DTSTART:{when:%Y%m%d}T{start}" if start else f"DTSTART;VALUE=DATE:{when:%Y%m%d}"
    return f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20250101T000000Z\r\n{begins}\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n"


def calendar_config(tmp_path: Path, *events: str) -> str:
    path = tmp_path / "plan.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n" + "".join(events) + "END:VCALENDAR\r\n",
                    encoding="utf-8", newline="")
    return f'schema = 1\n[running]\ncalendar = ["{path}"]\n'


async def test_home_shows_today_s_run_from_the_calendar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = calendar_config(tmp_path, event("r-EASY_RUN", 0, "🏃 Easy Run • 8km", "070000"))
    app = make_app(tmp_path, monkeypatch, config_text=config)
    async with app.run_test():
        assert "Running today: 🏃 Easy Run • 8km (easy run, 8 km, 07:00)" in shown(app)


async def test_home_says_recovering_from_the_marathon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    three_days_ago = calendar_config(tmp_path, event("m-RACE", -3, "🏃 42.2km Race • 42.2km"))
    app = make_app(tmp_path, monkeypatch, config_text=three_days_ago)
    async with app.run_test():
        assert "Recovering from the marathon: rest" in shown(app)
    (tmp_path / "later").mkdir()
    eight_days_ago = calendar_config(tmp_path, event("m-RACE", -8, "🏃 42.2km Race • 42.2km"))
    app = make_app(tmp_path / "later", monkeypatch, config_text=eight_days_ago)
    async with app.run_test():
        assert "Recovering from the marathon: light session" in shown(app)


async def test_a_feed_that_cannot_be_fetched_is_read_from_its_copy_and_its_age_shown(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    requests = []

    class Failing(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(503)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Failing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/runna.ics"
        copy = tmp_path / "cache" / cache_file(Path("."), url)
        copy.parent.mkdir(parents=True)
        today_run = event("t-TEMPO", 0, "🏃 Tempo • 8km")
        copy.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n" + today_run + "END:VCALENDAR\r\n",
                        newline="")
        three_hours_ago = (NOW - timedelta(hours=3)).timestamp()
        os.utime(copy, (three_hours_ago, three_hours_ago))
        app = make_app(tmp_path, monkeypatch, config_text=f'schema = 1\n[running]\ncalendar = "{url}"\n')
        assert requests == [] and [run.title for run in app.state.calendar.runs] == ["🏃 Tempo • 8km"], \
            "the copy is read at start, without the network"
        async with app.run_test() as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.pause()
            assert requests == ["/runna.ics"], "fetched in the background"
            card = shown(app)
            assert "Running plan from a copy 3 hours old (the feed could not be fetched: Service Unavailable)" in card
            assert "Running today: 🏃 Tempo • 8km" in card
    finally:
        server.shutdown()
        server.server_close()
