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

from mgc_desktop.gui.i18n import Context, number, percent

Learn = Context("Learn")


def _columns() -> list[str]:
    return [
        Learn.tr("Genre"),
        Learn.tr("Tracks"),
        Learn.tr("Cross-validated accuracy"),
        Learn.tr("95% interval"),
        Learn.tr("Trust"),
        Learn.tr("Spellings in your tags"),
    ]


def _interval(lo: float, hi: float) -> str:
    return Learn.tr("{low}-{high}").format(low=percent(lo), high=percent(hi))


class LearnDialog(QDialog):
    """Emits learn_requested / forget_requested; the window answers with show_* calls."""

    learn_requested = Signal()
    forget_requested = Signal()

    def __init__(self, folder: str, min_tracks: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(Learn.tr("Learn my genres"))
        self.report: dict[str, Any] | None = None
        intro = QLabel(
            Learn.tr(
                "Learns the genre names your tagged tracks already carry, so that the app "
                "answers in your words. Tags are only read; nothing is written. Genres with "
                "fewer than %n tagged tracks are left out. A track unlike all of your genres is "
                "“none of these” and never written. Forget deletes what was learned.",
                None,
                min_tracks,
            )
        )
        intro.setWordWrap(True)
        self.folder_label = QLabel("")
        self.folder_label.setWordWrap(True)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        columns = _columns()
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
        self.calibration = QLabel("")
        self.calibration.setWordWrap(True)
        self.calibration.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.left_out = QLabel("")
        self.left_out.setWordWrap(True)
        self.learn_button = QPushButton(Learn.tr("&Learn"))
        self.learn_button.setToolTip(
            Learn.tr("Learn from the genre tags of the tracks in this folder")
        )
        self.learn_button.clicked.connect(self._learn)
        self.forget_button = QPushButton(Learn.tr("&Forget"))
        self.forget_button.setToolTip(
            Learn.tr("Delete the learned genres (back to the built-in ones)")
        )
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
        self.folder_label.setText(
            Learn.tr("From: {folder}").format(folder=folder)
            if folder
            else Learn.tr("Choose a music folder first")
        )
        self.learn_button.setEnabled(bool(folder))

    def _learn(self) -> None:
        self.set_busy(Learn.tr("Learning from your tags…"))
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
        sentences = [
            Learn.tr(
                "Learned %n genres from {used} tagged tracks.", None, len(report["genres"])
            ).format(used=number(tracks["used"])),
            Learn.tr(
                "Cross-validated accuracy {accuracy} of %n tracks (95% interval {interval}; "
                "mean per genre {mean}).",
                None,
                cv["n"],
            ).format(
                accuracy=percent(cv["accuracy"]),
                interval=_interval(lo, hi),
                mean=percent(cv["mean_genre_accuracy"]),
            ),
            Learn.tr("%n tracks have no genre tag.", None, tracks["untagged"]),
        ]
        if problems:
            sentences.append(Learn.tr("%n files could not be read.", None, len(problems)))
        sentences.append(Learn.tr("The table now shows your genres."))
        self.summary.setText(" ".join(sentences))
        genres = report["genres"]
        self.table.setRowCount(len(genres))
        for r, g in enumerate(genres):
            spellings = ", ".join(
                Learn.tr("{spelling} ×{count}").format(spelling=repr(s), count=number(n))
                for s, n in g.get("spellings", {}).items()
            )
            acc = g["cv_accuracy"]
            lo, hi = acc["ci95"]
            cells = (
                g["genre"],
                number(g["tracks"]),
                percent(acc["value"]) if acc["n"] else "-",
                _interval(lo, hi),
                "" if g["trustworthy"] else Learn.tr("too few tracks to trust"),
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
                        Learn.tr(
                            "Fewer than %n tagged tracks: the estimate may be far off. Tag more "
                            "tracks of this genre.",
                            None,
                            report["min_trusted_tracks"],
                        )
                    )
                self.table.setItem(r, c, item)
        self.calibration.setText(self._calibration_text(report))
        left = report.get("left_out") or []
        self.left_out.setText(
            Learn.tr("Left out: {genres}").format(
                genres=Learn.tr("; ").join(
                    Learn.tr("{genre} ({reason})").format(genre=x["name"], reason=x["reason"])
                    for x in left
                )
            )
            if left
            else ""
        )

    @staticmethod
    def _calibration_text(report: Mapping[str, Any]) -> str:
        """How "none of these" and the write threshold were calibrated, in one paragraph."""
        opened, t = report["open_set"], report["threshold"]
        held = opened["held_out_none"]
        if opened["method"] == "background":
            sentences = [
                Learn.tr("None of these: compared with %n untagged tracks.", None,
                         opened["background_tracks"])
            ]  # fmt: skip
        else:
            sentences = [
                Learn.tr("None of these: calibrated on held-out genres (few untagged tracks).")
            ]
        if held["n"]:
            lo, hi = held["ci95"]
            sentences.append(
                Learn.tr(
                    "Each genre held out in turn came out none of these or uncertain for "
                    "{share} of its tracks ({interval})."
                ).format(share=percent(held["value"]), interval=_interval(lo, hi))
            )
        if t["value"] is None:
            sentences.append(
                Learn.tr(
                    "No threshold reaches {precision} cross-validated precision: nothing is "
                    "written automatically unless you set a threshold."
                ).format(precision=percent(t["target_precision"]))
            )
        else:
            sentences.append(
                Learn.tr(
                    "Written from confidence {confidence} on (cross-validated precision "
                    "{precision}, target {target})."
                ).format(
                    confidence=number(t["value"], 2),
                    precision=percent(t["cv_precision"]),
                    target=percent(t["target_precision"]),
                )
            )
        return " ".join(sentences)

    def show_error(self, message: str) -> None:
        self._idle()
        self.summary.setText(Learn.tr("Nothing learned: {message}").format(message=message))

    def show_forgotten(self, existed: bool) -> None:
        self._idle()
        self.report = None
        self.table.setRowCount(0)
        self.calibration.setText("")
        self.left_out.setText("")
        self.summary.setText(
            Learn.tr("Forgot the learned genres: the table shows the built-in genres again.")
            if existed
            else Learn.tr("There were no learned genres to forget.")
        )

    def table_rows(self) -> list[tuple[str, ...]]:
        """The table's text, row by row (what the user sees)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]
