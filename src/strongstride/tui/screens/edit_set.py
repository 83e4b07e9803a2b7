"""Correcting a set logged earlier in the live session: pick it from the list, then change it as if logging it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from strongstride.engine.history_view import describe_set
from strongstride.engine.session_state import SetCard
from strongstride.engine.target import SetTarget
from strongstride.model.exercise import Exercise
from strongstride.model.log import SetLog
from strongstride.model.visible_text import literal
from strongstride.tui.widgets.fitted_footer import FittedFooter


def set_line(set_log: SetLog) -> Text:
    """ "Quarter squat, set 1: 40 kg x 8 @9" (warm-up sets say so)."""
    kind = "warm-up " if set_log.kind == "warmup" else ""
    return literal(f"{set_log.exercise_name or set_log.exercise_id}, {kind}set {set_log.set_number}: "
                   f"{describe_set(set_log, set_log.unit)}")


def editable_sets(logged: Sequence[SetLog]) -> list[int]:
    """Where the sets that can be corrected sit in the log, newest first: every set done, none skipped."""
    return [index for index in range(len(logged) - 1, -1, -1) if not logged[index].skipped]


def logged_card(set_log: SetLog, exercise: Exercise) -> SetCard:
    """A set card holding what was logged, so the log screen opens with it filled in."""
    target = SetTarget(reps=set_log.reps, hold_seconds=set_log.hold_seconds, load=set_log.load, rpe=set_log.rpe)
    return SetCard(
        exercise=exercise, kind=set_log.kind, set_number=set_log.set_number, set_count=set_log.set_number,
        set_count_max=set_log.set_number, exercise_number=1, exercise_count=1, side=set_log.side, target=target,
        rpe_meaning="", last_time="", plates=None, unit=set_log.unit, rest_seconds=0,
    )


class SetChoiceScreen(ModalScreen[int | None]):
    """The sets logged so far, newest first; Enter picks the one to correct, Esc keeps them all."""

    DEFAULT_CSS = """
    SetChoiceScreen { align: center middle; }
    SetChoiceScreen #choice-box { width: 72; max-width: 100%; height: auto; max-height: 90%;
                                  border: thick $accent; background: $surface; padding: 0 1; }
    SetChoiceScreen OptionList { height: auto; max-height: 16; }
    SetChoiceScreen.-wide #choice-box { width: 90; }
    """

    BINDINGS = [Binding("escape,c", "cancel", "Cancel")]

    def __init__(self, logged: Sequence[SetLog]) -> None:
        super().__init__()
        self.logged = list(logged)

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box"):
            yield Label("Which set do you want to correct?", id="choice-title")
            yield OptionList(*(Option(set_line(self.logged[i]), id=str(i)) for i in editable_sets(self.logged)))
        yield FittedFooter()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id) if event.option.id is not None else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
