"""What a write would do, file by file (old -> new), before anything is touched.

The policy and threshold can be changed here; the window re-plans in a worker and hands the new
plan back, so a large plan never blocks the dialog. Write is only possible while the plan shown
is the newest one asked for and was made with the settings shown: a change disables it at once,
and a late answer to an older request is dropped."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mgc_desktop.gui.dialogs.columns import fit_columns
from mgc_desktop.gui.i18n import Context, number
from mgc_desktop.gui.settings import POLICIES, policy_label

Preview = Context("Preview")
MAX_SHOWN = 5000  # rows listed; the counts always cover the whole plan


def _policy_tip(policy: str) -> str:
    return {
        "fill": Preview.tr("write only where the file has no genre yet"),
        "replace": Preview.tr("replace the file's genre"),
        "append": Preview.tr("add to the genres the file has"),
    }.get(policy, policy)


def _columns() -> list[str]:
    return [Preview.tr("File"), Preview.tr("Old"), Preview.tr("New"), Preview.tr("Note")]


@dataclass(frozen=True)
class PlanRequest:
    """One request for a plan: its number and the settings it is made with."""

    number: int
    policy: str
    threshold: float


class PreviewDialog(QDialog):
    """Shows a plan (list of tags.PlanItem). Accepting it means: write this plan."""

    replan_requested = Signal(object)  # a PlanRequest: plan with these settings

    def __init__(
        self,
        policy: str,
        threshold: float,
        parent: QWidget | None = None,
        scope: int | None = None,
    ) -> None:
        """`scope`: how many decided tracks the plan covers (the window's "to write" rows),
        said above the plan so nobody wonders which tracks a write takes."""
        super().__init__(parent)
        self.setWindowTitle(Preview.tr("Preview: write genre tags"))
        self.scope = QLabel(
            ""
            if scope is None
            else Preview.tr(
                "Plans the %n tracks you accepted or gave a genre, whatever is selected; the "
                "files it writes are the status bar's “to write”. No other file is touched.",
                None,
                scope,
            )
        )
        self.scope.setWordWrap(True)
        self.plan: list[Any] = []
        self.plan_request: PlanRequest | None = None  # what `plan` was made with
        self._latest: PlanRequest | None = None  # the newest request asked for
        # (PlanItem, threshold) -> the note shown; the window passes the review batch's, which
        # says "Blues 84%" as the table does.
        self.note_for: Callable[[Any, float], str] = lambda item, _t: item.reason
        self.policy = QComboBox()
        for p in POLICIES:
            self.policy.addItem(policy_label(p), p)
            self.policy.setItemData(
                self.policy.count() - 1, _policy_tip(p), Qt.ItemDataRole.ToolTipRole
            )
        self.policy.setCurrentIndex(max(0, self.policy.findData(policy)))
        self.policy.setToolTip(Preview.tr("What to do with a genre a file already has"))
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(3)  # the model's own threshold (e.g. 0.667) shows exactly
        self.threshold.setValue(threshold)
        self.threshold.setToolTip(
            Preview.tr(
                "Predictions below this confidence are left alone (manual genres always count)"
            )
        )
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.request_plan)
        self.policy.currentIndexChanged.connect(self._settings_changed)
        self.threshold.valueChanged.connect(self._settings_changed)

        form = QFormLayout()
        form.addRow(Preview.tr("&Policy"), self.policy)
        form.addRow(Preview.tr("&Threshold"), self.threshold)
        self.summary = QLabel(Preview.tr("planning…"))
        columns = _columns()
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        header = self.table.horizontalHeader()
        # File, Old and New are sized to their text (never "c…", see fit_columns); the note
        # takes the rest and wraps, so a long reason (a read-only folder's) is readable.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.write_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.write_button.setText(Preview.tr("&Write"))
        self.write_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addLayout(form)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        if self.scope.text():
            layout.addWidget(self.scope)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 520)

    def current_policy(self) -> str:
        return str(self.policy.currentData())

    def current_threshold(self) -> float:
        return float(self.threshold.value())

    def settings(self) -> tuple[str, float]:
        return self.current_policy(), self.current_threshold()

    def _settings_changed(self) -> None:
        """The shown plan no longer matches the controls: no Write until the new one is in."""
        self._show_planning()
        self._debounce.start()

    def _show_planning(self) -> None:
        self.write_button.setEnabled(False)
        self.summary.setText(Preview.tr("planning…"))

    def request_plan(self) -> None:
        """Ask for a plan with the settings shown; answers to older requests are dropped."""
        self._debounce.stop()
        self._latest = self._new_request()
        self._show_planning()
        self.replan_requested.emit(self._latest)

    def _new_request(self) -> PlanRequest:
        return PlanRequest(self._latest.number + 1 if self._latest else 1, *self.settings())

    def plan_is_current(self) -> bool:
        """The plan shown answers the newest request and the controls still show its settings."""
        r = self.plan_request
        return r is not None and r == self._latest and (r.policy, r.threshold) == self.settings()

    def accept(self) -> None:
        """Write (Enter, or the button) only the plan made with the settings shown."""
        if self.plan_is_current():
            super().accept()

    def set_planning(self, done: int, total: int, request: PlanRequest) -> None:
        if request == self._latest:
            self.summary.setText(
                Preview.tr("planning… {done} / {total}").format(
                    done=number(done), total=number(total)
                )
            )

    def set_plan(self, plan: Sequence[Any], request: PlanRequest) -> bool:
        """Show a plan from tags.plan_*: items with path, action, old, new, reason. `request`
        says what it answers; an answer to an older request is dropped (False)."""
        if request != self._latest:
            return False
        threshold = request.threshold
        self.plan = list(plan)
        self.plan_request = request
        writes = [i for i in self.plan if i.action == "write"]
        keeps = sum(1 for i in self.plan if i.action == "keep")
        errors = sum(1 for i in self.plan if i.action == "error")
        self.summary.setText(
            Preview.tr(", ").join(
                (
                    Preview.tr("%n to write", None, len(writes)),
                    Preview.tr("%n left as they are", None, keeps),
                    Preview.tr("%n cannot be written", None, errors),
                )
            )
        )
        shown = sorted(self.plan, key=lambda i: (i.action != "write", i.action != "error"))
        shown = shown[:MAX_SHOWN]
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(len(shown))
        for r, item in enumerate(shown):
            cells = (
                os.path.basename(item.path),
                # the genres exactly as they are and will be written (never translated)
                "; ".join(item.old) or Preview.tr("(none)"),
                "; ".join(item.new) if item.action == "write" else Preview.tr("(unchanged)"),
                self.note_for(item, threshold),
            )
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(item.path if c == 0 else text)
                self.table.setItem(r, c, cell)
        fit_columns(self.table, range(3))
        self.table.setUpdatesEnabled(True)
        self.write_button.setEnabled(bool(writes) and self.plan_is_current())
        self.write_button.setText(Preview.tr("&Write %n files", None, len(writes)))
        return True

    def set_error(self, message: str, request: PlanRequest) -> None:
        if request == self._latest:
            self.summary.setText(Preview.tr("cannot plan: {message}").format(message=message))
