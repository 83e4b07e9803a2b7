"""Home: today's session at a glance, Enter to start it, and the week so far."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from strongstride.engine.week import Suggestion
from strongstride.model.kit import missing_kit, missing_kit_words
from strongstride.model.moments import local_now
from strongstride.model.sources import name_sources
from strongstride.model.visible_text import literal, visible
from strongstride.store.in_progress import SavedSession
from strongstride.model.session_summary import SessionSummary
from strongstride.tui.messages import EndUnfinished, PlanChosen, StartSession
from strongstride.tui.screens.steady import SteadyScreen
from strongstride.tui.startup import AppState
from strongstride.tui.widgets.fitted_footer import FittedFooter
from strongstride.tui.widgets.plan_picker import NEXT_MARK, TODAY_MARK, PlanSessionPicker
from strongstride.tui.widgets.problem_view import notify_problem
from strongstride.tui.widgets.running_today import running_today

RECENT_COUNT = 10


def week_count_line(done: int, target: int) -> Text:
    """ "This week: 1 of 3" with filled and empty boxes, so the count reads without colour."""
    line = Text("This week: ", style="bold")
    line.append(f"{done} of {target}  ")
    line.append("■" * min(done, target) + "□" * max(0, target - done))
    if done > target:
        line.append(f" +{done - target}")
    return line


def today_card(suggestion: Suggestion | None, notes: Sequence[str] = ()) -> Text:
    """What to do today, in words: the session or rest, any warning, the deciding reason and today's runs."""
    if suggestion is None:
        return Text("No plan could be loaded: press e to see why.", style="bold")
    card = Text(f"Today, {suggestion.day:%A %d %B}: ", style="bold")
    if suggestion.train:
        card.append(visible(suggestion.session_name), style="bold")
        card.append("  (train today)")
    elif suggestion.warning is not None:
        card.append(visible(suggestion.session_name), style="bold")
        card.append("  (not advised today)")
    else:
        card.append(visible(suggestion.session_name), style="bold")
    if suggestion.warning is not None:
        card.append("\n⚠ Warning: ", style="bold")
        card.append(visible(name_sources(suggestion.warning)))
    elif suggestion.reasons:
        card.append("\n")
        card.append(visible(name_sources(suggestion.reasons[-1])))
    if (running := running_today(suggestion, notes)) is not None:
        card.append("\n")
        card.append_text(running)
    card.append("\n")
    card.append_text(week_count_line(suggestion.done_this_week, suggestion.weekly_target))
    if suggestion.phase is not None:
        card.append("\nPhase: ", style="bold")
        card.append(visible(suggestion.phase.describe()))
    return card


def recent_lines(summaries: list[SessionSummary]) -> Text:
    """The last sessions, newest first, one line each: day, work sets and session (its name cut if too long)."""
    if not summaries:
        return Text("No sessions yet. Your first one starts with Enter.")
    lines = Text()
    for index, summary in enumerate(summaries):
        if index:
            lines.append("\n")
        lines.append(f"{summary.started_at:%a %d %b}  ")
        lines.append(f"{summary.work_sets:>2} sets  ", style="dim")
        lines.append(visible(summary.session_name or summary.session_id))
    return lines


def resume_banner(saved: SavedSession, session_name: str, filed: int | None) -> Text:
    """The unfinished session waiting to be resumed (from which machine, whether filed already), and its keys."""
    banner = Text("▶ Unfinished", style="bold")
    if saved.from_another_machine:
        banner.append(f" on {visible(saved.machine or '')}", style="bold")
    banner.append(": ", style="bold")
    banner.append(visible(f"{session_name}, {saved.header.started_at:%a %d %b %H:%M}.  "))
    if filed is not None:
        banner.append(f"Already in history with {filed} set{'s' if filed != 1 else ''}; resuming adds to it.  ")
    banner.append("r: resume   F: file it as it is   D: discard", style="bold")
    return banner


def problems_banner(count: int) -> Text:
    """How many files could not be read, and the key that lists them."""
    banner = Text(f"! {count} problem{'s' if count != 1 else ''} found in your files at start. ", style="bold")
    banner.append("Press e to see them.")
    return banner


def reasons_title(opened: bool) -> str:
    """The reasons' title: how w closes them, or (a large window shows them anyway) how it gives them the screen."""
    return "Why this suggestion (w to close)" if opened else "Why this suggestion (w: all of the screen)"


class HomeScreen(SteadyScreen[None]):
    """Today's suggested session (Enter starts it), a resume banner, the week so far, recent sessions."""

    DEFAULT_CSS = """
    HomeScreen { layout: vertical; }
    HomeScreen .banner { height: auto; padding: 0 1; background: $warning 20%; }
    HomeScreen #resume { background: $accent 20%; }
    HomeScreen #today { height: auto; padding: 0 1; border: round $primary; }
    HomeScreen #lower { height: 1fr; }
    HomeScreen PlanSessionPicker { width: 1fr; }
    HomeScreen #recent { width: 1fr; height: 1fr; padding: 0 1; border: round $secondary; }
    HomeScreen #recent.-listed { text-wrap: nowrap; text-overflow: ellipsis; }
    HomeScreen #reasons { height: 1fr; padding: 0 1; border: round $secondary; display: none; }
    HomeScreen.-reasons #reasons { display: block; }
    HomeScreen.-wide.-tall #reasons { display: block; height: auto; max-height: 40%; }
    HomeScreen.-wide.-tall.-reasons #reasons { height: 1fr; max-height: 100%; }
    HomeScreen.-reasons #lower { display: none; }
    """

    BINDINGS = [
        Binding("r", "resume", "Resume"),
        Binding("F", "file_unfinished", "File unfinished", show=False),
        Binding("D", "discard_unfinished", "Discard unfinished", show=False),
        Binding("w", "why", "Why"),
        Binding("p", "choose_plan", "Plans"),
    ]

    show_reasons: reactive[bool] = reactive(False, init=False)

    def __init__(self, state: AppState, clock: Callable[[], datetime] = local_now) -> None:
        super().__init__()
        self.state = state
        self.clock = clock      # the wall clock a calendar feed's age is told by

    def compose(self) -> ComposeResult:
        suggestion = self.state.suggestion()
        if self.state.problems:
            yield Static(problems_banner(len(self.state.problems)), id="problems", classes="banner")
        if self.state.in_progress is not None:
            banner = resume_banner(self.state.in_progress, self.state.in_progress_name(), self.state.in_progress_filed())
            yield Static(banner, id="resume", classes="banner")
        plan = self.state.plan
        if plan is not None and (missing := missing_kit_words(missing_kit(plan, self.state.library, self.state.config.equipment))):
            yield Static(literal(f"{missing}. p: the plans, with the kit each needs"), id="kit", classes="banner")
        today = Static(today_card(suggestion, self.state.calendar.notes), id="today")
        today.border_title = literal(plan.name if plan else "strongstride")
        yield today
        with Horizontal(id="lower"):
            yield PlanSessionPicker(
                list(self.state.plans.values()), self.state.plan_id, self.state.session_to_offer(suggestion),
                mark=TODAY_MARK if suggestion is not None and suggestion.session_id is not None else NEXT_MARK,
            )
            last = self.state.index.recent(RECENT_COUNT)
            recent = Static(recent_lines(last), id="recent", classes="-listed" if last else "")   # a line a session
            recent.border_title = "Recent sessions"
            yield recent
        with VerticalScroll(id="reasons") as reasons:
            reasons.border_title = reasons_title(self.show_reasons)
            yield Static(Text("\n".join(visible(name_sources(reason)) for reason in suggestion.reasons) if suggestion else ""))
        yield FittedFooter({"cycle_theme": ""})     # t still switches themes in a narrow window

    def on_mount(self) -> None:
        self.query_one(PlanSessionPicker).focus()
        if self.state.has_feeds():
            self.run_worker(self._refresh_calendar(), exclusive=True, group="calendar")

    async def _refresh_calendar(self) -> None:
        """Fetch stale calendar feeds in a thread, so the screen never waits on the network, then show them."""
        await asyncio.to_thread(self.state.refresh_calendar, self.clock())
        await self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("resume", "file_unfinished", "discard_unfinished"):
            return self.state.in_progress is not None
        return True

    def watch_show_reasons(self, show: bool) -> None:
        """Show the reasons in place of the lists; the picker takes the keys again when they close."""
        self.set_class(show, "-reasons")
        for reasons in self.query("#reasons"):
            reasons.border_title = reasons_title(show)
        if not show:
            self.query_one(PlanSessionPicker).focus()

    def action_why(self) -> None:
        """Show or hide every reason behind today's suggestion."""
        self.show_reasons = not self.show_reasons

    def action_resume(self) -> None:
        """Pick up the unfinished session where it stopped."""
        saved = self.state.in_progress
        if saved is not None:
            self.post_message(StartSession(saved.header.plan_id, saved.header.session_id, resume=True))

    def action_file_unfinished(self) -> None:
        """File the unfinished session in history as it stands, without going back into it."""
        self.post_message(EndUnfinished("file"))

    def action_discard_unfinished(self) -> None:
        """Throw the unfinished session away, after saying how many sets go with it."""
        saved = self.state.in_progress
        if saved is None:
            return
        from strongstride.tui.screens.confirm import Answer, ConfirmScreen

        sets = sum(1 for event in saved.events if event.get("type") in ("SetLogged", "HoldCompleted"))
        question = Text(f"Discard {visible(self.state.in_progress_name())}? ", style="bold")
        question.append(f"Its {sets} logged set{'s' if sets != 1 else ''} will not be kept anywhere." if sets
                        else "No set was logged in it yet.")
        answers = [Answer("D", "discard it", "discard"), Answer("F", "file it in history instead", "file")]
        self.app.push_screen(ConfirmScreen(question, answers), self._end_unfinished)

    def _end_unfinished(self, how: str | None) -> None:
        if how is not None:
            self.post_message(EndUnfinished(how))

    def action_choose_plan(self) -> None:
        """List the plans, each explained, to train from another."""
        from strongstride.tui.screens.plan_choice import PlanChoiceScreen   # not needed to paint home

        screen = PlanChoiceScreen(list(self.state.plans.values()), self.state.plan_id, self.state.library,
                                  self.state.config.equipment)
        self.app.push_screen(screen, self._plan_chosen)

    def _plan_chosen(self, plan_id: str | None) -> None:
        if plan_id is not None:
            self.post_message(PlanChosen(plan_id))

    async def on_plan_chosen(self, message: PlanChosen) -> None:
        notify_problem(self, self.state.choose_plan(message.plan_id))
        await self.reload()

    async def reload(self) -> None:
        """Show the state again (a new plan, a session just done), with the picker ready for keys."""
        await self.recompose()
        self.query_one(PlanSessionPicker).focus()
