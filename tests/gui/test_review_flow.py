"""Issue 25, the review flow as a newcomer found it, through the real window: one threshold
everywhere, a write that covers what the status bar counts, albums named from album tags (else
the folder), a Live dock that never grows the window, a layout that fits and reads, an undo
that says what it restores, and a tag-reader hang remembered instead of re-read."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from mgc_desktop.gui.review import CLASSIFIED, UNCERTAIN, TrackRow
from mgc_desktop.gui.settings import Preferences
from mgc_desktop.gui.tag_fields import GENRE
from mgc_desktop.gui.track_model import COL_CONFIDENCE, COL_STATUS, COL_TITLE, contrast_ratio
from mgc_desktop.tags import read_genres
from tests.conftest import music_signal, write_audio
from tests.gui.conftest import MODEL_THRESHOLD
from tests.gui.test_long_work import good_files
from tests.gui.test_window_flow import scan


def predicted(path: str, confidence: float, threshold: float = MODEL_THRESHOLD) -> TrackRow:
    """A row as a scan leaves it under the model's threshold."""
    uncertain = confidence < threshold
    return TrackRow(
        path,
        genre="jazz",
        confidence=confidence,
        probabilities={"jazz": confidence},
        uncertain=uncertain,
        status=UNCERTAIN if uncertain else CLASSIFIED,
    )


def strict_window(qtbot, strict_model):
    from mgc_desktop.gui.main_window import MainWindow

    window = MainWindow(model_path=str(strict_model), prefs=Preferences(workers=1))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.card is not None, timeout=20000)
    return window


# --- 1. one threshold everywhere ------------------------------------------------------------


def test_accept_above_shows_and_uses_the_threshold_in_force(qtbot, strict_model, music):
    """ "≥ 0.50" in the box while Settings and the preview used 0.667; "Accepted 52 at or
    above 50%" while rows at 51%, 57% and 66% stayed uncertain."""
    window = strict_window(qtbot, strict_model)
    assert window.accept_spin.value() == pytest.approx(MODEL_THRESHOLD)
    confidences = [0.51, 0.57, 0.66, 0.9]
    window.model.add_rows([predicted(p, c) for p, c in zip(good_files(music), confidences)])
    window.refresh_review()
    window.act_accept.trigger()
    rows = window.batch.rows()
    assert [r.accepted for r in rows] == [False, False, False, True]
    assert window.message_label.text() == "Accepted 1 prediction at or above 66.7%"
    # what Accept took is exactly what is not uncertain, at the value the box shows
    for r in rows:
        assert (r.confidence >= window.accept_spin.value()) == (not r.uncertain) == r.accepted

    window.accept_spin.setValue(0.55)  # the box is the threshold, as Settings sets it
    assert window.threshold() == pytest.approx(0.55) and window.prefs.threshold == 0.55
    assert window.batch.write_policy.threshold == pytest.approx(0.55)
    assert [r.uncertain for r in rows] == [True, False, False, False]
    window.act_accept.trigger()
    assert [r.accepted for r in rows] == [False, True, True, True]
    assert "to write" in window.count_label.text() and "1 uncertain" in window.count_label.text()
    window.close()


# --- 2. the write covers what the status bar counts -----------------------------------------


def test_the_write_covers_what_the_status_bar_counts(qtbot, window, music):
    """Right after a scan the selected row alone was previewed ("1 to write") while the status
    bar showed no "to write" and the detail pane no Genre row to be written."""
    scan(qtbot, window, music)
    assert window.table.selectionModel().hasSelection()
    assert "0 to write" in window.count_label.text()
    window.write_tags()  # nothing decided: the selection is not written behind the user's back
    assert window.preview is None
    assert window.last_message.windowTitle() == "Nothing to write"
    window.last_message.close()

    target = next(r for r in window.model.rows() if r.file_name == "02 track.mp3")
    window.select_paths([target.path])
    window.accept_current()
    window.select_paths([target.path])
    assert target.accepted and "1 to write" in window.count_label.text()
    qtbot.waitUntil(
        lambda: (
            window.detail.path == target.path
            and any(name == GENRE for name, _, _ in window.detail.tag_rows())
        ),
        timeout=10000,
    )
    after = next(a for name, _, a in window.detail.tag_rows() if name == GENRE)

    window.write_tags()
    dialog = window.preview
    qtbot.waitUntil(lambda: dialog.write_button.isEnabled(), timeout=20000)
    writes = [i for i in dialog.plan if i.action == "write"]
    assert [i.path for i in writes] == [target.path]
    assert "; ".join(writes[0].new) == after and after
    assert "1 track" in dialog.scope.text() and "to write" in dialog.scope.text()
    assert dialog.scope.isVisible()
    dialog.reject()


# --- 3. albums from album tags, else the folder alone ---------------------------------------


def test_a_folder_without_album_tags_is_named_after_the_folder_alone(qtbot, window, tmp_path):
    """21 files without album tags were shown as "<artist of one of them> — <folder>"."""
    mixtape, album = tmp_path / "Mixtape", tmp_path / "Tagged"
    rows = [TrackRow(str(mixtape / f"{i}.flac"), artist=a) for i, a in enumerate("ABC")]
    rows += [TrackRow(str(album / f"{i}.flac"), artist="Band", album="Live") for i in range(2)]
    window.model.add_rows(rows)
    window.views.setCurrentIndex(1)
    tree = window.tree_model
    qtbot.waitUntil(lambda: tree.rowCount() == 2, timeout=10000)
    labels = {tree.data(tree.index(i, 0)) for i in range(tree.rowCount())}
    assert labels == {"Mixtape", "Band — Live"}  # the album's one artist names it


# --- 4. the Live dock never grows the window ------------------------------------------------


@pytest.mark.parametrize("size", [(1366, 768), (1600, 1000), (1920, 1080)])
def test_opening_live_keeps_the_window_and_its_status_bar_on_screen(qtbot, window, size):
    """Opening Live grew the window from 1600x1000 to 1600x1087."""
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=5000)
    window.act_live.trigger()
    qtbot.waitUntil(lambda: window.live_panel is not None and window.live_panel.isVisible())
    for _ in range(5):
        QApplication.processEvents()
    assert window.size().toTuple() == size
    assert window.minimumSizeHint().height() <= size[1]
    assert window.statusBar().geometry().bottom() < size[1]
    assert window.statusBar().isVisible() and window.count_label.isVisible()


# --- 5. layout, contrast, names, history, undo, windows -------------------------------------


def test_extra_width_goes_to_the_titles_not_the_status(qtbot, window):
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920, timeout=5000)
    QApplication.processEvents()
    status, title = window.table.columnWidth(COL_STATUS), window.table.columnWidth(COL_TITLE)
    assert title > 2 * status
    assert status < 20 * window.fontMetrics().horizontalAdvance("x")


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_tag_table_shows_more_than_a_few_rows(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=5000)
    QApplication.processEvents()
    row_height = window.detail.tags.verticalHeader().defaultSectionSize()
    assert window.detail.tags.viewport().height() >= 6 * row_height


def test_uncertain_confidences_are_readable(qtbot, window, music):
    window.model.add_rows([predicted(good_files(music)[0], 0.4)])
    index = window.model.index(0, COL_CONFIDENCE)
    brush = window.model.data(index, Qt.ItemDataRole.ForegroundRole)
    base = QApplication.instance().palette().color(QPalette.ColorRole.Base)
    assert brush is not None  # set apart from the certain ones...
    assert contrast_ratio(brush.color(), base) >= 4.5  # ...and readable (WCAG AA)


def test_settings_show_every_genres_name_and_keep_only_the_changed_ones(qtbot):
    from mgc_desktop.gui.dialogs.settings import SettingsDialog
    from mgc_desktop.tags.names import DEFAULT_DISPLAY_NAMES

    dialog = SettingsDialog(Preferences(genre_names={"rock": "Rock & Roll"}))
    qtbot.addWidget(dialog)
    shown = {
        dialog.names.item(i, 0).text(): dialog.names.item(i, 1).text()
        for i in range(dialog.names.rowCount())
    }
    assert shown == {**DEFAULT_DISPLAY_NAMES, "rock": "Rock & Roll"}
    assert dialog.result_preferences().genre_names == {"rock": "Rock & Roll"}
    row = list(shown).index("hiphop")
    dialog.names.item(row, 1).setText("Hip Hop")
    assert dialog.result_preferences().genre_names == {"rock": "Rock & Roll", "hiphop": "Hip Hop"}


def test_history_shows_each_batchs_folder(qtbot, tmp_path):
    from mgc_desktop.gui.dialogs.history import HistoryDialog
    from mgc_desktop.tags import BatchInfo

    dialog = HistoryDialog()
    qtbot.addWidget(dialog)
    folder = str(tmp_path / "Music" / "Album")
    dialog.set_batches([BatchInfo(3, 1.7e9, "tag", None, "m", None, 1.7e9, 2, 0, 0, 2, folder)])
    headers = [
        dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())
    ]
    assert "Folder" in headers
    assert dialog.table.item(0, headers.index("Folder")).text() == folder


def test_undo_last_batch_says_what_it_restores_before_it_acts(qtbot, window, music):
    from mgc_desktop.cli import main

    song = good_files(music)[0]
    before = read_genres(song)
    assert main(["tag", song, "--set-genre", "Jazz"]) == 0
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: window.tag_flow.confirm is not None, timeout=10000)
    box = window.tag_flow.confirm
    assert "1 file" in box.text() and os.path.dirname(song) in box.text()
    assert read_genres(song) == ["Jazz"]  # nothing restored yet
    with qtbot.waitSignal(window.undo_finished, timeout=30000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert read_genres(song) == before


def test_the_spectrogram_shows_the_windows_the_model_heard(qtbot, window, tmp_path):
    """`classify --json` said "windows": 3 while "What the model heard" showed 6 tiles."""
    folder = tmp_path / "long"
    song = write_audio("flac", folder / "long", music_signal(40.0, 22050), 22050)
    shown: list[int] = []  # how many windows the view was handed (it keeps no public count)
    view = window.detail.spectrogram
    show = view.set_windows

    def counting(windows, labels=()):
        shown.append(len(windows))
        show(windows, labels)

    view.set_windows = counting
    scan(qtbot, window, folder)
    from mgc_desktop.library.index import Library

    with Library(readonly=True) as lib:
        heard = lib.track(str(song), model_id=window.card.model_id).prediction.windows
    planned = window.card.inference.max_windows
    assert heard == window.card.inference.first_windows < planned  # a sure first answer
    window.select_paths([str(song)])
    # Asked while the track was queued, the view may first show all planned windows; once
    # classified, the windows its prediction heard, and no older answer replaces them.
    qtbot.waitUntil(lambda: view.has_image() and bool(shown) and shown[-1] == heard, timeout=30000)
    qtbot.wait(1000)
    assert shown[-1] == heard


# --- 8. a tag-reader hang is remembered until the file changes ------------------------------


def test_a_remembered_tag_hang_is_listed_not_read_again_and_can_be_retried(
    qtbot, window, music, gui_model
):
    """A file whose tags hang the parser was read again at every scan (up to 30 s each)."""
    from mgc_desktop.library.index import Library
    from mgc_desktop.library.scanner import scan as library_scan
    from tests.library.test_scan_robustness import HANGS_MUTAGEN

    evil = music / "Album" / "evil.mpc"
    evil.write_bytes(HANGS_MUTAGEN)
    with Library() as lib:  # an earlier scan met the hang (short time limit: a fast test)
        first = library_scan([music], lib, str(gui_model), workers=1, timeout_s=2)
    assert any(p == str(evil) for p, _ in first.failures)

    report = scan(qtbot, window, music)  # the window's own time limit is 30 s for tags
    assert report.failures == [] or all(p != str(evil) for p, _ in report.failures)
    assert [p for p, _ in report.unread_tags] == [str(evil)]
    assert any(p == str(evil) for p, _ in window.errors.entries())  # still listed
    assert window.act_retry.isEnabled()
