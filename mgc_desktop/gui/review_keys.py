"""Keyboard review on the table and the tree, without the mouse: Enter accepts the selected
tracks' genre, 1-9 and 0 set the first ten genres, N / Shift+N go to the next / previous
track that still needs a look (uncertain or silent, not decided by hand).

An event filter on the views, not window shortcuts: keys typed into the search box or into a
cell's genre editor go to those widgets, as they should."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

GENRE_KEYS = "1234567890"  # the n-th genre of the model's class list


class ReviewKeys(QObject):
    """Install on a view with `view.installEventFilter(keys)`."""

    accept_requested = Signal()
    genre_requested = Signal(int)  # index into the genre list
    step_requested = Signal(int)  # +1 next, -1 previous track needing review

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            self.accept_requested.emit()
            return True
        if key == Qt.Key.Key_N and mods in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            self.step_requested.emit(-1 if mods == Qt.KeyboardModifier.ShiftModifier else 1)
            return True
        text = event.text()
        if mods == Qt.KeyboardModifier.NoModifier and text and text in GENRE_KEYS:
            self.genre_requested.emit(GENRE_KEYS.index(text))
            return True
        return False
