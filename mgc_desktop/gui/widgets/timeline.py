"""Genre over time for the live panel: one column per classification, stacked by probability,
so a change of music shows as a change of colour band."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from mgc_desktop.gui.genre_names import shown_name
from mgc_desktop.gui.i18n import Context

Charts = Context("Charts")


def class_colour(pal: QPalette, i: int, n: int) -> QColor:
    """Distinct hues for the classes, with the lightness of the palette's highlight so they
    read well on both light and dark themes."""
    base = pal.color(QPalette.ColorRole.Highlight)
    h, s, l_, _ = base.getHslF()
    return QColor.fromHslF(
        ((h if h >= 0 else 0.6) + i / max(1, n)) % 1.0, max(0.45, s), min(0.65, max(0.4, l_))
    )


class GenreTimeline(QWidget):
    """The last `capacity` probability vectors, newest on the right, with a legend."""

    def __init__(self, parent: QWidget | None = None, capacity: int = 120) -> None:
        super().__init__(parent)
        self._classes: tuple[str, ...] = ()
        self._names: Mapping[str, str] = {}
        self._history: deque[Sequence[float]] = deque(maxlen=capacity)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(Charts.tr("Genre probabilities over time (newest on the right)"))

    def sizeHint(self) -> QSize:
        return QSize(360, 120)

    def set_classes(self, classes: Sequence[str], names: Mapping[str, str] | None = None) -> None:
        self._classes = tuple(classes)
        self._names = names or {}
        self._history.clear()
        self.update()

    def add(self, probabilities: Mapping[str, float] | Sequence[float]) -> None:
        if isinstance(probabilities, Mapping):
            if not self._classes:
                self._classes = tuple(probabilities)
            vec = [float(probabilities.get(c, 0.0)) for c in self._classes]
        else:
            vec = [float(v) for v in probabilities]
        self._history.append(vec)
        self.update()

    def classes(self) -> tuple[str, ...]:
        return self._classes

    def clear(self) -> None:
        self._history.clear()
        self.update()

    def count(self) -> int:
        return len(self._history)

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        pal = self.palette()
        fm = self.fontMetrics()
        n = len(self._classes)
        legend_h = fm.height() + 4 if n else 0
        chart = QRectF(0, 0, self.width(), self.height() - legend_h)
        p.fillRect(chart, pal.color(QPalette.ColorRole.Base))
        colours = [class_colour(pal, i, n) for i in range(n)]
        cap = self._history.maxlen or 1
        col_w = chart.width() / cap
        x0 = chart.right() - len(self._history) * col_w
        for j, vec in enumerate(self._history):
            y = chart.bottom()
            for i, v in enumerate(vec[:n]):
                h = chart.height() * v
                p.fillRect(QRectF(x0 + j * col_w, y - h, col_w + 0.5, h), colours[i])
                y -= h
        if not self._history:
            p.setPen(pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            p.drawText(chart, Qt.AlignmentFlag.AlignCenter, Charts.tr("not listening"))
        x = 2.0
        for i, c in enumerate(self._classes):
            label = shown_name(c, self._names)
            p.fillRect(QRectF(x, chart.bottom() + 4, 10, legend_h - 6), colours[i])
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawText(
                QRectF(x + 12, chart.bottom() + 2, 200, legend_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            x += 12 + fm.horizontalAdvance(label) + 10
        p.setPen(pal.color(QPalette.ColorRole.Mid))
        p.drawRect(chart.adjusted(0, 0, -1, -1))
        p.end()
