"""Horizontal bars, one per genre, longest first: the model's whole answer at a glance."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from mgc_desktop.gui.genre_names import shown_name
from mgc_desktop.gui.i18n import Context, percent

Charts = Context("Charts")

NONE_OF_THESE = "None of these"  # the key of the model's "none of these genres" share


class ProbabilityBars(QWidget):
    """Draws `probabilities` (class -> 0..1); the best class in the highlight colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._probs: list[tuple[str, float]] = []
        self._names: Mapping[str, str] = {}
        self._sorted = True
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setToolTip(Charts.tr("Probability of each genre for this track"))

    def set_probabilities(
        self, probs: Mapping[str, float], names: Mapping[str, str] | None = None, sort: bool = True
    ) -> None:
        items = list(probs.items())
        if sort:
            items.sort(key=lambda kv: -kv[1])
        rest = 1.0 - sum(v for _, v in items)
        if items and rest >= 0.005:  # the model's "none of these genres" share, shown last
            items.append((NONE_OF_THESE, rest))
        self._probs = items
        self._names = names or {}
        self.updateGeometry()
        self.update()

    def probabilities(self) -> list[tuple[str, float]]:
        return list(self._probs)

    def _label(self, genre: str) -> str:
        if genre == NONE_OF_THESE:
            return Charts.tr("None of these")
        return shown_name(genre, self._names)

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 4

    def sizeHint(self) -> QSize:
        return QSize(260, max(1, len(self._probs) or 10) * self._row_height() + 4)

    def minimumSizeHint(self) -> QSize:
        """Every bar legible (one text line each): a dock opening below must not squash them."""
        return QSize(160, max(1, len(self._probs) or 10) * self.fontMetrics().height() + 4)

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fm = self.fontMetrics()
        if not self._probs:
            p.setPen(pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, Charts.tr("no prediction"))
            return
        n = len(self._probs)
        row_h = min(self._row_height() + 6, max(8, (self.height() - 4) // n))
        labels = [self._label(c) for c, _ in self._probs]
        label_w = max(fm.horizontalAdvance(t) for t in labels) + 8
        value_w = fm.horizontalAdvance(percent(1.0)) + 8
        bar_w = max(10, self.width() - label_w - value_w - 4)
        best = max(v for _, v in self._probs)
        for i, ((_, v), label) in enumerate(zip(self._probs, labels)):
            y = 2 + i * row_h
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawText(
                QRectF(0, y, label_w - 6, row_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            track = QRectF(label_w, y + 2, bar_w, row_h - 4)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
            p.drawRoundedRect(track, 2, 2)
            role = QPalette.ColorRole.Highlight if v == best else QPalette.ColorRole.Mid
            p.setBrush(pal.color(role))
            p.drawRoundedRect(QRectF(label_w, y + 2, max(1.0, bar_w * float(v)), row_h - 4), 2, 2)
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawText(
                QRectF(label_w + bar_w + 4, y, value_w, row_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                percent(v),
            )
        p.end()
