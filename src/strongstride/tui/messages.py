"""Requests a screen makes of the app or of itself: start or resume a session, end an unfinished one, change plan.

A widget's own events live in the widget that posts them (RestTimer.Finished, RpePicker.Chosen), as Textual's do.
"""

from __future__ import annotations

from textual.message import Message


class StartSession(Message):
    """The runner asked to start a session of a plan, or to resume the one in progress."""

    def __init__(self, plan_id: str, session_id: str, resume: bool = False) -> None:
        super().__init__()
        self.plan_id = plan_id
        self.session_id = session_id
        self.resume = resume


class EndUnfinished(Message):
    """The runner chose to file the unfinished session as it is ("file") or to throw it away ("discard")."""

    def __init__(self, how: str) -> None:
        super().__init__()
        self.how = how


class PlanChosen(Message):
    """The runner picked another plan to train from."""

    def __init__(self, plan_id: str) -> None:
        super().__init__()
        self.plan_id = plan_id
