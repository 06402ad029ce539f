"""Charts, dialogs, settings, the live panel and start-up, each on its own."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtGui import QColor, QPalette

from mgc_desktop.gui.settings import Preferences


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#121212"),
        (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.Highlight, "#3d7bd9"),
    ):
        pal.setColor(role, QColor(colour))
    return pal


def test_charts_follow_the_palette(qtbot):
    from mgc_desktop.gui.widgets import GenreTimeline, LevelMeter, ProbabilityBars, SpectrogramView

    bars, spec, meter, timeline = (
        ProbabilityBars(),
        SpectrogramView(),
        LevelMeter(),
        GenreTimeline(),
    )
    for w in (bars, spec, meter, timeline):
        qtbot.addWidget(w)
        w.resize(300, 160)
    bars.set_probabilities({"jazz": 0.7, "rock": 0.2, "pop": 0.1})
    assert [c for c, _ in bars.probabilities()] == ["jazz", "rock", "pop"]
    bars.set_probabilities({"jazz": 0.3, "rock": 0.1})  # the model says: probably neither
    assert bars.probabilities()[-1] == ("None of these", pytest.approx(0.6))
    bars.set_probabilities({"jazz": 0.7, "rock": 0.2, "pop": 0.1})
    rng = np.random.default_rng(0)
    spec.set_windows(rng.normal(-40, 10, (3, 96, 200)).astype(np.float32), ["a", "b", "c"])
    meter.set_level(-12.0)
    timeline.set_classes(["jazz", "rock"])
    timeline.add({"jazz": 0.6, "rock": 0.4})
    light = spec.grab().toImage()
    spec.setPalette(dark_palette())  # a theme switch re-renders the spectrogram
    dark = spec.grab().toImage()
    assert light.pixelColor(150, 100) != dark.pixelColor(150, 100)
    for w in (bars, meter, timeline):
        assert not w.grab().isNull()


def test_preferences_roundtrip_in_isolated_ini(qapp):
    prefs = Preferences(
        policy="append",
        top_k=2,
        threshold=0.7,
        workers=3,
        genre_names={"hiphop": "Hip Hop"},
        last_folder="/music",
    )
    prefs.save()
    ini = os.path.join(os.environ["MGC_DESKTOP_DATA_DIR"], "settings.ini")
    assert os.path.isfile(ini)
    assert Preferences.load() == prefs


def test_settings_rejects_an_invalid_model_with_the_reason(qtbot, window, tmp_path):
    from mgc_desktop.gui.dialogs.settings import SettingsDialog

    bogus = tmp_path / "not_a_model.onnx"
    bogus.write_bytes(b"this is not an onnx file")
    window.show_settings()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.model_path.setText(str(bogus))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "cannot be used" in dialog.status.text(), timeout=20000)
    assert "not_a_model.onnx" in dialog.status.text()
    assert dialog.isVisible()  # refused: still open
    assert window.prefs.model_path == ""


def test_settings_accepts_a_valid_model_and_names(qtbot, window, gui_model):
    window.show_settings()
    dialog = window.settings_dialog
    dialog.names.item(4, 1).setText("Rap")  # hiphop
    dialog.threshold.setValue(0.8)
    copy = gui_model.parent / "copy.onnx"
    copy.write_bytes(gui_model.read_bytes())
    dialog.model_path.setText(str(copy))
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.ok_button.click()
    assert window.prefs.model_path == str(copy) and window.prefs.threshold == 0.8
    assert window.model.names == {"hiphop": "Rap"}
    assert Preferences.load().genre_names == {"hiphop": "Rap"}


def test_about_shows_the_model_card(qtbot, window):
    window.show_about()
    dialog = window.about_dialog
    qtbot.waitUntil(lambda: "gui-test" in dialog.card_label.text(), timeout=20000)
    text = dialog.card_label.text()
    assert "81.2%" in text and "2026-11-20" in text


def test_history_lists_batches_and_undoes_one(qtbot, window, music):
    from mgc_desktop.tags import apply_plan, plan_manual, read_genres

    path = str(next(music.rglob("01 track.flac")))
    before = read_genres(path)
    result = apply_plan(plan_manual([path], ["Polka"]))
    assert result.written == 1 and read_genres(path) == ["Polka"]
    window.show_history()
    dialog = window.history
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    dialog.table.selectRow(0)
    assert dialog.undo_button.isEnabled()
    with qtbot.waitSignal(window.undo_finished, timeout=20000):
        dialog.undo_button.click()
    assert read_genres(path) == before
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10000)


def test_stop_keeps_what_is_done(qtbot, window, music):
    with qtbot.waitSignal(window.scan_finished, timeout=120_000) as blocker:
        window.set_folder(str(music), scan=True)
        qtbot.waitUntil(
            lambda: any(r.genre for r in window.model.rows()) or window.scan_worker is None,
            timeout=120_000,
        )
        window.stop_scan()
    qtbot.waitUntil(lambda: not window._pending_rows, timeout=5000)
    report = blocker.args[0]
    assert report is not None
    done = [r for r in window.model.rows() if r.genre]
    assert done and len(done) == report.classified
    assert not window.act_stop.isEnabled() and window.act_scan.isEnabled()


def test_live_panel_shows_updates_and_device_errors(qtbot, window):
    from mgc_desktop.gui.screenshots import live_updates

    window.toggle_live()
    panel = window.live_panel
    assert panel is not None and window.live_dock.isVisible()
    classes = (
        "blues",
        "classical",
        "country",
        "disco",
        "hiphop",
        "jazz",
        "metal",
        "pop",
        "reggae",
        "rock",
    )
    panel.timeline.set_classes(classes)
    for update in live_updates(classes, 50):
        panel.show_update(update)
    assert panel.timeline.count() == 50
    assert "%" in panel.genre.text() or "no music" in panel.genre.text()
    panel.device.addItem("nonexistent", 9999)
    panel.device.setCurrentIndex(panel.device.count() - 1)
    panel.start()
    qtbot.waitUntil(lambda: panel.start_button.isEnabled(), timeout=30000)
    assert not panel.listening()
    assert panel.message.text()  # the LiveError's reason


@pytest.mark.timeout(120)
def test_exit_after_show_reports_launch_time(tmp_path, gui_model):
    env = dict(os.environ, MGC_DESKTOP_EXIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "mgc_desktop", "--model", str(gui_model)],
        env=env,
        capture_output=True,
        text=True,
        timeout=100,
    )
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"window shown after (\d+\.\d{3}) s", proc.stderr)
    assert m and 0 < float(m.group(1)) < 60
