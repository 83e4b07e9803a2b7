"""The session list of the current plan, which `p` turns into the list of plans to choose from."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from strongstride.model.visible_text import literal
from strongstride.tui.messages import PlanChosen, StartSession
from strongstride.tui.startup import PlanOption

TODAY_MARK = "◀ today"
NEXT_MARK = "◀ next"      # a rest day: the session Enter starts is the next one, not today's
CURRENT_MARK = "◀ current"


def session_options(option: PlanOption, offered_id: str | None, mark: str = TODAY_MARK) -> list[Option]:
    """One line a session: its id, its name, and a word (not a colour) marking the one Enter starts."""
    options = []
    for template in option.plan.sessions:
        line = literal(f"{template.id:<3} {template.name}")
        if template.id == offered_id:
            line.append(f"  {mark}", style="bold")
        options.append(Option(line, id=template.id))
    return options


def plan_options(plans: Sequence[PlanOption], current_id: str | None) -> list[Option]:
    """One line a plan: its name, whether it is bundled or the runner's own, and which is current."""
    options = []
    for option in plans:
        line = literal(option.plan.name)
        line.append(" (bundled)" if option.bundled else " (yours)", style="dim")
        if option.plan.id == current_id:
            line.append(f"  {CURRENT_MARK}", style="bold")
        options.append(Option(line, id=option.plan.id))
    return options


class PlanSessionPicker(OptionList):
    """Enter starts the highlighted session; `p` lists the plans and Enter switches to one."""

    DEFAULT_CSS = """
    PlanSessionPicker { height: 1fr; border: round $primary; text-wrap: nowrap; text-overflow: ellipsis; }
    PlanSessionPicker:focus { border: heavy $accent; }
    """

    BINDINGS = [
        Binding("enter", "start", "Start"),
        Binding("enter", "use_plan", "Use plan"),
        Binding("p", "toggle_plans", "Plans"),
    ]

    showing_plans: reactive[bool] = reactive(False, init=False)

    def __init__(self, plans: Sequence[PlanOption], plan_id: str | None, today_session_id: str | None,
                 *, mark: str = TODAY_MARK, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plans = list(plans)
        self.plan_id = plan_id
        self.today_session_id = today_session_id
        self.mark = mark
        self._show_sessions()

    @property
    def current(self) -> PlanOption | None:
        return next((option for option in self.plans if option.plan.id == self.plan_id), None)

    def _show_sessions(self) -> None:
        current = self.current
        self.border_title = literal(f"Sessions of {current.plan.name}" if current else "No plan loaded")
        self.set_options(session_options(current, self.today_session_id, self.mark) if current else [])
        today_ids = [o.id for o in self.options]
        if self.today_session_id in today_ids:
            self.highlighted = today_ids.index(self.today_session_id)

    def _show_plans(self) -> None:
        self.border_title = "Choose a plan (p: back to sessions)"
        self.set_options(plan_options(self.plans, self.plan_id))
        plan_ids = [o.id for o in self.options]
        if self.plan_id in plan_ids:
            self.highlighted = plan_ids.index(self.plan_id)

    def watch_showing_plans(self, showing: bool) -> None:
        if showing:
            self._show_plans()
        else:
            self._show_sessions()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return not self.showing_plans and self.option_count > 0
        if action == "use_plan":
            return self.showing_plans
        return True

    def action_start(self) -> None:
        """Start the highlighted session."""
        self.action_select()

    def action_use_plan(self) -> None:
        """Train from the highlighted plan."""
        self.action_select()

    def action_toggle_plans(self) -> None:
        """Switch between the plan's sessions and the list of plans."""
        self.showing_plans = not self.showing_plans

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id
        if chosen is None:
            return
        if self.showing_plans:
            self.post_message(PlanChosen(chosen))
        elif self.plan_id is not None:
            self.post_message(StartSession(self.plan_id, chosen))
