"""Issue 14.3 and 14.14: every dialog readable as shown: preview columns and a read-only
folder's reasons in full, History's When and Note, the Settings labels, About without Python
dicts, and preview notes in the table's words."""

from __future__ import annotations

import os
import re
import time

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel

from mgc_desktop.gui.settings import Preferences
from tests.gui.test_window_flow import scan


def fits(table, row: int, col: int) -> bool:
    """The cell's whole text is visible: on one line, or wrapped within the row's height."""
    text = table.item(row, col).text()
    fm = table.fontMetrics()
    width = table.columnWidth(col) - 8
    if fm.horizontalAdvance(text) <= width:
        return True
    if not table.wordWrap():
        return False
    needed = fm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height()
    return needed <= table.rowHeight(row)


def test_preview_columns_and_read_only_reasons_are_readable(qtbot, window, music):
    scan(qtbot, window, music)
    window.accept_above(0.0)
    folder = music / "Album"
    os.chmod(folder, 0o555)
    try:
        window.write_tags()
        dialog = window.preview
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=20000)
        qtbot.waitExposed(dialog)
        table = dialog.table
        reasons = {table.item(r, 3).text() for r in range(table.rowCount())}
        assert any("folder is not writable" in r for r in reasons), reasons
        for r in range(table.rowCount()):
            for c in range(4):
                assert fits(table, r, c), (r, c, table.item(r, c).text(), table.columnWidth(c))
        assert all(table.columnWidth(c) >= 60 for c in range(4))
        assert "0 to write" in dialog.summary.text()
        dialog.reject()
    finally:
        os.chmod(folder, 0o755)


def test_preview_notes_say_genre_and_percent_like_the_table(qtbot, window, music):
    scan(qtbot, window, music)
    window.accept_above(0.0)
    window.write_tags()
    dialog = window.preview
    qtbot.waitUntil(lambda: dialog.write_button.isEnabled(), timeout=20000)
    for r in range(dialog.table.rowCount()):
        name = dialog.table.item(r, 0).text()
        row = next(x for x in window.model.rows() if x.file_name == name)
        label = window.model.index(window.batch.position(row.path), 5).data()
        percent = window.model.index(window.batch.position(row.path), 6).data()
        assert dialog.table.item(r, 3).text().startswith(f"{label} {percent}")
        assert not re.search(r"\b[a-z]+ 0\.\d\d\b", dialog.table.item(r, 3).text())
    dialog.reject()


def test_history_when_and_note_are_readable(qtbot, window, music):
    from mgc_desktop.tags import apply_plan, plan_manual

    path = str(next(music.rglob("01 track.flac")))
    apply_plan(plan_manual([path], ["Polka"]), batch_note="a rather long note about this batch")
    apply_plan(plan_manual([path], ["Jazz"]), batch_note="desktop app")
    window.show_history()
    dialog = window.history
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10000)
    qtbot.waitExposed(dialog)
    qtbot.wait(50)  # the layout settles as it does before anyone can look
    headers = [
        dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())
    ]
    for r in range(2):
        for c in map(headers.index, ("When", "Note", "Kind", "Folder")):
            t = dialog.table
            assert fits(t, r, c), (
                headers[c],
                t.item(r, c).text(),
                t.columnWidth(c),
                t.rowHeight(r),
            )
    # the locale's short date and time (ISO 8601 under the C locale), not a raw timestamp
    from mgc_desktop.gui.i18n import date_time

    now = time.time()
    moments = {date_time(now - s) for s in range(0, 120)}
    assert dialog.table.item(0, 1).text() in moments
    dialog.reject()


def test_settings_labels_have_no_literal_ampersand(qtbot, window):
    window.show_settings()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    labels = [w for w in dialog.findChildren(QLabel) if "&" in w.text()]
    assert any("Model file" in w.text() for w in labels)
    for label in labels:  # "&" is a mnemonic only with a buddy; otherwise it shows as is
        assert label.buddy() is not None, label.text()
    model_label = next(w for w in labels if "Model file" in w.text())
    assert model_label.buddy() is dialog.model_path
    dialog.reject()


def test_about_shows_readable_text_not_dicts(qtbot, tmp_path):
    from mgc_desktop.gui.dialogs.about import AboutDialog
    from tests.gui.conftest import export_gui_model

    info = {
        "command": "python -m training train --data ../shared/data --out m.onnx",
        "test_metrics": {
            "tracks": 98,
            "accuracy": 0.7143,
            "macro_f1": 0.7088,
            "ci95": {"accuracy": [0.6224, 0.8061], "macro_f1": [0.5686, 0.7815]},
            "per_class": {"blues": {"recall": 0.625}, "hiphop": {"recall": 0.8}},
        },
        "config": {"train": {"epochs": 150, "lr": 0.004, "speeds": [0.9, 1.0, 1.1]}},
        "data": {"train_clips": 274, "test_clips": 98},
        "skipped_files": {},
        "parameters": 1128534,
    }
    path = export_gui_model(tmp_path / "m.onnx", info=info)
    from mgc_desktop.model.classifier import load_session

    _, card = load_session(str(path))
    dialog = AboutDialog(card, str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    html_text = dialog.card_label.text()
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html_text)
    text = doc.toPlainText()
    for bad in ("{", "}", "[", "]", "'"):
        assert bad not in text, (bad, text)
    assert "accuracy: 71.4% (95% CI 62.2%-80.6%)" in text
    assert "recall per genre: Blues 62.5%, Hip-Hop 80.0%" in text
    assert "python -m training train --data ../shared/data --out m.onnx" in text
    assert "Epochs: 150" in text and "Train clips: 274" in text
    assert Preferences  # the suite's isolated settings are untouched by the dialog
