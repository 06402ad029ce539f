"""The Errors dock: every file of the folder under review that could not be analysed or
written, with the reason. It shows what the review batch says (ReviewBatch.failures), so a
rescan that retries nothing still lists the files that failed before."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mgc_desktop.gui.i18n import Context

Errors = Context("Errors")


class ErrorsPanel(QWidget):
    """Files that failed, and why (the full path in each row's tooltip)."""

    count_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([Errors.tr("File"), Errors.tr("Reason")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setToolTip(Errors.tr("Files that failed, and why"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.table)
        self._entries: list[tuple[str, str]] = []

    def set_entries(self, entries: Sequence[tuple[str, str]]) -> None:
        """Show exactly these (path, reason) pairs; nothing is redrawn when they are unchanged."""
        entries = list(entries)
        if entries == self._entries:
            return
        self._entries = entries
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(len(entries))
        for i, (path, reason) in enumerate(entries):
            item = QTableWidgetItem(os.path.basename(path) or path)
            item.setToolTip(path)
            self.table.setItem(i, 0, item)
            why = QTableWidgetItem(reason)
            why.setToolTip(reason)
            self.table.setItem(i, 1, why)
        self.table.setUpdatesEnabled(True)
        self.count_changed.emit(len(entries))

    def count(self) -> int:
        return len(self._entries)

    def entries(self) -> list[tuple[str, str]]:
        return list(self._entries)
