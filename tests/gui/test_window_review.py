"""The review through the real window: counts that match the preview, decisions that survive a
restart, rescans that neither duplicate rows nor forget errors, actions that stay usable, the
status message, keyboard review, the album tree and the detail pane's tags."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QApplication

from mgc_desktop.gui.review import CLASSIFIED, FAILED, UNCERTAIN, TrackRow, genre_label
from mgc_desktop.gui.settings import Preferences
from tests.gui.test_window_flow import scan


def open_window(qtbot, gui_model):
    from mgc_desktop.gui.main_window import MainWindow

    win = MainWindow(model_path=str(gui_model), prefs=Preferences.load())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def give_genre(path, genre="Rock"):
    from mutagen.flac import FLAC

    f = FLAC(path)
    f["genre"] = genre
    f.save()


def test_to_write_matches_the_preview_and_clears_after_writing(qtbot, window, music):
    """Issue 14.13: "34 to write" when 32 were written, and "2 to write" after writing."""
    for p in music.rglob("*.flac"):
        give_genre(p)  # the fill policy keeps these two
    scan(qtbot, window, music)
    window.accept_above(0.0)
    counts = window.batch.counts()
    assert counts.decided == 5 and counts.to_write == 3
    assert "3 to write" in window.count_label.text()
    window.write_tags()
    dialog = window.preview
    qtbot.waitUntil(lambda: dialog.write_button.isEnabled(), timeout=20000)
    assert sum(1 for i in dialog.plan if i.action == "write") == counts.to_write
    assert dialog.write_button.text() == "&Write 3 files"
    with qtbot.waitSignal(window.write_finished, timeout=30000):
        dialog.write_button.click()
    assert window.batch.counts().to_write == 0
    assert "0 to write" in window.count_label.text()
    assert "written" in window.message_label.text()


def test_the_message_survives_hovering_an_action(qtbot, window, music):
    """Issue 14.13: the message was wiped as soon as the mouse went over a toolbar button."""
    scan(qtbot, window, music)
    window.accept_above(0.5)
    text = window.message_label.text()
    assert text.startswith("Accepted ")
    QApplication.sendEvent(window, QStatusTipEvent("Scan the folder"))  # what a hover sends
    QApplication.sendEvent(window, QStatusTipEvent(""))  # and leaving it
    assert window.message_label.text() == text and window.message_label.isVisible()


def test_decisions_survive_a_restart(qtbot, window, music, gui_model):
    """Issue 14.13: accepted decisions were lost on restart."""
    scan(qtbot, window, music)
    window.accept_above(0.5)
    window.set_override([0], "Krautrock")
    decided = {r.path: r.override for r in window.model.rows() if r.decided}
    assert len(decided) >= 2
    window.close()

    again = open_window(qtbot, gui_model)
    qtbot.waitUntil(lambda: again.model.rowCount() == 6, timeout=30000)
    qtbot.waitUntil(
        lambda: {r.path: r.override for r in again.model.rows() if r.decided} == decided,
        timeout=10000,
    )
    assert again.batch.counts().to_write == window.batch.counts().to_write
    again.close()


def test_rescans_keep_one_row_per_file_and_every_error(qtbot, window, music, gui_model):
    """Issue 14.4: rows were duplicated after adding broken files, a second scan emptied the
    Errors panel, and after a restart the Errors dock was hidden."""
    scan(qtbot, window, music)
    assert window.model.rowCount() == 6
    (music / "Album" / "more").mkdir()
    for i in range(3):
        (music / "Album" / "more" / f"bad{i}.mp3").write_bytes(b"not audio at all " * 50)
    shutil.copy(music / "Album" / "02 track.mp3", music / "Album" / "more" / "copy.mp3")
    files = 10
    for _ in range(2):  # the rescan that finds the new files, then one that finds nothing
        scan(qtbot, window, music)
        paths = [r.path for r in window.model.rows()]
        assert len(paths) == len(set(paths)) == files
        assert window.batch.counts().tracks == files
        assert f"{files} tracks" in window.count_label.text()
        failed = sorted(r.file_name for r in window.model.rows() if r.status == FAILED)
        assert failed == ["bad0.mp3", "bad1.mp3", "bad2.mp3", "broken.mp3"]
        assert sorted(p.rsplit("/", 1)[1] for p, _ in window.errors.entries()) == failed
        assert all(reason for _, reason in window.errors.entries())
        assert window.errors_dock.isVisible()
    window.close()

    again = open_window(qtbot, gui_model)
    qtbot.waitUntil(lambda: again.model.rowCount() == files, timeout=30000)
    qtbot.waitUntil(lambda: again.errors.count() == 4, timeout=5000)
    assert again.errors_dock.isVisible()
    again.close()


def test_write_and_undo_stay_enabled_after_nothing_to_undo(qtbot, window, music):
    """Issue 14.6: after "Nothing to undo." Write tags and Undo stayed disabled until another
    row was selected."""
    scan(qtbot, window, music)
    assert window.act_write.isEnabled() and window.act_undo.isEnabled()
    with qtbot.waitSignal(window.undo_refused, timeout=20000) as refused:
        window.act_undo.trigger()
    assert "undo" in refused.args[0].lower()
    assert window.act_write.isEnabled() and window.act_undo.isEnabled()
    assert window.message_label.text() == refused.args[0]
    window.last_message.close()


def review_rows() -> list[TrackRow]:
    genres = ("blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop")
    rows = []
    for i in range(24):
        g = genres[i % len(genres)]
        conf = 0.35 if i % 5 == 2 else 0.9  # rows 2, 7, 12, 17, 22 are uncertain
        rows.append(
            TrackRow(
                f"/nowhere/Album {i // 8}/{i:02d} a rather long file name for track {i}.flac",
                title=f"T{i}",
                album=f"Album {i // 8}",
                artist="A",
                genre=g,
                confidence=conf,
                probabilities={g: conf, "rock": 1 - conf},
                uncertain=conf < 0.5,
                status=UNCERTAIN if conf < 0.5 else CLASSIFIED,
            )
        )
    return rows


def current_index(window) -> int:
    return window.proxy.mapToSource(window.table.currentIndex()).row()


def test_keyboard_review(qtbot, window):
    """N / Shift+N go to the next / previous uncertain track, Enter accepts, 1-0 set a genre;
    keys typed into the search box stay text."""
    window.model.add_rows(review_rows())
    table = window.table
    table.setFocus()
    table.selectionModel().setCurrentIndex(
        window.proxy.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert current_index(window) == 2
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert current_index(window) == 7
    qtbot.keyClick(table, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert current_index(window) == 2

    qtbot.keyClick(table, Qt.Key.Key_Return)  # accept the uncertain "country": the user's call
    row2 = window.model.row(2)
    assert row2.override == "Country" and current_index(window) == 3
    assert window.detail.path == window.model.row(3).path
    qtbot.keyClick(table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert window.model.row(3).accepted and current_index(window) == 4
    qtbot.keyClick(table, Qt.Key.Key_6)  # the sixth genre
    assert window.model.row(4).override == "Jazz" and current_index(window) == 5
    qtbot.keyClick(table, Qt.Key.Key_0)  # the tenth
    assert window.model.row(5).override == "Rock"
    # accepted by hand, row 2 no longer needs review: N from the top skips it
    table.selectionModel().setCurrentIndex(
        window.proxy.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert current_index(window) == 7
    assert window.batch.counts().decided == 4

    window.search.setFocus()
    qtbot.keyClicks(window.search, "N1")
    assert window.search.text() == "N1"
    assert window.batch.counts().decided == 4 and current_index(window) == 7


def test_the_album_tree(qtbot, window, music):
    """Albums with their consensus genre, collapsible, beside the flat table; choosing a track
    or an album there selects it for the detail pane and for decisions."""
    scan(qtbot, window, music)
    tree, model = window.tree, window.tree_model
    with qtbot.waitSignal(model.rebuilt, timeout=10000):  # grouped in a worker
        window.views.setCurrentIndex(1)
    assert model.rowCount() >= 1
    albums = {model.index(i, 0).data(): i for i in range(model.rowCount())}
    # the two tagged FLACs form "Test Band — Album"; untagged files group by their folder
    assert "Test Band — Album" in albums
    tagged = model.index(albums["Test Band — Album"], 0)
    assert model.rowCount(tagged) == 2
    verdict = next(a for a, _ in window.batch.albums() if a.title == "Album")
    assert verdict.classified == 2 and verdict.genre
    album_row = albums["Test Band — Album"]
    assert f"{model.index(album_row, 1).data()} {model.index(album_row, 2).data()}" == genre_label(
        verdict.genre, verdict.confidence, window.batch.names
    )
    names = {model.index(r, 0, tagged).data() for r in range(model.rowCount(tagged))}
    assert names == {"01 track.flac", "04 track.flac"}  # whole file names
    tree.expand(tagged)
    assert tree.isExpanded(tagged)
    track = model.index(1, 0, tagged)
    tree.setCurrentIndex(track)
    assert window.detail.path.endswith("04 track.flac")
    assert window.current_row().path.endswith("04 track.flac")
    # a rebuild (a decision changes the rows) keeps the album open and the track current
    with qtbot.waitSignal(model.rebuilt, timeout=10000):
        window.accept_above(0.0)
    tagged = model.index(albums["Test Band — Album"], 0)
    assert tree.isExpanded(tagged) and tree.current_path().endswith("04 track.flac")
    # choosing the album selects all its tracks: one key sets them all
    tree.setCurrentIndex(tagged)
    assert sorted(
        r.rsplit("/", 1)[1]
        for r in (window.model.row(i).path for i in window.selected_source_rows())
    ) == ["01 track.flac", "04 track.flac"]
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_2)
    assert [window.model.row(i).override for i in window.selected_source_rows()] == [
        "Classical",
        "Classical",
    ]
    tree.collapse(tagged)
    assert not tree.isExpanded(tagged)


def test_file_names_are_not_cut_short(qtbot, window):
    window.model.add_rows(review_rows())
    name = window.model.row(0).file_name
    assert len(name) > 40
    fm = window.table.fontMetrics()
    assert window.table.columnWidth(0) >= fm.horizontalAdvance(name[:24])  # was 12


def test_detail_pane_shows_friendly_tags_old_and_new(qtbot, window, music):
    scan(qtbot, window, music)
    path = str(next(music.rglob("01 track.flac")))
    i = window.batch.position(path)
    window.table.setCurrentIndex(window.proxy.mapFromSource(window.model.index(i, 0)))
    qtbot.waitUntil(
        lambda: any(n == "Album" for n, _, _ in window.detail.tag_rows()), timeout=10000
    )
    rows = {n: (now, after) for n, now, after in window.detail.tag_rows()}
    assert rows["Title"] == ("Song 1", "Song 1") and rows["Artist"] == ("Test Band", "Test Band")
    assert not any(n in rows for n in ("TITLE", "title", "ALBUM"))
    window.set_override([i], "Jazz")
    rows = {n: (now, after) for n, now, after in window.detail.tag_rows()}
    assert rows["Genre"] == ("", "Jazz")
    names = [n for n, _, _ in window.detail.tag_rows()]
    assert names[0] == "Genre"  # the one tag a write changes comes first (issue 25)
    assert window.detail.tags.item(0, 2).font().bold()
    assert not window.detail.tags.item(names.index("Title"), 2).font().bold()


def test_the_album_tree_of_a_large_library_is_grouped_off_the_gui_thread(qtbot, window):
    from tests.gui.test_track_model import make_rows

    window.model.add_rows(make_rows(50_000))
    counts = window.batch.counts()  # what every status-bar update reads
    window.refresh_review()
    assert counts.tracks == 50_000 and counts.failed == 1
    rebuilt = []
    window.tree_model.rebuilt.connect(lambda *_: rebuilt.append(True))
    window.views.setCurrentIndex(1)
    # grouped on the GUI thread, the tree would be rebuilt before the switch returned
    assert not rebuilt
    qtbot.waitUntil(lambda: bool(rebuilt), timeout=120_000)
    assert window.tree_model.rowCount() == len(window.batch.albums())
