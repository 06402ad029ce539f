"""Fixtures for the translation tests: the committed catalogs compiled into a temporary folder
(a test never depends on a .qm left over from an earlier build), and the interface language
installed for one test and taken back after it."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = ROOT / "resources" / "i18n"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def load_i18n_tool():
    """packaging/i18n.py as a module (it is a script, not part of the package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "packaging" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def french_translations() -> dict[str, str]:
    """source -> French, for every message of the French catalog whose translation differs
    from its source (the strings that must never show in English in a French window). Plurals
    give both forms (with %n as a wildcard the caller handles)."""
    tree = ET.parse(CATALOGS / "mgc_desktop_fr.ts")
    out = {}
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        tr = message.find("translation")
        forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
        if any(f != source for f in forms):
            out[source] = forms[-1]
    return out


@pytest.fixture(scope="session")
def compiled_catalogs(tmp_path_factory) -> Path:
    """The committed .ts files compiled by packaging/i18n.py into a fresh folder."""
    dest = tmp_path_factory.mktemp("qm")
    load_i18n_tool().compile_catalogs(dest=dest)
    return dest


@pytest.fixture
def interface(qapp, compiled_catalogs, monkeypatch):
    """`interface("fr")` installs that language (from the freshly compiled catalogs) for the
    test; English with no translator is back afterwards."""
    from PySide6.QtCore import QLocale

    from mgc_desktop.gui import language

    monkeypatch.setattr(language, "catalog_dirs", lambda: [compiled_catalogs])
    before = QLocale()

    def install(choice: str, system: QLocale | None = None) -> QLocale:
        return language.install(qapp, choice, system)

    yield install
    language.remove(qapp)
    QLocale.setDefault(before)


from tests.gui.conftest import gui_model, music, music_master  # noqa: E402, F401 - fixtures
