"""The "Learn my genres" dialog and the "Similar tracks" section, as real Qt widgets."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from mgc_desktop.gui.dialogs.learn import LearnDialog  # noqa: E402
from mgc_desktop.gui.similar_panel import SimilarPanel  # noqa: E402
from mgc_desktop.personal.names import GenreCount, LeftOut  # noqa: E402
from mgc_desktop.personal.training import TrainingSet, learn  # noqa: E402


def _report() -> dict:
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((2, 8)) * 3
    y = np.repeat([0, 1], 12)
    x = (centres[y] + rng.standard_normal((24, 8))).astype(np.float32)
    base = np.tile([0.5, 0.3, 0.2], (24, 1)).astype(np.float32)  # two base genres + none
    training = TrainingSet(
        base_model_id="base",
        base_classes=("jazz", "rock"),
        paths=[f"/m/{i}.mp3" for i in range(24)],
        embeddings=x,
        base=base,
        labels=[[int(v)] for v in y],
        genres=[
            GenreCount("Electronic", 12, {"Electronic": 10, "electronic": 2}),
            GenreCount("R&B", 12, {"R&B": 12}),
        ],
        left_out=[LeftOut("Polka", 2, "2 tracks, fewer than --min-tracks 5")],
        counts={"indexed": 30, "tagged": 26, "untagged": 4, "no_embedding": 0,
                "unreadable_tags": 0, "used": 24, "only_left_out_genres": 2},
        problems=[],
        background_embeddings=np.zeros((0, 8), dtype=np.float32),
        background_base=np.zeros((0, 3), dtype=np.float32),
    )  # fmt: skip
    return learn(training).report


def test_learn_dialog_asks_then_shows_the_report_as_a_table(qtbot):
    dialog = LearnDialog("/home/me/Music")
    qtbot.addWidget(dialog)
    assert dialog.learn_button.isEnabled()
    with qtbot.waitSignal(dialog.learn_requested, timeout=1000):
        dialog.learn_button.click()
    assert not dialog.learn_button.isEnabled() and "Learning" in dialog.summary.text()

    report = _report()
    dialog.show_report(report)
    rows = dialog.table_rows()
    assert [r[:2] for r in rows] == [("Electronic", "12"), ("R&B", "12")]
    accuracy = {g["genre"]: g["cv_accuracy"] for g in report["genres"]}
    assert rows[0][2] == f"{accuracy['Electronic']['value']:.0%}"
    lo, hi = accuracy["Electronic"]["ci95"]
    assert rows[0][3] == f"{lo:.0%}-{hi:.0%}" and lo < accuracy["Electronic"]["value"] <= hi
    assert rows[0][4] == "" and rows[1][4] == ""  # 12 tracks each: trustworthy
    assert "'Electronic' ×10" in rows[0][5] and "'electronic' ×2" in rows[0][5]
    assert "Learned 2 genres from 24 tagged tracks" in dialog.summary.text()
    assert "of 24 tracks (95% interval" in dialog.summary.text()
    assert "held-out genres" in dialog.calibration.text()
    assert "Polka (2 tracks, fewer than --min-tracks 5)" in dialog.left_out.text()
    assert dialog.learn_button.isEnabled() and dialog.forget_button.isEnabled()

    with qtbot.waitSignal(dialog.forget_requested, timeout=1000):
        dialog.forget_button.click()
    dialog.show_forgotten(True)
    assert dialog.table.rowCount() == 0 and "built-in genres again" in dialog.summary.text()
    dialog.show_error("need at least two genres")
    assert dialog.summary.text() == "Nothing learned: need at least two genres"


def test_learn_dialog_says_which_genres_have_too_few_tracks(qtbot):
    report = _report()
    report["genres"][1] = {**report["genres"][1], "trustworthy": False}
    dialog = LearnDialog("/home/me/Music")
    qtbot.addWidget(dialog)
    dialog.show_report(report)
    rows = dialog.table_rows()
    assert rows[0][4] == "" and rows[1][4] == "too few tracks to trust"
    assert "Tag more tracks" in dialog.table.item(1, 4).toolTip()


def test_learn_dialog_without_a_folder_cannot_learn(qtbot):
    dialog = LearnDialog("")
    qtbot.addWidget(dialog)
    assert not dialog.learn_button.isEnabled()
    assert "Choose a music folder" in dialog.folder_label.text()


def test_similar_panel_lists_answers_for_the_current_track_only(qtbot):
    panel = SimilarPanel()
    qtbot.addWidget(panel)
    panel.show_searching("/m/a.mp3")
    assert "looking" in panel.status.text() and panel.table.rowCount() == 0
    panel.show_results("/m/other.mp3", [("/m/x.mp3", 0.5)])  # an older search: ignored
    assert panel.table.rowCount() == 0
    panel.show_results("/m/a.mp3", [("/m/b.flac", 0.9123), ("/m/c.ogg", 0.5)])
    assert panel.table.rowCount() == 2
    assert (panel.table.item(0, 0).text(), panel.table.item(0, 1).text()) == ("0.912", "b.flac")
    assert panel.table.item(1, 1).toolTip() == "/m/c.ogg"
    with qtbot.waitSignal(panel.track_activated, timeout=1000) as blocker:
        panel.table.cellDoubleClicked.emit(1, 1)
    assert blocker.args == ["/m/c.ogg"]
    panel.show_message("/m/a.mp3", "this track has no embedding")
    assert panel.table.rowCount() == 0 and panel.status.text() == "this track has no embedding"
