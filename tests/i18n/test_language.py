"""Which language the window speaks: the system locale's, unless Settings says otherwise; the
catalogs are found where the app is installed; numbers follow the chosen locale; without any
catalog the app is in English; the CLI never changes with the locale."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QLocale

from mgc_desktop.gui import language
from mgc_desktop.gui.genre_names import shown_name, written_name
from mgc_desktop.gui.i18n import duration, number, percent, threshold_percent
from tests.i18n.conftest import ROOT


@pytest.mark.parametrize(
    ("choice", "system", "expected"),
    [
        ("system", "fr_FR", "fr_FR"),
        ("system", "fr_CA", "fr_CA"),  # the system's own French keeps its formats
        ("system", "en_GB", "en_GB"),
        ("system", "de_DE", "de_DE"),  # no German catalog: English text, German numbers
        ("en", "fr_FR", "en_US"),  # the Settings choice wins over the locale
        ("fr", "en_US", "fr_FR"),
        ("fr", "fr_BE", "fr_BE"),
    ],
)
def test_choice_overrides_the_system_locale(choice, system, expected):
    assert language.resolve_locale(choice, QLocale(system)).name() == expected


def test_choice_is_kept_with_the_other_settings():
    from mgc_desktop.gui.settings import open_settings

    assert language.saved_choice() == "system"
    language.save_choice("fr")
    assert language.saved_choice() == "fr"
    assert open_settings().value(language.LANGUAGE_KEY) == "fr"
    open_settings().setValue(language.LANGUAGE_KEY, "klingon")
    assert language.saved_choice() == "system"  # an unknown value is not a language
    with pytest.raises(ValueError):
        language.save_choice("de")


def test_french_system_gets_french_and_settings_english_wins(interface):
    locale = interface("system", QLocale("fr_FR"))
    assert locale.name() == "fr_FR" and QLocale().name() == "fr_FR"
    assert shown_name("classical") == "Classique" and shown_name("metal") == "Métal"
    assert written_name("classical") == "Classical"  # the tag written stays English
    assert shown_name("classical", {"classical": "Klassik"}) == "Klassik"  # the user's own
    assert percent(0.5) == "50\u202f%" and number(1234.5, 1) == "1\u202f234,5"
    assert threshold_percent(0.667) == "66,7\u202f%"
    assert duration(3725) == "1:02:05"
    assert any(p.endswith("qtbase_fr.qm") for p in language.installed_catalogs())

    interface("en", QLocale("fr_FR"))
    assert QLocale().name() == "en_US"
    assert shown_name("classical") == "Classical" and percent(0.5) == "50%"
    assert not any(p.endswith("_fr.qm") for p in language.installed_catalogs())


def test_no_catalog_means_english(interface, monkeypatch, tmp_path):
    monkeypatch.setattr(language, "catalog_dirs", lambda: [tmp_path])
    locale = interface("fr")
    assert locale.name() == "fr_FR"  # French numbers still, English words
    assert language.installed_catalogs() == []  # nor Qt's: no half-French window
    assert shown_name("classical") == "Classical"


_MENUS = """
import json, os, sys
from mgc_desktop.gui.app import create_app
from mgc_desktop.gui.main_window import MainWindow
app = create_app([])
w = MainWindow()
print(json.dumps([a.text() for a in w.menuBar().actions()]))
sys.stdout.flush()
os._exit(0)  # as run_gui does: no interpreter teardown of live Qt objects
"""


def _menus(env_lang: str, data_dir, choice: str | None = None) -> list[str]:
    env = dict(os.environ, LANG=env_lang, LC_ALL="", LC_MESSAGES="", LANGUAGE="")
    env["MGC_DESKTOP_DATA_DIR"] = str(data_dir)
    env["QT_QPA_PLATFORM"] = "offscreen"
    if choice is not None:
        subprocess.run(
            [sys.executable, "-c",
             f"from mgc_desktop.gui.language import save_choice; save_choice({choice!r})"],
            env=env, check=True, cwd=ROOT, timeout=60,
        )  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-c", _MENUS],
        env=env, check=True, cwd=ROOT, timeout=120, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_app_started_under_a_french_locale_is_french(tmp_path, compiled_catalogs):
    """The real start-up path (create_app reads LANG through QLocale.system()), in a fresh
    process; and the Settings choice beats the locale at the next start."""
    if not list((ROOT / "resources" / "i18n").glob("*.qm")):
        pytest.skip("catalogs not compiled here (packaging/i18n.py compile)")
    french = _menus("fr_FR.UTF-8", tmp_path / "a")
    assert "&Fichier" in french and "&File" not in french
    english = _menus("fr_FR.UTF-8", tmp_path / "b", choice="en")
    assert "&File" in english
    assert "&Fichier" in _menus("C.UTF-8", tmp_path / "c", choice="fr")


def test_cli_is_the_same_under_any_locale(tmp_path):
    """The CLI's output is for scripts: a French locale changes nothing in it."""
    outputs = []
    for lang in ("C.UTF-8", "fr_FR.UTF-8"):
        env = dict(os.environ, LANG=lang, LC_ALL="", MGC_DESKTOP_DATA_DIR=str(tmp_path / lang))
        result = subprocess.run(
            [sys.executable, "-m", "mgc_desktop", "classify", str(tmp_path / "missing.flac")],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        outputs.append((result.returncode, result.stdout, result.stderr))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] != 0 and "missing.flac" in outputs[0][1] + outputs[0][2]


def test_settings_dialog_choice_is_saved_for_the_next_start(qtbot, interface):
    """The Settings dialog offers System / English / Français, each named in itself, says the
    choice applies at the next start, and keeps it where start-up reads it."""
    from PySide6.QtWidgets import QLabel

    from mgc_desktop.gui.dialogs.settings import SettingsDialog
    from mgc_desktop.gui.settings import Preferences

    interface("fr")
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    items = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert items == ["Langue du système", "English", "Français"]
    assert any("prochain démarrage" in label.text() for label in dialog.findChildren(QLabel))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    prefs = dialog.result_preferences()
    prefs.save()
    assert language.saved_choice() == "en"
    assert Preferences.load().language == "en"
    assert language.resolve_locale(language.saved_choice(), QLocale("fr_FR")).name() == "en_US"
