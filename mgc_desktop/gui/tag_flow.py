"""Writing and undoing tags from the window: preview -> plan (worker) -> write (worker), undo of a
batch, and the History dialog. It changes the review batch through the table model and reports
by signals; the window shows progress and messages through the small `WindowHooks` it passes in.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from mgc_desktop.gui.dialogs.history import batch_kind
from mgc_desktop.gui.i18n import Context, date_time
from mgc_desktop.gui.tag_jobs import history_job, plan_job, snapshot, undo_job, write_job
from mgc_desktop.gui.track_model import TrackTableModel
from mgc_desktop.gui.workers import WorkerHost
from mgc_desktop.tags.policy import same_genres

TagFlowText = Context("TagFlowText")


def refusal_text(reason: str) -> str:
    """Why an undo could not run (tags.undo_batch's LookupError, English for the CLI), as a
    sentence in the interface language."""
    if reason == "nothing to undo":
        return TagFlowText.tr("Nothing to undo.")
    match = re.fullmatch(r"no batch (\d+)", reason)
    if match:
        return TagFlowText.tr("There is no batch {batch}.").format(batch=match.group(1))
    return reason[:1].upper() + reason[1:] + "."


@dataclass
class WindowHooks:
    """What the flow needs from the window (kept small so the flow is testable on its own)."""

    parent: QWidget
    prefs: Callable[[], Any]  # the current Preferences
    notify: Callable[..., Any]  # (title, text[, icon]) -> a window-modal message
    say: Callable[[str], None]  # the status bar's message
    busy: Callable[[str | None], None]  # show progress with this text; None: done
    progress: Callable[[int, int], None]
    changed: Callable[[], None]  # the batch changed: refresh counts, detail, errors
    threshold: Callable[[], float]  # what a prediction needs to be written (user's or model's)


def last_batch_job(progress: Callable[[int, int], None], cancel: threading.Event) -> Any:
    """The journal's newest batch still undoable (tags.BatchInfo), or None: what "Undo last
    batch" would undo, for its confirmation."""
    from mgc_desktop.tags import Journal, list_batches

    with Journal() as journal:
        batch_id = journal.last_undoable_batch()
        if batch_id is None:
            return None
        return next((b for b in list_batches(journal) if b.id == batch_id), None)


class TagFlow(QObject):
    """One write or undo at a time (`busy`); the preview and history dialogs while open."""

    write_finished = Signal(object)  # tags.BatchResult
    undo_finished = Signal(object)  # tags.BatchResult
    undo_refused = Signal(str)  # "Nothing to undo." and the like

    def __init__(self, model: TrackTableModel, host: WorkerHost, hooks: WindowHooks) -> None:
        super().__init__(hooks.parent)
        self.model, self.batch, self.host, self.hooks = model, model.batch, host, hooks
        self.task: Any = None
        self._stoppable = False  # whether the running job stops when its cancel is set
        self._planned: dict[str, tuple[str, ...]] = {}  # path -> genres the running write wants
        self._plan_task: Any = None  # the preview's newest plan job (an older one is stopped)
        self.preview: Any = None
        self.history: Any = None
        self.confirm: QMessageBox | None = None  # "Undo last batch?" while it is asked

    @property
    def busy(self) -> bool:
        return self.task is not None

    @property
    def stoppable(self) -> bool:
        """A job runs that honours its cancel event (a write; an undo does not, yet)."""
        return self.task is not None and self._stoppable

    # --- write ----------------------------------------------------------------------------
    def write_tags(self) -> None:
        """Open the preview for the decided rows, the ones the status bar counts (never "the
        selection" behind the user's back); writing starts when the preview is accepted."""
        rows = self.batch.rows_to_write()
        if not rows:
            self.hooks.notify(
                TagFlowText.tr("Nothing to write"),
                TagFlowText.tr(
                    "No track is marked to write yet. Accept predictions (Accept above, or Enter "
                    "on a track) or set genres by hand (double-click the genre, or keys 1-9 and "
                    "0) first."
                ),
                QMessageBox.Icon.Information,
            )
            return
        from mgc_desktop.gui.dialogs.preview import PreviewDialog

        prefs = self.hooks.prefs()
        rows_copy = snapshot(rows)
        dialog = PreviewDialog(
            prefs.policy, self.hooks.threshold(), self.hooks.parent, scope=len(rows_copy)
        )
        dialog.note_for = self.batch.preview_note
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = dialog
        dialog.replan_requested.connect(lambda request: self._plan(dialog, rows_copy, request))
        dialog.accepted.connect(lambda: self._write(dialog))
        dialog.finished.connect(lambda _: setattr(self, "preview", None))
        dialog.open()
        dialog.request_plan()

    def _plan(self, dialog: Any, rows: list[Any], request: Any) -> None:
        """Plan in a worker, stopping the one a newer request replaces (the dialog would drop
        its result anyway)."""
        if self._plan_task is not None:
            self._plan_task.cancel.set()

        def done(plan: list[Any]) -> None:
            if self.preview is dialog:
                dialog.set_plan(plan, request)

        def failed(msg: str) -> None:
            if self.preview is dialog:
                dialog.set_error(msg, request)

        self._plan_task = self.host.run_task(
            plan_job(
                rows, request.policy, request.threshold, self.hooks.prefs().top_k, self.batch.names
            ),
            done,
            failed,
            lambda n, t: dialog.set_planning(n, t, request) if self.preview is dialog else None,
        )

    def _write(self, dialog: Any) -> None:
        """Write the dialog's plan (the dialog accepts only a plan made with the settings it
        shows)."""
        plan = dialog.plan
        if self.busy or not any(i.action == "write" for i in plan):
            return
        self._planned = {i.path: i.new for i in plan if i.action == "write"}
        job = write_job(plan, self.hooks.prefs().keep_mtime)
        self._start(TagFlowText.tr("Writing tags…"), job, self._written, stoppable=True)

    def cancel(self) -> bool:
        """Ask the running write to stop after the file in progress (False: none runs)."""
        if not self.stoppable:
            return False
        self.task.cancel.set()
        return True

    def _written(self, out: tuple[Any, dict[str, tuple[str, ...]], dict[str, str]]) -> None:
        result, genres, failed = out
        self._stop()
        # Written: the file holds what the plan wanted. Files a cancel never reached (or that
        # failed) keep their decision, so nothing the user chose is lost.
        done = {
            p: g
            for p, g in genres.items()
            if p not in failed and same_genres(g, self._planned.get(p, ()))
        }
        self.model.set_current(done, written=True)
        self.model.set_current({p: g for p, g in genres.items() if p not in done})
        self.batch.note_write_errors(failed.items())  # after set_current, which clears them
        self.hooks.say(result.summary())
        self.hooks.changed()
        self.write_finished.emit(result)

    # --- undo -----------------------------------------------------------------------------
    def undo_last(self) -> None:
        """Undo last batch: first say which batch it is and what it restores (read in a
        worker), and undo that very batch only on Yes. With nothing to undo, say so."""
        if self.busy:
            return
        self.host.run_task(
            last_batch_job,
            self._confirm_undo,
            lambda msg: self.hooks.notify(TagFlowText.tr("Cannot read the history"), msg),
        )

    def _confirm_undo(self, info: Any) -> None:
        if info is None:
            self.undo_batch(None)  # says "Nothing to undo." the usual way
            return
        question = TagFlowText.tr("Undo batch {batch} ({kind}, {when})?").format(
            batch=info.id, kind=batch_kind(info.kind), when=date_time(info.created)
        )
        if info.folder:
            restores = TagFlowText.tr(
                "It restores the genres it replaced in %n files in {folder}, byte for byte "
                "where the file is as it left it.",
                None,
                info.active,
            ).format(folder=info.folder)
        else:
            restores = TagFlowText.tr(
                "It restores the genres it replaced in %n files, byte for byte where the file "
                "is as it left it.",
                None,
                info.active,
            )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            TagFlowText.tr("Undo last batch"),
            f"{question}\n\n{restores}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.hooks.parent,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(
            TagFlowText.tr("&Undo %n files", None, info.active)
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.undo_batch(int(info.id)))
        box.finished.connect(lambda _: setattr(self, "confirm", None))
        self.confirm = box
        box.open()

    def undo_batch(self, batch_id: int | None) -> None:
        """Undo one batch (None: the last one still in effect)."""
        if self.busy:
            return
        paths = [r.path for r in self.batch.rows()]
        self._start(
            TagFlowText.tr("Undoing…"),
            undo_job(batch_id, paths, self.hooks.prefs().keep_mtime),
            self._undone,
        )

    def _undone(self, out: tuple[Any, dict[str, tuple[str, ...]]]) -> None:
        result, genres = out
        self._stop()
        if isinstance(result, str):
            message = refusal_text(result)
            self.hooks.say(message)
            self.hooks.changed()
            self.hooks.notify(
                TagFlowText.tr("Nothing to undo"), message, QMessageBox.Icon.Information
            )
            self.undo_refused.emit(message)
            return
        self.model.set_current(genres, written=False)
        self.batch.note_write_errors(result.errors)
        self.hooks.say(result.undo_summary())
        self.hooks.changed()
        if self.history is not None:
            self.refresh_history()
        self.undo_finished.emit(result)

    # --- history --------------------------------------------------------------------------
    def show_history(self) -> None:
        from mgc_desktop.gui.dialogs.history import HistoryDialog

        dialog = HistoryDialog(self.hooks.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.undo_requested.connect(self.undo_batch)
        dialog.finished.connect(lambda _: setattr(self, "history", None))
        self.history = dialog
        dialog.open()
        self.refresh_history()

    def refresh_history(self) -> None:
        def done(batches: Any) -> None:
            if self.history is not None:
                self.history.set_batches(batches)

        self.host.run_task(
            history_job(),
            done,
            lambda msg: self.hooks.notify(TagFlowText.tr("Cannot read the history"), msg),
        )

    # --- one task at a time ---------------------------------------------------------------
    def _start(
        self, text: str, job: Any, done: Callable[[Any], None], stoppable: bool = False
    ) -> None:
        self._stoppable = stoppable
        self.hooks.busy(text)
        self.task = self.host.run_task(job, done, self._failed, self.hooks.progress)
        self.hooks.changed()

    def _stop(self) -> None:
        self.task = None
        self.hooks.busy(None)

    def _failed(self, message: str) -> None:
        self._stop()
        self.hooks.notify(TagFlowText.tr("Tags were not written"), message)
        self.hooks.changed()
