"""The main window: choose a folder, scan it, review predictions, override, write, undo.

Everything slow runs in workers (workers.py); this class wires signals to widgets. A scan's
results reach the table through a timer that drains the worker's buffer a bounded amount at a
time, so even a 50,000-file library never stalls the event loop.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mgc_desktop.gui.detail_pane import DetailPane
from mgc_desktop.gui.settings import Preferences
from mgc_desktop.gui.track_model import (
    COL_PREDICTED,
    FAILED,
    STATUS_FILTERS,
    TrackFilterProxy,
    TrackRow,
    TrackTableModel,
)
from mgc_desktop.gui.workers import (
    Player,
    PoolHolder,
    ScanWorker,
    WorkerHost,
    all_tags,
    current_genres,
    load_card_job,
    load_library_job,
    spectrogram_job,
)
from mgc_desktop.tags.names import DEFAULT_DISPLAY_NAMES, display_name

ROWS_PER_TICK = 2000  # rows handed to the table per drain tick (bounded GUI work per tick)
DRAIN_INTERVAL_MS = 150


def _fmt_duration(seconds: float | None) -> str:
    if seconds is None or seconds != seconds or seconds == float("inf"):
        return "?"
    s = int(round(seconds))
    if s >= 3600:
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


class GenreDelegate(QStyledItemDelegate):
    """Edits the predicted-genre cell with an editable list of genre names."""

    def __init__(self, names_fn: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names_fn = names_fn

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.setEditable(True)
        box.addItems(self._names_fn())
        box.setToolTip(
            "Type or pick the genre to write for this track (empty: back to the prediction)"
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
            source.set_override([row], editor.currentText().strip() or None)


class ErrorsPanel(QWidget):
    """Files that could not be scanned or written, with the reason."""

    count_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["File", "Reason"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setToolTip("Files that failed, and why")
        clear = QPushButton("Clear")
        clear.setToolTip("Empty this list (the files are not touched)")
        clear.clicked.connect(self.clear)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self._seen: dict[str, int] = {}

    def add(self, problems: list[tuple[str, str]]) -> None:
        if not problems:
            return
        self.table.setUpdatesEnabled(False)
        for path, reason in problems:
            i = self._seen.get(path)
            if i is None:
                i = self.table.rowCount()
                self.table.insertRow(i)
                self._seen[path] = i
                item = QTableWidgetItem(os.path.basename(path) or path)
                item.setToolTip(path)
                self.table.setItem(i, 0, item)
            self.table.setItem(i, 1, QTableWidgetItem(reason))
        self.table.setUpdatesEnabled(True)
        self.count_changed.emit(self.count())

    def count(self) -> int:
        return self.table.rowCount()

    def entries(self) -> list[tuple[str, str]]:
        return [(p, self.table.item(i, 1).text()) for p, i in self._seen.items()]

    def clear(self) -> None:
        self.table.setRowCount(0)
        self._seen.clear()
        self.count_changed.emit(0)


class MainWindow(QMainWindow):
    """The app's one window. `model_path` from the command line wins over the settings."""

    scan_finished = Signal(object)  # the ScanReport, or None when the scan failed
    write_finished = Signal(object)  # tags.BatchResult
    undo_finished = Signal(object)  # tags.BatchResult

    def __init__(self, model_path: str | None = None, prefs: Preferences | None = None) -> None:
        super().__init__()
        self.setWindowTitle("mgc-desktop")
        self.prefs = prefs or Preferences.load()
        self.cli_model_path = model_path
        self.folder = self.prefs.last_folder
        self.card: Any = None
        self.host = WorkerHost(self)
        self.pools = PoolHolder()
        self.player = Player(self)
        self.scan_worker: ScanWorker | None = None
        self.busy_task: Any = None
        self.preview: Any = None
        self.history: Any = None
        self._pending_rows: deque[TrackRow] = deque()
        self._scan_started = 0.0

        self.model = TrackTableModel(self)
        self.model.names = dict(self.prefs.genre_names)
        self.proxy = TrackFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_ui()
        self._build_actions()
        self.setAcceptDrops(True)

        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(DRAIN_INTERVAL_MS)
        self._drain_timer.timeout.connect(self._drain)
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(120)
        self._detail_timer.timeout.connect(self._load_detail)
        self.player.state.connect(self.detail.set_player_state)
        self.player.error.connect(self.detail.set_player_error)
        self.detail.play_requested.connect(self.player.play)
        self.detail.stop_requested.connect(self.player.stop)
        self._update_folder_label()
        self._update_actions()
        self.resize(1280, 780)

    # --- construction ---------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.folder_label = QLabel()
        self.folder_label.setToolTip("The music folder (drop a folder on the window to change)")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search file, title, artist, album, genre…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Show only tracks whose names or tags contain this text")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(lambda: self.proxy.set_search(self.search.text()))
        self.search.textChanged.connect(self._search_timer.start)
        self.status_filter = QComboBox()
        self.status_filter.addItems(list(STATUS_FILTERS))
        self.status_filter.setToolTip("Show only tracks in this state")
        self.status_filter.currentTextChanged.connect(self.proxy.set_status_filter)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the file name
        header.setMinimumSectionSize(40)
        for col, width in enumerate((160, 140, 110, 120, 100, 110, 80, 80)):
            self.table.setColumnWidth(col, width)
        self.table.setItemDelegateForColumn(
            COL_PREDICTED, GenreDelegate(self.genre_choices, self.table)
        )
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.detail = DetailPane()
        filters = QHBoxLayout()
        filters.addWidget(self.folder_label, 1)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(4, 4, 4, 0)
        lv.addLayout(filters)
        lv.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.errors = ErrorsPanel()
        self.errors_dock = QDockWidget("Errors", self)
        self.errors_dock.setObjectName("errors")
        self.errors_dock.setWidget(self.errors)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.errors_dock)
        self.errors.count_changed.connect(
            lambda n: self.errors_dock.setWindowTitle(f"Errors ({n})" if n else "Errors")
        )
        self.errors_dock.hide()
        self.live_dock = QDockWidget("Live", self)
        self.live_dock.setObjectName("live")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.live_dock)
        self.live_dock.hide()
        self.live_dock.visibilityChanged.connect(self._live_visibility)
        self.live_panel: Any = None

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.progress_label = QLabel("")
        self.statusBar().addPermanentWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.count_label = QLabel("")
        self.statusBar().addWidget(self.count_label)

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        act.setToolTip(
            f"{tip or text.replace('&', '').rstrip('…')}" + (f" ({keys})" if keys else "")
        )
        act.setStatusTip(tip or text.replace("&", ""))
        act.triggered.connect(lambda *_: slot())
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        k = QKeySequence.StandardKey
        self.act_open = self._action(
            "&Open folder…", self.choose_folder, k.Open, "Choose the music folder to scan"
        )
        self.act_scan = self._action(
            "&Scan", self.start_scan, "F5", "Scan the folder and classify new or changed files"
        )
        self.act_stop = self._action(
            "S&top", self.stop_scan, "Ctrl+.", "Stop the scan; everything finished so far is kept"
        )
        self.act_accept = self._action(
            "&Accept above",
            self.accept_above,
            "Ctrl+Shift+A",
            "Accept every prediction at or above the confidence",
        )
        self.act_override = self._action(
            "Set &genre…",
            self.ask_override,
            "Ctrl+G",
            "Set the genre of the selected tracks by hand",
        )
        self.act_clear = self._action(
            "&Clear choice",
            self.clear_choice,
            "Ctrl+Backspace",
            "Forget overrides and acceptances of the selected tracks",
        )
        self.act_write = self._action(
            "&Write tags…",
            self.write_tags,
            "Ctrl+T",
            "Preview, then write genre tags for accepted and overridden tracks (or the selection)",
        )
        self.act_undo = self._action(
            "&Undo last batch", self.undo_last, k.Undo, "Restore the genres the last batch replaced"
        )
        self.act_history = self._action(
            "&History…", self.show_history, "Ctrl+H", "All tag batches; undo any of them"
        )
        self.act_settings = self._action(
            "Se&ttings…",
            self.show_settings,
            k.Preferences,
            "Policy, threshold, names, workers, model",
        )
        self.act_about = self._action("&About", self.show_about, "F1", "Version and the model card")
        self.act_live = self._action(
            "&Live", self.toggle_live, "Ctrl+L", "Classify what the microphone hears"
        )
        self.act_errors = self.errors_dock.toggleViewAction()
        self.act_errors.setShortcut(QKeySequence("Ctrl+E"))
        self.act_quit = self._action("&Quit", self.close, k.Quit)
        self.act_search = self._action("Find", self._focus_search, k.Find)
        if not self.act_settings.shortcut().toString():
            self.act_settings.setShortcut(QKeySequence("Ctrl+,"))
        QShortcut(
            QKeySequence("Space"),
            self.table,
            self._toggle_play,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

        self.accept_spin = QDoubleSpinBox()
        self.accept_spin.setRange(0.0, 1.0)
        self.accept_spin.setSingleStep(0.05)
        self.accept_spin.setValue(max(0.5, self.prefs.threshold))
        self.accept_spin.setPrefix("≥ ")
        self.accept_spin.setToolTip("Confidence at or above which Accept takes a prediction")

        bar = QToolBar("Main")
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_open, self.act_scan, self.act_stop):
            bar.addAction(a)
        bar.addSeparator()
        bar.addAction(self.act_accept)
        bar.addWidget(self.accept_spin)
        bar.addAction(self.act_override)
        bar.addSeparator()
        for a in (self.act_write, self.act_undo, self.act_history):
            bar.addAction(a)
        bar.addSeparator()
        bar.addAction(self.act_live)
        self.addToolBar(bar)

        menu = self.menuBar()
        m = menu.addMenu("&File")
        for a in (self.act_open, self.act_scan, self.act_stop):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = menu.addMenu("&Edit")
        for a in (self.act_search, self.act_accept, self.act_override, self.act_clear):
            m.addAction(a)
        m.addSeparator()
        for a in (self.act_write, self.act_undo, self.act_history):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.act_settings)
        m = menu.addMenu("&View")
        m.addAction(self.act_errors)
        m.addAction(self.act_live)
        m = menu.addMenu("&Help")
        m.addAction(self.act_about)

    # --- helpers ----------------------------------------------------------------------------
    def model_path(self) -> str:
        return self.cli_model_path or self.prefs.resolved_model_path()

    def genre_choices(self) -> list[str]:
        classes = self.card.classes if self.card is not None else tuple(DEFAULT_DISPLAY_NAMES)
        return [display_name(c, self.model.names) for c in classes]

    def scanning(self) -> bool:
        return self.scan_worker is not None

    def selected_source_rows(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return sorted(self.proxy.source_rows(rows))

    def notify(
        self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning
    ) -> QMessageBox:
        """A window-modal message that does not block the event loop (nor tests)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = box
        return box

    def _update_folder_label(self) -> None:
        self.folder_label.setText(self.folder or "No folder chosen: Open or drop one here")
        self.folder_label.setToolTip(self.folder or "")

    def _update_actions(self) -> None:
        scanning = self.scanning()
        busy = self.busy_task is not None
        self.act_scan.setEnabled(bool(self.folder) and not scanning)
        self.act_stop.setEnabled(scanning)
        self.act_open.setEnabled(not scanning)
        self.act_write.setEnabled(not scanning and not busy and self.model.rowCount() > 0)
        self.act_undo.setEnabled(not scanning and not busy)
        has_sel = self.table.selectionModel().hasSelection()
        self.act_override.setEnabled(has_sel)
        self.act_clear.setEnabled(has_sel)
        self.act_settings.setEnabled(not scanning)
        self._update_counts()

    def _update_counts(self) -> None:
        rows = self.model.rows()
        todo = sum(1 for r in rows if r.to_write and not r.written)
        shown = self.proxy.rowCount()
        text = f"{len(rows)} tracks"
        if shown != len(rows):
            text += f", {shown} shown"
        if todo:
            text += f", {todo} to write"
        self.count_label.setText(text)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- folder and scan ----------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            if self.folder and os.path.isdir(self.folder):
                QTimer.singleShot(0, self._load_known)

    def _load_known(self) -> None:
        """Fill the table from the index for the remembered folder (no scanning)."""
        if self.scanning() or self.model.rowCount():
            return
        folder = self.folder
        self.host.run_task(
            load_library_job(folder, self.model_path()),
            lambda rows: self._known_loaded(folder, rows),
        )

    def _known_loaded(self, folder: str, rows: list[TrackRow]) -> None:
        if folder == self.folder and not self.scanning() and not self.model.rowCount():
            self._pending_rows.extend(rows)
            self.errors.add([(r.path, r.error) for r in rows if r.status == FAILED])
            self._drain_rows()
            if self._pending_rows:
                self._drain_timer.start()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Choose your music folder", self.folder or os.path.expanduser("~")
        )
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder: str, scan: bool = False) -> None:
        """Switch to another folder (remembered for the next start)."""
        folder = os.path.abspath(folder)
        if folder != self.folder:
            self.model.clear()
            self._pending_rows.clear()
            self.errors.clear()
            self.detail.show_row(None, self.model.names)
        self.folder = folder
        self.prefs.last_folder = folder
        self.prefs.save()
        self._update_folder_label()
        self._update_actions()
        if scan:
            self.start_scan()
        elif not self.model.rowCount():
            self._load_known()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and not self.scanning():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = event.mimeData().urls()[0].toLocalFile()
        if not os.path.isdir(path):
            path = os.path.dirname(path)
        event.acceptProposedAction()
        self.set_folder(path, scan=True)

    def start_scan(self) -> None:
        if self.scanning() or not self.folder:
            return
        if not os.path.isdir(self.folder):
            self.notify("Folder not found", f"The folder {self.folder} does not exist (any more).")
            return
        self.errors.clear()
        worker = ScanWorker(self.folder, self.model_path(), self.prefs.workers, self.pools)
        worker.model_ready.connect(self._model_ready)
        worker.failed.connect(self._scan_failed)
        worker.finished.connect(self._scan_done)
        self.scan_worker = worker
        self._scan_started = time.monotonic()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.progress_label.setText("Scanning…")
        self.host.start(worker, [worker.finished])
        self._drain_timer.start()
        self._update_actions()

    def stop_scan(self) -> None:
        if self.scan_worker is not None:
            self.scan_worker.cancel.set()
            self.progress_label.setText("Stopping: finishing the files in progress…")

    def _model_ready(self, card: Any) -> None:
        self.card = card
        self._detail_timer.start()

    def _scan_failed(self, message: str) -> None:
        self.notify("Cannot scan", message)

    def _scan_done(self, report: Any) -> None:
        worker, self.scan_worker = self.scan_worker, None
        if worker is not None:
            self._drain_buffer(worker)
        self.progress.hide()
        if report is None:
            self.progress_label.setText("Scan failed")
        else:
            what = "Scan stopped" if report.cancelled else "Scan finished"
            self.progress_label.setText(
                f"{what}: {report.files} files, {report.classified} classified, "
                f"{report.failed} failed in {_fmt_duration(report.elapsed_s)}"
            )
        if self.errors.count():
            self.errors_dock.show()
        self._update_actions()
        self._load_detail()
        self.scan_finished.emit(report)

    def _drain(self) -> None:
        """Timer tick: take what the scan produced and hand a bounded amount to the table."""
        if self.scan_worker is not None:
            self._drain_buffer(self.scan_worker)
        self._drain_rows()
        if self.scan_worker is None and not self._pending_rows:
            self._drain_timer.stop()

    def _drain_buffer(self, worker: ScanWorker) -> None:
        rows, problems, progress, final = worker.buffer.take()
        self._pending_rows.extend(rows)
        self.errors.add(problems)
        if progress is not None:
            self._show_progress(progress)
        if final is not None:
            self._drain_rows(limit=None)
            self.model.retain(final)

    def _drain_rows(self, limit: int | None = ROWS_PER_TICK) -> None:
        if not self._pending_rows:
            return
        n = len(self._pending_rows) if limit is None else min(limit, len(self._pending_rows))
        batch = [self._pending_rows.popleft() for _ in range(n)]
        self.model.add_rows(batch)
        current = self.detail.path
        if current and any(r.path == current for r in batch):
            self._show_current_row()
        self._update_counts()
        if self.model.rowCount() and not self.table.selectionModel().currentIndex().isValid():
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _show_progress(self, p: Any) -> None:
        phase = {
            "walk": "Looking for music",
            "index": "Reading tags",
            "classify": "Classifying",
            "done": "Finishing",
        }.get(p.phase, p.phase)
        if p.total:
            self.progress.setRange(0, p.total)
            self.progress.setValue(p.done)
            self.progress.setFormat(f"{p.done} / {p.total}")
            eta = f", ETA {_fmt_duration(p.eta_s)}" if p.eta_s is not None else ""
            self.progress_label.setText(f"{phase}: {p.rate:.1f} files/s{eta}")
        else:
            self.progress.setRange(0, 0)
            self.progress_label.setText(f"{phase}: {p.done} files")

    # --- selection and detail ----------------------------------------------------------------
    def current_row(self) -> TrackRow | None:
        idx = self.table.selectionModel().currentIndex()
        if not idx.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(idx).row())

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_current_row()
        self._detail_timer.start()

    def _show_current_row(self) -> None:
        self.detail.show_row(self.current_row(), self.model.names)

    def _load_detail(self) -> None:
        """Tags and spectrogram of the current track, each in a worker."""
        row = self.current_row()
        if row is None:
            return
        path = row.path
        self.host.run_task(
            lambda _p, _c: (path, all_tags(path)),
            self._tags_loaded,
            lambda msg: self.detail.set_tags([("error", msg)]),
        )
        if (
            row.status == FAILED
            or self.detail.spectrogram.has_image()
            and path == getattr(self, "_spectrogram_path", None)
        ):
            return
        self._spectrogram_path = path
        if self.card is None and self.scanning():
            self._spectrogram_path = None  # the scan's pool brings the card: wait for it
            return
        if self.card is None:
            self.host.run_task(
                load_card_job(self.model_path()),
                lambda card: self._card_loaded(card, path),
                lambda msg: self.detail.set_spectrogram_error(path, msg),
            )
            return
        self._start_spectrogram(path)

    def _card_loaded(self, card: Any, path: str | None = None) -> None:
        self.card = card
        if path is not None:
            self._start_spectrogram(path)

    def _start_spectrogram(self, path: str) -> None:
        self.host.run_task(
            spectrogram_job(path, self.card),
            self._spectrogram_loaded,
            lambda msg: self.detail.set_spectrogram_error(path, msg),
        )

    def _tags_loaded(self, result: tuple[str, list[tuple[str, str]]]) -> None:
        path, tags = result
        if path == self.detail.path:
            self.detail.set_tags(tags)

    def _spectrogram_loaded(self, result: tuple[str, Any, list[str]]) -> None:
        path, windows, labels = result
        self.detail.set_spectrogram(path, windows, labels)

    def _toggle_play(self) -> None:
        self.detail.play_button.click()

    # --- decisions ------------------------------------------------------------------------------
    def accept_above(self, threshold: float | None = None) -> int:
        value = self.accept_spin.value() if threshold is None else threshold
        n = self.model.accept_above(value)
        self.statusBar().showMessage(f"Accepted {n} predictions at or above {value:.0%}", 5000)
        self.proxy.invalidateFilter() if self.status_filter.currentText() != "All" else None
        self._update_actions()
        return n

    def ask_override(self) -> None:
        rows = self.selected_source_rows()
        if not rows:
            return
        current = self.model.predicted_text(self.model.row(rows[0]))
        choices = self.genre_choices()
        name, ok = QInputDialog.getItem(
            self,
            "Set genre",
            f"Genre for {len(rows)} track(s):",
            choices,
            max(0, choices.index(current)) if current in choices else 0,
            True,
        )
        if ok:
            self.set_override(rows, name)

    def set_override(self, source_rows: list[int], name: str | None) -> None:
        self.model.set_override(source_rows, (name or "").strip() or None)
        self._show_current_row()
        self._update_actions()

    def clear_choice(self) -> None:
        rows = self.selected_source_rows()
        self.model.set_override(rows, None)
        self.model.set_accepted(rows, False)
        self._show_current_row()
        self._update_actions()

    # --- writing --------------------------------------------------------------------------------
    def rows_to_write(self) -> list[TrackRow]:
        """Accepted and overridden rows; if there are none, the selected classified rows."""
        rows = [r for r in self.model.rows() if r.to_write and not r.written]
        if not rows:
            rows = [self.model.row(i) for i in self.selected_source_rows()]
            rows = [r for r in rows if r.genre or r.override]
        return rows

    def write_tags(self) -> None:
        """Open the preview for the rows to write; writing starts when it is accepted."""
        rows = self.rows_to_write()
        if not rows:
            self.notify(
                "Nothing to write",
                "Accept predictions (Accept above) or set genres by hand first, or "
                "select the tracks to write.",
                QMessageBox.Icon.Information,
            )
            return
        from mgc_desktop.gui.dialogs.preview import PreviewDialog

        snapshot = [
            SimpleNamespace(
                path=r.path,
                genre=r.genre,
                confidence=r.confidence,
                probabilities=dict(r.probabilities),
                uncertain=r.uncertain,
                model_id=r.model_id or None,
                override=r.override,
            )
            for r in rows
        ]
        dialog = PreviewDialog(self.prefs.policy, self.prefs.threshold, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = dialog
        dialog.replan_requested.connect(lambda pol, thr: self._plan(dialog, snapshot, pol, thr))
        dialog.accepted.connect(lambda: self._write(dialog.plan))
        dialog.finished.connect(lambda _: setattr(self, "preview", None))
        dialog.open()
        self._plan(dialog, snapshot, self.prefs.policy, self.prefs.threshold)

    def _plan(self, dialog: Any, snapshot: list[Any], policy: str, threshold: float) -> None:
        top_k, names = self.prefs.top_k, dict(self.model.names)

        def job(progress: Any, cancel: threading.Event) -> list[Any]:
            from mgc_desktop.tags import plan_file, plan_prediction

            plan = []
            for n, s in enumerate(snapshot):
                if cancel.is_set():
                    break
                progress(n, len(snapshot))
                if s.override:
                    manual_policy = "replace" if policy == "fill" else policy
                    plan.append(
                        plan_file(
                            s.path,
                            [s.override],
                            policy=manual_policy,
                            why_not="manual",
                            model_id="manual",
                        )
                    )
                else:
                    plan.append(
                        plan_prediction(
                            s, policy=policy, min_confidence=threshold, top_k=top_k, mapping=names
                        )
                    )
            return plan

        def done(plan: list[Any]) -> None:
            if self.preview is dialog:
                dialog.set_plan(plan)

        def failed(msg: str) -> None:
            if self.preview is dialog:
                dialog.set_error(msg)

        self.host.run_task(
            job,
            done,
            failed,
            lambda n, t: dialog.set_planning(n, t) if self.preview is dialog else None,
        )

    def _begin_busy(self, text: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.progress_label.setText(text)

    def _write(self, plan: list[Any]) -> None:
        writes = [i for i in plan if i.action == "write"]
        if not writes:
            return
        keep_mtime = self.prefs.keep_mtime

        def job(progress: Any, cancel: threading.Event) -> Any:
            from mgc_desktop.library.scanner import note_tag_batch
            from mgc_desktop.tags import apply_plan

            result = apply_plan(
                plan,
                batch_note="desktop app",
                keep_mtime=keep_mtime,
                progress_cb=lambda n, t, _p: progress(n, t),
                cancel_event=cancel,
            )
            note_tag_batch(result.batch_id)  # tag-only change: keep the index's predictions
            failed = {p for p, _ in result.errors}
            genres = {i.path: current_genres(i.path) for i in writes}
            return result, genres, failed

        self._begin_busy("Writing tags…")
        self.busy_task = self.host.run_task(
            job, self._write_done, self._busy_failed, self._busy_progress
        )
        self._update_actions()

    def _busy_progress(self, n: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(n)
        self.progress.setFormat(f"{n} / {total}")

    def _busy_failed(self, message: str) -> None:
        self.busy_task = None
        self.progress.hide()
        self.progress_label.setText("")
        self.notify("Tags were not written", message)
        self._update_actions()

    def _write_done(self, out: tuple[Any, dict[str, tuple[str, ...]], set[str]]) -> None:
        result, genres, failed = out
        self.busy_task = None
        self.progress.hide()
        self.model.set_current({p: g for p, g in genres.items() if p not in failed}, written=True)
        self.model.set_current({p: g for p, g in genres.items() if p in failed})
        self.errors.add(result.errors)
        if result.errors:
            self.errors_dock.show()
        self.progress_label.setText(result.summary())
        self._show_current_row()
        self._load_detail()
        self._update_actions()
        self.write_finished.emit(result)

    def undo_last(self) -> None:
        self.undo_batch(None)

    def undo_batch(self, batch_id: int | None) -> None:
        """Undo one batch (None: the last one still in effect) in a worker."""
        if self.busy_task is not None:
            return
        row_paths = [r.path for r in self.model.rows()]

        def job(progress: Any, cancel: threading.Event) -> Any:
            from mgc_desktop.library.scanner import note_tag_batch
            from mgc_desktop.tags import Journal, undo_batch

            try:
                result = undo_batch(batch_id, progress_cb=lambda n, t, _p: progress(n, t))
            except LookupError as exc:
                return str(exc), {}
            note_tag_batch(result.batch_id)
            with Journal() as journal:
                touched = {c.path for c in journal.changes(result.batch_id, states=("done",))}
            genres = {p: current_genres(p) for p in row_paths if os.path.realpath(p) in touched}
            return result, genres

        self._begin_busy("Undoing…")
        self.busy_task = self.host.run_task(
            job, self._undo_done, self._busy_failed, self._busy_progress
        )
        self._update_actions()

    def _undo_done(self, out: tuple[Any, dict[str, tuple[str, ...]]]) -> None:
        result, genres = out
        self.busy_task = None
        self.progress.hide()
        if isinstance(result, str):
            self.progress_label.setText("")
            self.notify("Nothing to undo", result.capitalize() + ".", QMessageBox.Icon.Information)
            return
        self.model.set_current(genres, written=False)
        self.errors.add(result.errors)
        self.progress_label.setText(result.undo_summary())
        self._show_current_row()
        self._load_detail()
        self._update_actions()
        if self.history is not None:
            self._refresh_history()
        self.undo_finished.emit(result)

    # --- dialogs --------------------------------------------------------------------------------
    def show_history(self) -> None:
        from mgc_desktop.gui.dialogs.history import HistoryDialog

        dialog = HistoryDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.undo_requested.connect(self.undo_batch)
        dialog.finished.connect(lambda _: setattr(self, "history", None))
        self.history = dialog
        dialog.open()
        self._refresh_history()

    def _refresh_history(self) -> None:
        def job(progress: Any, cancel: threading.Event) -> Any:
            from mgc_desktop.tags import list_batches

            return list_batches()

        def done(batches: Any) -> None:
            if self.history is not None:
                self.history.set_batches(batches)

        self.host.run_task(job, done, lambda msg: self.notify("Cannot read the history", msg))

    def validate_model(self, path: str, on_ok: Any, on_error: Any) -> None:
        """Open a model file in a worker; IncompatibleModel's message goes to on_error."""
        self.host.run_task(load_card_job(path), on_ok, on_error)

    def show_settings(self) -> None:
        from mgc_desktop.gui.dialogs.settings import SettingsDialog

        classes = self.card.classes if self.card is not None else None
        dialog = SettingsDialog(self.prefs, classes, self.validate_model, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.apply_preferences(dialog.result_preferences(), dialog.validated_card)
        )
        self.settings_dialog = dialog
        dialog.open()

    def apply_preferences(self, prefs: Preferences, card: Any = None) -> None:
        old = self.prefs
        prefs.last_folder = self.folder
        self.prefs = prefs
        prefs.save()
        if (prefs.model_path, prefs.workers) != (old.model_path, old.workers):
            if prefs.model_path != old.model_path:
                self.card = card
            pools = self.pools
            self.host.run_task(lambda _p, _c: pools.close(), lambda _r: None)
        if prefs.genre_names != old.genre_names:
            self.model.set_names(prefs.genre_names)
            self._show_current_row()
        self.accept_spin.setValue(max(self.accept_spin.value(), 0.0))

    def show_about(self) -> None:
        from mgc_desktop.gui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.card, self.model_path(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog = dialog
        dialog.open()
        if self.card is None:
            path = self.model_path()

            def loaded(card: Any) -> None:
                self.card = card
                try:
                    dialog.set_card(card, path)
                except RuntimeError:  # closed meanwhile
                    pass

            self.host.run_task(
                load_card_job(path), loaded, lambda msg: dialog.card_label.setText(f"Model: {msg}")
            )

    # --- live -----------------------------------------------------------------------------------
    def toggle_live(self) -> None:
        self.live_dock.setVisible(not self.live_dock.isVisible())

    def _live_visibility(self, visible: bool) -> None:
        if visible and self.live_panel is None:
            from mgc_desktop.gui.live_panel import LivePanel

            self.live_panel = LivePanel(self.model_path, lambda: self.model.names, self.host)
            self.live_dock.setWidget(self.live_panel)
        if not visible and self.live_panel is not None:
            self.live_panel.stop()

    # --- shutdown -------------------------------------------------------------------------------
    def closeEvent(self, event: Any) -> None:
        self.player.stop()
        if self.live_panel is not None:
            self.live_panel.stop()
        if self.scan_worker is not None:
            self.scan_worker.cancel.set()
        self._drain_timer.stop()
        self.host.stop_all()
        self.pools.close()
        super().closeEvent(event)
