"""The yardstick for the review commands: print a 20-row Rich table and nothing else.

Most of its time is Python and Rich starting up, which every plain command pays too; the review
benchmark reports each command's time as a multiple of this one.
"""

from rich.console import Console
from rich.table import Table

ROWS = 20

table = Table("Date", "Session", "Sets", "Volume")
for row in range(1, ROWS + 1):
    table.add_row(f"2026-01-{row:02d}", "Strength A", "18", f"{row * 250} kg")
Console().print(table)
