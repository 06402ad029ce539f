"""The real window, built under a French interface: every text a user can see (menus,
actions, buttons, labels, tabs, headers, tooltips, dialogs) is French; no English string that
the catalog translates is left. And the genre tags written are the same whatever the language."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from mgc_desktop.tags.names import DEFAULT_DISPLAY_NAMES
from tests.i18n.conftest import french_translations

SCAN_TIMEOUT_MS = 120_000


def _pattern(source: str) -> re.Pattern[str]:
    """A source text as a regex over shown text: placeholders match anything, the mnemonic
    & may have been consumed, whole words only."""
    parts = re.split(r"(\{\w+\}|%n)", source.replace("&", ""))
    body = "".join(
        r".+?" if p.startswith("{") else r"\d+" if p == "%n" else re.escape(p) for p in parts
    )
    return re.compile(rf"(?<![\w]){body}(?![\w])")


def english_left(texts: set[str]) -> list[tuple[str, str]]:
    """(shown text, English source) for every shown text that still holds a translated source
    (a short word is only caught as the whole text: "Stop", not "Stop" inside a sentence)."""
    # a source that is only placeholders and punctuation ("{name}: {value}") says nothing
    sources = [
        s
        for s, fr in french_translations().items()
        if fr != s and re.search(r"[A-Za-z]{2}", re.sub(r"\{\w+\}|%n", "", s))
    ]
    patterns = [(s, _pattern(s)) for s in sources]
    found = []
    for text in texts:
        plain = text.replace("&", "")
        for source, pattern in patterns:
            whole = len(source.split()) < 2
            if (plain == source.replace("&", "")) if whole else pattern.search(plain):
                found.append((text, source))
    return found


def _model_texts(model, rows: int = 50) -> set[str]:
    out: set[str] = set()
    if model is None:
        return out
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = model.columnCount() if orientation == Qt.Orientation.Horizontal else 0
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    out.add(value)
    for r in range(min(rows, model.rowCount())):
        for c in range(model.columnCount()):
            index = model.index(r, c)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    out.add(value)
    return out


def shown_texts(root: QWidget) -> set[str]:
    """Every user-visible string of `root` and its children."""
    texts: set[str] = set()
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        texts.update((w.windowTitle(), w.toolTip(), w.statusTip(), w.whatsThis()))
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.add(w.text())
        if isinstance(w, QGroupBox):
            texts.add(w.title())
        if isinstance(w, QLineEdit):
            texts.add(w.placeholderText())
        if isinstance(w, QComboBox):
            texts.update(w.itemText(i) for i in range(w.count()))
            texts.update(
                str(w.itemData(i, Qt.ItemDataRole.ToolTipRole) or "") for i in range(w.count())
            )
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                texts.update((w.tabText(i), w.tabToolTip(i)))
        if isinstance(w, QMenu):
            texts.add(w.title())
        if isinstance(w, QAbstractItemView):
            texts |= _model_texts(w.model())
        for action in w.actions():
            texts.update((action.text(), action.toolTip(), action.statusTip(), action.iconText()))
    for action in root.findChildren(QAction):
        texts.update((action.text(), action.toolTip(), action.statusTip()))
    return {t for t in texts if t}


@pytest.fixture
def french_window(qtbot, gui_model, interface):
    from mgc_desktop.gui.main_window import MainWindow
    from mgc_desktop.gui.settings import Preferences

    interface("system", QLocale("fr_FR"))
    prefs = Preferences(workers=1)
    prefs.save()
    win = MainWindow(model_path=str(gui_model), prefs=prefs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def scan(qtbot, window, folder) -> None:
    with qtbot.waitSignal(window.scan_finished, timeout=SCAN_TIMEOUT_MS):
        window.set_folder(str(folder), scan=True)
    qtbot.waitUntil(lambda: not window._pending_rows, timeout=5000)


def test_the_walk_catches_english():
    """The walk's matcher itself: an English text with a translation is caught, a French one,
    a file name or a placeholder's value is not."""
    assert french_translations()["About mgc-desktop"] == "À propos de mgc-desktop"
    shown = {
        "About mgc-desktop",
        "cannot play 01 track.flac: device busy",  # placeholders match any value
        "Input level (dBFS) (Ctrl+I)",  # a sentence inside a longer text
        "À propos de mgc-desktop",
        "01 track.flac",
        "Rock",  # the same in French
    }
    caught = {t for t, _ in english_left(shown)}
    assert caught == {
        "About mgc-desktop",
        "cannot play 01 track.flac: device busy",
        "Input level (dBFS) (Ctrl+I)",
    }


def test_french_window_menus_dialogs_and_table(qtbot, french_window, music):
    w = french_window
    scan(qtbot, w, music)
    w.table.selectRow(0)
    qtbot.wait(300)
    window_texts = shown_texts(w)
    texts: set[str] = set()
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles[:2] == ["&Fichier", "É&dition"], titles
    assert w.act_write.text() == "É&crire les étiquettes…"
    w.genre_menu.aboutToShow.emit()
    genre_items = [a.text().split("\t")[0] for a in w.genre_menu.actions()]
    assert "Classique" in genre_items and "Classical" not in genre_items
    assert "Classical" in w.genre_choices()  # what choosing it writes
    window_texts |= shown_texts(w.genre_menu)

    w.show_settings()
    texts |= shown_texts(w.settings_dialog)
    w.settings_dialog.reject()
    w.show_about()
    texts |= shown_texts(w.about_dialog)
    w.about_dialog.reject()
    w.accept_above(0.0)
    w.write_tags()
    qtbot.waitUntil(
        lambda: w.preview is not None and w.preview.write_button.isEnabled(), timeout=20000
    )
    texts |= shown_texts(w.preview)
    with qtbot.waitSignal(w.write_finished, timeout=30000):
        w.preview.write_button.click()
    w.act_undo.trigger()  # asks first: which batch, what it restores
    qtbot.waitUntil(lambda: w.tag_flow.confirm is not None, timeout=10000)
    texts |= shown_texts(w.tag_flow.confirm)
    w.tag_flow.confirm.reject()
    w.toggle_live()
    qtbot.waitUntil(lambda: w.live_panel is not None, timeout=5000)
    window_texts |= shown_texts(w.live_dock)
    w.toggle_live()
    window_texts |= shown_texts(w.vocabulary.show_dialog())
    w.vocabulary.dialog.reject()
    w.show_history()
    qtbot.waitUntil(lambda: w.history is not None, timeout=10000)
    texts |= shown_texts(w.history)
    w.history.reject()
    # The Settings names table and the preview's Old/New columns show the genres exactly as
    # they are and will be written ("Classical"): data, never translated. Everywhere else a
    # built-in genre is in French.
    written = set(DEFAULT_DISPLAY_NAMES.values())
    left = english_left(window_texts) + english_left(texts - written)
    assert left == [], left
