"""The build compiles the catalogs: a wheel built from a tree holding only the .ts sources
carries the .qm files, and they translate."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from PySide6.QtCore import QTranslator

from tests.i18n.conftest import ROOT


def test_wheel_build_compiles_the_translations(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")  # sources only
    shutil.copytree(ROOT / "mgc_desktop", src / "mgc_desktop", ignore=ignore)
    shutil.copytree(ROOT / "resources", src / "resources", ignore=ignore)
    assert not list((src / "resources" / "i18n").glob("*.qm"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "out"), str(src)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = (tmp_path / "out").glob("mgc_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    qm = "mgc_desktop/resources/i18n/mgc_desktop_fr.qm"
    assert {qm, "mgc_desktop/resources/i18n/mgc_desktop_en.qm"} <= names
    assert not list((src / "resources" / "i18n").glob("*.qm"))  # the source tree untouched
    (tmp_path / "fr.qm").write_bytes(zipfile.ZipFile(wheel).read(qm))
    translator = QTranslator()
    assert translator.load(str(tmp_path / "fr.qm"))
    assert translator.translate("Actions", "&File") == "&Fichier"
