"""The window's actions, toolbar and menus, built onto the window (act_*, *_menu), so the
window module keeps to layout and wiring. Keyboard review's keys are read by ReviewKeys on the
views; the Review menu shows them and works with the mouse.

`WindowActions` is a mixin of the main window: this module never imports the window's (one
direction only), and the window's slots are its own methods."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDoubleSpinBox, QMainWindow, QToolBar, QToolButton

from mgc_desktop.gui.i18n import Context
from mgc_desktop.gui.review_keys import GENRE_KEYS

Actions = Context("Actions")


def _action(w: QMainWindow, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
    act = QAction(text, w)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip_text = tip or text.replace("&", "").rstrip("…")
    act.setToolTip(
        Actions.tr("{tip} ({keys})").format(tip=tip_text, keys=keys) if keys else tip_text
    )
    act.setStatusTip(tip or text.replace("&", ""))
    act.triggered.connect(lambda *_: slot())
    w.addAction(act)
    return act


class WindowActions:
    """Builds the main window's actions and menus onto it (mixed into MainWindow)."""

    def build_actions(self) -> None:
        """Every QAction as an attribute of the window (act_*), and the threshold box."""
        _build_actions(self)

    def build_menus(self) -> None:
        """The toolbar and the menus (file_menu, edit_menu, review_menu, view_menu,
        help_menu: new features add their entries there)."""
        _build_menus(self)


def _build_actions(w: Any) -> None:
    k = QKeySequence.StandardKey
    a = functools.partial(_action, w)
    w.act_open = a(
        Actions.tr("&Open folder…"), w.choose_folder, k.Open, Actions.tr("Choose the music folder")
    )
    w.act_scan = a(
        Actions.tr("&Scan"),
        w.start_scan,
        "F5",
        Actions.tr("Scan the folder and classify new or changed files"),
    )
    w.act_stop = a(
        Actions.tr("S&top"),
        w.stop_work,
        "Ctrl+.",
        Actions.tr("Stop the scan or the tag write; everything finished so far is kept"),
    )
    w.act_retry = a(
        Actions.tr("&Retry failed files"),
        w.retry_failed,
        None,
        Actions.tr(
            "Scan again, trying again the files that failed before (classifying them, or "
            "reading tags that hung the reader)"
        ),
    )
    w.act_accept = a(
        Actions.tr("&Accept above"),
        w.accept_above,
        "Ctrl+Shift+A",
        Actions.tr("Accept every prediction at or above the threshold (the box beside it)"),
    )
    w.act_override = a(
        Actions.tr("Set &genre…"),
        w.ask_override,
        "Ctrl+G",
        Actions.tr("Set the genre of the selected tracks"),
    )
    w.act_clear = a(
        Actions.tr("&Clear choice"),
        w.clear_choice,
        "Ctrl+Backspace",
        Actions.tr("Forget overrides and acceptances of the selected tracks"),
    )
    w.act_write = a(
        Actions.tr("&Write tags…"),
        w.write_tags,
        "Ctrl+T",
        Actions.tr(
            "Preview, then write the genre tags counted as 'to write' in the status bar (accepted "
            "tracks and genres you set)"
        ),
    )
    w.act_undo = a(
        Actions.tr("&Undo last batch"),
        w.undo_last,
        k.Undo,
        Actions.tr("Restore the genres the last batch replaced"),
    )
    w.act_history = a(
        Actions.tr("&History…"),
        w.show_history,
        "Ctrl+H",
        Actions.tr("All tag batches; undo any of them"),
    )
    w.act_settings = a(
        Actions.tr("Se&ttings…"),
        w.show_settings,
        k.Preferences,
        Actions.tr("Policy, threshold, names, model"),
    )
    if not w.act_settings.shortcut().toString():
        w.act_settings.setShortcut(QKeySequence("Ctrl+,"))
    w.act_about = a(
        Actions.tr("&About"), w.show_about, "F1", Actions.tr("Version and the model card")
    )
    w.act_live = a(
        Actions.tr("&Live"),
        w.toggle_live,
        "Ctrl+L",
        Actions.tr("Classify what the microphone hears"),
    )
    w.act_errors = w.errors_dock.toggleViewAction()
    w.act_errors.setShortcut(QKeySequence("Ctrl+E"))
    w.act_quit = a(Actions.tr("&Quit"), w.close, k.Quit)
    w.act_search = a(Actions.tr("Find"), w._focus_search, k.Find)
    # Keyboard review: the keys themselves are read by ReviewKeys on the views; the menu
    # entries show them ("\t" puts the key on the right) and work with the mouse.
    w.act_next = a(
        Actions.tr("&Next to review\tN"),
        lambda: w.step_review(1),
        None,
        Actions.tr("Next uncertain track (N)"),
    )
    w.act_prev = a(
        Actions.tr("&Previous to review\tShift+N"),
        lambda: w.step_review(-1),
        None,
        Actions.tr("Previous uncertain track (Shift+N)"),
    )
    w.act_accept_one = a(
        Actions.tr("Accept &this genre\tEnter"),
        w.accept_current,
        None,
        Actions.tr("Take the model's genre for the selected tracks and go on (Enter)"),
    )
    QShortcut(
        QKeySequence("Space"),
        w.table,
        w.toggle_play,
        context=Qt.ShortcutContext.WidgetShortcut,
    )

    # The one threshold (Settings shows the same): changing it here changes which tracks are
    # uncertain, what Accept takes and what a write writes.
    w.accept_spin = QDoubleSpinBox()
    w.accept_spin.setRange(0.0, 1.0)
    w.accept_spin.setSingleStep(0.05)
    w.accept_spin.setDecimals(3)  # the model's own (0.667) shows exactly
    w.accept_spin.setValue(w.threshold())
    w.accept_spin.setPrefix(Actions.tr("≥ "))
    w.accept_spin.setKeyboardTracking(False)  # typing "0.7" is one change, not three
    w.accept_spin.setToolTip(
        Actions.tr(
            "The threshold: predictions at or above it are certain (Accept takes them, a write "
            "writes them); below it they are uncertain. The same value as in Settings."
        )
    )
    w.accept_spin.valueChanged.connect(w.set_threshold)


def _build_menus(w: Any) -> None:
    bar = QToolBar(Actions.tr("Main"))
    bar.setObjectName("main-toolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for a in (w.act_open, w.act_scan, w.act_stop):
        bar.addAction(a)
    bar.addSeparator()
    bar.addAction(w.act_accept)
    bar.addWidget(w.accept_spin)
    bar.addAction(w.act_override)
    bar.addSeparator()
    for a in (w.act_write, w.act_undo, w.act_history):
        bar.addAction(a)
    bar.addSeparator()
    bar.addAction(w.act_live)
    w.addToolBar(bar)

    menu = w.menuBar()
    w.file_menu = m = menu.addMenu(Actions.tr("&File"))
    for a in (w.act_open, w.act_scan, w.act_stop, w.act_retry):
        m.addAction(a)
    m.addSeparator()
    m.addAction(w.act_quit)
    w.edit_menu = m = menu.addMenu(Actions.tr("&Edit"))
    for a in (w.act_search, w.act_accept, w.act_override, w.act_clear):
        m.addAction(a)
    m.addSeparator()
    for a in (w.act_write, w.act_undo, w.act_history):
        m.addAction(a)
    m.addSeparator()
    m.addAction(w.act_settings)
    w.review_menu = m = menu.addMenu(Actions.tr("&Review"))
    for a in (w.act_next, w.act_prev, w.act_accept_one):
        m.addAction(a)
    w.genre_menu = m.addMenu(Actions.tr("Set genre &to"))
    w.genre_menu.aboutToShow.connect(lambda: _fill_genre_menu(w))
    w.view_menu = m = menu.addMenu(Actions.tr("&View"))
    m.addAction(w.act_errors)
    m.addAction(w.act_live)
    w.help_menu = m = menu.addMenu(Actions.tr("&Help"))
    m.addAction(w.act_about)

    # Stop beside the progress bar too: whatever runs long can be stopped where it shows.
    w.stop_button = QToolButton()
    w.stop_button.setDefaultAction(w.act_stop)
    w.stop_button.hide()
    w.statusBar().addPermanentWidget(w.stop_button)


def _fill_genre_menu(w: Any) -> None:
    w.genre_menu.clear()
    for i, name in enumerate(w.genre_choices_shown()):
        key = GENRE_KEYS[i] if i < len(GENRE_KEYS) else ""
        act = w.genre_menu.addAction(f"{name}\t{key}" if key else name)
        act.triggered.connect(lambda *_, n=i: w.set_genre_by_number(n))
