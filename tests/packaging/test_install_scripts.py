"""install.sh / uninstall.sh into a temporary HOME: a valid menu entry and icons go in, and
exactly those come out again, leaving the user's library data alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mgc_desktop.paths import APP_ID, ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"


def _fake_app(folder: Path) -> Path:
    """An app folder shaped like PyInstaller's (executable + _internal/resources), tiny."""
    exe = folder / "mgc-desktop"
    internal = folder / "_internal" / "resources"
    internal.mkdir(parents=True)
    exe.write_text('#!/bin/sh\necho "fake mgc-desktop $*"\n')
    exe.chmod(0o755)
    for sub in ("linux", "icons"):
        shutil.copytree(RESOURCES / sub, internal / sub)
    return folder


def _run(script: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    return subprocess.run(
        ["bash", str(PACKAGING / script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() or p.is_symlink()}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home with space"
    path.mkdir()
    return path


def test_install_then_uninstall(tmp_path: Path, home: Path) -> None:
    app = _fake_app(tmp_path / "dist" / "mgc-desktop")
    _run("install.sh", home, str(app))

    share = home / ".local" / "share"
    installed_exe = share / "mgc-desktop" / "app" / "mgc-desktop"
    assert installed_exe.is_file() and os.access(installed_exe, os.X_OK)
    link = home / ".local" / "bin" / "mgc-desktop"
    assert link.is_symlink() and link.resolve() == installed_exe.resolve()
    out = subprocess.run([str(link), "--version"], capture_output=True, text=True, check=True)
    assert "fake mgc-desktop" in out.stdout

    desktop = share / "applications" / f"{APP_ID}.desktop"
    text = desktop.read_text()
    assert f'Exec="{installed_exe}" %F' in text  # "Open with" passes the chosen files
    assert f"Icon={APP_ID}" in text
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True)
        assert result.returncode == 0, result.stdout + result.stderr
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert ET.parse(metainfo).getroot().findtext("id") == APP_ID

    # the user's data lives beside the app folder and must survive an uninstall
    user_data = share / "mgc-desktop" / "library.sqlite"
    user_data.write_bytes(b"index")
    _run("uninstall.sh", home)
    assert _files(home) == {str(user_data.relative_to(home))}

    _run("uninstall.sh", home, "--purge")  # a second run is harmless; --purge takes the data
    assert _files(home) == set()


def test_install_leaves_a_foreign_command_alone(tmp_path: Path, home: Path) -> None:
    app = _fake_app(tmp_path / "app")
    foreign = home / ".local" / "bin" / "mgc-desktop"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("#!/bin/sh\necho pip-installed\n")
    result = _run("install.sh", home, str(app))
    assert "not ours" in result.stderr
    assert not foreign.is_symlink() and "pip-installed" in foreign.read_text()
    _run("uninstall.sh", home)
    assert foreign.is_file()
    assert not (home / ".local" / "share" / "applications" / f"{APP_ID}.desktop").exists()


def test_shipped_desktop_file_and_metainfo_are_valid() -> None:
    desktop = RESOURCES / "linux" / f"{APP_ID}.desktop"
    metainfo = RESOURCES / "linux" / f"{APP_ID}.metainfo.xml"
    root = ET.parse(metainfo).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.find("launchable").text == desktop.name
    assert "Exec=mgc-desktop\n" in desktop.read_text()  # no arguments: the GUI
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    if shutil.which("appstreamcli"):
        subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(metainfo)],
            check=True,
            capture_output=True,
        )
