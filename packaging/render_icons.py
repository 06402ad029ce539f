"""Render the app icon's SVG to the PNG sizes desktops ask for (hicolor theme layout).

Uses Qt's own SVG renderer (PySide6, already a dependency) offscreen, so no extra tool
(rsvg-convert, Inkscape, cairosvg) is needed. Run after editing the SVG:
`python packaging/render_icons.py`; the PNGs are committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mgc_desktop.paths import APP_ID, ICON_SIZES  # noqa: E402


def render(svg: Path, out_root: Path, sizes: tuple[int, ...] = ICON_SIZES) -> list[Path]:
    """Write out_root/hicolor/<n>x<n>/apps/<APP_ID>.png for each size; returns the paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"invalid SVG: {svg}")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = out_root / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        written.append(path)
    return written


if __name__ == "__main__":
    icons = ROOT / "resources" / "icons"
    for png in render(icons / f"{APP_ID}.svg", icons):
        print(png.relative_to(ROOT), png.stat().st_size, "bytes")
