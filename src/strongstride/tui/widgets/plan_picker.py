"""The session list of the current plan: Enter starts the highlighted session."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from strongstride.model.visible_text import literal
from strongstride.tui.messages import StartSession
from strongstride.tui.startup import PlanOption

TODAY_MARK = "◀ today"
NEXT_MARK = "◀ next"      # a rest day: the session Enter starts is the next one, not today's


def session_options(option: PlanOption, offered_id: str | None, mark: str = TODAY_MARK) -> list[Option]:
    """One line a session: its id, its name, and a word (not a colour) marking the one Enter starts."""
    options = []
    for template in option.plan.sessions:
        line = literal(f"{template.id:<3} {template.name}")
        if template.id == offered_id:
            line.append(f"  {mark}", style="bold")
        options.append(Option(line, id=template.id))
    return options


class PlanSessionPicker(OptionList):
    """Enter starts the highlighted session."""

    DEFAULT_CSS = """
    PlanSessionPicker { height: 1fr; border: round $primary; text-wrap: nowrap; text-overflow: ellipsis; }
    PlanSessionPicker:focus { border: heavy $accent; }
    """

    BINDINGS = [Binding("enter", "start", "Start")]

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return self.option_count > 0
        return True

    def action_start(self) -> None:
        """Start the highlighted session."""
        self.action_select()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None and self.plan_id is not None:
            self.post_message(StartSession(self.plan_id, event.option.id))
