"""The wheel carries the resources (model, icons, desktop metadata, self-test sounds) and the
installed package finds them; and resources_dir() knows the frozen (PyInstaller) layout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mgc_desktop import paths
from mgc_desktop.paths import APP_ID, ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy of the tree: an in-tree build would leave build/ behind, and a stale
    build/lib from elsewhere could leak into the wheel."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "mgc_desktop", src / "mgc_desktop", ignore=ignore)
    shutil.copytree(ROOT / "resources", src / "resources", ignore=ignore)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp / "out"), str(src)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    (whl,) = (tmp / "out").glob("mgc_desktop-*.whl")
    return whl


def test_wheel_carries_resources_and_entry_points(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    res = "mgc_desktop/resources"
    expected = {
        f"{res}/icons/{APP_ID}.svg",
        f"{res}/linux/{APP_ID}.desktop",
        f"{res}/linux/{APP_ID}.metainfo.xml",
        f"{res}/sounds/selftest.flac",
        f"{res}/sounds/selftest.ogg",
        "mgc_desktop/__main__.py",
        "mgc_desktop/selftest.py",
    } | {f"{res}/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in ICON_SIZES}
    for model in (ROOT / "resources" / "models").glob("*.onnx"):
        expected.add(f"{res}/models/{model.name}")  # the shipped model, once it is trained
    assert expected <= names, sorted(expected - names)
    assert not [n for n in names if n.startswith(("training/", "tests/", "resources/"))]
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[console_scripts]\nmgc-desktop = mgc_desktop.cli:main" in text
    assert "[gui_scripts]\nmgc-desktop-gui = mgc_desktop.cli:main" in text


def test_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {k: v for k, v in os.environ.items() if k != "MGC_DESKTOP_RESOURCES"}
    env["PYTHONPATH"] = str(site)
    code = "from mgc_desktop.paths import resources_dir; print(resources_dir())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env, cwd=tmp_path, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert Path(out.stdout.strip()) == site / "mgc_desktop" / "resources"


def test_resources_dir_in_a_frozen_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MGC_DESKTOP_RESOURCES", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.default_model_path() == tmp_path / "resources" / "models" / "genre_cnn_lstm.onnx"


def test_resources_dir_in_a_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MGC_DESKTOP_RESOURCES", raising=False)
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.app_icon_path().is_file() and paths.app_icon_path(48).is_file()
