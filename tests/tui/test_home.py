"""Home and the app shell: today's session on Enter, resume, plan picker, problems, quitting safely."""

from __future__ import annotations

import dataclasses
import io
import tomllib
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import OptionList, Static

from strongstride.tui.app import StrongstrideApp
from strongstride.tui.screens.errors import ProblemsScreen
from strongstride.model.session_summary import summarise_session
from strongstride.tui.screens.home import HomeScreen, recent_lines, week_count_line
from strongstride.tui.screens.plan_choice import PlanChoiceScreen
from strongstride.tui.screens.session import SessionScreen
from strongstride.tui.startup import load_app_state
from strongstride.tui.widgets.plan_picker import PlanSessionPicker
from strongstride.tui.widgets.rest_timer import RestTimer
from tests.tui.app_fixtures import NOW, TODAY, FakeClock, make_app, opened_app, past_sessions, user_folders
from tests.tui.session_harness import MonotonicClock

MARKUP_PLAN = """\
schema = 1
name = "[bold red]Mine[/]"
description = "My own plan."
level = "beginner"
sessions_per_week = 1
units = "kg"
source = "me"

[sessions.X]
name = "[link=x]Only[/link]"

[[sessions.X.blocks]]
exercise = "plank"
sets = 2
hold = 30
"""


def shown(app: StrongstrideApp, selector: str) -> str:
    """The plain text a Static shows."""
    return str(app.screen.query_one(selector, Static).render())


def recorder(app: StrongstrideApp, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, bool]]:
    """Replace start_session so a test sees what the session screens would be asked to open."""
    started: list[tuple[str, str, bool]] = []
    monkeypatch.setattr(app, "start_session", lambda plan_id, session_id, resume=False:
                        started.append((plan_id, session_id, resume)))
    return started


def test_week_count_reads_without_colour() -> None:
    assert week_count_line(1, 3).plain == "This week: 1 of 3  ■□□"
    assert week_count_line(4, 3).plain == "This week: 4 of 3  ■■■ +1"


async def test_with_no_config_and_no_history_enter_starts_the_bundled_plans_first_session(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False)
    started = recorder(app, monkeypatch)
    async with app.run_test() as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert app.state.plan_id == "runner-foundation"
        assert "Foundation A" in shown(app, "#today")
        await pilot.press("enter")
    assert started == [("runner-foundation", "A", False)]


async def test_enter_opens_the_session_screen_in_one_key_press(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        # After A, B, A the rotation offers B.
        setup = app.screen.keeper.session.setup
        assert (setup.plan.id, setup.template.id, setup.started_at) == ("runner-foundation", "B", NOW)
        assert app.state.lock is not None and app.state.lock.held
        await pilot.press("q")
        assert isinstance(app.screen, HomeScreen)
        assert app.state.lock is None, "leaving the session lets go of the lock"
        await pilot.press("q")
    assert app.return_code == 0, "keys work at home again after a session"


async def test_a_second_app_on_the_same_data_is_refused_a_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    other = StrongstrideApp(load_app_state(None, TODAY), clock=FakeClock(), wall_clock=lambda: NOW)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        async with other.run_test() as other_pilot:
            await other_pilot.press("enter")
            assert isinstance(other.screen, HomeScreen)
            assert any("another strongstride" in str(n.message) for n in other._notifications)


async def test_resume_rebuilds_the_unfinished_session_and_enter_never_starts_over_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, in_progress=True)
    async with app.run_test() as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.keeper.session.setup.uid == "2026-11-24T07-15-00_runner-foundation_B_x1y2z3"


async def test_home_shows_today_the_week_count_and_recent_sessions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test():
        today = shown(app, "#today")
        assert "Tuesday 24 November" in today and "Foundation B" in today
        assert "This week: 0 of 2" in today
        recent = shown(app, "#recent").splitlines()
        assert recent[0].startswith("Thu 19 Nov") and "Foundation A" in recent[0]
        assert len(recent) == 3
        assert not app.screen.query("#resume")


async def test_arrows_pick_another_session_of_the_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    started = recorder(app, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("up", "enter")
    assert started == [("runner-foundation", "A", False)]


async def test_an_unfinished_session_shows_a_banner_and_r_resumes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, in_progress=True)
    started = recorder(app, monkeypatch)
    async with app.run_test() as pilot:
        banner = shown(app, "#resume")
        assert "Unfinished: Foundation B (Runner foundation), Tue 24 Nov 07:15." in banner
        assert "r: resume" in banner
        await pilot.press("r")
    assert started == [("runner-foundation", "B", True)]


async def test_r_does_nothing_without_an_unfinished_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    started = recorder(app, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("r")
    assert started == []


async def test_quitting_keeps_the_unfinished_session_for_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, in_progress=True)
    saved = (tmp_path / "data" / "in-progress.toml").read_bytes()
    async with app.run_test() as pilot:
        await pilot.press("q")
    assert app.return_code == 0
    assert (tmp_path / "data" / "in-progress.toml").read_bytes() == saved


async def test_w_shows_every_reason_behind_the_suggestion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        assert not app.screen.query_one("#reasons").display
        await pilot.press("w")
        assert app.screen.query_one("#reasons").display
        reasons = str(app.screen.query_one("#reasons Static", Static).render())
        assert "Done this week: 0 of 2." in reasons
        await pilot.press("w")
        assert not app.screen.query_one("#reasons").display


async def test_p_lists_plans_and_enter_switches_plan_and_saves_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PlanChoiceScreen)
        plan_ids = [option.id for option in app.screen.query_one("#plan-list", OptionList).options]
        assert "runner-foundation" in plan_ids and len(plan_ids) >= 2
        target = next(plan_id for plan_id in plan_ids if plan_id != "runner-foundation")
        steps = plan_ids.index(target) - plan_ids.index("runner-foundation")
        await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
        await pilot.pause()
        assert app.state.plan_id == target
        assert isinstance(app.screen, HomeScreen) and app.screen.query_one(PlanSessionPicker).plan_id == target
        assert app.screen.query_one("#today").border_title == app.state.plans[target].plan.name
    config = tomllib.loads((tmp_path / "config" / "config.toml").read_text(encoding="utf-8"))
    assert config["plan"] == target


async def test_problems_at_start_show_in_the_app_literally_never_as_a_crash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = user_folders(tmp_path, monkeypatch)
    (folders["config"] / "config.toml").write_text("units = \n", encoding="utf-8")
    plans = folders["config"] / "plans"
    plans.mkdir()
    (plans / "broken.toml").write_text('name = "[red]x"\nlevel = "expert"\n', encoding="utf-8")
    (plans / "mine.toml").write_text(MARKUP_PLAN, encoding="utf-8")
    history_year = folders["data"] / "history" / "2026"
    history_year.mkdir(parents=True)
    (history_year / "2026-11-20T10-00-00_x_A_aaaaaa.toml").write_text("[[[", encoding="utf-8")
    app = StrongstrideApp(load_app_state(None, TODAY), clock=FakeClock())
    async with app.run_test() as pilot:
        assert "problems found in your files at start" in shown(app, "#problems")
        await pilot.press("e")
        assert isinstance(app.screen, ProblemsScreen)
        listed = "\n".join(str(s.render()) for s in app.screen.query(".problem").results(Static))
        assert "config.toml:1" in listed
        assert "broken.toml" in listed and "level" in listed
        assert "2026-11-20T10-00-00_x_A_aaaaaa.toml" in listed
        await pilot.press("b")
        assert isinstance(app.screen, HomeScreen)
        # A plan named with markup is offered under its literal name.
        await pilot.press("p")
        prompts = [str(option.prompt) for option in app.screen.query_one("#plan-list", OptionList).options]
        assert any(prompt.startswith("[bold red]Mine[/]") for prompt in prompts)


async def test_e_is_not_offered_when_nothing_went_wrong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query("#problems")


def test_strongstride_with_no_config_opens_the_app_on_the_bundled_plan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user_folders(tmp_path, monkeypatch)
    app = opened_app(monkeypatch, [])
    assert app.state.plan_id == "runner-foundation"
    assert app.state.plans["runner-foundation"].bundled
    assert app.state.problems == []


def test_plan_on_the_command_line_is_the_plan_trained_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = user_folders(tmp_path, monkeypatch)
    (folders["config"] / "mine.toml").write_text(MARKUP_PLAN, encoding="utf-8")
    assert opened_app(monkeypatch, ["--plan", "config/mine.toml"]).state.plan_id == "mine"
    app = opened_app(monkeypatch, ["--plan", "no-such-plan"])
    assert app.state.plan_id == "runner-foundation"
    assert [str(problem.path) for problem in app.state.problems] == ["--plan"]


LONG_RUN_TODAY = 'schema = 1\n[running]\nlong_run_days = ["tuesday"]\n'


async def test_a_long_run_day_shows_the_warning_and_training_anyway_stays_possible(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, config_text=LONG_RUN_TODAY)
    async with app.run_test() as pilot:
        today = shown(app, "#today")
        assert "(not advised today)" in today
        assert "Warning: Tuesday is your long-run day" in today
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen), "the runner may still train anyway"


async def test_home_shows_the_plans_phase_and_its_week(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = f'schema = 1\nplan = "ultra-block"\nplan_started = {TODAY.replace(day=10).isoformat()}\n'
    app = make_app(tmp_path, monkeypatch, config_text=config)
    async with app.run_test():
        assert "Phase: Base, week 3 of 6 (full volume)" in shown(app, "#today")


async def test_the_end_of_a_rest_rings_once_in_the_real_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    app.clock = clock = MonotonicClock()
    bells: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(1))
    async with app.run_test() as pilot:
        await pilot.press("enter", "enter", "enter", "8", "enter")   # start, warm-up done, log a set at RPE 8
        await pilot.pause()
        timer = app.screen.query_one(RestTimer)
        clock.advance(timer.duration + 1)
        timer.tick()
        await pilot.pause()
        assert bells == [1]
        assert len([n for n in app._notifications if "Rest over" in str(n.message)]) == 1


async def test_a_recent_session_keeps_to_one_line_cutting_its_name_not_its_sets(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)):
        recent = app.screen.query_one("#recent", Static)
        long_name = dataclasses.replace(past_sessions()[-1], session_name="Foundation A with the long hip and calf finisher")
        recent.update(recent_lines([summarise_session(long_name, "x.toml"), app.state.index.recent(1)[0]]))
        await app.screen.app.animator.wait_for_idle()
        drawn = [strip.text.strip("│ ") for strip in recent.render_lines(recent.region.reset_offset)]
        rows = [row for row in drawn if row.startswith("Thu")]
        assert rows[0].startswith("Thu 19 Nov   3 sets  Foundation A w") and rows[0].endswith("…")
        assert rows[1].startswith("Thu 19 Nov   3 sets  Foundation A") and not rows[1].endswith("…")


async def test_home_is_the_apps_first_screen_not_pushed_over_an_empty_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [HomeScreen]
        await pilot.press("h", "b")
        assert [type(screen) for screen in app.screen_stack] == [HomeScreen]
