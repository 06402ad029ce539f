"""What makes a file "the same file" to the index: size and mtime, not the inode (copies,
remounts, FAT/exFAT and network file systems hand out new ones), and one canonical path per
folder however the user reaches it (symlinks)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mgc_desktop.library import scanner
from mgc_desktop.library.index import path_key
from mgc_desktop.library.scanner import scan


def _scan(roots, library, model_path):
    return scan(roots if isinstance(roots, list) else [roots], library, model_path, workers=1)


def _counts(report) -> tuple[int, ...]:
    return report.moved, report.changed, report.added, report.removed, report.classified


def _recopy(path) -> None:
    """Copy a file and replace it with the copy, as a remount or a sync tool does: the same
    bytes and mtime under a new inode."""
    copy = path.with_name(path.name + ".copy")
    shutil.copy2(path, copy)
    before = os.stat(path).st_ino
    os.replace(copy, path)
    assert os.stat(path).st_ino != before


def test_copy_based_move_keeps_the_prediction_over_rescans(music, library, model_path):
    _scan(music, library, model_path)
    old = music / "Artist" / "Album One" / "02.flac"
    prediction = library.track(old).prediction
    new = music / "Elsewhere" / "02.flac"
    new.parent.mkdir()
    shutil.copy2(old, new)  # a move across file systems: copy, then delete
    old.unlink()

    assert _counts(_scan(music, library, model_path)) == (1, 0, 0, 0, 0)
    again = _scan(music, library, model_path)
    assert _counts(again) == (0, 0, 0, 0, 0) and again.unchanged == 5
    assert library.track(new).prediction == prediction


def test_new_inodes_after_a_remount_change_nothing(music, library, model_path):
    _scan(music, library, model_path)
    before = {t.path: t.prediction for t in library.tracks()}
    for track in library.tracks():
        _recopy(Path(track.path))

    report = _scan(music, library, model_path)
    assert _counts(report) == (0, 0, 0, 0, 0) and report.unchanged == 5
    assert {t.path: t.prediction for t in library.tracks()} == before
    stored = library.snapshot([path_key(music)])
    for path, row in stored.items():
        st = os.stat(path)
        assert (row.ino, row.dev) == (st.st_ino, st.st_dev)  # refreshed: moves are found again

    renamed = music / "Other" / "renamed.ogg"
    os.rename(music / "Other" / "track.ogg", renamed)  # a new name: found by inode only
    assert _counts(_scan(music, library, model_path)) == (1, 0, 0, 0, 0)
    assert library.track(renamed).prediction == before[str(music / "Other" / "track.ogg")]


@pytest.fixture
def alias(music, tmp_path):
    link = tmp_path / "music_alias"
    os.symlink(music, link)
    return link


def test_a_folder_reached_by_a_symlink_is_indexed_once(music, alias, library, model_path):
    _scan(music, library, model_path)
    report = _scan(alias, library, model_path)
    assert report.roots == [str(music)]
    assert (report.unchanged, report.added, report.classified) == (5, 0, 0)
    assert len(library.tracks()) == 5
    assert len(library.tracks(root=alias)) == 5  # asking by the other spelling finds them


def test_tracks_indexed_under_a_symlink_before_become_moves(
    music, alias, library, model_path, monkeypatch
):
    monkeypatch.setattr(scanner, "root_key", path_key)  # an index made by an older version
    _scan(alias, library, model_path)
    monkeypatch.undo()
    before = {os.path.relpath(t.path, alias): t.prediction for t in library.tracks()}
    assert all(t.path.startswith(str(alias)) for t in library.tracks())

    report = _scan(alias, library, model_path)
    assert _counts(report) == (5, 0, 0, 0, 0)
    after = {os.path.relpath(t.path, music): t.prediction for t in library.tracks()}
    assert after == before  # every prediction kept, now under the real folder
