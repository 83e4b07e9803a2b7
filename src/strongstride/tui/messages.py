"""Messages the widgets post upwards, in one place so screens and the app can handle them by name."""

from __future__ import annotations

from textual.message import Message


class RestFinished(Message):
    """The rest countdown reached zero: the app rings the bell and says the next set is due."""

    def __init__(self, duration: float) -> None:
        super().__init__()
        self.duration = duration


class RestAdjusted(Message):
    """The runner lengthened or shortened the rest; the session records the new length."""

    def __init__(self, duration: float) -> None:
        super().__init__()
        self.duration = duration


class RpeChosen(Message):
    """The runner picked how hard the set felt."""

    def __init__(self, rpe: float) -> None:
        super().__init__()
        self.rpe = rpe


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
