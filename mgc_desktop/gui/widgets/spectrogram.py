"""The log-mel windows the model analysed, side by side, low frequencies at the bottom."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from mgc_desktop.gui.i18n import Context

Charts = Context("Charts")


def palette_ramp(pal: QPalette, n: int = 256) -> np.ndarray:
    """A colour ramp from the palette: base -> highlight -> highlighted text (n x 4 BGRA)."""
    stops = [
        pal.color(QPalette.ColorRole.Base),
        pal.color(QPalette.ColorRole.Highlight),
        pal.color(QPalette.ColorRole.Text),
    ]
    rgb = np.array([[c.red(), c.green(), c.blue()] for c in stops], dtype=np.float32)
    xs = np.linspace(0, 1, n)
    out = np.empty((n, 4), dtype=np.uint8)
    for ch in range(3):
        out[:, 2 - ch] = np.interp(xs, [0, 0.6, 1], rgb[:, ch]).astype(np.uint8)
    out[:, 3] = 255
    return out


def scale_windows(windows: np.ndarray) -> np.ndarray:
    """Log-mel windows -> uint8 levels (2nd to 99.5th percentile), for any thread."""
    lo, hi = np.percentile(windows, [2, 99.5])
    scaled = np.clip((windows - lo) / max(1e-6, float(hi - lo)), 0, 1)
    return (scaled * 255).astype(np.uint8)


class SpectrogramView(QWidget):
    """Shows (n, n_mels, frames) windows with a thin gap between them, each optionally labelled
    (e.g. with that window's top genre)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._scaled: np.ndarray | None = None
        self._labels: list[str] = []
        self._n = 0
        self._message = Charts.tr("select a track")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(Charts.tr("Log-mel spectrogram of the excerpts the model listened to"))

    def sizeHint(self) -> QSize:
        return QSize(320, 140)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 72)  # the mel bands stay readable as an image, never a line

    def set_message(self, text: str) -> None:
        self._image, self._message = None, text
        self.update()

    def set_windows(self, windows: np.ndarray, labels: Sequence[str] = ()) -> None:
        """Show float windows (n, n_mels, frames) or ones already scaled by `scale_windows`
        (uint8; what the worker hands over, so the GUI thread only maps colours)."""
        if windows is None or len(windows) == 0:
            self.set_message(Charts.tr("nothing analysed"))
            return
        self._scaled = windows if windows.dtype == np.uint8 else scale_windows(windows)
        self._labels = list(labels)
        self._n = len(windows)
        self._render()

    def _render(self) -> None:
        scaled = self._scaled
        n, mels, frames = scaled.shape
        gap = max(1, frames // 40)
        ramp = palette_ramp(self.palette())
        pixels = np.empty((mels, n * frames + (n - 1) * gap, 4), dtype=np.uint8)
        pixels[:] = ramp[0]
        for i in range(n):
            x0 = i * (frames + gap)
            pixels[:, x0 : x0 + frames] = ramp[scaled[i, ::-1]]  # low bands at the bottom
        h, w = pixels.shape[:2]
        self._image = QImage(pixels.data, w, h, w * 4, QImage.Format.Format_ARGB32).copy()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        """Light/dark switch: redraw the image in the new palette's colours."""
        if event.type() == QEvent.Type.PaletteChange and self._image is not None:
            self._render()
        super().changeEvent(event)

    def has_image(self) -> bool:
        return self._image is not None

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if self._image is None:
            p.setPen(pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._message)
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        label_h = self.fontMetrics().height() + 2 if self._labels else 0
        target = QRectF(0, label_h, self.width(), self.height() - label_h)
        p.drawImage(target, self._image)
        if self._labels and self._n:
            p.setPen(pal.color(QPalette.ColorRole.Text))
            seg = self.width() / self._n
            for i, label in enumerate(self._labels[: self._n]):
                p.drawText(
                    QRectF(i * seg, 0, seg, label_h),
                    int(Qt.AlignmentFlag.AlignCenter),
                    self.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(seg) - 2),
                )
        p.setPen(QColor(pal.color(QPalette.ColorRole.Mid)))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()
