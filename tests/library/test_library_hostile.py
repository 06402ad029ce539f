"""Hostile trees: every case is reported, none ends the scan, nothing is wrongly pruned."""

from __future__ import annotations

import os
import shutil

import pytest

from mgc_desktop.library.scanner import scan


def _scan(roots, library, model_path, **kw):
    return scan(roots if isinstance(roots, list) else [roots], library, model_path, workers=1, **kw)


def _reasons(report) -> dict[str, str]:
    return dict(report.failures)


def make_unreadable(folder, monkeypatch) -> None:
    """chmod 000 where that blocks reading. As root (CI containers) permission bits do not
    stop opendir(), so only this folder's os.scandir is made to fail with EACCES instead."""
    if os.geteuid() != 0:
        folder.chmod(0)
        return
    real = os.scandir
    blocked = os.fsencode(folder)

    def scandir(path="."):
        if os.fsencode(path) == blocked:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_symlink_loop_is_reported_not_followed(music, library, model_path):
    os.symlink(music, music / "Artist" / "loop")
    report = _scan(music, library, model_path)
    assert report.classified == 5 and report.files == 5
    assert _reasons(report)[str(music / "Artist" / "loop")] == "symlink loop or repeated folder"
    assert any(e.stage == "walk" for e in library.errors())


def test_unreadable_folder_is_reported_and_its_tracks_kept(music, library, model_path, monkeypatch):
    _scan(music, library, model_path)
    album = music / "Artist" / "Album One"
    make_unreadable(album, monkeypatch)
    try:
        report = _scan(music, library, model_path)
    finally:
        album.chmod(0o755)
    assert _reasons(report)[str(album)].startswith("cannot read folder: Permission denied")
    assert report.removed == 0  # unreadable is not deleted
    assert len(library.tracks(root=album)) == 3
    (error,) = library.errors()
    assert error.path == str(album) and error.stage == "walk"

    monkeypatch.undo()  # readable again: the walk error is cleared by the next full walk
    again = _scan(music, library, model_path)
    assert again.failed == 0 and library.errors() == []


def test_files_vanishing_or_changing_during_the_scan(music, library, model_path, tone):
    gone = music / "loose.wav"
    edited = music / "Other" / "track.ogg"

    def progress(p):
        if p.phase == "classify" and p.done == 0:  # after the walk, before any decoding
            gone.unlink()
            tone(edited, freq=1200.0, seconds=3.0, fmt="OGG")

    report = _scan(music, library, model_path, progress=progress)
    reasons = _reasons(report)
    assert reasons[str(gone)] == "vanished during the scan"
    assert reasons[str(edited)].startswith("changed during the scan")
    assert report.classified == 3
    assert library.track(gone) is None
    assert library.track(edited).prediction is None  # no answer stored for stale audio

    again = _scan(music, library, model_path)
    assert (again.changed, again.classified, again.failed) == (1, 1, 0)
    assert library.track(edited).duration_s == 3.0
    assert library.track(edited).prediction is not None


def test_name_that_is_not_utf8(music, library, model_path, master_tones):
    odd = os.path.join(os.fsencode(music), b"caf\xe9 \xff.flac")
    shutil.copy2(master_tones[0], odd)
    report = _scan(music, library, model_path)
    assert report.failed == 0 and report.classified == 6
    as_str = os.fsdecode(odd)  # surrogateescape: opens the same file
    track = library.track(as_str)
    assert track.path == as_str and track.prediction is not None
    assert track.display_path.endswith("caf\ufffd \ufffd.flac")
    assert library.track(odd).path == as_str  # bytes work as keys too
    assert _scan(music, library, model_path).unchanged == 6


def _deep_tree(root, depth: int, name_len: int = 200) -> bytes:
    """Folders nested past PATH_MAX (4096 bytes), made with *at() calls relative to a
    directory descriptor; returns the relative path of the innermost folder."""
    name = b"d" * name_len
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        out = os.open("deep.flac", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, b"fLaC not really")
        os.close(out)
    finally:
        os.close(fd)
    return b"/".join([name] * depth)


def test_very_long_path_is_reported_not_fatal(music, library, model_path):
    deep = music / "deep"
    deep.mkdir()
    relative = _deep_tree(deep, depth=25)
    assert len(os.fsencode(deep)) + len(relative) > 4096
    report = _scan(music, library, model_path)
    assert report.classified == 5  # everything else went through
    assert any("too long" in reason.lower() for _, reason in report.failures), report.failures


def test_missing_root_prunes_nothing(music, library, model_path, tmp_path):
    _scan(music, library, model_path)
    moved_away = tmp_path / "unmounted"
    os.rename(music, moved_away)  # like a disk that is not mounted today
    report = _scan(music, library, model_path)
    assert _reasons(report)[str(music)] == "folder does not exist"
    assert report.removed == 0 and len(library.tracks()) == 5


@pytest.mark.parametrize("content", [b"", b"ID3\x03\x00\x00\x00\x00\x00\x00junk"])
def test_empty_and_junk_files_fail_alone(music, library, model_path, content):
    (music / "junk.mp3").write_bytes(content)
    report = _scan(music, library, model_path)
    assert report.classified == 5 and report.failed == 1
    assert library.track(music / "junk.mp3").error


def test_forget_drops_a_root(music, library, model_path):
    _scan(music, library, model_path)
    assert library.forget(music / "Artist") == 3
    assert len(library.tracks()) == 2
