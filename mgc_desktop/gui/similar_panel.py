"""The detail pane's "Similar tracks" section: the indexed tracks that sound most like the
selected one (cosine of the model's embeddings). Double-click one to select it in the table.
Only displays; the window runs the search in a worker and hands the answer in."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mgc_desktop.gui.i18n import Context, number
from mgc_desktop.library.walk import display_path

Similar = Context("Similar")


def _columns() -> list[str]:
    return [Similar.tr("Similarity"), Similar.tr("Track")]


class SimilarPanel(QWidget):
    """A short list of (path, score); `track_activated(path)` on double-click."""

    track_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: str | None = None
        self.results: list[tuple[str, float]] = []
        self.status = QLabel(Similar.tr("select a track"))
        self.status.setWordWrap(True)
        columns = _columns()
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(Similar.tr("Double-click a track to select it in the library"))
        self.table.setMinimumHeight(90)
        self.table.cellDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    def show_searching(self, path: str) -> None:
        """A search for `path` has started."""
        self.path = path
        self._fill([])
        self.status.setText(Similar.tr("looking for similar tracks…"))

    def show_results(self, path: str, results: Sequence[tuple[str, float]]) -> None:
        """The answer for `path` (ignored when another track was selected since)."""
        if path != self.path:
            return
        self._fill(results)
        self.status.setText(
            Similar.tr("%n most similar indexed tracks", None, len(results))
            if results
            else Similar.tr("no other track yet")
        )

    def show_message(self, path: str | None, text: str) -> None:
        """Why there is no list (not classified yet, silent, no index...)."""
        if path is not None and path != self.path:
            return
        self._fill([])
        self.status.setText(text)

    def _fill(self, results: Sequence[tuple[str, float]]) -> None:
        self.results = list(results)
        self.table.setRowCount(len(self.results))
        for r, (path, score) in enumerate(self.results):
            shown = display_path(path)
            score_item = QTableWidgetItem(number(score, 3))
            score_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name_item = QTableWidgetItem(os.path.basename(shown))
            name_item.setToolTip(shown)
            self.table.setItem(r, 0, score_item)
            self.table.setItem(r, 1, name_item)

    def _activated(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.results):
            self.track_activated.emit(self.results[row][0])
