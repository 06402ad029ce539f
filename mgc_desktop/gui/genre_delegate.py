"""The editor of the predicted-genre cell: an editable list of genre names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from mgc_desktop.gui.i18n import Context
from mgc_desktop.gui.track_model import TrackFilterProxy, TrackTableModel

Table = Context("Table")


class GenreDelegate(QStyledItemDelegate):
    """Edits go to TrackTableModel.set_override (never setData: see track_model)."""

    def __init__(self, names_fn: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names_fn = names_fn

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.setEditable(True)
        box.addItems(self._names_fn())
        box.setToolTip(
            Table.tr(
                "Type or pick the genre to write for this track (empty: back to the prediction)"
            )
        )
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        source, row = model, index.row()
        if isinstance(model, TrackFilterProxy):
            source, row = model.sourceModel(), model.mapToSource(index).row()
        if isinstance(source, TrackTableModel):
            source.set_override([row], editor.currentText().strip() or None)
