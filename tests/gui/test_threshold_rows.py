"""The threshold the user sets decides which predictions are uncertain in the window, as
`tag --min-confidence` does on the command line: the table, the counts, "accept" and the
written plan all follow it; without one, the threshold of the genres shown (the model's own,
or the learned genres') gives each prediction the verdict it was classified with."""

from __future__ import annotations

from mgc_desktop.gui.review import CLASSIFIED, UNCERTAIN, ReviewBatch, TrackRow
from mgc_desktop.tags import read_genres
from tests.gui.conftest import MODEL_THRESHOLD
from tests.gui.test_long_work import good_files, open_preview


def predicted(path: str, confidence: float, uncertain: bool) -> TrackRow:
    """A row as a scan leaves it (the model's verdict under its own threshold)."""
    return TrackRow(path, genre="jazz", confidence=confidence, probabilities={"jazz": confidence},
                    uncertain=uncertain,
                    status=UNCERTAIN if uncertain else CLASSIFIED)


def test_the_users_threshold_decides_and_the_models_gives_back_its_verdict() -> None:
    batch = ReviewBatch()
    fresh, _ = batch.add_rows([predicted("a.flac", 0.6, True), predicted("b.flac", 0.9, False)])
    batch.append(fresh)
    assert batch.counts().uncertain == 1
    assert batch.set_threshold(0.5) == [0]  # 0.6 is sure enough for this user
    assert batch.row(0).status == CLASSIFIED and not batch.row(0).uncertain
    assert batch.set_threshold(0.95) == [0, 1]
    assert batch.counts().uncertain == 2
    assert batch.set_threshold(MODEL_THRESHOLD) == [1]  # back to the model's own verdicts
    assert [r.uncertain for r in batch.rows()] == [True, False]
    # a row that arrives later (a scan still running) is judged by the threshold in force
    batch.set_threshold(0.5)
    fresh, _ = batch.add_rows([predicted("c.flac", 0.55, True)])
    assert not fresh[0].uncertain


def test_a_lower_threshold_lets_the_window_write_a_prediction_the_model_called_uncertain(
    qtbot, strict_model, music
):
    from mgc_desktop.gui.main_window import MainWindow
    from mgc_desktop.gui.settings import Preferences

    window = MainWindow(model_path=str(strict_model), prefs=Preferences(workers=1))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.card is not None, timeout=20000)
    assert window.threshold() == MODEL_THRESHOLD  # the model's: 0.6 is uncertain under it
    paths = good_files(music)[:2]
    rows = [predicted(paths[0], 0.6, True), predicted(paths[1], 0.3, True)]
    window.model.add_rows(rows)
    window.refresh_review()
    assert window.batch.accept_rows([0, 1]) == [0, 1]
    assert all(r.override == "Jazz" for r in window.batch.rows())  # uncertain: made manual
    for r in window.batch.rows():
        r.override = None
    window.prefs.threshold = 0.5
    window.apply_preferences(window.prefs)
    assert [r.uncertain for r in window.batch.rows()] == [False, True]
    window.batch.accept_above(0.0)
    assert [r.accepted for r in window.batch.rows()] == [True, False]
    dialog = open_preview(qtbot, window)
    assert [(i.path, i.action) for i in dialog.plan] == [(paths[0], "write")]
    with qtbot.waitSignal(window.write_finished, timeout=30000):
        dialog.write_button.click()
    assert read_genres(paths[0]) == ["Jazz"] and read_genres(paths[1]) != ["Jazz"]
    window.close()
