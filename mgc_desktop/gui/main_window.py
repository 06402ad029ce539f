"""The main window: choose a folder, scan it, review predictions, override, write, undo.

Layout and wiring only. The review state (rows, decisions, what a write would do, what failed)
lives in review.ReviewBatch, which the table, the album tree, the status bar, the errors dock,
the detail pane and the preview all read; `refresh_review` is the one place that brings the
window up to date with it. Everything slow runs in workers (workers.py, tag_jobs.py); a scan's
results reach the table through a timer that drains the worker's buffer a bounded amount at a
time, so even a 50,000-file library never stalls the event loop.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections import deque
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mgc_desktop.gui.decision_keeper import DecisionKeeper
from mgc_desktop.gui.detail_pane import DetailPane
from mgc_desktop.gui.errors_panel import ErrorsPanel
from mgc_desktop.gui.genre_delegate import GenreDelegate
from mgc_desktop.gui.genre_names import shown_name
from mgc_desktop.gui.i18n import Context, duration, number, threshold_percent
from mgc_desktop.gui.library_tree import LibraryTreeModel, LibraryTreeView
from mgc_desktop.gui.review import FAILED, ReviewCounts, TrackRow, WritePolicy
from mgc_desktop.gui.review_keys import ReviewKeys
from mgc_desktop.gui.settings import Preferences, policy_label
from mgc_desktop.gui.tag_fields import read_fields
from mgc_desktop.gui.tag_flow import TagFlow, WindowHooks
from mgc_desktop.gui.track_model import (
    COL_ALBUM,
    COL_ARTIST,
    COL_PREDICTED,
    COL_TITLE,
    STATUS_FILTERS,
    TrackFilterProxy,
    TrackTableModel,
    status_filter_label,
)
from mgc_desktop.gui.vocabulary_feature import VocabularyFeature
from mgc_desktop.gui.window_actions import WindowActions
from mgc_desktop.gui.workers import (
    Player,
    PoolHolder,
    ScanWorker,
    WorkerHost,
    load_card_job,
    load_library_job,
    spectrogram_job,
)
from mgc_desktop.library.index import Library, default_index_path
from mgc_desktop.model.card import InferenceParams
from mgc_desktop.model.windows import first_pass
from mgc_desktop.tags.names import DEFAULT_DISPLAY_NAMES, display_name

log = logging.getLogger(__name__)

CLOSE_WAIT_MS = 10_000  # how long closing the window waits for a cancelled scan to end
ROWS_PER_TICK = 2000  # rows handed to the table per drain tick (bounded GUI work per tick)
DRAIN_INTERVAL_MS = 150
TAB_TRACKS, TAB_ALBUMS = 0, 1


Window = Context("Window")


def heard_spectrogram_job(path: str, card: Any) -> Any:
    """The spectrogram of the windows the model heard for this file's stored prediction:
    only the first pass's when that answer was sure enough (as `classify --json` counts them
    in "windows"), all planned windows otherwise or when the index does not say."""
    windows_job = spectrogram_job(path, card)

    def job(progress: Any, cancel: Any) -> tuple[str, Any, list[str]]:
        path_, windows, labels = windows_job(progress, cancel)
        first = first_pass(len(windows), card.inference.first_windows)
        if 0 < _windows_heard(path, card.model_id) <= len(first) < len(windows):
            return path_, windows[first], [labels[i] for i in first if i < len(labels)]
        return path_, windows, labels

    return job


def _windows_heard(path: str, model_id: str) -> int:
    """How many windows the stored prediction of `model_id` used (0: unknown)."""
    if not default_index_path().is_file():
        return 0
    try:
        with Library(readonly=True) as lib:
            track = lib.track(path, model_id=model_id)
    except sqlite3.Error:
        return 0
    return track.prediction.windows if track is not None and track.prediction else 0


class MainWindow(WindowActions, QMainWindow):
    """The app's one window. `model_path` from the command line wins over the settings."""

    scan_finished = Signal(object)  # the ScanReport, or None when the scan failed

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
        self.live_panel: Any = None
        self._pending_rows: deque[TrackRow] = deque()
        self._scan_started = 0.0
        self._spectrogram_path: str | None = None
        self._spectrogram_request = 0  # the newest spectrogram task (older answers are dropped)

        self.model = TrackTableModel(self)
        self.batch = self.model.batch
        self.batch.set_names(self.prefs.genre_names)
        self._apply_write_policy()
        self.proxy = TrackFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree_model = LibraryTreeModel(self.model, self, self.host.run_task)
        self.tag_flow = TagFlow(
            self.model,
            self.host,
            WindowHooks(
                self,
                lambda: self.prefs,
                self.notify,
                self.say,
                self._busy,
                self._busy_progress,
                self._after_tag_change,
                self.threshold,
            ),
        )
        self.write_finished = self.tag_flow.write_finished
        self.undo_finished = self.tag_flow.undo_finished
        self.undo_refused = self.tag_flow.undo_refused
        self._build_ui()
        self.build_actions()
        self.build_menus()
        self.setAcceptDrops(True)

        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(DRAIN_INTERVAL_MS)
        self._drain_timer.timeout.connect(self._drain)
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(120)
        self._detail_timer.timeout.connect(self._load_detail)
        self.decisions = DecisionKeeper(self.model, self.host, self.refresh_review, self.say, self)
        self.player.state.connect(self.detail.set_player_state)
        self.player.error.connect(self._player_error)
        self.detail.play_requested.connect(self.player.play)
        self.detail.stop_requested.connect(self.player.stop)
        # Edits made in the table's own editor reach the batch directly: coalesce their
        # dataChanged signals into one refresh.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh_review)
        self.model.dataChanged.connect(self._refresh_timer.start)
        self._update_folder_label()
        self.refresh_review()
        self.resize(1280, 780)
        self.splitter.setSizes([840, 440])
        # Learn my genres, the own-genres switch, Similar tracks in the detail pane.
        self.vocabulary = VocabularyFeature(self)

    # --- construction ---------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.folder_label = QLabel()
        self.folder_label.setToolTip(
            Window.tr("The music folder (drop a folder on the window to change)")
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            Window.tr("Search file, title, artist, album, genre…  (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(Window.tr("Show only tracks whose names or tags contain this text"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.status_filter = QComboBox()
        for key in STATUS_FILTERS:
            self.status_filter.addItem(status_filter_label(key), key)
        self.status_filter.setToolTip(Window.tr("Show only tracks in this state"))
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self._apply_status_filter(str(self.status_filter.currentData()))
        )

        self.table = self._build_table()
        self.tree = LibraryTreeView(self.tree_model)
        self.tree.paths_selected.connect(self.select_paths)
        self.tree_model.rebuilt.connect(self._sync_tree)
        self.views = QTabWidget()
        self.views.addTab(self.table, Window.tr("Tracks"))
        self.views.addTab(self.tree, Window.tr("Albums"))
        self.views.setTabToolTip(TAB_TRACKS, Window.tr("Every track, flat: sort and filter"))
        self.views.setTabToolTip(
            TAB_ALBUMS, Window.tr("Albums (or folders) with their consensus genre")
        )
        self.views.currentChanged.connect(self._view_changed)
        self.review_keys = ReviewKeys(self)
        for view in (self.table, self.tree):
            view.installEventFilter(self.review_keys)
        self.review_keys.accept_requested.connect(self.accept_current)
        self.review_keys.genre_requested.connect(self.set_genre_by_number)
        self.review_keys.step_requested.connect(self.step_review)

        self.detail = DetailPane()
        filters = QHBoxLayout()
        filters.addWidget(self.folder_label, 1)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(4, 4, 4, 0)
        lv.addLayout(filters)
        lv.addWidget(self.views, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.errors = ErrorsPanel()
        self.errors_dock = self._dock(Window.tr("Errors"), "errors", self.errors)
        self.errors.count_changed.connect(
            lambda n: self.errors_dock.setWindowTitle(
                Window.tr("Errors (%n)", None, n) if n else Window.tr("Errors")
            )
        )
        self.live_dock = self._dock(Window.tr("Live"), "live", None)
        self.live_dock.visibilityChanged.connect(self._live_visibility)
        self.tabifyDockWidget(self.errors_dock, self.live_dock)
        for dock in (self.errors_dock, self.live_dock):
            dock.hide()

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.progress_label = QLabel("")
        # Permanent widgets: a hovered action's status tip never wipes them.
        self.count_label = QLabel("")
        self.message_label = QLabel("")
        self.message_label.setContentsMargins(12, 0, 0, 0)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.message_label, 1)
        self.statusBar().addPermanentWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.progress)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "01 Long ti…tle.flac"
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The room a wide window has goes to title, artist and album (the names that are cut
        # first), shared out evenly, not to Status.
        header.setStretchLastSection(False)
        for col in (COL_TITLE, COL_ARTIST, COL_ALBUM):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        # Widths in characters, never narrower than the (bold) header: every column shows in
        # the default window, the file name at least 24 characters (elided in the middle).
        char = self.fontMetrics().horizontalAdvance("x")
        bold = QFont(table.font())
        bold.setBold(True)
        head = QFontMetrics(bold)
        for col, chars in enumerate((24, 14, 12, 12, 10, 11, 5, 9)):
            title = str(self.proxy.headerData(col, Qt.Orientation.Horizontal))
            table.setColumnWidth(col, max(chars * char + 12, head.horizontalAdvance(title) + 16))
        table.setItemDelegateForColumn(
            COL_PREDICTED, GenreDelegate(self.genre_choices, self.genre_choices_shown, table)
        )
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        return table

    def _dock(self, title: str, name: str, widget: QWidget | None) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        if widget is not None:
            dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    # --- helpers ----------------------------------------------------------------------------
    def model_path(self) -> str:
        return self.cli_model_path or self.prefs.resolved_model_path()

    def genre_classes(self) -> tuple[str, ...]:
        return self.card.classes if self.card is not None else tuple(DEFAULT_DISPLAY_NAMES)

    def genre_choices(self) -> list[str]:
        """The model's genres as they would be written (the tag-name settings): what choosing
        one of them by key, menu or dialog sets."""
        return [display_name(c, self.batch.names) for c in self.genre_classes()]

    def genre_choices_shown(self) -> list[str]:
        """The same genres, in the same order, as the window names them ("Classique")."""
        return [shown_name(c, self.batch.names) for c in self.genre_classes()]

    def scanning(self) -> bool:
        return self.scan_worker is not None

    def default_threshold(self) -> float:
        """The threshold of the genres shown: the learned genres' own, else the model's (its
        card's uncertain_below; the card format's default until the card has been read)."""
        vocabulary = getattr(self, "vocabulary", None)  # None while the window is being built
        if vocabulary is not None and vocabulary.personal is not None:
            return float(vocabulary.personal.threshold)
        inference = self.card.inference if self.card is not None else InferenceParams()
        return float(inference.uncertain_below)

    def threshold(self) -> float:
        """The confidence a prediction needs to be written: the user's, else the default."""
        if self.prefs.threshold is not None:
            return self.prefs.threshold
        return self.default_threshold()

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

    def say(self, text: str) -> None:
        """The outcome of the last action, in the status bar until the next one."""
        self.message_label.setText(text)

    def _update_folder_label(self) -> None:
        self.folder_label.setText(
            self.folder or Window.tr("No folder chosen: Open or drop one here")
        )
        self.folder_label.setToolTip(self.folder or "")

    def _apply_write_policy(self) -> None:
        p = self.prefs
        self.batch.write_policy = WritePolicy(p.policy, self.threshold(), p.top_k)
        self.model.set_threshold(self.threshold())
        spin = getattr(self, "accept_spin", None)  # None while the window is being built
        if spin is not None and abs(spin.value() - self.threshold()) > 1e-9:
            spin.blockSignals(True)
            spin.setValue(self.threshold())
            spin.blockSignals(False)

    def set_threshold(self, value: float) -> None:
        """The toolbar's box: the one threshold (as Settings sets it). The default's value
        leaves the default in force, so it keeps following the model."""
        value = round(float(value), 4)
        self.prefs.threshold = None if abs(value - self.default_threshold()) < 5e-4 else value
        self.prefs.save()
        self._apply_write_policy()
        self._refilter()

    # --- the review state, shown ------------------------------------------------------------
    def refresh_review(self) -> None:
        """Counts, actions, errors, the detail pane's "after write" and the saved decisions:
        everything that follows from the batch, in one place."""
        self._refresh_timer.stop()
        self._update_actions()
        self._show_current_row()
        self.errors.set_entries(self.batch.failures())
        self.decisions.changed()

    def _update_actions(self) -> None:
        scanning = self.scanning()
        busy = self.tag_flow.busy
        has_rows = len(self.batch) > 0
        counts = self.batch.counts()
        self.act_scan.setEnabled(bool(self.folder) and not scanning)
        self.act_retry.setEnabled(
            bool(self.folder) and not scanning and bool(counts.failed or self.batch.scan_problems)
        )
        stoppable = scanning or self.tag_flow.stoppable
        self.act_stop.setEnabled(stoppable)
        self.stop_button.setVisible(stoppable)
        self.act_open.setEnabled(not scanning)
        self.act_write.setEnabled(not scanning and not busy and has_rows)
        self.act_undo.setEnabled(not scanning and not busy)
        self.act_accept.setEnabled(has_rows)
        has_sel = self.table.selectionModel().hasSelection()
        for act in (self.act_override, self.act_clear, self.act_accept_one):
            act.setEnabled(has_sel)
        self.act_settings.setEnabled(not scanning)
        self._update_counts(counts)

    def _update_counts(self, counts: ReviewCounts | None = None) -> None:
        c = counts or self.batch.counts()
        shown = self.proxy.rowCount()
        parts = [Window.tr("%n tracks", None, c.tracks)]
        if shown != c.tracks:
            parts.append(Window.tr("%n shown", None, shown))
        if c.uncertain:
            parts.append(Window.tr("%n uncertain", None, c.uncertain))
        if c.failed:
            parts.append(Window.tr("%n failed", None, c.failed))
        # from the start: what Write tags will write
        parts.append(Window.tr("%n to write", None, c.to_write))
        self.count_label.setText(Window.tr(", ").join(parts))
        change = Window.tr(
            "%n files will change when you write ({policy} policy, threshold {threshold}).",
            None,
            c.to_write,
        ).format(
            policy=policy_label(self.prefs.policy), threshold=threshold_percent(self.threshold())
        )
        self.count_label.setToolTip(
            Window.tr("{change} {decided}").format(
                change=change, decided=Window.tr("%n tracks decided.", None, c.decided)
            )
        )

    def _apply_search(self) -> None:
        self.proxy.set_search(self.search.text())
        self._update_counts()

    def _apply_status_filter(self, status: str) -> None:
        self.proxy.set_status_filter(status)
        self._update_counts()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- folder and scan ----------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            self._load_card()
            if self.folder and os.path.isdir(self.folder):
                QTimer.singleShot(0, self._load_known)

    def _load_known(self) -> None:
        """Fill the table from the index for the remembered folder (no scanning)."""
        if self.scanning() or self.model.rowCount():
            return
        folder = self.folder
        self.decisions.load(folder)
        self.host.run_task(
            load_library_job(folder, self.model_path()),
            lambda rows: self._known_loaded(folder, rows),
        )

    def _known_loaded(self, folder: str, rows: list[TrackRow]) -> None:
        if folder == self.folder and not self.scanning() and not self.model.rowCount():
            self._pending_rows.extend(rows)
            self._drain_rows()
            if self._pending_rows:
                self._drain_timer.start()
            if any(r.status == FAILED for r in rows):
                self.errors_dock.show()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, Window.tr("Choose your music folder"), self.folder or os.path.expanduser("~")
        )
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder: str, scan: bool = False) -> None:
        """Switch to another folder (remembered for the next start)."""
        folder = os.path.abspath(folder)
        if folder != self.folder or not self.decisions.loaded:
            if folder != self.folder:
                self.decisions.flush()
                self.model.clear()
                self._pending_rows.clear()
                self.detail.show_row(None, self.batch.names)
            self.folder = folder
            self.decisions.load(folder)
        self.prefs.last_folder = folder
        self.prefs.save()
        self._update_folder_label()
        self.refresh_review()
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

    def retry_failed(self) -> None:
        """Scan again, classifying again the files that failed before (with this model)."""
        self.start_scan(retry_failed=True)

    def start_scan(self, retry_failed: bool = False) -> None:
        if self.scanning() or not self.folder:
            return
        if not os.path.isdir(self.folder):
            self.notify(
                Window.tr("Folder not found"),
                Window.tr("The folder {folder} does not exist (any more).").format(
                    folder=self.folder
                ),
            )
            return
        self.batch.scan_problems.clear()
        worker = ScanWorker(
            self.folder, self.model_path(), self.prefs.workers, self.pools, retry_failed
        )
        worker.model_ready.connect(self._model_ready)
        worker.failed.connect(self._scan_failed)
        worker.finished.connect(self._scan_done)
        self.scan_worker = worker
        self._scan_started = time.monotonic()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.progress_label.setText(Window.tr("Scanning…"))
        self.host.start(worker, [worker.finished])
        self._drain_timer.start()
        self.refresh_review()

    def stop_work(self) -> None:
        """Stop: the scan and the tag write running now; what is finished is kept."""
        self.stop_scan()
        if self.tag_flow.cancel():
            self.progress_label.setText(Window.tr("Stopping after the file in progress…"))

    def stop_scan(self) -> None:
        if self.scan_worker is not None:
            self.scan_worker.cancel.set()
            self.progress_label.setText(Window.tr("Stopping: finishing the files in progress…"))

    def _model_ready(self, card: Any) -> None:
        self._card_loaded(card)
        self._detail_timer.start()

    def _scan_failed(self, message: str) -> None:
        self.notify(Window.tr("Cannot scan"), message)

    def _scan_done(self, report: Any) -> None:
        worker, self.scan_worker = self.scan_worker, None
        if worker is not None:
            self._drain_buffer(worker)
        self.progress.hide()
        if report is None:
            self.progress_label.setText(Window.tr("Scan failed"))
        else:
            # Failures remembered from earlier scans (not tried again) stay listed.
            self.batch.note_scan_problems(report.unread_tags)
            counts = [
                Window.tr("%n files", None, report.files),
                Window.tr("%n classified", None, report.classified),
                Window.tr("%n failed", None, report.failed + report.known_failures),
            ]
            if report.unread_tags:
                counts.append(
                    Window.tr(
                        "%n with unreadable tags (not read again)", None, len(report.unread_tags)
                    )
                )
            done = (
                Window.tr("Scan stopped after {time}: {counts}")
                if report.cancelled
                else Window.tr("Scan finished in {time}: {counts}")
            )
            self.progress_label.setText(
                done.format(time=duration(report.elapsed_s), counts=Window.tr(", ").join(counts))
            )
        self.refresh_review()
        if self.errors.count():
            self.errors_dock.show()
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
        # Files' failures reach the errors dock through their rows (status failed, with the
        # reason); problems without a row (an unreadable folder) are kept beside them.
        self.batch.note_scan_problems(problems)
        self._pending_rows.extend(rows)
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
            # classified now: show the windows its prediction heard, not all planned ones
            self._spectrogram_path = None
            self._detail_timer.start()
        self.refresh_review()
        if self.model.rowCount() and not self.table.selectionModel().currentIndex().isValid():
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _show_progress(self, p: Any) -> None:
        phase = {
            "walk": Window.tr("Looking for music"),
            "index": Window.tr("Reading tags"),
            "classify": Window.tr("Classifying"),
            "done": Window.tr("Finishing"),
        }.get(p.phase, p.phase)
        if p.total:
            self.progress.setRange(0, p.total)
            self.progress.setValue(p.done)
            self.progress.setFormat(
                Window.tr("{done} / {total}").format(done=number(p.done), total=number(p.total))
            )
            rate = number(p.rate, 1)
            if p.eta_s is not None:
                text = Window.tr("{phase}: {rate} files/s, about {eta} left").format(
                    phase=phase, rate=rate, eta=duration(p.eta_s)
                )
            else:
                text = Window.tr("{phase}: {rate} files/s").format(phase=phase, rate=rate)
            self.progress_label.setText(text)
        else:
            self.progress.setRange(0, 0)
            self.progress_label.setText(
                Window.tr("{phase}: %n files", None, p.done).format(phase=phase)
            )

    # --- selection, views and detail ------------------------------------------------------------
    def current_row(self) -> TrackRow | None:
        idx = self.table.selectionModel().currentIndex()
        if not idx.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(idx).row())

    def select_paths(self, paths: list[str]) -> None:
        """Select these tracks in the table (the tree's choice: one track or an album); the
        first becomes the current track."""
        sel = QItemSelection()
        first = QModelIndex()
        for p in paths:
            i = self.batch.position(p)
            if i is None:
                continue
            idx = self.proxy.mapFromSource(self.model.index(i, 0))
            if not idx.isValid():
                continue
            first = first if first.isValid() else idx
            sel.select(idx, idx.siblingAtColumn(self.model.columnCount() - 1))
        if not first.isValid():
            return
        sm = self.table.selectionModel()
        sm.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(first)

    def _view_changed(self, tab: int) -> None:
        self.tree_model.set_active(tab == TAB_ALBUMS)
        self._sync_tree()

    def _sync_tree(self) -> None:
        """The tree shows the table's current track (the table's current row is the truth)."""
        row = self.current_row()
        if self.views.currentIndex() == TAB_ALBUMS and row is not None:
            self.tree.select_path(row.path)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_current_row()
        row = self.current_row()
        if row is not None and self.views.currentIndex() == TAB_ALBUMS:
            self.tree.select_path(row.path)
        self._detail_timer.start()

    def _show_current_row(self) -> None:
        row = self.current_row()
        planned = self.batch.planned_genres(row) if row is not None and row.decided else None
        self.detail.show_row(row, self.batch.names, planned)

    def _load_detail(self) -> None:
        """Tags and spectrogram of the current track, each in a worker."""
        row = self.current_row()
        if row is None:
            return
        path = row.path
        self.host.run_task(
            lambda _p, _c: (path, read_fields(path)),
            self._tags_loaded,
            lambda msg: self.detail.set_tags([]),
        )
        if (
            row.status == FAILED
            or self.detail.spectrogram.has_image()
            and path == self._spectrogram_path
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

    def _load_card(self) -> None:
        """Read the model's card in a worker: its genres, and its threshold (the default)."""
        path = self.model_path()
        self.host.run_task(
            load_card_job(path),
            lambda card: self._card_loaded(card) if path == self.model_path() else None,
            lambda _message: None,  # a scan or the detail pane says why, when it matters
        )

    def _card_loaded(self, card: Any, path: str | None = None) -> None:
        self.card = card
        self._apply_write_policy()  # the model's threshold may be the one that applies
        self.refresh_review()
        if path is not None:
            self._start_spectrogram(path)

    def _start_spectrogram(self, path: str) -> None:
        """Only the newest request's answer is shown: an older one for the same track (asked
        while it was still queued: all windows) may finish last."""
        self._spectrogram_request += 1
        request = self._spectrogram_request

        def loaded(result: tuple[str, Any, list[str]]) -> None:
            if request == self._spectrogram_request:
                self._spectrogram_loaded(result)

        def failed(message: str) -> None:
            if request == self._spectrogram_request:
                self.detail.set_spectrogram_error(path, message)

        self.host.run_task(heard_spectrogram_job(path, self.card), loaded, failed)

    def _tags_loaded(self, result: tuple[str, list[Any]]) -> None:
        path, fields = result
        if path == self.detail.path:
            self.detail.set_tags(fields)

    def _spectrogram_loaded(self, result: tuple[str, Any, list[str]]) -> None:
        path, windows, labels = result
        self.detail.set_spectrogram(path, windows, labels)

    def toggle_play(self) -> None:
        """Space on the table: play or stop the current track."""
        self.detail.play_button.click()

    def _player_error(self, message: str) -> None:
        self.detail.set_player_error(message)
        self.say(message)

    # --- decisions ------------------------------------------------------------------------------
    def accept_above(self, threshold: float | None = None) -> int:
        """Accept every prediction the threshold in force lets through (`threshold`: make
        that the threshold first, as the toolbar's box does): what is accepted is exactly
        what is then not uncertain."""
        if threshold is not None and abs(threshold - self.threshold()) > 1e-9:
            self.set_threshold(threshold)
        value = self.threshold()
        n = self.model.accept_above(value)
        self.say(
            Window.tr("Accepted %n predictions at or above {threshold}", None, n).format(
                threshold=threshold_percent(value)
            )
        )
        self._refilter()
        self._show_current_row()
        return n

    def accept_current(self) -> None:
        """Enter: take the model's genre for the selected tracks, then go to the next row."""
        rows = self.selected_source_rows()
        n = self.model.accept_rows(rows)
        self.say(Window.tr("Accepted the genre of %n tracks", None, n))
        self._after_keyboard_decision(len(rows))

    def set_genre_by_number(self, number: int) -> None:
        """Keys 1-9, 0: the n-th genre of the model for the selected tracks."""
        choices = self.genre_choices()
        rows = self.selected_source_rows()
        if not 0 <= number < len(choices) or not rows:
            return
        self.set_override(rows, choices[number])
        self.say(
            Window.tr("Genre of %n tracks: {genre}", None, len(rows)).format(
                genre=self.genre_choices_shown()[number]
            )
        )
        self._after_keyboard_decision(len(rows))

    def _after_keyboard_decision(self, n_rows: int) -> None:
        """One track decided: on to the next (like Picard's review); an album stays selected."""
        if n_rows != 1 or self.views.currentIndex() != TAB_TRACKS:
            return
        idx = self.table.selectionModel().currentIndex()
        nxt = self.proxy.index(idx.row() + 1, 0) if idx.isValid() else QModelIndex()
        if nxt.isValid():
            self._set_current_proxy_row(nxt.row())

    def step_review(self, step: int) -> bool:
        """N / Shift+N: the next / previous track (in the table's order) that needs a look."""
        idx = self.table.selectionModel().currentIndex()
        start = idx.row() if idx.isValid() else (-1 if step > 0 else self.proxy.rowCount())
        i = start + step
        while 0 <= i < self.proxy.rowCount():
            if self.model.row(self.proxy.mapToSource(self.proxy.index(i, 0)).row()).needs_review:
                self._set_current_proxy_row(i)
                return True
            i += step
        self.say(
            Window.tr("No more uncertain tracks below")
            if step > 0
            else Window.tr("No more uncertain tracks above")
        )
        return False

    def _set_current_proxy_row(self, row: int) -> None:
        idx = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(idx)

    def ask_override(self) -> None:
        rows = self.selected_source_rows()
        if not rows:
            return
        current = self.batch.predicted_text(self.model.row(rows[0]))
        written, shown = self.genre_choices(), self.genre_choices_shown()
        name, ok = QInputDialog.getItem(
            self,
            Window.tr("Set genre"),
            Window.tr("Genre for %n tracks:", None, len(rows)),
            shown,
            shown.index(current) if current in shown else 0,
            True,
        )
        if ok:
            # A genre picked from the list is written under its tag name ("Classical" for
            # "Classique"); anything typed is written as typed.
            self.set_override(rows, written[shown.index(name)] if name in shown else name)

    def set_override(self, source_rows: list[int], name: str | None) -> None:
        self.model.set_override(source_rows, (name or "").strip() or None)
        self._refilter()
        self._show_current_row()

    def clear_choice(self) -> None:
        rows = self.selected_source_rows()
        self.model.set_override(rows, None)
        self.model.set_accepted(rows, False)
        self._refilter()
        self._show_current_row()

    def _refilter(self) -> None:
        if self.status_filter.currentData() != "All":
            self.proxy.invalidateFilter()
        self.refresh_review()

    # --- writing and undoing (TagFlow) -----------------------------------------------------------
    def rows_to_write(self) -> list[TrackRow]:
        """The decided rows (accepted, or given a genre by hand): what Write tags plans."""
        return self.batch.rows_to_write()

    def write_tags(self) -> None:
        self.tag_flow.write_tags()

    def undo_last(self) -> None:
        """Undo last batch, after confirming which batch and what it restores."""
        self.tag_flow.undo_last()

    def undo_batch(self, batch_id: int | None) -> None:
        self.tag_flow.undo_batch(batch_id)

    def show_history(self) -> None:
        self.tag_flow.show_history()

    @property
    def preview(self) -> Any:
        """The open preview dialog, if any."""
        return self.tag_flow.preview

    @property
    def history(self) -> Any:
        """The open History dialog, if any."""
        return self.tag_flow.history

    def _busy(self, text: str | None) -> None:
        """A write or undo runs (progress with `text`), or ended (None)."""
        if text is None:
            self.progress.hide()
            self.progress_label.setText("")
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.progress_label.setText(text)

    def _busy_progress(self, n: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(n)
        self.progress.setFormat(
            Window.tr("{done} / {total}").format(done=number(n), total=number(total))
        )

    def _after_tag_change(self) -> None:
        self._refilter()
        self._load_detail()
        if self.batch.write_errors:
            self.errors_dock.show()

    # --- dialogs --------------------------------------------------------------------------------
    def validate_model(self, path: str, on_ok: Any, on_error: Any) -> None:
        """Open a model file in a worker; IncompatibleModel's message goes to on_error."""
        self.host.run_task(load_card_job(path), on_ok, on_error)

    def show_settings(self) -> None:
        from mgc_desktop.gui.dialogs.settings import SettingsDialog

        classes = self.card.classes if self.card is not None else None
        dialog = SettingsDialog(
            self.prefs, classes, self.validate_model, self, self.default_threshold()
        )
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
                if card is None:
                    self._load_card()
            pools = self.pools
            self.host.run_task(lambda _p, _c: pools.close(), lambda _r: None)
        if prefs.genre_names != old.genre_names:
            self.model.set_names(prefs.genre_names)
        if prefs.language != old.language:
            self.say(Window.tr("The new language takes effect the next time the app starts."))
        self._apply_write_policy()
        self._show_current_row()
        self.refresh_review()

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
                load_card_job(path),
                loaded,
                lambda msg: dialog.card_label.setText(
                    Window.tr("Model: {message}").format(message=msg)
                ),
            )

    # --- live -----------------------------------------------------------------------------------
    def toggle_live(self) -> None:
        self.live_dock.setVisible(not self.live_dock.isVisible())
        if self.live_dock.isVisible():
            self.live_dock.raise_()

    def _live_visibility(self, visible: bool) -> None:
        if visible and self.live_panel is None:
            from mgc_desktop.gui.live_panel import LivePanel

            self.live_panel = LivePanel(self.model_path, lambda: self.batch.names, self.host)
            self.live_dock.setWidget(self.live_panel)
            # A third of the window (at least what the panel needs): the table stays usable.
            # Its minimum is small enough that the window never grows to make room.
            height = max(self.live_panel.minimumSizeHint().height(), self.height() // 3)
            self.resizeDocks([self.live_dock], [height], Qt.Orientation.Vertical)
        if not visible and self.live_panel is not None:
            self.live_panel.stop()

    # --- shutdown -------------------------------------------------------------------------------
    def closeEvent(self, event: Any) -> None:
        """Stop everything, in order, before the window goes. A failing step is logged and the
        next one still runs: an exception must never leave closeEvent."""
        steps = (
            self.player.stop,
            self._stop_live,
            self._stop_timers,
            self._stop_work,
            self.decisions.flush,
            self.pools.close,  # only now: the scan no longer uses the classifier pool
        )
        for step in steps:
            try:
                step()
            except Exception:  # noqa: BLE001
                log.exception("closing the window: %s failed", getattr(step, "__name__", step))
        super().closeEvent(event)

    def _stop_live(self) -> None:
        if self.live_panel is not None:
            self.live_panel.stop()

    def _stop_timers(self) -> None:
        """None may start work after the close (a QThread nobody waits for)."""
        for timer in (self._drain_timer, self._detail_timer, self._refresh_timer):
            timer.stop()

    def _stop_work(self) -> None:
        """Cancel every worker and wait for them, up to CLOSE_WAIT_MS in all. A cancelled scan
        ends promptly (busy classifier workers are killed after a short grace, the walk stops
        at the next folder), and its pool is best closed after that; but a scan stuck in a
        stalled mount must not freeze the close for good: closing the pool under a running
        scan is safe too (it ends without marking any file failed)."""
        if self.scan_worker is not None:
            self.scan_worker.cancel.set()
        self.host.stop_all(CLOSE_WAIT_MS)
        if self.host.busy():
            log.warning("closing the window: work still running after %d ms", CLOSE_WAIT_MS)
