""" "Learn my genres": learn the owner's genre names from the tags in the library folder and show
what was learned as a table (genre, tracks, cross-validated accuracy with its 95 % interval, a
note where a genre has too few tracks for a trustworthy estimate, spellings), how "none of
these" and the write threshold were calibrated, the genres left out with the reason, and
Forget. The dialog only displays and asks; the window runs the work in a worker."""

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

COLUMNS = (
    "Genre",
    "Tracks",
    "Cross-validated accuracy",
    "95% interval",
    "Trust",
    "Spellings in your tags",
)
TOO_FEW = "too few tracks to trust"

INTRO = (
    "Learns the genre names your tagged tracks already carry, so that the app answers in your "
    "words. Tags are only read; nothing is written. Genres with fewer than {n} tagged tracks "
    'are left out. A track unlike all of your genres is "none of these" and never written. '
    "Forget deletes what was learned."
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
        self.calibration = QLabel("")
        self.calibration.setWordWrap(True)
        self.calibration.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        layout.addWidget(self.calibration)
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
        """What `learn` reported (the dict of personal.training's report)."""
        self._idle()
        self.report = dict(report)
        cv, tracks = report["cv"], report["tracks"]
        problems = report.get("problems") or []
        lo, hi = cv["ci95"]
        self.summary.setText(
            f"Learned {len(report['genres'])} genres from {tracks['used']} tagged tracks: "
            f"cross-validated accuracy {cv['accuracy']:.0%} of {cv['n']} tracks (95% interval "
            f"{lo:.0%}-{hi:.0%}; mean per genre {cv['mean_genre_accuracy']:.0%}). "
            f"{tracks['untagged']} untagged tracks"
            + (f"; {len(problems)} files could not be read" if problems else "")
            + ". The table now shows your genres."
        )
        genres = report["genres"]
        self.table.setRowCount(len(genres))
        for r, g in enumerate(genres):
            spellings = ", ".join(f"{s!r} ×{n}" for s, n in g.get("spellings", {}).items())
            acc = g["cv_accuracy"]
            lo, hi = acc["ci95"]
            cells = (
                g["genre"],
                str(g["tracks"]),
                f"{acc['value']:.0%}" if acc["n"] else "-",
                f"{lo:.0%}-{hi:.0%}",
                "" if g["trustworthy"] else TOO_FEW,
                spellings,
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (1, 2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c == 4 and text:
                    item.setToolTip(
                        f"Fewer than {report['min_trusted_tracks']} tagged tracks: the "
                        "estimate may be far off. Tag more tracks of this genre."
                    )
                self.table.setItem(r, c, item)
        self.calibration.setText(self._calibration_text(report))
        left = report.get("left_out") or []
        self.left_out.setText(
            "Left out: " + "; ".join(f"{x['name']} ({x['reason']})" for x in left) if left else ""
        )

    @staticmethod
    def _calibration_text(report: Mapping[str, Any]) -> str:
        """How "none of these" and the write threshold were calibrated, in one paragraph."""
        opened, t = report["open_set"], report["threshold"]
        held = opened["held_out_none"]
        basis = (
            f"compared with {opened['background_tracks']} untagged tracks"
            if opened["method"] == "background"
            else "calibrated on held-out genres (few untagged tracks)"
        )
        text = f"None of these: {basis}; each genre held out in turn came out none of these "
        if held["n"]:
            lo, hi = held["ci95"]
            text += f"or uncertain for {held['value']:.0%} of its tracks ({lo:.0%}-{hi:.0%}). "
        if t["value"] is None:
            text += (
                f"No threshold reaches {t['target_precision']:.0%} cross-validated precision: "
                "nothing is written automatically unless you set a threshold."
            )
        else:
            text += (
                f"Written from confidence {t['value']:.2f} on (cross-validated precision "
                f"{t['cv_precision']:.0%}, target {t['target_precision']:.0%})."
            )
        return text

    def show_error(self, message: str) -> None:
        self._idle()
        self.summary.setText(f"Nothing learned: {message}")

    def show_forgotten(self, existed: bool) -> None:
        self._idle()
        self.report = None
        self.table.setRowCount(0)
        self.calibration.setText("")
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
