"""RowTable: thousands of rows, a row cursor moved by keys and the mouse, text shown as typed."""

from __future__ import annotations

from textual.app import App, ComposeResult

from strongstride.tui.widgets.row_table import RowTable

ROWS = 5000


class TableApp(App[None]):
    """A RowTable of ROWS numbered rows, noting every row it formats and every highlight."""

    def __init__(self, cells: tuple[str, ...] = ("cell",)) -> None:
        super().__init__()
        self.cells = cells
        self.formatted: list[int] = []
        self.highlighted: list[int] = []

    def compose(self) -> ComposeResult:
        yield RowTable()

    def row(self, number: int) -> tuple[str, ...]:
        self.formatted.append(number)
        return (f"row {number}", *self.cells)

    def on_mount(self) -> None:
        table = self.query_one(RowTable)
        table.show_rows(("Number", "Text"), ROWS, self.row)
        table.focus()

    def on_row_table_row_highlighted(self, event: RowTable.RowHighlighted) -> None:
        self.highlighted.append(event.cursor_row)


def lines(app: TableApp) -> list[str]:
    """The table as drawn, one string a line."""
    table = app.query_one(RowTable)
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_only_the_rows_shown_and_the_measured_ones_are_formatted_and_the_first_is_highlighted() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert lines(app)[0].split() == ["Number", "Text"]
        assert lines(app)[1].split() == ["row", "0", "cell"]
        assert max(app.formatted) < 100 and app.highlighted == [0]


async def test_keys_move_the_cursor_and_each_move_is_announced() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(RowTable)
        await pilot.press("down", "down", "up")
        assert table.cursor_row == 1
        await pilot.press("pagedown")
        assert table.cursor_row == 1 + 9
        await pilot.press("pageup", "up", "up")
        assert table.cursor_row == 0
        await pilot.pause()
        assert app.highlighted == [0, 1, 2, 1, 10, 1, 0]


async def test_end_reaches_the_last_of_thousands_of_rows_drawing_only_a_screenful() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(RowTable)
        app.formatted.clear()
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == ROWS - 1
        assert lines(app)[-1].split() == ["row", str(ROWS - 1), "cell"]
        assert lines(app)[0].split() == ["Number", "Text"]   # the header stays
        assert 0 < len(app.formatted) <= 10
        await pilot.press("down", "home")
        await pilot.pause()
        assert table.cursor_row == 0 and lines(app)[1].split() == ["row", "0", "cell"]


async def test_a_click_puts_the_cursor_on_the_row_under_it_and_a_click_on_the_header_does_not() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(RowTable)
        await pilot.click(RowTable, offset=(2, 4))
        assert table.cursor_row == 3
        await pilot.click(RowTable, offset=(2, 0))
        assert table.cursor_row == 3
        await pilot.pause()
        assert app.highlighted[-1] == 3


async def test_markup_and_control_characters_in_a_cell_are_shown_as_typed() -> None:
    app = TableApp(cells=("[bold red]Squat[/] [link=x]",))
    async with app.run_test(size=(60, 6)) as pilot:
        await pilot.pause()
        assert "[bold red]Squat[/] [link=x]" in lines(app)[1]


async def test_a_wider_row_shown_later_widens_its_column() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(RowTable)
        await pilot.press("end")
        await pilot.pause()
        assert lines(app)[-1].startswith(f" row {ROWS - 1}  cell")   # "row 4999" is wider than the first 100 rows
        assert table.virtual_size.width == len(f" row {ROWS - 1} ") + len(" cell ")


async def test_a_smaller_window_keeps_the_cursor_row_in_sight() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 20)) as pilot:
        table = app.query_one(RowTable)
        for _ in range(15):
            await pilot.press("down")
        await pilot.resize_terminal(40, 8)
        await pilot.pause()
        assert table.cursor_row == 15
        assert any(line.split()[:2] == ["row", "15"] for line in lines(app)[1:])


class ReadOnlyApp(TableApp):
    """The same rows in a table only to read."""

    def compose(self) -> ComposeResult:
        yield RowTable(cursor=False)


async def test_a_table_only_to_read_takes_no_focus_announces_nothing_and_no_row_stands_out() -> None:
    app = ReadOnlyApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(RowTable)
        await pilot.click(RowTable, offset=(2, 3))
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is None and app.highlighted == []
        first, second, third = (table.render_line(y) for y in (1, 2, 3))
        assert first.text.split() == ["row", "0", "cell"]
        assert list(first)[0].style == list(third)[0].style != list(second)[0].style   # zebra stripes only


class ScrollBarsApp(TableApp):
    """The rows shown as the app mounts, and whether the table knew its scroll bars before its first layout."""

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one(RowTable)
        self.bars_before_layout = (table.show_vertical_scrollbar, table.show_horizontal_scrollbar)


async def test_a_table_larger_than_the_window_has_its_scroll_bars_in_its_first_layout() -> None:
    app = ScrollBarsApp(cells=("x" * 60,))
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert app.bars_before_layout == (True, True)
        table = app.query_one(RowTable)
        assert (table.show_vertical_scrollbar, table.show_horizontal_scrollbar) == (True, True)


async def test_a_table_that_fits_the_window_leaves_its_scroll_bars_to_its_layout() -> None:
    app = ScrollBarsApp()
    async with app.run_test(size=(40, ROWS + 10)) as pilot:
        await pilot.pause()
        assert app.bars_before_layout == (False, False)
        table = app.query_one(RowTable)
        assert (table.show_vertical_scrollbar, table.show_horizontal_scrollbar) == (False, False)


def row_colour(app: TableApp, y: int) -> object:
    """The background a line of the table is drawn in."""
    segment = next(iter(app.query_one(RowTable).render_line(y)))
    assert segment.style is not None
    return segment.style.bgcolor


async def test_the_rows_take_new_colours_when_the_table_loses_the_focus_and_when_the_theme_changes() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        focused_cursor, even_row = row_colour(app, 1), row_colour(app, 3)
        app.set_focus(None)
        await pilot.pause()
        assert row_colour(app, 1) != focused_cursor
        blurred_cursor = row_colour(app, 1)
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        assert row_colour(app, 1) != blurred_cursor and row_colour(app, 3) != even_row
