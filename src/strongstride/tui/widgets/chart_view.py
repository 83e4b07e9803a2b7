"""A chart of services/charts.py drawn to the widget's size in the app theme's colours, redrawn when either changes."""

from __future__ import annotations

from rich.text import Text
from textual.color import Color
from textual.geometry import Size
from textual.theme import Theme
from textual.widgets import Static

from strongstride.services.charts import RGB, Chart, chart_text

THEME_COLOURS = ("primary", "warning", "error")   # the first series, the second, the target line


class ChartView(Static):
    """Draws one chart (or a line saying there is none); the words for it are the screen's to show beside it."""

    DEFAULT_CSS = """
    ChartView { width: 1fr; height: 14; }
    """

    def __init__(self, empty: str, *, id: str | None = None) -> None:
        super().__init__(Text(empty), id=id)
        self.empty = empty
        self.chart: Chart | None = None
        self.drawn_size = Size(0, 0)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: Theme) -> None:
        self.redraw()

    def show(self, chart: Chart | None) -> None:
        """Draw this chart from now on; None shows the empty line."""
        self.chart = chart
        self.redraw()

    def on_resize(self) -> None:
        size = self.content_region.size
        if size != self.drawn_size and size.width and size.height:   # not when hidden, nor shown again at the same size
            self.redraw()

    def redraw(self) -> None:
        """The chart at the widget's current size, in the theme's colours."""
        width, height = self.content_region.width, self.content_region.height
        self.drawn_size = self.content_region.size
        if self.chart is None or width < 20 or height < 6:
            self.update(Text(self.empty if self.chart is None else ""))
            return
        self.update(Text.from_ansi(chart_text(self.chart, width, height, self.theme_colours())))

    def theme_colours(self) -> list[RGB]:
        """The app theme's colours for the series and the target, so the chart follows the theme."""
        variables = self.app.theme_variables
        return [Color.parse(variables[name]).rgb for name in THEME_COLOURS if name in variables]
