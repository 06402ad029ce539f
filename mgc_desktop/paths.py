"""Where the app keeps its own files: user data (index, journal), cache, bundled resources.

Data and cache follow the platform's conventions (platformdirs, so XDG_* on Linux); tests and
power users can point them elsewhere with MGC_DESKTOP_DATA_DIR / MGC_DESKTOP_CACHE_DIR.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "mgc-desktop"
# Reverse-DNS id: names the .desktop file, the icon and the AppStream component, so that desktop
# environments can match the running window (Qt's desktop file name) to its menu entry.
APP_ID = "io.github.mgc_desktop.MgcDesktop"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def data_dir() -> Path:
    """Directory for the library index and the tag journal (created on demand)."""
    env = os.environ.get("MGC_DESKTOP_DATA_DIR")
    if env:
        path = Path(env)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Directory for disposable caches (created on demand)."""
    env = os.environ.get("MGC_DESKTOP_CACHE_DIR")
    if env:
        path = Path(env)
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


_RESOURCE_MARKERS = ("models", "icons", "sounds")


def _looks_like_resources(path: Path) -> bool:
    return path.is_dir() and any((path / marker).is_dir() for marker in _RESOURCE_MARKERS)


def resources_dir() -> Path:
    """The bundled `resources/` folder, wherever this copy of the app lives.

    Three layouts: a PyInstaller bundle (`sys._MEIPASS/resources`, one-folder or one-file);
    an installed wheel (the top-level `resources/` is packaged as `mgc_desktop/resources`);
    a checkout or editable install (`resources/` beside the package). MGC_DESKTOP_RESOURCES
    overrides all three, for tests and for distributions that keep data elsewhere.
    """
    env = os.environ.get("MGC_DESKTOP_RESOURCES")
    if env:
        return Path(env)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if _looks_like_resources(candidate):
            return candidate
    raise FileNotFoundError(f"bundled resources not found next to {here}")


def default_model_path() -> Path:
    """The shipped genre model."""
    return resources_dir() / "models" / "genre_cnn_lstm.onnx"


def app_icon_path(size: int | None = None) -> Path:
    """The app icon: the SVG, or the PNG of one of the sizes in ICON_SIZES."""
    icons = resources_dir() / "icons"
    if size is None:
        return icons / f"{APP_ID}.svg"
    return icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
