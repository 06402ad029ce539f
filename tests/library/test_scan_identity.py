"""What makes a file "the same file" to the index: size and mtime, not the inode (copies,
remounts, FAT/exFAT and network file systems hand out new ones), at the path as the user
spells it (a folder reached through a symlink is stored under the symlink's name)."""

from __future__ import annotations

import json
import os
import shutil
import types
from pathlib import Path

import pytest

import mgc_desktop.model.batch as batch
from mgc_desktop.cli import main
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


def test_a_new_inode_during_classification_keeps_the_result(
    tmp_path, library, model_path, tone, monkeypatch
):
    """A file that gets a new inode (but keeps size and mtime) while it is classified did not
    change: its result is stored, not put off to the next scan."""
    song = tone(tmp_path / "lib" / "song.flac")
    classifying = []

    def stat(path, *args, **kwargs):
        st = os.stat(path, *args, **kwargs)
        if not classifying or os.fsencode(path) != os.fsencode(song):
            return st
        return types.SimpleNamespace(
            st_size=st.st_size, st_mtime_ns=st.st_mtime_ns, st_ino=st.st_ino + 1, st_dev=st.st_dev
        )

    monkeypatch.setattr(scanner, "os", types.SimpleNamespace(**{**vars(os), "stat": stat}))
    report = scan(
        [song.parent],
        library,
        model_path,
        workers=1,
        progress=lambda p: p.phase == "classify" and classifying.append(p),
    )
    assert classifying  # the scanner's os.stat reported the new inode from here on
    assert (report.added, report.classified, report.failures) == (1, 1, [])
    assert library.track(song).prediction is not None and library.errors() == []


@pytest.fixture
def alias(music, tmp_path):
    link = tmp_path / "music_alias"
    os.symlink(music, link)
    return link


def _run(capsys, model_path, *argv):
    code = main(["--model", str(model_path), *argv])
    out, _ = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()]


def test_a_root_reached_by_a_symlink_is_found_by_that_spelling_everywhere(
    alias, library, model_path, capsys, monkeypatch
):
    """~/Music is a symlink: what a scan of ~/Music stored is what every lookup by ~/Music
    finds: the folder's table, one file's track and embedding, `classify`'s cache and
    `similar` (which leaves the file itself out)."""
    report = _scan(alias, library, model_path)
    assert report.roots == [str(alias)] and report.classified == 5
    assert len(library.tracks(root=alias)) == 5
    one = alias / "Artist" / "Album One" / "01.flac"
    assert library.track(one).prediction is not None
    assert library.embedding(one, "dev-a") is not None
    assert list(library.cached_predictions([one], "dev-a")) == [str(one)]

    started = []
    monkeypatch.setattr(batch, "ClassifierPool", lambda *a, **kw: started.append(a))
    code, records = _run(capsys, model_path, "classify", str(alias), "--json")
    assert code == 0 and len(records) == 5 and started == []  # every answer from the index
    code, records = _run(capsys, model_path, "similar", str(one), "--top", "10", "--json")
    assert code == 0 and started == []
    assert len(records) == 4 and str(one) not in {r["path"] for r in records}

    again = _scan(alias, library, model_path)
    assert _counts(again) == (0, 0, 0, 0, 0) and again.unchanged == 5


def test_the_real_folder_and_a_symlink_to_it_are_indexed_apart(
    music, alias, library, model_path
):
    """The accepted price of keeping paths as spelled: the same folder scanned by two
    spellings is indexed twice. Neither part disturbs the other: no prune, no move."""
    _scan(alias, library, model_path)
    report = _scan(music, library, model_path)
    assert (report.added, report.moved, report.removed) == (5, 0, 0)
    assert len(library.tracks(root=alias)) == len(library.tracks(root=music)) == 5
    again = _scan(alias, library, model_path)
    assert _counts(again) == (0, 0, 0, 0, 0) and again.unchanged == 5
    assert library.forget(alias) == 5 and len(library.tracks(root=music)) == 5
