"""The live session: renders the engine's state and turns the runner's keys into engine events.

No training logic lives here. Each key becomes an event for the SessionKeeper (which saves it at
once); what to show next is read back from the keeper's state. A refused event is shown in place
with its reason, a failed save as a warning bar, and the session carries on either way.
"""

from __future__ import annotations

import math

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Label

from strongstride.engine.events import (
    Event,
    ExerciseSkipped,
    HoldCompleted,
    RestChanged,
    RestEnded,
    SetEdited,
    SetLogged,
    SetSkipped,
    VariationSwapped,
    WarmupDone,
)
from strongstride.engine.loading import step_load
from strongstride.engine.session import InvalidEvent
from strongstride.engine.session_state import RestState, SessionState, SetCard, Step
from strongstride.services.keeper import SessionKeeper
from strongstride.model.exercise import Exercise
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.kit import can_do
from strongstride.model.log import Side
from strongstride.model.moments import local_now, seconds_between
from strongstride.model.visible_text import literal, visible
from strongstride.tui.clock import rest_clock
from strongstride.tui.rest_alert import FLASH_SECONDS, sound_and_notify
from strongstride.tui.screens.confirm import Answer, ConfirmScreen
from strongstride.tui.screens.exercise_page import ExercisePageScreen
from strongstride.tui.screens.edit_set import SetChoiceScreen, editable_sets, logged_card
from strongstride.tui.screens.hold import HoldResult, HoldScreen
from strongstride.tui.screens.log_set import LogSetScreen, SetEntry
from strongstride.tui.screens.rpe_help import RpeHelpScreen
from strongstride.tui.screens.steady import SteadyScreen
from strongstride.tui.screens.summary import SummaryScreen
from strongstride.tui.widgets.fitted_footer import FittedFooter
from strongstride.tui.widgets.rest_timer import ADJUST_STEP, RestTimer, clock_face
from strongstride.tui.widgets.session_rest import RestPanel
from strongstride.tui.widgets.session_status import SessionStatus
from strongstride.tui.widgets.session_warmup import DonePanel, WarmupPanel, left_words
from strongstride.tui.widgets.set_card import SetCardView, next_set_words

Direction = Literal["easier", "harder"]
ELAPSED_TICK_SECONDS = 1.0
SAVE_RETRY_SECONDS = 15.0   # while saves fail, how often to try again without waiting for a key

ALL_STEPS: tuple[Step, ...] = ("warmup", "set", "rest", "done")


@dataclass(frozen=True)
class SessionKey:
    """One row of the session's key table: keys, action, footer words, the steps it acts in, any further test."""

    keys: str
    action: str
    description: str
    steps: tuple[Step, ...] = ALL_STEPS
    show: bool = True
    key_display: str | None = None
    when: str | None = None        # a SessionScreen method (state, parameters) -> bool that must also agree
    short: str | None = None       # the footer's words in a narrow window

    @property
    def name(self) -> str:
        return self.action.split("(", 1)[0]

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.description, show=self.show, key_display=self.key_display)


# The one table the bindings, the footer, check_action and the rest screen's key line come from.
# Where keys overlap, the first row enabled at the step wins (Enter starts a hold before it logs one).
SESSION_KEYS: tuple[SessionKey, ...] = (
    SessionKey("enter", "warmup_done", "Warm-up done", ("warmup",), short="Done"),
    SessionKey("space", "warmup_timer", "Timer", ("warmup",)),
    SessionKey("enter,space", "start_hold", "Start hold", ("set",), when="has_hold_timer", short="Hold"),
    SessionKey("enter,l", "log", "Log set", ("set",), short="Log"),
    SessionKey("s", "skip_set", "Skip set", ("set",), short="Skip"),
    SessionKey("x", "skip_exercise", "Skip exercise", ("set",)),
    SessionKey("v", "swap('v')", "Swap", ("set",), when="has_swap"),
    SessionKey("V", "swap('V')", "Swap", ("set",), show=False, when="has_swap"),
    SessionKey("i", "exercise_page", "How to", ("set",), short=""),   # a narrow footer leaves it out first; i still works
    SessionKey("s", "skip_rest", "Skip rest", ("rest",), short="Skip"),
    SessionKey("plus,equals_sign,right", f"rest({ADJUST_STEP})", f"{ADJUST_STEP} s longer", ("rest",), key_display="+",
               short=f"{ADJUST_STEP} s"),
    SessionKey("minus,left", f"rest(-{ADJUST_STEP})", f"{ADJUST_STEP} s shorter", ("rest",), key_display="-",
               short=f"{ADJUST_STEP} s"),
    SessionKey("enter", "rest_over", "Next set", ("rest",), show=False),
    SessionKey("enter", "summary", "Finish", ("done",)),
    SessionKey("e", "edit", "Edit set", ("warmup", "set", "rest"), when="has_set_done", short="Edit"),
    SessionKey("u", "undo", "Undo set", when="has_logged", short="Undo"),
    SessionKey("f", "finish_now", "Finish", ("warmup", "set", "rest"), show=False),
    SessionKey("q", "leave", "Leave"),
    SessionKey("question_mark", "explain_rpe", "What is RPE?", show=False),
    SessionKey("up", "scroll(-1)", "Scroll up", show=False),
    SessionKey("down", "scroll(1)", "Scroll down", show=False),
)
KEY_STEPS: dict[str, tuple[Step, ...]] = {row.name: row.steps for row in SESSION_KEYS}
KEY_TESTS: dict[str, str] = {row.name: row.when for row in SESSION_KEYS if row.when}
SHORT_WORDS: dict[str, str] = {row.action: row.short for row in SESSION_KEYS if row.short is not None} | {
    "cycle_theme": "", "history": ""}    # the app's t and h still work in a session; the footer drops them when full


KEY_NAMES = {"plus": "+", "minus": "-", "right": "→", "left": "←", "enter": "Enter", "space": "Space"}


def keys_line(step: Step) -> str:
    """The keys of one step, as one line: "s Skip rest   + / → 15 s longer   - / ← 15 s shorter"."""
    def names(keys: str) -> str:
        return " / ".join(KEY_NAMES.get(key, key) for key in keys.split(",") if key != "equals_sign")
    return "   ".join(f"{names(row.keys)} {row.description}"
                      for row in SESSION_KEYS if step in row.steps and row.show and row.steps != ALL_STEPS)


def swap_keys(card: SetCard, exercises: Mapping[str, Exercise]) -> dict[str, tuple[Direction, Exercise]]:
    """What v and V swap to: v the variation the coach offers (else the easier), V the other one."""
    ladder: dict[Direction, Exercise] = {}
    links: tuple[tuple[Direction, str | None], ...] = (("easier", card.exercise.easier), ("harder", card.exercise.harder))
    for direction, link in links:
        if link is not None and link in exercises:
            ladder[direction] = exercises[link]
    offered = card.target.offer_variation
    order: list[Direction] = [offered] if offered in ladder else []
    order += [d for d in ("easier", "harder") if d in ladder and d not in order]
    return dict(zip(("v", "V"), ((d, ladder[d]) for d in order)))


def swap_words(keys: dict[str, tuple[Direction, Exercise]]) -> str:
    """ "v: easier, Goblet squat   V: harder, Back squat" for the card's last line."""
    return "   ".join(f"{key}: {direction}, {exercise.name}" for key, (direction, exercise) in keys.items())


class SessionScreen(SteadyScreen[Path | None]):
    """Runs a live session set by set; q leaves with the session kept in progress for resume."""

    DEFAULT_CSS = """
    SessionScreen #session-warning { background: $error; color: $text; text-style: bold; width: 1fr; padding: 0 1; }
    SessionScreen #session-notice { background: $boost; color: $warning; text-style: bold; width: 1fr; padding: 0 1; }
    SessionScreen #session-notice.-refused { color: $error; }
    SessionScreen ContentSwitcher { height: 1fr; }
    SessionScreen ContentSwitcher > * { height: 1fr; overflow-y: auto; scrollbar-size-vertical: 1; }
    SessionScreen.-short BigNumber .big-number-label { display: none; }
    SessionScreen.-short SetCardView #card-effort { height: 4; }
    SessionScreen.-short RestTimer #rest-keys { display: none; }
    SessionScreen.-short RestTimer ProgressBar { margin: 0; }
    SessionScreen.-short RestPanel #rest-next { margin: 0; }
    SessionScreen.-wide.-tall RestPanel .rest-roomy { display: block; }
    SessionScreen.-wide.-tall SetCardView {
        height: auto; max-height: 100%; border: round $primary; margin: 1 2; padding: 1 2;
    }
    SessionScreen.-wide.-tall SetCardView .card-roomy { display: block; }
    SessionScreen.-wide.-tall SetCardView .card-tight { display: none; }
    SessionScreen.-wide.-tall RestPanel { padding: 1 2; }
    SessionScreen.-flash { background: $warning; }
    SessionScreen.-flash #rest RestPanel * { color: $background; }
    SessionScreen.-flash RestTimer { border: heavy $background; }
    """

    BINDINGS = [row.binding() for row in SESSION_KEYS]

    def __init__(
        self,
        keeper: SessionKeeper,
        clock: Callable[[], datetime] = local_now,
        monotonic: Callable[[], float] = rest_clock,
    ) -> None:
        super().__init__()
        self.keeper = keeper
        self.clock = clock
        self.monotonic = monotonic
        self.rest_origins: dict[datetime, float] = {}   # rest start (wall clock) -> same moment on the monotonic clock
        self.shown_rest: RestState | None = None
        self.refusal = ""
        self.hint = ""        # a word on a key pressed at the wrong moment, until the next event
        self.flash_until: float | None = None   # the monotonic moment the end-of-rest flash goes out

    @property
    def state(self) -> SessionState:
        return self.keeper.state

    # -- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        setup = self.keeper.session.setup
        yield SessionStatus(f"{setup.template.name} · {setup.plan.name}", setup.started_at)   # the session first: cut last
        yield Label("", id="session-warning")
        yield Label("", id="session-notice")
        with ContentSwitcher(initial="set"):
            yield WarmupPanel(id="warmup")
            yield SetCardView(id="set")
            yield Vertical(id="rest")
            yield DonePanel(id="done")
        yield FittedFooter(SHORT_WORDS)

    def on_mount(self) -> None:
        self.show_state()
        self.set_interval(ELAPSED_TICK_SECONDS, self.tick)
        self.set_interval(SAVE_RETRY_SECONDS, self.retry_save)

    def tick(self) -> None:
        """Move the elapsed time on (the rest timer keeps its own time); end the flash once its time is up."""
        self.query_one(SessionStatus).show_elapsed(self.clock())
        if self.flash_until is not None and self.monotonic() >= self.flash_until:
            self.flash_until = None
            self.remove_class("-flash")

    def retry_save(self) -> None:
        """Try a failed save again (a disk that was full may have room now)."""
        if self.keeper.save_error is not None and not self.state.finished:
            self.keeper.save()
            self.show_state()

    def show_state(self) -> None:
        """Render whatever step the session is at, the notice and any save warning."""
        state = self.state
        self.query_one(SessionStatus).show(state.progress, self.clock())
        warning = self.query_one("#session-warning", Label)
        warning.update(literal(self.keeper.save_error or ""))
        warning.display = bool(self.keeper.save_error)
        notice = self.query_one("#session-notice", Label)
        notice.update(literal(self.refusal or self.hint or state.notice))
        notice.set_class(bool(self.refusal), "-refused")
        notice.display = bool(self.refusal or self.hint or state.notice)
        if state.step == "warmup" and state.warmup is not None:
            self.query_one(WarmupPanel).show(state.warmup, state.up_next)
        elif state.step == "set" and state.card is not None:
            self.query_one(SetCardView).show(state.card, swap_words(swap_keys(state.card, self.keeper.session.setup.exercises)))
        elif state.step == "rest" and state.rest is not None:
            self._show_rest(state.rest, state.card)
        elif state.step == "done":
            self.query_one(DonePanel).show(state.progress)
        self.query_one(ContentSwitcher).current = state.step
        self.refresh_bindings()

    def _show_rest(self, rest: RestState, card: SetCard | None) -> None:
        if rest.started_at == (self.shown_rest.started_at if self.shown_rest else None):
            return
        self.shown_rest = rest
        holder = self.query_one("#rest", Vertical)
        holder.remove_children()
        holder.mount(RestPanel(self.rest_origin(rest), rest.seconds, self.monotonic, card, keys_line("rest")))

    def rest_origin(self, rest: RestState) -> float:
        """When the rest began on the monotonic clock: now for a rest just started, or as long ago as
        the wall clock says for a rest found running (resume, or back from another screen)."""
        if rest.started_at not in self.rest_origins:
            already = max(0.0, seconds_between(rest.started_at, self.clock()))
            self.rest_origins[rest.started_at] = self.monotonic() - already
        return self.rest_origins[rest.started_at]

    @property
    def rest_panel(self) -> RestPanel | None:
        panels = self.query(RestPanel)
        return panels.first() if panels else None

    # -- keys ---------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key acts only at its steps of the key table, and when its further test (if any) agrees."""
        state = self.state
        if state.finished or state.abandoned:
            return action == "leave"
        steps = KEY_STEPS.get(action)
        if steps is not None and state.step not in steps:
            return False
        test = KEY_TESTS.get(action)
        return True if test is None else getattr(self, test)(state, parameters)

    def has_hold_timer(self, state: SessionState, _: tuple[object, ...]) -> bool:
        card = state.card
        return card is not None and card.is_hold and card.kind == "work" and card.target.hold_seconds is not None

    def has_swap(self, state: SessionState, parameters: tuple[object, ...]) -> bool:
        return state.card is not None and parameters[0] in swap_keys(state.card, self.keeper.session.setup.exercises)

    def has_logged(self, state: SessionState, _: tuple[object, ...]) -> bool:
        return bool(state.logged)

    def has_set_done(self, state: SessionState, _: tuple[object, ...]) -> bool:
        return bool(editable_sets(state.logged))

    def action_warmup_done(self) -> None:
        self.apply(WarmupDone(self.clock()))

    def action_warmup_timer(self) -> None:
        """Time the general warm-up; it counts as done when the timer runs out."""
        warmup = self.state.warmup
        if warmup is None:
            return
        screen = HoldScreen(f"Warm-up: {warmup.activity}", warmup.minutes * 60, (None,), self.monotonic,
                            ask_rpe=False, doing="Warm-up")
        self.app.push_screen(screen, self._warmup_timed)

    def _warmup_timed(self, result: HoldResult | None) -> None:
        if result is not None:
            self.apply(WarmupDone(self.clock()))

    def action_log(self) -> None:
        """Open the log for the current set, prefilled with its target."""
        card = self.state.card
        if card is None:
            return
        screen = LogSetScreen(card, self.log_entry, self.load_stepper(card.exercise), first_rpe=self.never_rated())
        self.app.push_screen(screen, self._back_from_modal)

    def never_rated(self) -> bool:
        """True until the runner has given any set an RPE, here or in the history the session started with."""
        past = (s for session in self.keeper.session.setup.history for s in session.sets)
        return not any(s.rpe is not None for s in (*self.state.logged, *past))

    def load_stepper(self, exercise: Exercise) -> Callable[[float, int], float] | None:
        """The [ ] keys' next load up or down on the runner's equipment, for loaded exercises."""
        equipment = self.keeper.session.setup.config.equipment
        return (lambda load, steps: step_load(load, steps, exercise, equipment)) if exercise.is_loaded else None

    def log_entry(self, entry: SetEntry) -> str | None:
        """Turn the runner's entry into the set's event; the refusal's reason, or None once saved."""
        card = self.state.card
        if card is None:
            return "every set is done"
        if card.is_hold and card.kind == "work":
            event: Event = HoldCompleted(self.clock(), entry.count, entry.rpe, entry.note)
        else:
            event = SetLogged(self.clock(), entry.count, entry.load, entry.rpe, entry.note)
        try:
            self.keeper.apply(event)
        except InvalidEvent as refusal:
            return str(refusal)
        self.refusal = self.hint = ""
        return None

    def action_edit(self) -> None:
        """Correct a set logged earlier: pick it, change it, and it is saved at once."""
        self.app.push_screen(SetChoiceScreen(self.state.logged), self._edit_chosen)

    def _edit_chosen(self, index: int | None) -> None:
        if index is None:
            return
        done = self.state.logged[index]
        exercise = self.keeper.session.setup.exercises.get(done.exercise_id)
        if exercise is None:
            return
        heading = f"Correct {exercise.name}, {'warm-up ' if done.kind == 'warmup' else ''}set {done.set_number}"
        side = f", {done.side} side" if done.side else ""
        screen = LogSetScreen(logged_card(done, exercise), lambda entry: self.correct(index, entry),
                              self.load_stepper(exercise), heading=heading + side, note=done.note)
        self.app.push_screen(screen, self._back_from_modal)

    def correct(self, index: int, entry: SetEntry) -> str | None:
        """Save the corrected set as an edit event; the refusal's reason, or None once saved."""
        try:
            self.keeper.apply(SetEdited(self.clock(), index, entry.count, entry.load, entry.rpe, entry.note))
        except InvalidEvent as refusal:
            return str(refusal)
        self.refusal = self.hint = ""
        self.notify("The set was corrected and saved", timeout=3)
        return None

    def _back_from_modal(self, _: object) -> None:
        self.show_state()
        self._summary_if_done()

    def action_start_hold(self) -> None:
        """Start the hold: 3-2-1, then the countdown (both sides in turn for a one-sided hold)."""
        card = self.state.card
        if card is None or card.target.hold_seconds is None:
            return
        sides: tuple[Side | None, ...] = ("left", "right") if card.side == "left" else (card.side,)
        screen = HoldScreen(card.exercise.name, card.target.hold_seconds, sides, self.monotonic, rpe=card.target.rpe)
        self.app.push_screen(screen, self._hold_done)

    def _hold_done(self, result: HoldResult | None) -> None:
        if result is not None:
            for _, seconds in result.held:
                if not self.apply(HoldCompleted(self.clock(), seconds, result.rpe), summary=False):
                    break
        self._back_from_modal(result)

    def action_skip_set(self) -> None:
        self.apply(SetSkipped(self.clock()))

    def action_skip_exercise(self) -> None:
        self.apply(ExerciseSkipped(self.clock()))

    def action_swap(self, key: str) -> None:
        """Swap to the easier or harder variation of the exercise's ladder."""
        card = self.state.card
        choice = swap_keys(card, self.keeper.session.setup.exercises).get(key) if card else None
        if choice is not None:
            self.apply(VariationSwapped(self.clock(), choice[0]))

    def action_exercise_page(self) -> None:
        """The current exercise explained: set-up, steps, cues, mistake, variations for the runner's kit, why."""
        card = self.state.card
        if card is None:
            return
        setup = self.keeper.session.setup
        planned = setup.template.blocks[card.exercise_number - 1]
        planned_exercise, equipment = setup.exercises[planned.exercise_id], setup.config.equipment
        screen = ExercisePageScreen(ExerciseLibrary(setup.exercises), card.exercise.id,
                                    lambda exercise: can_do(exercise, planned.prescription.load, planned_exercise, equipment))
        self.app.push_screen(screen)

    def action_skip_rest(self) -> None:
        self.apply(RestEnded(self.clock()))

    def action_rest_over(self) -> None:
        """Enter goes on once the rest has run out; while it runs, it only says which key skips it."""
        panel = self.rest_panel
        if panel is None or panel.timer.finished:
            self.action_skip_rest()
            return
        self.hint = f"The rest has {clock_face(math.ceil(panel.timer.remaining))} left: s skips the rest"
        self.show_state()

    def action_rest(self, seconds: int) -> None:
        """Lengthen or shorten the rest by 15 s (the timer tells the session its new length)."""
        panel = self.rest_panel
        if panel is not None:
            panel.timer.adjust(seconds)

    def action_scroll(self, lines: int) -> None:
        """Scroll what the step shows (a set card taller than a small window)."""
        shown = self.query_one(ContentSwitcher).visible_content
        if shown is not None:
            shown.scroll_relative(y=lines, animate=False)

    def action_undo(self) -> None:
        """Take back the last logged or skipped set."""
        undone = self.keeper.undo_last_set()
        self.refusal = "" if undone is not None else "There is no set to undo"
        taken_back = "The correction was taken back" if isinstance(undone, SetEdited) else "The last set was taken back"
        self.shown_rest = None
        self.show_state()
        if undone is not None:
            self.notify(taken_back, timeout=3)

    def action_explain_rpe(self) -> None:
        """The RPE scale in words, and why the coach asks for it."""
        self.app.push_screen(RpeHelpScreen())

    def action_summary(self) -> None:
        """Show the summary, where the session is filed with a note."""
        self.app.push_screen(SummaryScreen(self.keeper, self.clock), self._after_summary)

    def action_finish_now(self) -> None:
        """End the session early, after saying which sets are left undone."""
        progress = self.state.progress
        if not progress.sets_left:
            self.action_summary()
            return
        question = Text("Finish now? ", style="bold")
        question.append(visible(f"{left_words(progress)} are left. They will not be done today."))
        answers = [Answer("f", "finish now and see the summary", "finish")]
        self.app.push_screen(ConfirmScreen(question, answers), self._finish_answered)

    def _finish_answered(self, answer: str | None) -> None:
        if answer == "finish":
            self.action_summary()

    def _after_summary(self, saved_to: Path | None) -> None:
        if self.state.finished:
            self.dismiss(saved_to)
        else:
            self.show_state()

    def action_leave(self) -> None:
        """Leave; the keeper has saved the session in progress, to resume later, or asks first when it could not."""
        self.retry_save()
        unsaved = self.keeper.unsaved_sets
        if not unsaved:
            self.dismiss(self.keeper.saved_to if self.state.finished else None)
            return
        question = Text(f"{unsaved} set{'s are' if unsaved != 1 else ' is'} not saved yet. ", style="bold")
        question.append(visible(self.keeper.save_error or ""))
        answers = [Answer("r", "retry the save now", "retry"), Answer("Q", f"quit anyway and lose {unsaved}", "quit")]
        self.app.push_screen(ConfirmScreen(question, answers), self._leave_answered)

    def _leave_answered(self, answer: str | None) -> None:
        if answer == "quit":
            self.dismiss(None)
        elif answer == "retry":
            self.action_leave()

    # -- the rest timer's messages -------------------------------------------------------------
    def on_rest_timer_finished(self, _: RestTimer.Finished) -> None:
        """Tell the runner however config allows (bell, desktop notification, flash) and say what is next;
        the timer goes on to count the overtime."""
        card = self.state.card
        next_words = f"Next: {next_set_words(card)}" if card else "Every set is done"
        alerts = self.keeper.session.setup.config.alerts
        sound_and_notify(self.app, alerts, "Rest over", next_words)
        if alerts.flash:
            self.flash_until = self.monotonic() + FLASH_SECONDS
            self.add_class("-flash")
        self.notify(f"Rest over. {next_words}", title="Next set", markup=False)

    def on_rest_timer_adjusted(self, message: RestTimer.Adjusted) -> None:
        rest = self.state.rest
        if rest is None:
            return
        change = round(message.duration) - rest.seconds
        if change:
            self.apply(RestChanged(self.clock(), change))

    # -- events --------------------------------------------------------------------------------
    def apply(self, event: Event, *, summary: bool = True) -> bool:
        """Hand an event to the keeper; a refused one is shown with its reason and changes nothing."""
        try:
            self.keeper.apply(event)
        except InvalidEvent as refusal:
            self.refusal = f"Not done: {refusal}"
            self.show_state()
            return False
        self.refusal = self.hint = ""
        self.show_state()
        if summary:
            self._summary_if_done()
        return True

    def _summary_if_done(self) -> None:
        if self.state.step == "done" and not self.state.finished and self.app.screen is self:
            self.action_summary()
