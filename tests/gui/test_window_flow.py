"""The whole job through the real window: scan real files, see predictions, override one,
write through the preview, check the files, undo, check again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QMessageBox

from mgc_desktop.gui.track_model import CLASSIFIED, COL_PREDICTED, FAILED
from mgc_desktop.tags import read_genres

SCAN_TIMEOUT_MS = 120_000


def scan(qtbot, window, folder) -> object:
    with qtbot.waitSignal(window.scan_finished, timeout=SCAN_TIMEOUT_MS) as blocker:
        window.set_folder(str(folder), scan=True)
    qtbot.waitUntil(lambda: not window._pending_rows, timeout=5000)
    return blocker.args[0]


def test_scan_override_write_undo(qtbot, window, music):
    report = scan(qtbot, window, music)
    assert report is not None and not report.cancelled
    rows = {r.file_name: r for r in window.model.rows()}
    assert set(rows) == {
        "01 track.flac",
        "02 track.mp3",
        "03 track.ogg",
        "04 track.flac",
        "05 track.mp3",
        "broken.mp3",
    }
    # predictions appear, with all ten probabilities; the broken file is in the errors panel
    good = [r for n, r in rows.items() if n != "broken.mp3"]
    assert all(r.status == CLASSIFIED and r.genre for r in good)
    assert all(len(r.probabilities) == 10 for r in good)
    assert rows["01 track.flac"].title == "Song 1" and rows["01 track.flac"].artist == "Test Band"
    assert rows["broken.mp3"].status == FAILED
    assert any(p.endswith("broken.mp3") for p, _ in window.errors.entries())
    assert window.errors_dock.isVisible()

    # the detail pane shows the selected track's bars and (after a worker) its spectrogram
    target = window.proxy.mapFromSource(
        window.model.index(
            [r.path for r in window.model.rows()].index(rows["02 track.mp3"].path), 0
        )
    )
    window.table.setCurrentIndex(target)
    qtbot.waitUntil(lambda: window.detail.spectrogram.has_image(), timeout=20000)
    assert len(window.detail.bars.probabilities()) == 10

    # override one genre through the table's editor
    edit_index = target.siblingAtColumn(COL_PREDICTED)
    window.table.edit(edit_index)
    editor = window.table.findChild(QComboBox)
    assert editor is not None
    editor.setCurrentText("Jazz Fusion")
    window.table.commitData(editor)
    window.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    assert rows["02 track.mp3"].override == "Jazz Fusion"
    assert edit_index.data(Qt.ItemDataRole.FontRole).bold()

    # accept every confident prediction, then write through the preview
    accepted = window.accept_above(0.5)
    assert accepted >= 1
    before = {r.path: read_genres(r.path) for r in good}
    window.write_tags()
    dialog = window.preview
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.write_button.isEnabled(), timeout=20000)
    plan = {i.path: i for i in dialog.plan}
    assert plan[rows["02 track.mp3"].path].new == ("Jazz Fusion",)
    with qtbot.waitSignal(window.write_finished, timeout=30000) as done:
        dialog.write_button.click()
    result = done.args[0]
    assert result.failed == 0 and result.written == sum(
        1 for i in plan.values() if i.action == "write"
    )
    assert read_genres(rows["02 track.mp3"].path) == ["Jazz Fusion"]
    for r in good:
        item = plan[r.path]
        if item.action == "write":
            assert list(read_genres(r.path)) == list(item.new)
            assert r.written and r.current == tuple(item.new)

    # undo the batch: every file holds what it held before
    window.act_undo.trigger()  # says which batch and what it restores first
    qtbot.waitUntil(lambda: window.tag_flow.confirm is not None, timeout=10000)
    with qtbot.waitSignal(window.undo_finished, timeout=30000) as undone:
        window.tag_flow.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert undone.args[0].failed == 0
    for r in good:
        assert read_genres(r.path) == before[r.path]
        assert r.current == tuple(before[r.path]) and not r.written
