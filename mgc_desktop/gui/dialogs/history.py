"""Every tag and undo batch from the journal, newest first, with undo for any of them."""

from __future__ import annotations

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
from mgc_desktop.gui.i18n import Context, date_time, number

History = Context("History")


def _columns() -> list[str]:
    return [
        History.tr("Batch"),
        History.tr("When"),
        History.tr("Kind"),
        History.tr("Folder"),
        History.tr("Written"),
        History.tr("Skipped"),
        History.tr("Failed"),
        History.tr("Still in effect"),
        History.tr("Note"),
    ]


def batch_kind(kind: str, undoes: int | None = None) -> str:
    """A journal batch's kind ('tag', 'undo') as the window says it ("undo of 3")."""
    name = {"tag": History.tr("tag"), "undo": History.tr("undo")}.get(kind, kind)
    if undoes is None:
        return name
    return History.tr("{kind} of {batch}").format(kind=name, batch=undoes)


class HistoryDialog(QDialog):
    """Lists tags.BatchInfo rows; Undo asks the window to undo the selected batch."""

    undo_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(History.tr("History of tag batches"))
        self.batches: list[Any] = []
        columns = _columns()
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.undo_button = QPushButton(History.tr("&Undo this batch"))
        self.undo_button.setToolTip(History.tr("Restore the genres this batch replaced"))
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
            cells = (
                str(b.id),
                date_time(b.created) if b.created else "",
                batch_kind(b.kind, b.undoes),
                b.folder or "",
                number(b.written or 0),
                number(b.skipped or 0),
                number(b.failed or 0),
                number(b.active),
                b.note or "",
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        fit_columns(self.table, range(self.table.columnCount() - 1))
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
