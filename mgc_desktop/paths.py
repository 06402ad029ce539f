"""Where the app keeps its own files: user data (index, journal), cache, bundled resources.

Data and cache follow the platform's conventions (platformdirs, so XDG_* on Linux); tests and
power users can point them elsewhere with MGC_DESKTOP_DATA_DIR / MGC_DESKTOP_CACHE_DIR.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "mgc-desktop"


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


def resources_dir() -> Path:
    """The bundled `resources/` folder: beside the package in a checkout or an installed wheel,
    or inside a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "models").is_dir():
            return candidate
    raise FileNotFoundError(f"bundled resources not found next to {here}")


def default_model_path() -> Path:
    """The shipped genre model."""
    return resources_dir() / "models" / "genre_cnn_lstm.onnx"
