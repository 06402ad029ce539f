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

    def __init__(
        self,
        names_fn: Callable[[], list[str]],
        shown_fn: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        """`names_fn`: the genres as written; `shown_fn`: the same, as the window names them
        (in the interface language): the list shows those, a pick writes the tag name."""
        super().__init__(parent)
        self._names_fn, self._shown_fn = names_fn, shown_fn

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.setEditable(True)
        for shown, written in zip(self._shown_fn(), self._names_fn()):
            box.addItem(shown, written)
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
            source.set_override([row], self._written(editor))

    @staticmethod
    def _written(editor: QComboBox) -> str | None:
        """The text to write: a listed genre's tag name, else what was typed (None: empty)."""
        text = editor.currentText().strip()
        listed = editor.findText(text, Qt.MatchFlag.MatchExactly)
        return str(editor.itemData(listed)) if listed >= 0 else text or None
