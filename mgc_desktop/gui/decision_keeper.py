"""Keeps the review's decisions across restarts: loads a folder's saved decisions into the table
model (they wait for their rows), saves changes a moment after they stop (in a worker), and
saves at once when the folder changes or the window closes. Storage is review.load_decisions /
save_decisions (the library index's meta table)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from mgc_desktop.gui.i18n import Context
from mgc_desktop.gui.review import load_decisions, save_decisions
from mgc_desktop.gui.track_model import TrackTableModel
from mgc_desktop.gui.workers import WorkerHost

Decisions = Context("Decisions")

SAVE_DELAY_MS = 400


class DecisionKeeper(QObject):
    """One folder at a time. `changed()` after any decision; `flush()` before leaving it."""

    def __init__(
        self,
        model: TrackTableModel,
        host: WorkerHost,
        on_loaded: Callable[[], None],
        on_error: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model, self.host = model, host
        self._on_loaded, self._on_error = on_loaded, on_error
        self.folder: str | None = None
        self._saved: dict[str, Any] | None = None  # None: not loaded yet (nothing is saved)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._save)

    @property
    def loaded(self) -> bool:
        return self._saved is not None

    def load(self, folder: str) -> None:
        """Read the folder's saved decisions in a worker and apply them as rows arrive."""
        self.folder, self._saved = folder, None

        def done(saved: dict[str, Any]) -> None:
            if folder == self.folder:
                self.model.restore_decisions(saved)
                self._saved = saved
                self._on_loaded()

        self.host.run_task(lambda _p, _c: load_decisions(folder), done, lambda _m: done({}))

    def changed(self) -> None:
        if self._saved is not None:
            self._timer.start()

    def _save(self) -> None:
        if self._saved is None or not self.folder:
            return
        decisions, folder = self.model.batch.decisions(), self.folder
        if decisions != self._saved:
            self._saved = decisions
            self.host.run_task(lambda _p, _c: save_decisions(folder, decisions), lambda _r: None)

    def flush(self) -> None:
        """Save now, on this thread (closing, or leaving the folder)."""
        self._timer.stop()
        if self._saved is None or not self.folder:
            return
        decisions = self.model.batch.decisions()
        if decisions != self._saved:
            try:
                save_decisions(self.folder, decisions)
                self._saved = decisions
            except Exception as exc:  # noqa: BLE001 - a locked index must not block closing
                self._on_error(
                    Decisions.tr("Could not save your decisions: {error}").format(error=exc)
                )
