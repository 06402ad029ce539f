"""`mgc-desktop FOLDER` (and a file manager's "Open with" through the .desktop entry's %F)
opens the window on that folder, a file on its own folder (issue 14.2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mgc_desktop.gui.app import create_app, open_window
from mgc_desktop.gui.settings import Preferences

REPO = Path(__file__).resolve().parents[2]


def test_the_window_opens_on_the_folder_and_shows_its_music(qtbot, gui_model, music) -> None:
    create_app([], language="en")  # the tests read English text, whatever LANG says
    album = music / "Album"
    window = open_window(str(gui_model), str(album))
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.folder == str(album)
    assert window.folder_label.text() == str(album)
    qtbot.waitUntil(lambda: not window.scanning() and window.model.rowCount() == 6, timeout=120_000)
    assert {r.file_name for r in window.model.rows()} == {
        "01 track.flac", "02 track.mp3", "03 track.ogg", "04 track.flac", "05 track.mp3",
        "broken.mp3",
    }  # fmt: skip
    assert Preferences.load().last_folder == str(album)  # and it is remembered
    window.close()


def test_the_command_line_opens_the_window_on_a_files_folder(gui_model, music) -> None:
    """The real entry point in a fresh process, as the desktop runs it: `mgc-desktop FILE`."""
    song = music / "Album" / "02 track.mp3"
    env = dict(os.environ, PYTHONPATH=str(REPO), MGC_DESKTOP_EXIT_AFTER_SHOW="1")
    result = subprocess.run(
        [sys.executable, "-m", "mgc_desktop", "--model", str(gui_model), str(song)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "window shown after" in result.stderr
    assert Preferences.load().last_folder == str(song.parent)


def test_a_missing_path_fails_without_a_window(tmp_path) -> None:
    """Exit 1, as classify, tag and scan give for a missing file (issue 25.6)."""
    env = dict(os.environ, PYTHONPATH=str(REPO), MGC_DESKTOP_EXIT_AFTER_SHOW="1")
    missing = tmp_path / "no such album"
    result = subprocess.run(
        [sys.executable, "-m", "mgc_desktop", str(missing)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == f"mgc-desktop: cannot open {missing}: no such file or folder"
    assert Preferences.load().last_folder == ""
