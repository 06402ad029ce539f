"""The selected track up close: every genre's probability, the spectrogram the model saw, the
file's tags under their usual names with what a write would change beside them (as Picard's
metadata box shows old and new), and play/stop so a person can listen before deciding.

The pane only displays; the window runs the decoding tasks and hands results in. Each part is a
section in one vertical splitter; `add_section` puts a new feature's widget beside them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mgc_desktop.gui.genre_names import shown_for_written
from mgc_desktop.gui.i18n import Context
from mgc_desktop.gui.review import TrackRow, genre_label
from mgc_desktop.gui.tag_fields import GENRE, TagField
from mgc_desktop.gui.widgets import ProbabilityBars, SpectrogramView

Detail = Context("Detail")
TagName = Context("TagName")


def _tag_columns() -> list[str]:
    return [Detail.tr("Tag"), Detail.tr("Now"), Detail.tr("After write")]


def tag_label(name: str) -> str:
    """A tag's friendly name (tag_fields: "Album artist") in the interface language; a name
    the app does not know (a custom Vorbis key) as it is."""
    return {
        "Album": TagName.tr("Album"),
        "Album artist": TagName.tr("Album artist"),
        "Album artist sort order": TagName.tr("Album artist sort order"),
        "Album sort order": TagName.tr("Album sort order"),
        "Artist": TagName.tr("Artist"),
        "Artist sort order": TagName.tr("Artist sort order"),
        "Artist website": TagName.tr("Artist website"),
        "BPM": TagName.tr("BPM"),
        "Comment": TagName.tr("Comment"),
        "Compilation": TagName.tr("Compilation"),
        "Composer": TagName.tr("Composer"),
        "Conductor": TagName.tr("Conductor"),
        "Copyright": TagName.tr("Copyright"),
        "Date": TagName.tr("Date"),
        "Disc": TagName.tr("Disc"),
        "Encoded by": TagName.tr("Encoded by"),
        "Encoder": TagName.tr("Encoder"),
        "Genre": TagName.tr("Genre"),
        "Grouping": TagName.tr("Grouping"),
        "ISRC": TagName.tr("ISRC"),
        "Key": TagName.tr("Key"),
        "Label": TagName.tr("Label"),
        "Language": TagName.tr("Language"),
        "Length (ms)": TagName.tr("Length (ms)"),
        "Lyricist": TagName.tr("Lyricist"),
        "Lyrics": TagName.tr("Lyrics"),
        "Media": TagName.tr("Media"),
        "Mood": TagName.tr("Mood"),
        "Original album": TagName.tr("Original album"),
        "Original artist": TagName.tr("Original artist"),
        "Original date": TagName.tr("Original date"),
        "Owner": TagName.tr("Owner"),
        "Performer": TagName.tr("Performer"),
        "Release date": TagName.tr("Release date"),
        "Remixer": TagName.tr("Remixer"),
        "Subtitle": TagName.tr("Subtitle"),
        "Tagging date": TagName.tr("Tagging date"),
        "Title": TagName.tr("Title"),
        "Track": TagName.tr("Track"),
    }.get(name, name)


class DetailPane(QWidget):
    """Shows one TrackRow. Emits play_requested / stop_requested for the window's Player."""

    play_requested = Signal(str)
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: str | None = None
        self._fields: list[TagField] = []
        self._planned: tuple[str, ...] | None = None
        self.title = QLabel(Detail.tr("No track selected"))
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)

        self.play_button = QPushButton(Detail.tr("Play"))
        self.play_button.setToolTip(Detail.tr("Listen to this track (Space)"))
        self.play_button.setEnabled(False)
        self.play_button.clicked.connect(self._toggle_play)
        self.player_state = QLabel("")
        self.player_state.setWordWrap(True)
        self._playing = False
        self._player_error = False

        self.bars = ProbabilityBars()
        self.spectrogram = SpectrogramView()
        columns = _tag_columns()
        self.tags = QTableWidget(0, len(columns))
        self.tags.setHorizontalHeaderLabels(columns)
        header = self.tags.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tags.verticalHeader().setVisible(False)
        self.tags.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tags.setWordWrap(False)
        self.tags.setToolTip(
            Detail.tr(
                "The file's tags now, and after the next write (changes in bold). Only the genre "
                "is ever written."
            )
        )
        self.tags.setMinimumHeight(6 * (self.fontMetrics().height() + 6))  # header + 5 rows
        self.tags.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.tags.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        play_row = QHBoxLayout()
        play_row.addWidget(self.play_button)
        play_row.addWidget(self.player_state, 1)

        self.sections = QSplitter(Qt.Orientation.Vertical)
        self.sections.setChildrenCollapsible(False)
        for title, widget in (
            (Detail.tr("Genre probabilities"), self.bars),
            (Detail.tr("What the model heard (log-mel)"), self.spectrogram),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            self.sections.addWidget(box)
        # The tags, and what features add (Similar tracks), share the bottom as tabs: each
        # gets the room left under the probabilities and the spectrogram.
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.tags, Detail.tr("Tags: now and after write"))
        self.sections.addWidget(self.pages)
        for i, stretch in enumerate((0, 0, 1)):  # bars and spectrogram keep theirs; tags grow
            self.sections.setStretchFactor(i, stretch)

        # The sections scroll when the pane is shorter than they need (a dock opened below,
        # a small screen): the pane never forces the window to grow past the screen.
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.sections)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setMinimumHeight(120)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(play_row)
        layout.addWidget(self.scroll, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(300)
        self._sized = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The first time the pane has its height: the probabilities as tall as they need,
        the spectrogram a readable strip, the tags the rest (a splitter starts from size hints,
        which left the tag table about three rows)."""
        super().resizeEvent(event)
        if self._sized or self.height() < 200:
            return
        self._sized = True
        self._fit_sections()

    def _fit_sections(self) -> None:
        room = max(self.scroll.viewport().height(), self.sections.minimumSizeHint().height())
        bars, spectrogram, pages = (self.sections.widget(i) for i in range(3))
        sizes = [
            max(bars.minimumSizeHint().height(), bars.sizeHint().height()),
            max(spectrogram.minimumSizeHint().height(), min(170, room // 3)),
        ]
        rest = room - sum(sizes) - 2 * self.sections.handleWidth()
        self.sections.setSizes([*sizes, max(pages.minimumSizeHint().height(), rest)])

    def add_section(self, title: str, widget: QWidget) -> QWidget:
        """A page beside the tags at the bottom of the pane (new features add theirs here)."""
        self.pages.addTab(widget, title)
        return widget

    def show_row(
        self,
        row: TrackRow | None,
        names: Mapping[str, str],
        planned: tuple[str, ...] | None = None,
    ) -> None:
        """Show a track's prediction and what a write would make its genre (`planned`); tags
        and spectrogram follow through set_* calls."""
        changed = row is None or row.path != self.path
        self.path = row.path if row else None
        self.play_button.setEnabled(row is not None)
        if changed:
            self.player_state.setText("")
            self._player_error = False
        if row is None:
            self.title.setText(Detail.tr("No track selected"))
            self.summary.setText("")
            self.bars.set_probabilities({})
            self.spectrogram.set_message(Detail.tr("select a track"))
            self.set_tags([])
            return
        self.title.setText(row.title or row.file_name)
        self.title.setToolTip(row.path)
        parts = [p for p in (row.artist, row.album) if p]
        if row.error:
            parts.append(Detail.tr("failed: {error}").format(error=row.error))
        elif row.genre:
            label = genre_label(row.genre, row.confidence, names)
            parts.append(
                Detail.tr("{genre} (uncertain)").format(genre=label) if row.uncertain else label
            )
        elif row.note:
            parts.append(row.note)
        if row.override:
            parts.append(
                Detail.tr("your genre: {genre}").format(
                    genre=shown_for_written(row.override, names)
                )
            )
        self.summary.setText(" · ".join(parts))
        self.bars.set_probabilities(row.probabilities, names)
        if changed:
            self.spectrogram.set_message(
                Detail.tr("analysing…") if not row.error else Detail.tr("not analysed")
            )
            self._fields = []
        self._planned = planned
        self._fill_tags()

    def set_tags(self, fields: Sequence[TagField]) -> None:
        """The file's tags as read now (friendly names)."""
        self._fields = list(fields)
        self._fill_tags()

    def tag_rows(self) -> list[tuple[str, str, str]]:
        """(name, now, after write) as shown."""
        return [
            tuple(self.tags.item(i, c).text() for c in range(3))  # type: ignore[misc]
            for i in range(self.tags.rowCount())
        ]

    def _fill_tags(self) -> None:
        rows = [(f.name, f.value, f.value, f.key) for f in self._fields]
        if self._planned is not None:
            new = "; ".join(self._planned)
            for i, (name, now, _, key) in enumerate(rows):
                if name == GENRE:
                    rows[i] = (name, now, new, key)
                    break
            else:
                if self.path is not None:
                    rows.append((GENRE, "", new, "genre"))
        # The genre, the one tag a write changes, first: never below the fold.
        rows.sort(key=lambda r: r[0] != GENRE)
        bold = QFont(self.tags.font())
        bold.setBold(True)
        highlight = QBrush(self.palette().color(QPalette.ColorRole.Highlight))
        highlight_text = QBrush(self.palette().color(QPalette.ColorRole.HighlightedText))
        self.tags.setRowCount(len(rows))
        for i, (name, now, after, key) in enumerate(rows):
            cells = [
                QTableWidgetItem(tag_label(name)),
                QTableWidgetItem(now),
                QTableWidgetItem(after),
            ]
            cells[0].setToolTip(Detail.tr("stored as {key}").format(key=key))
            cells[1].setToolTip(now)
            cells[2].setToolTip(after)
            if now != after:
                cells[2].setFont(bold)
                cells[2].setBackground(highlight)
                cells[2].setForeground(highlight_text)
            for c, cell in enumerate(cells):
                self.tags.setItem(i, c, cell)

    def set_spectrogram(self, path: str, windows: np.ndarray, labels: Sequence[str]) -> None:
        """The windows the model heard (as many as `classify --json` says in "windows")."""
        if path == self.path:
            self.spectrogram.set_windows(windows, labels)

    def set_spectrogram_error(self, path: str, message: str) -> None:
        if path == self.path:
            self.spectrogram.set_message(message)

    def set_player_state(self, state: str) -> None:
        """loading / playing / stopped; a stop after an error leaves the error showing."""
        self._playing = state in ("loading", "playing")
        self.play_button.setText(Detail.tr("Stop") if self._playing else Detail.tr("Play"))
        text = {"loading": Detail.tr("decoding…"), "playing": Detail.tr("playing")}.get(state)
        if text is not None or not self._player_error:
            self.player_state.setText(text or "")
            self._player_error = False

    def set_player_error(self, message: str) -> None:
        self.player_state.setText(message)
        self._player_error = True

    def _toggle_play(self) -> None:
        if self._playing:
            self.stop_requested.emit()
        elif self.path:
            self._player_error = False
            self.play_requested.emit(self.path)
