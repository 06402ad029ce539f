"""The library as a tree: albums (grouped as library.albums groups them: album tags, else the
folder) with the album's consensus genre, each holding its tracks. A second view of the same
review batch the table shows; it rebuilds itself (debounced) when the table's rows change, and
keeps which albums were expanded.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from mgc_desktop.gui.genre_names import shown_name
from mgc_desktop.gui.i18n import Context, percent
from mgc_desktop.gui.review import FAILED, group_albums
from mgc_desktop.gui.track_model import TrackTableModel, status_label

TREE_COLUMNS = ("Album / file", "Genre", "Confidence", "Status")  # keys; titles below
Albums = Context("Albums")


def _column_titles() -> tuple[str, ...]:
    return (
        Albums.tr("Album / file"),
        Albums.tr("Genre"),
        Albums.tr("Confidence"),
        Albums.tr("Status"),
    )


PATH_ROLE = Qt.ItemDataRole.UserRole + 10  # a track's path; an album's paths (list)


@dataclass
class AlbumNode:
    key: str
    label: str
    tooltip: str
    genre: str
    confidence: float
    paths: list[str]


def album_nodes(snapshot: Sequence[tuple], names: Mapping[str, str]) -> list[AlbumNode]:
    """The tree's top level from a ReviewBatch.album_snapshot (no Qt: runs in a worker)."""
    nodes = []
    for album, paths in group_albums(snapshot):
        where = album.folder or (os.path.dirname(paths[0]) if paths else "")
        tip = "{where}\n{tracks} {genre}".format(
            where=where,
            tracks=Albums.tr("%n tracks.", None, len(paths)),
            genre=Albums.tr(
                "Album genre from the summed probabilities of %n classified tracks.",
                None,
                album.classified,
            ),
        )
        nodes.append(
            AlbumNode(
                "\x00".join(album.key),
                album.label,
                tip,
                shown_name(album.genre, names) if album.genre else "",
                album.confidence,
                paths,
            )
        )
    return nodes


class LibraryTreeModel(QAbstractItemModel):
    """Two levels: album nodes (internal id 0) and their tracks (internal id = album row + 1).

    Grouping runs in a worker through `run_task` (WorkerHost.run_task) when given, so a large
    library never stalls the window; without it, synchronously."""

    rebuilt = Signal()  # new groups are in

    def __init__(
        self, table: TrackTableModel, parent: Any = None, run_task: Callable | None = None
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.albums: list[AlbumNode] = []
        self._run_task = run_task
        self._generation = 0
        self._busy = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.rebuild)
        self.active = False  # rebuilt only while shown (a hidden tree costs nothing)
        for sig in (
            table.rowsInserted,
            table.rowsRemoved,
            table.modelReset,
            table.dataChanged,
        ):
            sig.connect(self._schedule)

    def _schedule(self, *_: Any) -> None:
        if self.active:
            self._timer.start()

    def set_active(self, active: bool) -> None:
        self.active = active
        if active:
            self.rebuild()

    def rebuild(self) -> None:
        """Group the batch into albums again; the view is reset when the groups arrive."""
        self._timer.stop()
        snapshot, names = self.table.batch.album_snapshot(), dict(self.table.batch.names)
        if self._run_task is None:
            self._set_albums(album_nodes(snapshot, names))
            return
        if self._busy:  # one grouping at a time; the newest rows are grouped next
            self._timer.start()
            return
        self._busy = True
        self._generation += 1
        gen = self._generation

        def done(nodes: list[AlbumNode]) -> None:
            self._busy = False
            if gen == self._generation:
                self._set_albums(nodes)

        def failed(_message: str) -> None:
            self._busy = False

        self._run_task(lambda _p, _c: album_nodes(snapshot, names), done, failed)

    def _set_albums(self, nodes: list[AlbumNode]) -> None:
        self.beginResetModel()
        self.albums = nodes
        self.endResetModel()
        self.rebuilt.emit()

    # --- the item model ------------------------------------------------------------------
    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        if not parent.isValid():
            if 0 <= row < len(self.albums) and 0 <= column < len(TREE_COLUMNS):
                return self.createIndex(row, column, 0)
            return QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        album = self.albums[parent.row()]
        if 0 <= row < len(album.paths) and 0 <= column < len(TREE_COLUMNS):
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> Any:  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.albums)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.albums[parent.row()].paths)
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(TREE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _column_titles()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if index.internalId() == 0:
            album = self.albums[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return (
                    album.label,
                    album.genre,
                    percent(album.confidence) if album.genre else "",
                    Albums.tr("%n tracks", None, len(album.paths)),
                )[col]
            if role == Qt.ItemDataRole.ToolTipRole:
                return album.tooltip
            if role == Qt.ItemDataRole.FontRole and col == 0:
                return self._bold
            if role == PATH_ROLE:
                return list(album.paths)
            return None
        path = self.albums[int(index.internalId()) - 1].paths[index.row()]
        r = self.table.batch.row_for_path(path)
        if r is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.file_name
            if col == 1:
                return self.table.predicted_text(r)
            if col == 2:
                return percent(r.confidence) if r.genre else ""
            return status_label(r.status_text())
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.error if (col == 3 and r.status == FAILED) else r.path
        if role == Qt.ItemDataRole.FontRole and col == 1 and r.override is not None:
            return self._bold
        if role == PATH_ROLE:
            return path
        return None

    def index_for_path(self, path: str) -> QModelIndex:
        for a, album in enumerate(self.albums):
            if path in album.paths:
                return self.index(album.paths.index(path), 0, self.index(a, 0))
        return QModelIndex()


class LibraryTreeView(QTreeView):
    """The tree, keeping expanded albums across rebuilds. `paths_selected` tells the window
    which tracks the user picked (one track, or every track of an album)."""

    paths_selected = Signal(list)

    def __init__(self, model: LibraryTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.tree_model = model
        self._expanded: set[str] = set()
        self._syncing = False
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 130), (2, 80), (3, 90)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)
        self.setToolTip(
            Albums.tr("Albums with their consensus genre; expand one to see its tracks")
        )
        model.modelAboutToBeReset.connect(self._remember)
        model.modelReset.connect(self._restore)
        self.expanded.connect(lambda i: self._expanded.add(model.albums[i.row()].key))
        self.collapsed.connect(lambda i: self._expanded.discard(model.albums[i.row()].key))
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def _remember(self) -> None:
        self._current_path = self.current_path()

    def _restore(self) -> None:
        model = self.tree_model
        for row, album in enumerate(model.albums):
            if album.key in self._expanded:
                self.setExpanded(model.index(row, 0), True)
        path = getattr(self, "_current_path", None)
        if path:
            self.select_path(path)

    def current_path(self) -> str | None:
        idx = self.currentIndex()
        if not idx.isValid():
            return None
        value = idx.siblingAtColumn(0).data(PATH_ROLE)
        return value if isinstance(value, str) else None

    def select_path(self, path: str) -> None:
        """Show this track (expanding its album) without telling the window back."""
        idx = self.tree_model.index_for_path(path)
        if not idx.isValid() or idx == self.currentIndex():
            return
        self._syncing = True
        try:
            self.setExpanded(idx.parent(), True)
            self.setCurrentIndex(idx)
            self.scrollTo(idx)
        finally:
            self._syncing = False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        value = current.siblingAtColumn(0).data(PATH_ROLE)
        paths = [value] if isinstance(value, str) else list(value or [])
        if paths:
            self.paths_selected.emit(paths)
