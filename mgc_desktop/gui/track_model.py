"""The track table: a QAbstractTableModel over plain rows, and a filtering proxy.

Built for 50,000 rows: rows are plain Python objects in a list with a path -> row dict, updates
arrive in batches (one dataChanged per contiguous run of rows, never one signal per cell), the
filter looks at a precomputed lower-case haystack, and sorting is done by the source model with
Python's sort on a key (one C++ -> Python call per row instead of two per comparison).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from mgc_desktop.tags.names import display_name

COLUMNS = (
    "File",
    "Title",
    "Artist",
    "Album",
    "Current genre",
    "Predicted genre",
    "Confidence",
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

# Row states, in the order a track goes through them.
QUEUED, CLASSIFIED, UNCERTAIN = "queued", "classified", "uncertain"
SILENT, FAILED = "silent", "failed"
STATUS_FILTERS = ("All", "Classified", "Uncertain", "Failed", "Queued", "To write", "Written")

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the TrackRow itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass
class TrackRow:
    """One file in the table. `override` (a display name) and `accepted` are the user's
    decisions; `current` holds the genres read from the file."""

    path: str
    title: str = ""
    artist: str = ""
    album: str = ""
    current: tuple[str, ...] = ()
    genre: str | None = None  # predicted class key
    confidence: float = 0.0
    probabilities: dict[str, float] = field(default_factory=dict)
    uncertain: bool = False
    status: str = QUEUED
    error: str = ""
    note: str = ""
    model_id: str = ""
    duration_s: float = 0.0
    override: str | None = None
    accepted: bool = False
    written: bool = False
    haystack: str = ""

    @property
    def file_name(self) -> str:
        return os.path.basename(self.path)

    @property
    def to_write(self) -> bool:
        """Whether the next "Write tags" includes this row."""
        return self.override is not None or self.accepted

    def refresh_haystack(self, names: Mapping[str, str] | None = None) -> None:
        """Lower-case text the search box matches against (kept so filtering stays cheap)."""
        predicted = display_name(self.genre, names) if self.genre else ""
        self.haystack = "\n".join(
            (
                self.file_name,
                self.title,
                self.artist,
                self.album,
                "; ".join(self.current),
                predicted,
                self.override or "",
            )
        ).casefold()

    def status_text(self) -> str:
        if self.written:
            return "written"
        if self.override is not None:
            return "override"
        if self.accepted:
            return "accepted"
        return self.status


class TrackTableModel(QAbstractTableModel):
    """All scanned tracks. Only the GUI thread touches it; workers hand rows over in batches."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TrackRow] = []
        self._index: dict[str, int] = {}
        self.names: dict[str, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # --- reading -----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return _HEADER_TIPS[section]
        return None

    def row(self, i: int) -> TrackRow:
        return self._rows[i]

    def rows(self) -> list[TrackRow]:
        return self._rows

    def row_for_path(self, path: str) -> TrackRow | None:
        i = self._index.get(path)
        return None if i is None else self._rows[i]

    def predicted_text(self, r: TrackRow) -> str:
        if r.override is not None:
            return r.override
        return display_name(r.genre, self.names) if r.genre else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
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
                    f"{r.confidence:.0%}"
                    if r.genre and role == Qt.ItemDataRole.DisplayRole
                    else (r.confidence if r.genre else None)
                )
            if col == COL_STATUS:
                return r.status_text()
            return None
        if role == ROW_ROLE:
            return r
        if role == SORT_ROLE:
            return _sort_key(r, col, self)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_STATUS and r.error:
                return r.error
            if col == COL_STATUS and r.note:
                return r.note
            if col == COL_FILE:
                return r.path
            if col == COL_PREDICTED:
                return "Double-click (or F2) to set this track's genre by hand"
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == COL_PREDICTED and r.override is not None:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and (
            r.status == FAILED or (col == COL_CONFIDENCE and r.uncertain)
        ):
            app = QApplication.instance()
            if isinstance(app, QApplication):
                return app.palette().brush(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText
                )
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == COL_PREDICTED:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # No setData override: with PySide6 6.12 on Python 3.11 a Python setData returning a bool
    # loses a reference to True on every call (the interpreter then aborts at exit). Edits go
    # through GenreDelegate.setModelData -> set_override instead.

    # --- batched changes -------------------------------------------------------------------
    def add_rows(self, rows: Sequence[TrackRow]) -> None:
        """Append new rows (paths already present are updated instead)."""
        fresh = [r for r in rows if r.path not in self._index]
        known = [r for r in rows if r.path in self._index]
        if fresh:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            for i, r in enumerate(fresh, start):
                r.refresh_haystack(self.names)
                self._rows.append(r)
                self._index[r.path] = i
            self.endInsertRows()
        if known:
            self.replace_rows(known)

    def replace_rows(self, rows: Iterable[TrackRow]) -> None:
        """Swap in new versions of known rows, keeping the user's decisions on them."""
        changed = []
        for r in rows:
            i = self._index.get(r.path)
            if i is None:
                continue
            old = self._rows[i]
            if _same_content(old, r):
                continue
            r.override, r.accepted = old.override, old.accepted and r.genre is not None
            r.refresh_haystack(self.names)
            self._rows[i] = r
            changed.append(i)
        self._emit_changed(changed)

    def update(self, paths: Iterable[str], **fields: Any) -> None:
        """Set fields on the rows of these paths (e.g. current genres after a write)."""
        changed = []
        for p in paths:
            i = self._index.get(p)
            if i is None:
                continue
            r = self._rows[i]
            for k, v in fields.items():
                setattr(r, k, v)
            r.refresh_haystack(self.names)
            changed.append(i)
        self._emit_changed(changed)

    def set_current(self, genres: Mapping[str, Sequence[str]], written: bool | None = None) -> None:
        """New stored genres per path (after a write or an undo)."""
        changed = []
        for p, values in genres.items():
            i = self._index.get(p)
            if i is None:
                continue
            r = self._rows[i]
            r.current = tuple(values)
            if written is not None:
                r.written = written
                if written:
                    r.accepted, r.override = False, None
            r.refresh_haystack(self.names)
            changed.append(i)
        self._emit_changed(changed)

    def set_override(self, rows: Iterable[int], name: str | None) -> None:
        """A manual genre for these rows (None: back to the prediction)."""
        changed = []
        for i in rows:
            r = self._rows[i]
            r.override = name
            r.written = False
            r.refresh_haystack(self.names)
            changed.append(i)
        self._emit_changed(changed)

    def set_accepted(self, rows: Iterable[int], accepted: bool) -> None:
        changed = []
        for i in rows:
            r = self._rows[i]
            if accepted and not r.genre:
                continue
            r.accepted = accepted
            if accepted:
                r.written = False
            changed.append(i)
        self._emit_changed(changed)

    def accept_above(self, threshold: float) -> int:
        """Accept every classified, certain prediction at or above the threshold."""
        rows = [
            i
            for i, r in enumerate(self._rows)
            if r.genre
            and not r.uncertain
            and r.confidence >= threshold
            and r.override is None
            and not r.accepted
            and not r.written
        ]
        self.set_accepted(rows, True)
        return len(rows)

    def set_names(self, names: Mapping[str, str]) -> None:
        """New genre display names: every row's text changes."""
        self.names = dict(names)
        for r in self._rows:
            r.refresh_haystack(self.names)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )

    def retain(self, paths: set[str]) -> int:
        """Drop rows whose path is not in `paths` (files the scan pruned from the index)."""
        gone = [i for i, r in enumerate(self._rows) if r.path not in paths]
        runs: list[list[int]] = []
        for i in gone:
            if runs and runs[-1][1] == i - 1:
                runs[-1][1] = i
            else:
                runs.append([i, i])
        for first, last in reversed(runs):  # from the end, so earlier indexes stay valid
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        if gone:
            self._index = {r.path: i for i, r in enumerate(self._rows)}
        return len(gone)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._index = [], {}
        self.endResetModel()

    def _emit_changed(self, rows: list[int]) -> None:
        """One dataChanged per contiguous run of rows."""
        if not rows:
            return
        rows = sorted(set(rows))
        last_col = len(COLUMNS) - 1
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
        if not 0 <= column < len(COLUMNS) or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_paths = [self._rows[i.row()].path for i in old_persistent]
        reverse = order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=lambda r: _sort_key(r, column, self), reverse=reverse)
        self._index = {r.path: i for i, r in enumerate(self._rows)}
        new = [self.index(self._index[p], i.column()) for p, i in zip(old_paths, old_persistent)]
        self.changePersistentIndexList(old_persistent, new)
        self.layoutChanged.emit()


def _same_content(a: TrackRow, b: TrackRow) -> bool:
    """Nothing the table shows differs (so no repaint, no re-filter)."""
    return (
        a.genre,
        a.confidence,
        a.status,
        a.current,
        a.title,
        a.artist,
        a.album,
        a.error,
        a.uncertain,
    ) == (
        b.genre,
        b.confidence,
        b.status,
        b.current,
        b.title,
        b.artist,
        b.album,
        b.error,
        b.uncertain,
    )


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


_HEADER_TIPS = (
    "File name (hover a cell for the full path)",
    "Title tag",
    "Artist tag",
    "Album tag",
    "The genre stored in the file now",
    "The model's genre, or yours in bold (double-click to change)",
    "How sure the model is; uncertain predictions are greyed and never written",
    "queued, classified, uncertain, silent, failed, accepted, override or written",
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
        r = model.row(source_row)
        if self._text and self._text not in r.haystack:
            return False
        if self._min_conf and (not r.genre or r.confidence < self._min_conf):
            return False
        s = self._status
        if s == "All":
            return True
        if s == "To write":
            return r.to_write and not r.written
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
