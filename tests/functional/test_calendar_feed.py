"""A calendar feed served over HTTP on 127.0.0.1: fetched at most once an hour, cached, and used when it fails."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from strongstride.store.calendar_feed import cache_file, read_calendars, refresh_feeds

CALENDARS = Path(__file__).parent.parent / "data" / "calendars"
TODAY = date(2025, 3, 3)


class Feed:
    """What the test server answers, and how many requests it had."""

    def __init__(self) -> None:
        self.status = 200
        self.body = (CALENDARS / "runna.ics").read_bytes()
        self.requests = 0


@pytest.fixture
def feed() -> Iterator[tuple[Feed, str]]:
    state = Feed()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests += 1
            self.send_response(state.status)
            self.send_header("Content-Type", "text/calendar")
            self.end_headers()
            self.wfile.write(state.body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}/plan.ics"
    server.shutdown()
    server.server_close()


def age_files(cache: Path, url: str, hours: float) -> None:
    """Make the copy and the last try look `hours` old."""
    copy = cache_file(cache, url)
    when = (datetime.now() - timedelta(hours=hours)).timestamp()
    for path in (copy, copy.with_suffix(".last-try")):
        if path.exists():
            os.utime(path, (when, when))


def test_a_feed_is_fetched_cached_and_read(feed, tmp_path: Path) -> None:
    state, url = feed
    assert refresh_feeds([url], tmp_path, datetime.now(), timeout=5)
    assert state.requests == 1 and cache_file(tmp_path, url).exists()
    read = read_calendars([url], tmp_path, TODAY)
    assert read.read and read.problems == () and len(read.events) == 9
    assert read.notes(datetime.now()) == []


def test_a_feed_is_fetched_at_most_once_an_hour(feed, tmp_path: Path) -> None:
    state, url = feed
    refresh_feeds([url], tmp_path, datetime.now(), timeout=5)
    assert not refresh_feeds([url], tmp_path, datetime.now() + timedelta(minutes=59), timeout=5)
    assert state.requests == 1
    assert refresh_feeds([url], tmp_path, datetime.now() + timedelta(minutes=61), timeout=5)
    assert state.requests == 2


def test_when_the_feed_fails_the_cached_copy_is_used_and_its_age_said(feed, tmp_path: Path) -> None:
    state, url = feed
    refresh_feeds([url], tmp_path, datetime.now(), timeout=5)
    age_files(tmp_path, url, hours=3)
    state.status = 500
    assert not refresh_feeds([url], tmp_path, datetime.now(), timeout=5)
    assert state.requests == 2
    read = read_calendars([url], tmp_path, TODAY)
    assert read.read and len(read.events) == 9
    [note] = read.notes(datetime.now())
    assert note.startswith("Running plan from a copy 3 hours old (the feed could not be fetched: ")
    assert "Internal Server Error" in note


def test_a_feed_that_stops_being_a_calendar_keeps_the_last_good_copy(feed, tmp_path: Path) -> None:
    state, url = feed
    refresh_feeds([url], tmp_path, datetime.now(), timeout=5)
    age_files(tmp_path, url, hours=2)
    state.body = b"<html>Sign in</html>"
    refresh_feeds([url], tmp_path, datetime.now(), timeout=5)
    assert cache_file(tmp_path, url).read_bytes() == (CALENDARS / "runna.ics").read_bytes()
    [note] = read_calendars([url], tmp_path, TODAY).notes(datetime.now())
    assert "the feed is not a calendar" in note and "the last good copy is kept" in note


def test_a_feed_never_fetched_is_a_problem_and_the_weekday_lists_stay(tmp_path: Path) -> None:
    url = "http://127.0.0.1:9/never.ics"        # the discard port: nothing listens
    assert not refresh_feeds([url], tmp_path, datetime.now(), timeout=2)
    read = read_calendars([url], tmp_path, TODAY)
    assert not read.read and read.events == ()
    [problem] = read.problems
    assert problem.path == url and problem.key_path == "running.calendar"
    assert problem.message.startswith("not fetched: ") and "weekday lists in config are used" in problem.message


def test_reading_never_fetches(feed, tmp_path: Path) -> None:
    state, url = feed
    read = read_calendars([url], tmp_path, TODAY)
    assert state.requests == 0 and not read.read
    assert read.problems[0].message == "not fetched yet; the weekday lists in config are used meanwhile"
