"""Choosing a plan: the plans in a list, the highlighted one explained beside it before the runner commits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from strongstride.model.config import Equipment
from strongstride.model.exercise import Exercise
from strongstride.model.plan_about import PlanAbout, about_plan
from strongstride.model.visible_text import literal, visible
from strongstride.tui.screens.steady import SteadyScreen
from strongstride.tui.startup import PlanOption
from strongstride.tui.widgets.fitted_footer import FittedFooter

CURRENT_MARK = "◀ current"
KIT_MISSING_MARK = "  kit missing"


def plan_options(plans: Sequence[PlanOption], current_id: str | None, lacking: set[str]) -> list[Option]:
    """One line a plan: its name, bundled or the runner's own, which is current, and whether it needs kit they lack."""
    options = []
    for option in plans:
        line = literal(option.plan.name)
        line.append(" (bundled)" if option.bundled else " (yours)", style="dim")
        if option.plan.id == current_id:
            line.append(f"  {CURRENT_MARK}", style="bold")
        if option.plan.id in lacking:
            line.append(KIT_MISSING_MARK, style="bold")
        options.append(Option(line, id=option.plan.id))
    return options


def about_text(about: PlanAbout) -> Text:
    """The plan explained as labelled paragraphs; text from the plan file drawn literally."""
    text = Text()
    for index, (label, value) in enumerate(about.rows()):
        text.append("\n\n" if index and label == "Level" else "\n" if index else "")
        text.append(f"{visible(label)}: ", style="bold")
        text.append(visible(value), style="bold" if label == "Your kit" and about.missing else "")
    return text


class PlanChoiceScreen(SteadyScreen[str | None]):
    """Up and down pick a plan and explain it; Enter trains from it; Escape goes back unchanged."""

    DEFAULT_CSS = """
    PlanChoiceScreen { layout: vertical; }
    PlanChoiceScreen #plan-list { height: auto; max-height: 45%; border: round $primary; }
    PlanChoiceScreen #plan-list:focus { border: heavy $accent; }
    PlanChoiceScreen #plan-about { height: 1fr; min-height: 4; border: round $secondary; padding: 0 1; }
    PlanChoiceScreen #plan-about:focus { border: heavy $accent; }
    """

    BINDINGS = [
        Binding("escape,p", "back", "Back"),
        Binding("tab", "app.focus_next", "Other pane"),
    ]

    def __init__(self, plans: Sequence[PlanOption], current_id: str | None,
                 exercises: Mapping[str, Exercise], equipment: Equipment) -> None:
        super().__init__()
        self.plans = list(plans)
        self.current_id = current_id
        self.abouts = {option.plan.id: about_plan(option.plan, exercises, equipment) for option in self.plans}

    def compose(self) -> ComposeResult:
        lacking = {plan_id for plan_id, about in self.abouts.items() if about.missing}
        plan_list = OptionList(*plan_options(self.plans, self.current_id, lacking), id="plan-list")
        plan_list.border_title = "Choose a plan (Enter: use it)"
        yield plan_list
        with VerticalScroll(id="plan-about"):
            yield Static(id="plan-about-text")
        yield FittedFooter()

    def on_mount(self) -> None:
        plan_list = self.query_one("#plan-list", OptionList)
        plan_ids = [option.id for option in plan_list.options]
        plan_list.highlighted = plan_ids.index(self.current_id) if self.current_id in plan_ids else 0
        plan_list.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        about = self.abouts.get(event.option.id or "")
        holder = self.query_one("#plan-about", VerticalScroll)
        holder.border_title = literal(f"About {about.name}" if about else "")
        self.query_one("#plan-about-text", Static).update(about_text(about) if about else "")
        holder.scroll_home(animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_back(self) -> None:
        """Back to home with the plan unchanged."""
        self.dismiss(None)
