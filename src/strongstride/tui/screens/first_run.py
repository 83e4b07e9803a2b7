"""The first-run questions: strength experience, kit, the running week and a gentle start; they pick the plan."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Input, Label, RadioSet, Static

from strongstride.engine.plan_choice import (
    EXPERIENCES, KITS, PlanChoice, SetupAnswers, answers_from_config, choose_plan, config_values, parse_race_date,
    parse_weights,
)
from strongstride.model.config import RUNNING_FOCUSES, WEEKDAYS
from strongstride.model.visible_text import literal
from strongstride.tui.startup import AppState
from strongstride.tui.widgets.marked_toggles import MarkedCheckbox, MarkedRadioButton

FOCUS_WORDS = {"short": "Short: 5-10 km", "middle": "Middle: half marathon", "marathon": "Marathon",
               "ultra": "Ultra"}
INTRO = ("A few questions pick the plan that fits you and write config.toml, which you can edit by hand. "
         "Esc skips them (config.toml then names only the plan you start on); the command palette (ctrl+p) or `strongstride setup` brings them back.")


def _radio_set(set_id: str, words: Iterable[tuple[str, str]], chosen: str) -> RadioSet:
    """A question with one answer, each answer's button named after its value."""
    buttons = (MarkedRadioButton(text, value == chosen, id=f"{set_id}-{value}", compact=True) for value, text in words)
    return RadioSet(*buttons, id=set_id, compact=True)


def _days(row_id: str, chosen: tuple[str, ...]) -> Horizontal:
    """A row of the weekdays to tick, the chosen ones ticked, each box named after its day."""
    boxes = [MarkedCheckbox(day[:2].capitalize(), day in chosen, id=f"{row_id}-{day}", compact=True) for day in WEEKDAYS]
    return Horizontal(*boxes, id=row_id, classes="days")


def plan_line(choice: PlanChoice, plan_name: str) -> Text:
    """The plan the answers point to and why, as the runner reads it before saving."""
    line = Text("Your plan: ", style="bold")
    line.append_text(literal(plan_name))
    line.append(". ")
    line.append(choice.reason)
    return line


class FirstRunScreen(Screen[PlanChoice | None]):
    """Asks the first-run questions; returns the plan chosen once config.toml is written, None when skipped."""

    DEFAULT_CSS = """
    FirstRunScreen { layout: vertical; }
    FirstRunScreen #questions { height: 1fr; padding: 0 1; }
    FirstRunScreen Label.question { margin-top: 1; text-style: bold; }
    FirstRunScreen RadioSet { width: 100%; }
    FirstRunScreen .days { height: auto; }
    FirstRunScreen .days Checkbox { margin-right: 1; }
    FirstRunScreen Input { width: 100%; }
    FirstRunScreen #gentle { margin-top: 1; }
    FirstRunScreen #dumbbells { display: none; }
    FirstRunScreen.-dumbbells #dumbbells { display: block; }
    FirstRunScreen #choice { height: auto; padding: 0 1; border: round $primary; }
    FirstRunScreen #error { height: auto; color: $error; padding: 0 1; display: none; }
    FirstRunScreen Button { margin-top: 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "skip", "Skip"),
    ]

    def __init__(self, state: AppState, today: date) -> None:
        super().__init__()
        self.state = state
        self.today = today
        self.start = self._starting_answers()

    def _starting_answers(self) -> SetupAnswers:
        """An existing config's answers (setup run again), else a new runner with no kit."""
        return answers_from_config(self.state.config) if self.state.config_path.exists() else SetupAnswers()

    def compose(self) -> ComposeResult:
        start = self.start
        with VerticalScroll(id="questions"):
            yield Static(INTRO, id="intro")
            yield Label("Strength training so far", classes="question")
            yield _radio_set("experience", EXPERIENCES.items(), start.experience)
            yield Label("Your kit", classes="question")
            yield _radio_set("kit", KITS.items(), start.kit)
            weights = ", ".join(f"{weight:g}" for weight in start.dumbbells)
            yield Input(weights, placeholder=f"Your dumbbells in {self.state.config.units}, such as 4, 8, 12",
                        id="dumbbells", compact=True)
            yield Label("Your running: the race distance you train for", classes="question")
            yield _radio_set("focus", FOCUS_WORDS.items(), start.focus)
            yield Label("Long-run days: no strength on these", classes="question")
            yield _days("long_run_days", start.long_run_days)
            yield Label("Hard days: intervals, tempo, hills", classes="question")
            yield _days("hard_days", start.hard_days)
            yield Label("Race date (optional)", classes="question")
            yield Input(start.race_date.isoformat() if start.race_date else "", placeholder="YYYY-MM-DD",
                        id="race_date", compact=True)
            yield MarkedCheckbox("Gentle start: older runner, or back from injury", start.gentle, id="gentle",
                                 compact=True)
            yield Button("Save and train from this plan", id="save", variant="primary", compact=True)
        yield Static(id="error")
        yield Static(id="choice")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#experience", RadioSet).focus()
        self._show_choice()

    def _pressed(self, set_id: str) -> str:
        button = self.query_one(f"#{set_id}", RadioSet).pressed_button
        return (button.id or "").removeprefix(f"{set_id}-") if button is not None else ""

    def answers(self) -> SetupAnswers:
        """The answers as the screen holds them; ValueError says which typed answer cannot be read."""
        kit = next((value for value in KITS if value == self._pressed("kit")), self.start.kit)
        dumbbells = parse_weights(self.query_one("#dumbbells", Input).value) if kit == "dumbbells" else ()
        focus = self._pressed("focus")
        return SetupAnswers(
            experience=next((value for value in EXPERIENCES if value == self._pressed("experience")),
                            self.start.experience),
            kit=kit,
            dumbbells=dumbbells,
            focus=focus if focus in RUNNING_FOCUSES else self.start.focus,
            long_run_days=self._ticked("long_run_days"),
            hard_days=self._ticked("hard_days"),
            race_date=parse_race_date(self.query_one("#race_date", Input).value, self.today),
            gentle=self.query_one("#gentle", Checkbox).value,
        )

    def _ticked(self, row_id: str) -> tuple[str, ...]:
        return tuple(day for day in WEEKDAYS if self.query_one(f"#{row_id}-{day}", Checkbox).value)

    def _show_choice(self) -> PlanChoice | None:
        """Say which plan the answers point to and why, or what cannot be read; the choice, if there is one."""
        self.set_class(self._pressed("kit") == "dumbbells", "-dumbbells")
        error = self.query_one("#error", Static)
        try:
            answers = self.answers()
        except ValueError as problem:
            error.update(literal(str(problem)))
            error.display = True
            return None
        error.display = False
        choice = choose_plan(answers)
        option = self.state.plans.get(choice.plan_id)
        self.query_one("#choice", Static).update(plan_line(choice, option.plan.name if option else choice.plan_id))
        return choice

    @on(RadioSet.Changed)
    @on(Checkbox.Changed)
    @on(Input.Changed)
    def _answer_changed(self) -> None:
        self._show_choice()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Write the answers into config.toml (its comments kept) and go home on the plan they chose."""
        choice = self._show_choice()
        if choice is None:
            self.notify("One answer cannot be read yet: see the line above your plan.", severity="warning")
            return
        problem = self.state.apply_setup(config_values(self.answers(), choice))
        if problem is not None:
            self.notify(str(problem), title="Not saved", severity="error", timeout=10)
            return
        self.dismiss(choice)

    def action_skip(self) -> None:
        """Leave the questions; on a first run config.toml is written with the plan shown, so they do not come back."""
        problem = self.state.skip_setup()
        if problem is not None:
            self.notify(str(problem), title="Not saved", severity="error", timeout=10)
        self.dismiss(None)
