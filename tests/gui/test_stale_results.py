"""No action is applied to something other than what the user sees: the preview writes only
the plan made with the settings it shows, a folder's table never receives another folder's
rows, a live listener that opens after Stop is stopped, and the threshold shown is the one
that applies (the model's own unless the user set one)."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from mgc_desktop.gui.settings import Preferences, open_settings
from mgc_desktop.tags import apply_plan, plan_manual, read_genres
from tests.gui.conftest import MODEL_THRESHOLD
from tests.gui.test_long_work import good_files, open_preview, show_rows

# --- the preview ---------------------------------------------------------------------------


def test_preview_writes_only_the_plan_of_the_settings_shown(qtbot, window, music):
    paths = good_files(music)
    apply_plan(plan_manual(paths, ["Jazz"]))
    show_rows(window, paths)
    window.set_override(list(range(len(paths))), "Rock")
    dialog = open_preview(qtbot, window)
    assert {i.new for i in dialog.plan} == {("Rock",)}  # fill: a manual genre replaces
    dialog.policy.setCurrentIndex(dialog.policy.findData("append"))
    assert not dialog.write_button.isEnabled()  # the plan shown is for "fill"
    QTest.keyClick(dialog.policy, Qt.Key.Key_Return)  # Enter before the new plan is in
    assert dialog.isVisible() and not window.tag_flow.busy
    qtbot.waitUntil(dialog.write_button.isEnabled, timeout=20000)
    assert {i.new for i in dialog.plan} == {("Jazz", "Rock")}
    with qtbot.waitSignal(window.write_finished, timeout=30000):
        dialog.write_button.click()
    assert all(read_genres(p) == ["Jazz", "Rock"] for p in paths)


def test_a_late_plan_for_older_settings_is_dropped(qtbot):
    from mgc_desktop.gui.dialogs.preview import PreviewDialog

    dialog = PreviewDialog("fill", 0.5)
    qtbot.addWidget(dialog)
    requests = []
    dialog.replan_requested.connect(requests.append)
    dialog.request_plan()
    dialog.threshold.setValue(0.8)
    dialog.request_plan()  # what the debounce timer does a moment after the change
    old, new = requests
    assert (old.threshold, new.threshold) == (0.5, 0.8)

    def item(name: str) -> SimpleNamespace:
        return SimpleNamespace(path=name, action="write", old=(), new=("Rock",), reason="")

    assert not dialog.set_plan([item("late.flac")], old)  # the slow answer to the first
    assert dialog.plan == [] and not dialog.write_button.isEnabled()
    assert dialog.set_plan([item("now.flac")], new) and dialog.write_button.isEnabled()
    dialog.policy.setCurrentIndex(dialog.policy.findData("append"))
    dialog.accept()  # refused: the plan shown was made for "fill"
    assert dialog.result() != QDialog.DialogCode.Accepted


# --- switching folders -------------------------------------------------------------------


def test_rows_restated_for_the_previous_folder_are_dropped(
    qtbot, window, music, tmp_path, gui_model
):
    from mgc_desktop.library.index import Library
    from mgc_desktop.library.scanner import scan

    with Library() as lib:
        scan([str(music)], lib, str(gui_model), classify=False)  # indexed, not classified
    window.set_folder(str(music))
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=20000)
    other = tmp_path / "other"
    other.mkdir()
    window.vocabulary._restate()  # what "Answer in my genres" or a scan's end starts
    window.set_folder(str(other))  # the user opens another folder meanwhile
    qtbot.waitUntil(lambda: not window.host.busy(), timeout=20000)
    qtbot.wait(50)  # deliver the last results
    assert window.folder_label.text() == str(other)
    assert window.model.rowCount() == 0


# --- live ----------------------------------------------------------------------------------


@pytest.fixture
def slow_listener(monkeypatch):
    """live.listener.Listener whose opening waits for `release`; notes starts and stops."""
    import mgc_desktop.live.listener as listener_module

    state = SimpleNamespace(started=[], stopped=[], release=threading.Event())

    class SlowListener:
        def __init__(self, model_path, device=None, on_update=None, on_error=None, **_):
            self.card = SimpleNamespace(classes=("blues", "rock"))
            self.note = ""

        def start(self) -> None:
            state.release.wait(10)
            state.started.append(self)

        def stop(self, timeout: float = 5.0) -> None:
            state.stopped.append(self)

        def level_dbfs(self) -> float:
            return -30.0

    monkeypatch.setattr(listener_module, "Listener", SlowListener)
    return state


def test_hiding_live_while_the_input_opens_stops_the_listener(qtbot, window, slow_listener):
    window.toggle_live()
    panel = window.live_panel
    panel.start_button.click()
    window.toggle_live()  # Ctrl+L hides the panel while "Opening the input…"
    window.toggle_live()  # ... and shows it again
    assert not panel.start_button.isEnabled()  # no second listener while the first opens
    slow_listener.release.set()
    qtbot.waitUntil(panel.start_button.isEnabled, timeout=10000)
    qtbot.waitUntil(lambda: len(slow_listener.stopped) == 1, timeout=5000)
    assert slow_listener.stopped == slow_listener.started and not panel.listening()
    assert panel.start_button.text() == "Start listening"


def test_closing_the_window_while_the_input_opens_stops_the_listener(
    qtbot, window, slow_listener
):
    window.toggle_live()
    window.live_panel.start_button.click()
    threading.Timer(0.5, slow_listener.release.set).start()
    window.close()  # waits for the opening, which ends after the close began
    assert len(slow_listener.started) == 1
    assert slow_listener.stopped == slow_listener.started


# --- the threshold -----------------------------------------------------------------------


def test_a_threshold_saved_by_earlier_versions_counts_only_if_chosen(qapp):
    assert Preferences().threshold is None
    store = open_settings()
    store.setValue("tags/threshold", 0.5)  # every earlier version saved its default
    assert Preferences.load().threshold is None
    store.setValue("tags/threshold", 0.72)  # one the user chose
    assert Preferences.load().threshold == 0.72


def accept_settings(qtbot, window, threshold: float | None = None, model_default=False):
    window.show_settings()
    dialog = window.settings_dialog
    shown = dialog.threshold.value()
    if threshold is not None:
        dialog.threshold.setValue(threshold)
    if model_default:
        dialog.default_threshold_button.click()
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.ok_button.click()
    return shown


def test_the_threshold_is_the_models_unless_the_user_sets_one(
    qtbot, strict_model, music, monkeypatch
):
    import mgc_desktop.gui.tag_flow as tag_flow
    from mgc_desktop.gui.main_window import MainWindow

    asked: list[float] = []
    real_plan_job = tag_flow.plan_job

    def plan_job(rows, policy, threshold, *args):
        asked.append(threshold)
        return real_plan_job(rows, policy, threshold, *args)

    monkeypatch.setattr(tag_flow, "plan_job", plan_job)
    win = MainWindow(model_path=str(strict_model), prefs=Preferences(workers=1))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.card is not None, timeout=20000)
    assert win.threshold() == MODEL_THRESHOLD == win.batch.write_policy.threshold
    assert accept_settings(qtbot, win) == MODEL_THRESHOLD
    assert win.prefs.threshold is None  # left alone: it keeps following the model

    show_rows(win, good_files(music))
    win.set_override([0], "Rock")
    preview = open_preview(qtbot, win)
    assert preview.current_threshold() == MODEL_THRESHOLD == asked[-1]
    preview.reject()

    accept_settings(qtbot, win, 0.8)
    assert win.prefs.threshold == 0.8 == Preferences.load().threshold
    assert win.batch.write_policy.threshold == 0.8
    preview = open_preview(qtbot, win)
    assert preview.current_threshold() == 0.8 == asked[-1]
    preview.threshold.setValue(0.9)  # the preview's own choice reaches its plan too
    qtbot.waitUntil(lambda: asked[-1] == 0.9, timeout=5000)
    preview.reject()

    assert accept_settings(qtbot, win, model_default=True) == 0.8
    assert win.prefs.threshold is None and Preferences.load().threshold is None
    assert win.threshold() == MODEL_THRESHOLD
    win.close()
