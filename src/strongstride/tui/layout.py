"""The window sizes the screens adapt to, as classes Textual sets on each screen (`-narrow`, `-wide`, `-short`, `-tall`).

60x20 is the smallest window every screen is made to fit; from 100 columns and 30 rows the screens use the
room (wider dialogs, the next exercise's cues during a rest)."""

from __future__ import annotations

NARROW_BELOW = 80
WIDE_FROM = 100
SHORT_BELOW = 24
TALL_FROM = 30

WIDTH_CLASSES: list[tuple[int, str]] = [(0, "-narrow"), (NARROW_BELOW, "-medium"), (WIDE_FROM, "-wide")]
HEIGHT_CLASSES: list[tuple[int, str]] = [(0, "-short"), (SHORT_BELOW, "-medium-height"), (TALL_FROM, "-tall")]

# Plain footers (screens that do not fit their own) drop the command palette's key when narrow: it still works.
APP_CSS = """
Screen.-narrow Footer FooterKey.-command-palette { display: none; }
"""


def size_classes(size: tuple[int, int], widths: list[tuple[int, str]],
                 heights: list[tuple[int, str]]) -> dict[str, bool]:
    """Which size classes a window of `size` takes: for each dimension the class of the highest threshold reached."""
    classes = {name: False for _, name in widths + heights}
    for dimension, thresholds in zip(size, (widths, heights)):
        reached = [(threshold, name) for threshold, name in thresholds if dimension >= threshold]
        if reached:
            classes[max(reached)[1]] = True
    return classes
