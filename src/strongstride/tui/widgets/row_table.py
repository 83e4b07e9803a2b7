"""A light table of text rows with a row cursor: only the rows on screen are formatted and drawn.

Textual's DataTable lays out and renders each cell through Rich, which costs a screen of years of
sessions most of its first paint. RowTable draws each visible row as one line (Textual's Line API),
formatting a row only when it is first shown, so it holds thousands of rows at the cost of a screenful.
Cells are plain text, padded to their column: never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cells = Sequence[str]
MEASURED_ROWS = 100   # the columns are made wide enough for the header and this many first rows; later rows widen them


class RowTable(ScrollView, can_focus=True):
    """Rows of text cells under a fixed header, a cursor on one row, zebra stripes; a row is formatted when first shown."""

    DEFAULT_CSS = """
    RowTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-table--header { background-tint: $foreground 5%; }
        }
        & > .row-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .row-table--even-row { background: $surface-lighten-1 50%; }
        & > .row-table--odd-row { }
        & > .row-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .row-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        &:dark > .row-table--even-row { background: $surface-darken-1 40%; }
    }
    """

    COMPONENT_CLASSES = {"row-table--header", "row-table--even-row", "row-table--odd-row", "row-table--cursor"}

    BINDINGS = [
        Binding("up", "cursor_by(-1)", "Up", show=False),
        Binding("down", "cursor_by(1)", "Down", show=False),
        Binding("pageup", "cursor_page(-1)", "Page up", show=False),
        Binding("pagedown", "cursor_page(1)", "Page down", show=False),
        Binding("home", "cursor_to_end(0)", "First row", show=False),
        Binding("end", "cursor_to_end(1)", "Last row", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=False)

    class RowHighlighted(Message):
        """The cursor has come to a row (the first row as soon as rows are shown)."""

        def __init__(self, row_table: RowTable, cursor_row: int) -> None:
            super().__init__()
            self.row_table = row_table
            self.cursor_row = cursor_row

        @property
        def control(self) -> RowTable:
            return self.row_table

    def __init__(self, *, cursor: bool = True, zebra: bool = True, id: str | None = None) -> None:
        """Without `cursor`, a table only to read: no row stands out, it takes no focus and announces nothing."""
        super().__init__(id=id)
        self.cursor, self.zebra = cursor, zebra
        self.can_focus = cursor
        self.headings: tuple[str, ...] = ()
        self.row_count = 0
        self._row_at: Callable[[int], Cells] = lambda row: ()
        self._cells: dict[int, tuple[str, ...]] = {}
        self._widths: list[int] = []
        self._strips: LRUCache[tuple[int, str], Strip] = LRUCache(256)
        self._row_styles: dict[str, Style] = {}     # the table's style ("") and each component's over it

    def show_rows(self, headings: Sequence[str], count: int, row_at: Callable[[int], Cells]) -> None:
        """Show `count` rows under `headings`; `row_at(n)` gives row n's cells when it is first shown."""
        self.headings = tuple(headings)
        self.row_count = count
        self._row_at = row_at
        self._cells.clear()
        self._widths = [cell_len(heading) for heading in self.headings]
        for row in range(min(count, MEASURED_ROWS)):
            self.get_row_at(row)
        self._resized()
        self.set_reactive(RowTable.cursor_row, 0)
        self.scroll_to(0, 0, animate=False, immediate=True)
        if count and self.cursor:
            self.post_message(self.RowHighlighted(self, 0))

    def get_row_at(self, row: int) -> tuple[str, ...]:
        """Row `row`'s cells, formatted now if it is the first time; a wider cell widens its column."""
        cells = self._cells.get(row)
        if cells is None:
            cells = self._cells[row] = tuple(self._row_at(row))
            for column, cell in enumerate(cells[:len(self._widths)]):
                if (width := cell_len(cell)) > self._widths[column]:
                    self._widths[column] = width
                    self._strips.clear()
        return cells

    def render_lines(self, crop: Region) -> list[Strip]:
        top, widths = round(self.scroll_y), list(self._widths)
        for row in range(top, min(top + self._rows_shown, self.row_count)):
            self.get_row_at(row)
        if self._widths != widths:
            self._resized()
        return super().render_lines(crop)

    def _resized(self) -> None:
        """The scrollable size follows the rows and the columns' widths; past the window's size a scroll bar is
        certain, so it is shown from the table's first layout, not added by a second one a frame later."""
        self.virtual_size = size = Size(sum(width + 2 for width in self._widths), self.row_count + 1)
        window = self.app.size     # the table is never larger than the window
        if size.height > window.height:
            self.show_vertical_scrollbar = True
        if size.width > window.width:
            self.show_horizontal_scrollbar = True
        self._strips.clear()
        self.refresh()

    @property
    def _rows_shown(self) -> int:
        """How many rows fit under the header."""
        return max(1, self.scrollable_content_region.height - 1)

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, self.row_count - 1))

    def watch_cursor_row(self, row: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        if self.row_count and self.cursor:
            self.post_message(self.RowHighlighted(self, row))

    def _scroll_to_cursor(self) -> None:
        """Scroll just enough to bring the cursor's row under the header."""
        top, row = round(self.scroll_y), self.cursor_row
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + self._rows_shown:
            self.scroll_to(y=row - self._rows_shown + 1, animate=False, immediate=True)

    def action_cursor_by(self, rows: int) -> None:
        """Move the cursor up or down by rows."""
        self.cursor_row += rows

    def action_cursor_page(self, pages: int) -> None:
        """Move the cursor a screenful up or down."""
        self.cursor_row += pages * self._rows_shown

    def action_cursor_to_end(self, last: int) -> None:
        """Move the cursor to the first row, or with `last`, the last."""
        self.cursor_row = self.row_count - 1 if last else 0

    def on_click(self, event: events.Click) -> None:
        if (offset := event.get_content_offset(self)) is not None and offset.y >= 1:
            row = round(self.scroll_y) + offset.y - 1
            if row < self.row_count:
                self.cursor_row = row

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyled()

    def _on_focus(self, event: events.Focus) -> None:
        self._restyled()

    def _on_blur(self, event: events.Blur) -> None:
        self._restyled()

    def _restyled(self) -> None:
        """The theme, the styles or the focus changed: every row is styled and drawn again."""
        self._row_styles.clear()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        if y == 0:
            strip = self._strip(-1, self.headings, "row-table--header")
        elif (row := scroll_y + y - 1) < self.row_count:
            cells = self.get_row_at(row)
            kind = "cursor" if self.cursor and row == self.cursor_row else ("odd-row" if row % 2 or not self.zebra else "even-row")
            strip = self._strip(row, cells, f"row-table--{kind}")
        else:
            return Strip.blank(width, self._style())
        return strip.crop_extend(scroll_x, scroll_x + width, self._style())

    def _style(self, component: str = "") -> Style:
        """The table's style, or with a component, that component's over it: worked out once until restyled."""
        if (style := self._row_styles.get(component)) is None:
            style = self._row_styles[component] = self.rich_style + (
                self.get_component_styles(component).rich_style if component else Style())
        return style

    def _strip(self, row: int, cells: Cells, component: str) -> Strip:
        """One row (-1 for the header) as a line of padded cells, in its component's style."""
        key = (row, component)
        if (strip := self._strips.get(key)) is None:
            style = self._style(component)
            text = "".join(f" {set_cell_size(cell, width)} " for cell, width in zip(cells, self._widths))
            strip = self._strips[key] = Strip([Segment(text, style)], cell_len(text))
        return strip

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.row_count + 1

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.virtual_size.width
