"""A number to read from a metre away: large digits with a plain-text label and unit beside them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits, Label


class BigNumber(Widget):
    """A load, a rep count or a time in large digits, labelled in words (e.g. "Load", "kg")."""

    DEFAULT_CSS = """
    BigNumber {
        height: auto;
        width: auto;
        padding: 0 1;
    }
    BigNumber .big-number-label { color: $text-muted; }
    BigNumber Digits { width: auto; text-style: bold; }
    BigNumber .big-number-unit { text-style: bold; }
    """

    value: reactive[str] = reactive("")

    def __init__(self, value: str, label: str, unit: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.unit = unit
        self.set_reactive(BigNumber.value, value)

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="big-number-label", markup=False)
        yield Digits(self.value)
        if self.unit:
            yield Label(self.unit, classes="big-number-unit", markup=False)

    def watch_value(self, value: str) -> None:
        if self.is_mounted:
            self.query_one(Digits).update(value)
