"""Every tag and undo batch from the journal, newest first, with undo for any of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mgc_desktop.gui.dialogs.columns import fit_columns

COLUMNS = (
    "Batch",
    "When",
    "Kind",
    "Folder",
    "Written",
    "Skipped",
    "Failed",
    "Still in effect",
    "Note",
)


def _when(ts: float | None) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S") if ts else ""


class HistoryDialog(QDialog):
    """Lists tags.BatchInfo rows; Undo asks the window to undo the selected batch."""

    undo_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("History of tag batches")
        self.batches: list[Any] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.undo_button = QPushButton("&Undo this batch")
        self.undo_button.setToolTip("Restore the genres this batch replaced")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self._undo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 400)

    def set_batches(self, batches: Sequence[Any]) -> None:
        self.batches = sorted(batches, key=lambda b: -b.id)
        self.table.setRowCount(len(self.batches))
        for r, b in enumerate(self.batches):
            kind = b.kind if b.undoes is None else f"{b.kind} of {b.undoes}"
            cells = (
                str(b.id),
                _when(b.created),
                kind,
                b.folder or "",
                str(b.written or 0),
                str(b.skipped or 0),
                str(b.failed or 0),
                str(b.active),
                b.note or "",
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        fit_columns(self.table, range(len(COLUMNS) - 1))
        self.table.resizeRowsToContents()  # a note wider than its column wraps onto more lines
        self._selection_changed()

    def selected_batch(self) -> Any:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.batches[rows.pop()] if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        b = self.selected_batch()
        self.undo_button.setEnabled(b is not None and b.active > 0)

    def _undo(self) -> None:
        b = self.selected_batch()
        if b is not None:
            self.undo_requested.emit(int(b.id))
