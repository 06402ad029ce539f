"""The window's side of the user's own genres: "Learn my genres…", the "Answer in my genres"
switch, and "Similar tracks" in the detail pane. It attaches to a MainWindow (its actions go
into the Review menu, its section into the detail pane) and runs every job on the window's
WorkerHost; results come back by signal, so no worker touches a widget.

With the switch on, the table shows each track's genre in the owner's names (restated from the
embeddings in the index); writes then use those names exactly as the owner spells them. Rows
that a running scan adds arrive in the built-in genres and are restated when the scan ends.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from mgc_desktop.gui.dialogs.learn import LearnDialog
from mgc_desktop.gui.i18n import Context
from mgc_desktop.gui.similar_panel import SimilarPanel
from mgc_desktop.gui.vocabulary_jobs import (
    forget_job,
    learn_job,
    personal_available_job,
    similar_job,
    vocabulary_rows_job,
)

SIMILAR_TOP = 10
MyGenres = Context("MyGenres")


class VocabularyFeature(QObject):
    """Owns the actions, the dialog and the similar-tracks section of one window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.personal: Any = None  # the PersonalModel the table speaks, or None
        self.dialog: LearnDialog | None = None
        self.similar = SimilarPanel()
        self.similar.track_activated.connect(lambda path: window.select_paths([path]))
        window.detail.add_section(MyGenres.tr("Similar tracks"), self.similar)

        self.act_learn = QAction(MyGenres.tr("&Learn my genres…"), window)
        self.act_learn.setToolTip(
            MyGenres.tr("Learn your own genre names from the tags in this folder")
        )
        self.act_learn.triggered.connect(self.show_dialog)
        self.act_personal = QAction(MyGenres.tr("Answer in &my genres"), window)
        self.act_personal.setCheckable(True)
        self.act_personal.setEnabled(False)
        self.act_personal.setToolTip(
            MyGenres.tr(
                "Show predictions in the genres learned from your tags (off: the built-in genres)"
            )
        )
        self.act_personal.toggled.connect(self.set_personal)
        window.review_menu.addSeparator()
        window.review_menu.addAction(self.act_learn)
        window.review_menu.addAction(self.act_personal)
        window.scan_finished.connect(self._scan_finished)
        window._detail_timer.timeout.connect(self._find_similar)
        window.host.run_task(personal_available_job(window.model_path()), self._available)

    # --- the switch -------------------------------------------------------------------------
    def _available(self, available: bool) -> None:
        self.act_personal.setEnabled(available)
        if available and not self.act_personal.isChecked():
            self.act_personal.setChecked(True)  # learned genres are the default once learned

    def set_personal(self, on: bool) -> None:
        """Show the table in the learned genres (on) or the built-in ones (off)."""
        if self.act_personal.isChecked() != on:
            self.act_personal.setChecked(on)  # toggled() calls back here
            return
        self._restate()

    def _restate(self) -> None:
        window = self.window
        if not window.folder or window.scanning() or not window.isVisible():
            return
        on, folder = self.act_personal.isChecked(), window.folder
        window.host.run_task(
            vocabulary_rows_job(folder, window.model_path(), on),
            lambda result: self._rows_ready(folder, result),
            self._rows_failed,
        )

    def _rows_ready(self, folder: str, result: tuple[Any, list[Any]]) -> None:
        model, rows = result
        window = self.window
        if folder != window.folder:
            return  # another folder was opened meanwhile: these rows are not its tracks
        self.personal = model
        window._apply_write_policy()  # the learned genres have their own threshold
        names = dict(window.prefs.genre_names)
        if model is not None:
            names.update({g: g for g in model.genres})  # written exactly as the owner spells
        window.model.set_names(names)
        window.model.add_rows(rows)
        window.refresh_review()
        window._show_current_row()
        window.say(
            MyGenres.tr("Showing your genres")
            if model is not None
            else MyGenres.tr("Showing the built-in genres")
        )

    def _rows_failed(self, message: str) -> None:
        self.act_personal.blockSignals(True)
        self.act_personal.setChecked(False)
        self.act_personal.blockSignals(False)
        self.window.say(MyGenres.tr("Cannot show your genres: {message}").format(message=message))

    def _scan_finished(self, _report: Any) -> None:
        if self.act_personal.isChecked():
            self._restate()

    # --- learning ---------------------------------------------------------------------------
    def show_dialog(self) -> LearnDialog:
        if self.dialog is None:
            self.dialog = LearnDialog(self.window.folder or "", parent=self.window)
            self.dialog.learn_requested.connect(self.learn)
            self.dialog.forget_requested.connect(self.forget)
        self.dialog.set_folder(self.window.folder or "")
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def learn(self) -> None:
        window = self.window
        if not window.folder:
            self._learn_failed(MyGenres.tr("choose and scan a music folder first"))
            return
        window.host.run_task(
            learn_job(window.folder, window.model_path()), self._learned, self._learn_failed
        )

    def _learned(self, report: dict) -> None:
        if self.dialog is not None:
            self.dialog.show_report(report)
        self.act_personal.setEnabled(True)
        if self.act_personal.isChecked():
            self._restate()  # a new model: restate with it
        else:
            self.act_personal.setChecked(True)

    def _learn_failed(self, message: str) -> None:
        if self.dialog is not None:
            self.dialog.show_error(message)

    def forget(self) -> None:
        self.window.host.run_task(forget_job(), self._forgotten, self._learn_failed)

    def _forgotten(self, existed: bool) -> None:
        if self.dialog is not None:
            self.dialog.show_forgotten(existed)
        was_on = self.act_personal.isChecked()
        self.act_personal.blockSignals(True)
        self.act_personal.setChecked(False)
        self.act_personal.blockSignals(False)
        self.act_personal.setEnabled(False)
        if was_on:
            self._restate()

    # --- similar tracks ---------------------------------------------------------------------
    def _find_similar(self) -> None:
        if not self.window.isVisible():  # closing: start no more work
            return
        row = self.window.current_row()
        if row is None:
            self.similar.show_message(None, MyGenres.tr("select a track"))
            return
        if row.path == self.similar.path and self.similar.results:
            return
        path = row.path
        self.similar.show_searching(path)
        self.window.host.run_task(
            similar_job(path, self.window.model_path(), SIMILAR_TOP),
            lambda result: self.similar.show_results(*result),
            lambda message: self.similar.show_message(path, message),
        )
