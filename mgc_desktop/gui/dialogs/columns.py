"""Column widths from the text itself, for the dialogs' tables.

Computed from the font rather than from the widget: resizeColumnsToContents on a dialog that is
not shown yet gave a few pixels ("c…"), and ResizeToContents leaves no room to spare."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QTableWidget

MAX_ROWS_MEASURED = 500  # enough to size a column; a 5,000-row plan stays fast


def fit_columns(table: QTableWidget, columns: Iterable[int], max_chars: int = 42) -> None:
    """Make each column as wide as its longest text (header included), at most `max_chars`."""
    fm = table.fontMetrics()
    pad = 4 * fm.horizontalAdvance(" ") + 12
    cap = max_chars * fm.horizontalAdvance("x")
    rows = min(table.rowCount(), MAX_ROWS_MEASURED)
    for col in columns:
        header = table.horizontalHeaderItem(col)
        texts = [header.text() if header else ""]
        texts += [table.item(r, col).text() for r in range(rows) if table.item(r, col)]
        width = max(fm.horizontalAdvance(t) for t in texts) + pad
        table.setColumnWidth(col, min(width, cap))
