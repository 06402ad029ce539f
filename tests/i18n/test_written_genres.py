"""What is written into files does not depend on the interface language: a French window
shows "Classique" but writes the tag-name settings' "Classical", its preview says exactly what
will be written, and the same decisions write the same tags in English and in French."""

from __future__ import annotations

import mutagen
from PySide6.QtCore import QLocale, Qt

from mgc_desktop.gui.track_model import COL_PREDICTED
from mgc_desktop.tags.names import DEFAULT_DISPLAY_NAMES

SCAN_TIMEOUT_MS = 120_000


def _genres_on_disk(path: str) -> list[str]:
    """The genre tag as another program reads it (mutagen's easy interface)."""
    f = mutagen.File(path, easy=True)
    return list(f.get("genre", [])) if f is not None else []


def _write_through_the_window(qtbot, interface, gui_model, folder, lang) -> dict:
    """Scan `folder` in a window speaking `lang`, give the first file the built-in "classical"
    genre by its key (as keyboard review does), accept the rest, write through the preview.
    Returns what the table and the preview showed and what the files hold."""
    from mgc_desktop.gui.main_window import MainWindow
    from mgc_desktop.gui.settings import Preferences

    interface(lang, QLocale("fr_FR"))
    prefs = Preferences(workers=1, policy="replace")
    prefs.save()
    w = MainWindow(model_path=str(gui_model), prefs=prefs)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.scan_finished, timeout=SCAN_TIMEOUT_MS):
        w.set_folder(str(folder), scan=True)
    qtbot.waitUntil(lambda: not w._pending_rows, timeout=5000)
    first = next(i for i, r in enumerate(w.model.rows()) if r.genre)
    w.table.selectRow(w.proxy.mapFromSource(w.model.index(first, 0)).row())
    w.set_genre_by_number(list(DEFAULT_DISPLAY_NAMES).index("classical"))
    shown = w.model.index(first, COL_PREDICTED).data(Qt.ItemDataRole.DisplayRole)
    w.accept_above(0.0)
    w.write_tags()
    dialog = w.preview
    qtbot.waitUntil(lambda: dialog.write_button.isEnabled(), timeout=20000)
    path = w.model.row(first).path
    preview_new = {
        dialog.table.item(i, 0).toolTip() or dialog.table.item(i, 0).text(): dialog.table.item(
            i, 2
        ).text()
        for i in range(dialog.table.rowCount())
    }
    with qtbot.waitSignal(w.write_finished, timeout=30000):
        dialog.write_button.click()
    on_disk = {r.file_name: _genres_on_disk(r.path) for r in w.model.rows() if r.genre}
    w.close()
    return {"shown": shown, "preview": preview_new, "path": path, "disk": on_disk}


def test_written_genres_do_not_depend_on_the_language(
    qtbot, interface, gui_model, music_master, tmp_path
):
    import shutil

    runs = {}
    for lang in ("en", "fr"):
        folder = tmp_path / lang
        shutil.copytree(music_master, folder)
        runs[lang] = _write_through_the_window(qtbot, interface, gui_model, folder, lang)
    en, fr = runs["en"], runs["fr"]
    assert en["shown"] == "Classical" and fr["shown"] == "Classique"
    # the preview shows exactly what is written: the tag name, not the window's name
    assert "Classical" in next(v for k, v in fr["preview"].items() if fr["path"].endswith(k))
    assert not any("Classique" in v for v in fr["preview"].values())
    assert fr["disk"] == en["disk"]  # the same decisions, the same tags, either language
    first = fr["path"].rsplit("/", 1)[-1]
    assert fr["disk"][first] == ["Classical"]
    written = {g for genres in fr["disk"].values() for g in genres}
    assert written and written <= set(DEFAULT_DISPLAY_NAMES.values())


def test_table_editor_lists_french_names_and_sets_the_tag_name(qtbot, interface, gui_model, music):
    """The genre cell's editor in a French window offers "Classique"; picking it sets the tag
    name "Classical"; a name typed that is not in the list is kept as typed."""
    from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox

    from mgc_desktop.gui.main_window import MainWindow
    from mgc_desktop.gui.settings import Preferences

    interface("fr")
    w = MainWindow(model_path=str(gui_model), prefs=Preferences(workers=1))
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.scan_finished, timeout=SCAN_TIMEOUT_MS):
        w.set_folder(str(music), scan=True)
    qtbot.waitUntil(lambda: not w._pending_rows, timeout=5000)
    first = next(i for i, r in enumerate(w.model.rows()) if r.genre)
    index = w.proxy.mapFromSource(w.model.index(first, COL_PREDICTED))
    for typed, written in (("Classique", "Classical"), ("Chanson française", "Chanson française")):
        w.table.edit(index)
        editor = w.table.findChild(QComboBox)
        assert "Classique" in [editor.itemText(i) for i in range(editor.count())]
        editor.setCurrentText(typed)
        w.table.commitData(editor)
        w.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        qtbot.waitUntil(lambda: w.table.findChild(QComboBox) is None, timeout=2000)
        assert w.model.row(first).override == written
        assert index.data(Qt.ItemDataRole.DisplayRole) == typed
    w.close()
