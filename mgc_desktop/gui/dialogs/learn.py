""" "Learn my genres": learn the owner's genre names from the tags in the library folder and show
what was learned as a table (genre, tracks, cross-validated accuracy, spellings), the genres
left out with the reason, and Forget. The dialog only displays and asks; the window runs the
work in a worker."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

COLUMNS = ("Genre", "Tracks", "Cross-validated accuracy", "Spellings in your tags")

INTRO = (
    "Learns the genre names your tagged tracks already carry, so that the app answers in your "
    "words. Tags are only read; nothing is written. Genres with fewer than {n} tagged tracks "
    "are left out. Forget deletes what was learned."
)


class LearnDialog(QDialog):
    """Emits learn_requested / forget_requested; the window answers with show_* calls."""

    learn_requested = Signal()
    forget_requested = Signal()

    def __init__(self, folder: str, min_tracks: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Learn my genres")
        self.report: dict[str, Any] | None = None
        intro = QLabel(INTRO.format(n=min_tracks))
        intro.setWordWrap(True)
        self.folder_label = QLabel("")
        self.folder_label.setWordWrap(True)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.left_out = QLabel("")
        self.left_out.setWordWrap(True)
        self.learn_button = QPushButton("&Learn")
        self.learn_button.setToolTip("Learn from the genre tags of the tracks in this folder")
        self.learn_button.clicked.connect(self._learn)
        self.forget_button = QPushButton("&Forget")
        self.forget_button.setToolTip("Delete the learned genres (back to the built-in ones)")
        self.forget_button.clicked.connect(self.forget_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.learn_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.folder_label, self.summary):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.left_out)
        layout.addWidget(buttons)
        self.set_folder(folder)
        self.resize(760, 460)

    def set_folder(self, folder: str) -> None:
        """The folder Learn reads (the window's current one)."""
        self.folder_label.setText(f"From: {folder}" if folder else "Choose a music folder first")
        self.learn_button.setEnabled(bool(folder))

    def _learn(self) -> None:
        self.set_busy("Learning from your tags…")
        self.learn_requested.emit()

    def set_busy(self, text: str) -> None:
        self.learn_button.setEnabled(False)
        self.forget_button.setEnabled(False)
        self.summary.setText(text)

    def _idle(self) -> None:
        self.learn_button.setEnabled(True)
        self.forget_button.setEnabled(True)

    def show_report(self, report: Mapping[str, Any]) -> None:
        """What `learn` reported (library.vocabulary report dict)."""
        self._idle()
        self.report = dict(report)
        cv, tracks = report["cv"], report["tracks"]
        problems = report.get("problems") or []
        self.summary.setText(
            f"Learned {len(report['genres'])} genres from {tracks['used']} tagged tracks: "
            f"cross-validated accuracy {cv['accuracy']:.0%} (mean per genre "
            f"{cv['mean_genre_accuracy']:.0%}). {tracks['untagged']} untagged tracks"
            + (f"; {len(problems)} files could not be read" if problems else "")
            + ". The table now shows your genres."
        )
        genres = report["genres"]
        self.table.setRowCount(len(genres))
        for r, g in enumerate(genres):
            spellings = ", ".join(f"{s!r} ×{n}" for s, n in g.get("spellings", {}).items())
            cells = (g["genre"], str(g["tracks"]), f"{g['cv_accuracy']:.0%}", spellings)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (1, 2):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        left = report.get("left_out") or []
        self.left_out.setText(
            "Left out: " + "; ".join(f"{x['name']} ({x['reason']})" for x in left) if left else ""
        )

    def show_error(self, message: str) -> None:
        self._idle()
        self.summary.setText(f"Nothing learned: {message}")

    def show_forgotten(self, existed: bool) -> None:
        self._idle()
        self.report = None
        self.table.setRowCount(0)
        self.left_out.setText("")
        self.summary.setText(
            "Forgot the learned genres: the table shows the built-in genres again."
            if existed
            else "There were no learned genres to forget."
        )

    def table_rows(self) -> list[tuple[str, ...]]:
        """The table's text, row by row (what the user sees)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]
