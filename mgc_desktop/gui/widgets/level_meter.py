"""A microphone level meter in dBFS, with a slowly falling peak mark."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from mgc_desktop.gui.i18n import Context, number

Charts = Context("Charts")


class LevelMeter(QWidget):
    """Horizontal bar from `floor_db` to 0 dBFS."""

    def __init__(self, parent: QWidget | None = None, floor_db: float = -60.0) -> None:
        super().__init__(parent)
        self.floor_db = floor_db
        self._level = floor_db
        self._peak = floor_db
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(Charts.tr("Input level (dBFS)"))

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 8)

    def level(self) -> float:
        return self._level

    def set_level(self, dbfs: float) -> None:
        dbfs = max(self.floor_db, min(0.0, float(dbfs))) if dbfs == dbfs else self.floor_db
        self._level = dbfs
        self._peak = max(dbfs, self._peak - 1.5)
        self.update()

    def _x(self, db: float, width: float) -> float:
        return width * (db - self.floor_db) / -self.floor_db

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        pal = self.palette()
        r = QRectF(self.rect()).adjusted(0, 2, -1, -2)
        p.fillRect(r, pal.color(QPalette.ColorRole.Base))
        p.fillRect(
            QRectF(r.left(), r.top(), self._x(self._level, r.width()), r.height()),
            pal.color(QPalette.ColorRole.Highlight),
        )
        p.setPen(pal.color(QPalette.ColorRole.Text))
        x = r.left() + self._x(self._peak, r.width())
        p.drawLine(int(x), int(r.top()), int(x), int(r.bottom()))
        p.drawText(
            r.adjusted(4, 0, -4, 0),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Charts.tr("{level} dBFS").format(level=number(self._level)),
        )
        p.setPen(pal.color(QPalette.ColorRole.Mid))
        p.drawRect(r)
        p.end()
