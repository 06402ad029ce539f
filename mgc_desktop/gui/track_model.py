"""The track table: a QAbstractTableModel over the review batch (review.ReviewBatch), and a
filtering proxy.

Built for 50,000 rows: rows are plain Python objects in a list with a path -> row dict, updates
arrive in batches (one dataChanged per contiguous run of rows, never one signal per cell), the
filter looks at a precomputed lower-case haystack, and sorting is done by the source model with
Python's sort on a key (one C++ -> Python call per row instead of two per comparison).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from mgc_desktop.gui.i18n import Context, percent
from mgc_desktop.gui.review import (
    CLASSIFIED,
    FAILED,
    QUEUED,
    SILENT,
    UNCERTAIN,
    ReviewBatch,
    TrackRow,
    genre_label,
)

__all__ = [
    "CLASSIFIED",
    "FAILED",
    "QUEUED",
    "SILENT",
    "UNCERTAIN",
    "TrackFilterProxy",
    "TrackRow",
    "TrackTableModel",
]

COLUMNS = (
    "File",
    "Title",
    "Artist",
    "Album",
    "Current",
    "Predicted",
    "Conf.",
    "Status",
)
(
    COL_FILE,
    COL_TITLE,
    COL_ARTIST,
    COL_ALBUM,
    COL_CURRENT,
    COL_PREDICTED,
    COL_CONFIDENCE,
    COL_STATUS,
) = range(len(COLUMNS))

STATUS_FILTERS = ("All", "Classified", "Uncertain", "Failed", "Queued", "To write", "Written")
Table = Context("Table")


def column_titles() -> tuple[str, ...]:
    """The header of each column (COLUMNS are the keys), in the interface language."""
    return (
        Table.tr("File"),
        Table.tr("Title"),
        Table.tr("Artist"),
        Table.tr("Album"),
        Table.tr("Current"),
        Table.tr("Predicted"),
        Table.tr("Conf."),
        Table.tr("Status"),
    )


def status_filter_label(key: str) -> str:
    """How the status filter names one of STATUS_FILTERS (the keys the proxy takes)."""
    return {
        "All": Table.tr("All"),
        "Classified": Table.tr("Classified"),
        "Uncertain": Table.tr("Uncertain"),
        "Failed": Table.tr("Failed"),
        "Queued": Table.tr("Queued"),
        "To write": Table.tr("To write"),
        "Written": Table.tr("Written"),
    }.get(key, key)


def status_label(key: str) -> str:
    """A row's state (TrackRow.status_text: queued, classified, ...) as the table shows it."""
    return {
        "queued": Table.tr("queued"),
        "classified": Table.tr("classified"),
        "uncertain": Table.tr("uncertain"),
        "silent": Table.tr("silent"),
        "failed": Table.tr("failed"),
        "accepted": Table.tr("accepted"),
        "override": Table.tr("override"),
        "written": Table.tr("written"),
    }.get(key, key)


ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the TrackRow itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class TrackTableModel(QAbstractTableModel):
    """All scanned tracks, as a table. The rows and decisions live in `batch`; every change
    goes through here so the views hear of it. Only the GUI thread touches it."""

    def __init__(self, parent: Any = None, batch: ReviewBatch | None = None) -> None:
        super().__init__(parent)
        self.batch = batch or ReviewBatch()
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def names(self) -> dict[str, str]:
        return self.batch.names

    @names.setter
    def names(self, names: Mapping[str, str]) -> None:
        self.batch.set_names(names)

    # --- reading -----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.batch)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return column_titles()[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return _header_tips()[section]
        return None

    def row(self, i: int) -> TrackRow:
        return self.batch.row(i)

    def rows(self) -> list[TrackRow]:
        return self.batch.rows()

    def row_for_path(self, path: str) -> TrackRow | None:
        return self.batch.row_for_path(path)

    def predicted_text(self, r: TrackRow) -> str:
        return self.batch.predicted_text(r)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        r = self.batch.row(index.row())
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.EditRole:
            if col == COL_FILE:
                return r.file_name
            if col == COL_TITLE:
                return r.title
            if col == COL_ARTIST:
                return r.artist
            if col == COL_ALBUM:
                return r.album
            if col == COL_CURRENT:
                return "; ".join(r.current)
            if col == COL_PREDICTED:
                return self.predicted_text(r)
            if col == COL_CONFIDENCE:
                return (
                    percent(r.confidence)
                    if r.genre and role == Qt.ItemDataRole.DisplayRole
                    else (r.confidence if r.genre else None)
                )
            if col == COL_STATUS:
                return status_label(r.status_text())
            return None
        if role == ROW_ROLE:
            return r
        if role == SORT_ROLE:
            return _sort_key(r, col, self)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(r, col, self.names)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == COL_PREDICTED and r.override is not None:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and (
            r.status == FAILED or (col == COL_CONFIDENCE and r.uncertain)
        ):
            app = QApplication.instance()
            if isinstance(app, QApplication):
                return QBrush(muted_color(app.palette(), warn=r.status != FAILED))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == COL_PREDICTED:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # No setData override: with PySide6 6.12 on Python 3.11 a Python setData returning a bool
    # loses a reference to True on every call (the interpreter then aborts at exit). Edits go
    # through GenreDelegate.setModelData -> set_override instead.

    # --- batched changes (each delegates to the batch, then tells the views) ---------------
    def add_rows(self, rows: Sequence[TrackRow]) -> None:
        """Append new rows (paths already present are updated instead)."""
        fresh, changed = self.batch.add_rows(rows)
        if fresh:
            start = len(self.batch)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self.batch.append(fresh)
            self.endInsertRows()
        self._emit_changed(changed)

    def replace_rows(self, rows: Iterable[TrackRow]) -> None:
        """Swap in new versions of known rows, keeping the user's decisions on them."""
        self._emit_changed(self.batch.replace_rows(rows))

    def set_current(self, genres: Mapping[str, Sequence[str]], written: bool | None = None) -> None:
        """New stored genres per path (after a write or an undo)."""
        self._emit_changed(self.batch.set_current(genres, written))

    def set_override(self, rows: Iterable[int], name: str | None) -> None:
        """A manual genre for these rows (None: back to the prediction)."""
        self._emit_changed(self.batch.set_override(rows, name))

    def set_accepted(self, rows: Iterable[int], accepted: bool) -> None:
        self._emit_changed(self.batch.set_accepted(rows, accepted))

    def accept_rows(self, rows: Iterable[int]) -> int:
        """Accept these rows' predictions (see ReviewBatch.accept_rows); returns how many."""
        changed = self.batch.accept_rows(rows)
        self._emit_changed(changed)
        return len(changed)

    def accept_above(self, threshold: float) -> int:
        """Accept every classified, certain prediction at or above the threshold."""
        changed = self.batch.accept_above(threshold)
        self._emit_changed(changed)
        return len(changed)

    def restore_decisions(self, saved: Mapping[str, Mapping[str, Any]]) -> int:
        """Saved decisions (from an earlier session) onto the rows they belong to."""
        changed = self.batch.restore(saved)
        self._emit_changed(changed)
        return len(changed)

    def set_names(self, names: Mapping[str, str]) -> None:
        """New genre display names: every row's text changes."""
        self.batch.set_names(names)
        if len(self.batch):
            self._emit_changed([0, len(self.batch) - 1], contiguous=True)

    def set_threshold(self, threshold: float) -> None:
        """The threshold in force changed: rows may become (un)certain."""
        self._emit_changed(self.batch.set_threshold(threshold))

    def retain(self, paths: set[str]) -> int:
        """Drop rows whose path is not in `paths` (files the scan pruned from the index)."""
        runs = self.batch.retain(paths)
        for first, last in runs:
            self.beginRemoveRows(QModelIndex(), first, last)
            self.batch.remove_run(first, last)
            self.endRemoveRows()
        if runs:
            self.batch.reindex()
        return sum(b - a + 1 for a, b in runs)

    def clear(self) -> None:
        self.beginResetModel()
        self.batch.clear()
        self.endResetModel()

    def _emit_changed(self, rows: list[int], contiguous: bool = False) -> None:
        """One dataChanged per contiguous run of rows."""
        if not rows:
            return
        last_col = len(COLUMNS) - 1
        if contiguous:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], last_col))
            return
        rows = sorted(set(rows))
        start = prev = rows[0]
        for i in rows[1:] + [None]:
            if i is not None and i == prev + 1:
                prev = i
                continue
            self.dataChanged.emit(self.index(start, 0), self.index(prev, last_col))
            if i is not None:
                start = prev = i

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Python sort on a key, keeping persistent indexes (selection, current row) valid."""
        if not 0 <= column < len(COLUMNS) or not len(self.batch):
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_paths = [self.batch.row(i.row()).path for i in old_persistent]
        reverse = order == Qt.SortOrder.DescendingOrder
        self.batch.sort(lambda r: _sort_key(r, column, self), reverse)
        new = [
            self.index(self.batch.position(p) or 0, i.column())
            for p, i in zip(old_paths, old_persistent)
        ]
        self.changePersistentIndexList(old_persistent, new)
        self.layoutChanged.emit()


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21; body text wants at least 4.5)."""

    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def muted_color(pal: QPalette, warn: bool) -> QColor:
    """A colour set apart from the normal text yet readable on the table's background (at
    least 4.5:1, unlike the disabled grey): amber for an uncertain confidence (`warn`), a
    grey between text and background for a failed row."""
    base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
    dark = base.lightnessF() < 0.5
    if warn:
        color = QColor(255, 196, 100) if dark else QColor(150, 78, 0)
    else:
        color = QColor(
            *(round(0.7 * t + 0.3 * b) for t, b in zip(text.getRgb()[:3], base.getRgb()[:3]))
        )
    if contrast_ratio(color, base) < 4.5:  # an unusual palette: plain text is always readable
        return text
    return color


def _tooltip(r: TrackRow, col: int, names: Mapping[str, str]) -> str | None:
    if col == COL_STATUS and (r.error or r.note):
        return r.error or r.note
    if col == COL_FILE:
        return r.path
    if col == COL_PREDICTED:
        model = genre_label(r.genre, r.confidence, names)
        how = Table.tr(
            "Double-click (or F2) to set this track's genre by hand; keys 1-9 and 0 pick one"
        )
        if not model:
            return how
        return Table.tr("Model: {genre}. {how}").format(genre=model, how=how)
    return None


def _sort_key(r: TrackRow, col: int, model: TrackTableModel) -> Any:
    if col == COL_CONFIDENCE:
        return (1, r.confidence) if r.genre else (0, 0.0)
    if col == COL_FILE:
        return r.file_name.casefold()
    if col == COL_TITLE:
        return r.title.casefold()
    if col == COL_ARTIST:
        return r.artist.casefold()
    if col == COL_ALBUM:
        return r.album.casefold()
    if col == COL_CURRENT:
        return "; ".join(r.current).casefold()
    if col == COL_PREDICTED:
        return model.predicted_text(r).casefold()
    return r.status_text()


def _header_tips() -> tuple[str, ...]:
    return (
        Table.tr("File name (hover a cell for the full path)"),
        Table.tr("Title tag"),
        Table.tr("Artist tag"),
        Table.tr("Album tag"),
        Table.tr("Current genre: the genre stored in the file now"),
        Table.tr(
            "Predicted genre: the model's, or yours in bold (double-click, or keys 1-9 and 0)"
        ),
        Table.tr(
            "Confidence: how sure the model is; uncertain ones (below the threshold) in amber, "
            "never written alone"
        ),
        Table.tr("queued, classified, uncertain, silent, failed, accepted, override or written"),
    )


class TrackFilterProxy(QSortFilterProxyModel):
    """Search text plus a status filter; sorting is passed through to the source model."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status = "All"
        self._min_conf = 0.0

    def set_search(self, text: str) -> None:
        self._text = text.strip().casefold()
        self.invalidateFilter()

    def set_status_filter(self, status: str) -> None:
        self._status = status
        self.invalidateFilter()

    def set_min_confidence(self, value: float) -> None:
        self._min_conf = value
        self.invalidateFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, TrackTableModel)
        r = model.batch.row(source_row)
        if self._text and self._text not in r.haystack:
            return False
        if self._min_conf and (not r.genre or r.confidence < self._min_conf):
            return False
        s = self._status
        if s == "All":
            return True
        if s == "To write":
            return r.decided
        if s == "Written":
            return r.written
        if s == "Classified":
            return r.status == CLASSIFIED
        if s == "Uncertain":
            return r.status in (UNCERTAIN, SILENT)
        if s == "Failed":
            return r.status == FAILED
        if s == "Queued":
            return r.status == QUEUED
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source rows; the proxy keeps source order (it never sorts itself)."""
        source = self.sourceModel()
        if isinstance(source, TrackTableModel):
            source.sort(column, order)

    def source_rows(self, proxy_rows: Iterable[int]) -> list[int]:
        return [self.mapToSource(self.index(r, 0)).row() for r in proxy_rows]
