"""The selected track up close: every genre's probability, the spectrogram the model saw, the
file's current tags, and play/stop so a person can listen before accepting a genre.

The pane only displays; the window runs the decoding tasks and hands results in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mgc_desktop.gui.track_model import TrackRow
from mgc_desktop.gui.widgets import ProbabilityBars, SpectrogramView
from mgc_desktop.tags.names import display_name


class DetailPane(QWidget):
    """Shows one TrackRow. Emits play_requested / stop_requested for the window's Player."""

    play_requested = Signal(str)
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: str | None = None
        self.title = QLabel("No track selected")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)

        self.play_button = QPushButton("Play")
        self.play_button.setToolTip("Listen to this track (Space)")
        self.play_button.setEnabled(False)
        self.play_button.clicked.connect(self._toggle_play)
        self.player_state = QLabel("")
        self._playing = False

        self.bars = ProbabilityBars()
        self.spectrogram = SpectrogramView()
        self.tags = QTableWidget(0, 2)
        self.tags.setHorizontalHeaderLabels(["Tag", "Value"])
        self.tags.horizontalHeader().setStretchLastSection(True)
        self.tags.verticalHeader().setVisible(False)
        self.tags.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tags.setToolTip("The tags stored in the file now")

        play_row = QHBoxLayout()
        play_row.addWidget(self.play_button)
        play_row.addWidget(self.player_state, 1)

        probs_box = QGroupBox("Genre probabilities")
        QVBoxLayout(probs_box).addWidget(self.bars)
        spec_box = QGroupBox("What the model heard (log-mel)")
        QVBoxLayout(spec_box).addWidget(self.spectrogram)
        tags_box = QGroupBox("Current tags")
        QVBoxLayout(tags_box).addWidget(self.tags)

        split = QSplitter(Qt.Orientation.Vertical)
        for w in (probs_box, spec_box, tags_box):
            split.addWidget(w)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(play_row)
        layout.addWidget(split, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(280)

    def show_row(self, row: TrackRow | None, names: Mapping[str, str]) -> None:
        """Show a track's prediction; tags and spectrogram follow through set_* calls."""
        changed = row is None or row.path != self.path
        self.path = row.path if row else None
        self.play_button.setEnabled(row is not None)
        if row is None:
            self.title.setText("No track selected")
            self.summary.setText("")
            self.bars.set_probabilities({})
            self.spectrogram.set_message("select a track")
            self.set_tags([])
            return
        self.title.setText(row.title or row.file_name)
        self.title.setToolTip(row.path)
        parts = [p for p in (row.artist, row.album) if p]
        if row.error:
            parts.append(f"failed: {row.error}")
        elif row.genre:
            parts.append(
                f"{display_name(row.genre, names)} {row.confidence:.0%}"
                + (" (uncertain)" if row.uncertain else "")
            )
        elif row.note:
            parts.append(row.note)
        if row.override:
            parts.append(f"your genre: {row.override}")
        self.summary.setText(" · ".join(parts))
        self.bars.set_probabilities(row.probabilities, names)
        if changed:
            self.spectrogram.set_message("analysing…" if not row.error else "not analysed")

    def set_tags(self, tags: Sequence[tuple[str, str]]) -> None:
        self.tags.setRowCount(len(tags))
        for i, (k, v) in enumerate(tags):
            self.tags.setItem(i, 0, QTableWidgetItem(k))
            self.tags.setItem(i, 1, QTableWidgetItem(v))
        self.tags.resizeColumnToContents(0)

    def set_spectrogram(self, path: str, windows: np.ndarray, labels: Sequence[str]) -> None:
        if path == self.path:
            self.spectrogram.set_windows(windows, labels)

    def set_spectrogram_error(self, path: str, message: str) -> None:
        if path == self.path:
            self.spectrogram.set_message(message)

    def set_player_state(self, state: str) -> None:
        self._playing = state in ("loading", "playing")
        self.play_button.setText("Stop" if self._playing else "Play")
        self.player_state.setText({"loading": "decoding…", "playing": "playing"}.get(state, ""))

    def set_player_error(self, message: str) -> None:
        self.player_state.setText(message)

    def _toggle_play(self) -> None:
        if self._playing:
            self.stop_requested.emit()
        elif self.path:
            self.play_requested.emit(self.path)
