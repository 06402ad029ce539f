"""The window with its own-genres feature: scan a tagged library, "Learn my genres" shows the
report as a table, the table switches to the owner's genre names, "Similar tracks" lists the
nearest tracks for the selection; Forget goes back to the built-in genres."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from mgc_desktop.personal.model import model_file  # noqa: E402
from mgc_desktop.tags import read_genres  # noqa: E402
from tests.conftest import music_signal, write_audio  # noqa: E402
from tests.vocabulary.conftest import LIBRARY  # noqa: E402

USER_GENRES = {"Electronic", "Jazz", "ambient"}
TIMEOUT_MS = 120_000


@pytest.fixture
def window(qtbot, embedding_models):
    from mgc_desktop.gui.app import create_app
    from mgc_desktop.gui.main_window import MainWindow
    from mgc_desktop.gui.settings import Preferences

    create_app([])
    prefs = Preferences(workers=1)
    prefs.save()
    win = MainWindow(model_path=str(embedding_models["base-a"]), prefs=prefs)

    # Before pytest-qt closes it, let background work end: the detail pane's pending timer and
    # its tasks (a spectrogram can take seconds on a busy machine). Closing gives running tasks
    # 5 s, and a detail timer that fires after the close starts one more that nobody waits for.
    def idle(w) -> bool:
        return not w._detail_timer.isActive() and not w.host.busy()

    qtbot.addWidget(
        win, before_close_func=lambda w: qtbot.waitUntil(lambda: idle(w), timeout=TIMEOUT_MS)
    )
    win.show()
    qtbot.waitExposed(win)
    return win


def _feature(window):
    from mgc_desktop.gui.vocabulary_feature import VocabularyFeature

    feature = getattr(window, "vocabulary", None)
    return feature if isinstance(feature, VocabularyFeature) else VocabularyFeature(window)


def test_learn_switch_similar_forget(qtbot, window, tagged_library):
    feature = _feature(window)
    assert not feature.act_personal.isEnabled()  # nothing learned yet
    with qtbot.waitSignal(window.scan_finished, timeout=TIMEOUT_MS):
        window.set_folder(str(tagged_library), scan=True)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(LIBRARY), timeout=10_000)
    builtin = {r.genre for r in window.model.rows()}
    assert not builtin & USER_GENRES

    dialog = feature.show_dialog()
    dialog.learn_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT_MS)
    assert {row[0] for row in dialog.table_rows()} == USER_GENRES
    assert "House" in dialog.left_out.text() and model_file().is_file()

    # The table now speaks the owner's genres, spelled as they spell them.
    qtbot.waitUntil(lambda: feature.personal is not None, timeout=TIMEOUT_MS)
    assert feature.act_personal.isChecked()
    qtbot.waitUntil(
        lambda: {r.genre for r in window.model.rows()} <= USER_GENRES, timeout=TIMEOUT_MS
    )
    assert window.batch.names["ambient"] == "ambient"

    # Writing: the untagged tracks get the owner's names, exactly spelled; tagged ones are kept.
    before = {r.path: read_genres(r.path) for r in window.model.rows()}
    assert window.accept_above(0.5) >= 1
    window.write_tags()
    preview = window.preview
    qtbot.waitUntil(lambda: preview.write_button.isEnabled(), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(window.write_finished, timeout=TIMEOUT_MS) as done:
        preview.write_button.click()
    assert done.args[0].failed == 0 and done.args[0].written >= 1
    for r in window.model.rows():
        now = read_genres(r.path)
        if before[r.path]:
            assert now == before[r.path]  # the owner's own tags are never overwritten
        elif now:
            assert len(now) == 1 and now[0] in USER_GENRES and now[0] == r.genre
    with qtbot.waitSignal(window.undo_finished, timeout=TIMEOUT_MS):
        window.undo_batch(None)  # the last batch (the menu item asks first)
    assert all(read_genres(p) == g for p, g in before.items())

    # Similar tracks for the selected one.
    target = next(r.path for r in window.model.rows() if r.file_name.startswith("e0."))
    window.select_paths([target])
    qtbot.waitUntil(
        lambda: feature.similar.path == target and len(feature.similar.results) == 10,
        timeout=TIMEOUT_MS,
    )
    assert target not in {p for p, _ in feature.similar.results}
    scores = [s for _, s in feature.similar.results]
    assert scores == sorted(scores, reverse=True)

    # Switch off: the built-in genres come back; on again: the owner's.
    feature.act_personal.setChecked(False)
    qtbot.waitUntil(lambda: feature.personal is None, timeout=TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: not {r.genre for r in window.model.rows()} & USER_GENRES, timeout=TIMEOUT_MS
    )
    feature.act_personal.setChecked(True)
    qtbot.waitUntil(lambda: feature.personal is not None, timeout=TIMEOUT_MS)

    dialog.forget_button.click()
    qtbot.waitUntil(lambda: not feature.act_personal.isEnabled(), timeout=TIMEOUT_MS)
    assert not model_file().exists() and "Forgot" in dialog.summary.text()
    qtbot.waitUntil(
        lambda: not {r.genre for r in window.model.rows()} & USER_GENRES, timeout=TIMEOUT_MS
    )


def test_learning_nothing_says_why(qtbot, window, tmp_path):
    folder = tmp_path / "plain"
    write_audio("flac", folder / "a", music_signal(2.0, 22050), 22050)
    feature = _feature(window)
    with qtbot.waitSignal(window.scan_finished, timeout=TIMEOUT_MS):
        window.set_folder(str(folder), scan=True)
    dialog = feature.show_dialog()
    dialog.learn_button.click()
    qtbot.waitUntil(lambda: "Nothing learned" in dialog.summary.text(), timeout=TIMEOUT_MS)
    assert "carries a genre tag" in dialog.summary.text()
    assert not feature.act_personal.isEnabled()
