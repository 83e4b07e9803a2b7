"""Radio buttons and check boxes whose state reads without colour: a mark when on, a blank when off.

Textual's own show the state by colour alone; it draws the mark from the class attribute BUTTON_INNER,
which these make follow the value.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class MarkedRadioButton(RadioButton):
    """One answer of a question: ● when chosen."""

    @property
    def BUTTON_INNER(self) -> str:   # type: ignore[override]
        return "●" if self.value else " "


class MarkedCheckbox(Checkbox):
    """A yes-or-no answer: X when ticked."""

    @property
    def BUTTON_INNER(self) -> str:   # type: ignore[override]
        return "X" if self.value else " "
