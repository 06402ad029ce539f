"""Issue 13, acceptance 1: on real files of every format, with and without padding and tags,
tag then undo leaves every file byte-identical (sha256) to the original; writes are minimal
(padding reused, frame order and ID3 version kept, no FLAC PADDING block added); a file someone
else changed after the batch gets a tag-exact undo that keeps their change."""

from __future__ import annotations

import hashlib
import shutil

import oddfiles
import pytest
import tagcorpus
from mutagen.flac import FLAC
from mutagen.id3 import ID3

from mgc_desktop.cli import main
from mgc_desktop.tags import apply_plan, plan_manual, read_genres, undo_batch
from mgc_desktop.tags.id3raw import parse

ALL = list(tagcorpus.SPECS)
CASES = [(n, "as made") for n in ALL] + [(n, "no padding") for n in ALL if oddfiles.can_pad(n)]


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _variant(corpus, name, padding, tmp_path):
    path = corpus[name]
    if padding == "no padding":
        d = tmp_path / "nopad"
        d.mkdir(exist_ok=True)
        path = shutil.copy2(path, d / name)
        assert oddfiles.without_padding(path)
    return path


@pytest.mark.parametrize(("name", "padding"), CASES)
def test_tag_then_undo_is_byte_identical(corpus, name, padding, tmp_path):
    path = _variant(corpus, name, padding, tmp_path)
    original = sha(path)
    first = apply_plan(plan_manual([path], ["Hip-Hop", "Jazz"]))
    assert (first.written, first.failed) == (1, 0), first.errors
    assert sha(path) != original
    second = apply_plan(plan_manual([path], ["Metal"]))  # a second batch on top
    assert (second.written, second.failed) == (1, 0), second.errors
    for _ in range(2):
        undone = undo_batch()
        assert (undone.written, undone.failed) == (1, 0), undone.errors
        assert undone.restored == [(str(path), "byte-exact")]
    assert sha(path) == original


def test_padding_absorbs_the_change(corpus):
    """Files that have padding keep their size: nothing after the tag moves."""
    names = ["v24.mp3", "v23.mp3", "a.flac", "a.ogg", "a.opus", "a.m4a", "a.wma", "a.wav"]
    sizes = {n: corpus[n].stat().st_size for n in names}
    result = apply_plan(plan_manual([corpus[n] for n in names], ["Hip-Hop", "Jazz"]))
    assert result.written == len(names), result.errors
    assert {n: corpus[n].stat().st_size for n in names} == sizes


def test_flac_without_padding_gets_no_padding_block(corpus):
    path = corpus["a.flac"]
    oddfiles.strip_flac_padding(path)
    kinds = oddfiles.flac_block_types(path)
    assert 1 not in kinds
    apply_plan(plan_manual([path], ["Reggae"]))
    assert oddfiles.flac_block_types(path) == kinds  # same blocks, same order, no PADDING
    assert FLAC(str(path))["genre"] == ["Reggae"]


def test_flac_padding_block_stays_in_place(corpus):
    path = corpus["a.flac"]
    kinds = oddfiles.flac_block_types(path)
    assert 1 in kinds
    apply_plan(plan_manual([path], ["Reggae", "Blues"]))
    assert oddfiles.flac_block_types(path) == kinds


@pytest.mark.parametrize("name", ["v24.mp3", "v23_v1.mp3", "a.wav", "a.aiff"])
def test_id3_frame_order_bytes_and_version_kept(corpus, name):
    path = corpus[name]

    def tag_bytes():
        data = path.read_bytes()
        if name.endswith(".mp3"):
            return data[: 10 + ID3(str(path)).size]
        import mutagen

        f = mutagen.File(str(path))
        from mgc_desktop.tags.iff import id3_chunk

        assert f.tags is not None
        return id3_chunk(path)

    before = parse(tag_bytes())
    assert before is not None
    apply_plan(plan_manual([path], ["Country"]))
    after = parse(tag_bytes())
    assert after.version == before.version
    assert [f.data for f in after.others()] == [f.data for f in before.others()]
    assert [f.frame_id for f in after.frames if f.frame_id == "TCON"] == ["TCON"]


def test_small_v24_tag_does_not_grow_by_a_kilobyte(corpus):
    """The new-user report: small ID3v2.4 tags grew by 1.5 kB. Now they grow by the frame."""
    path = corpus["v24.mp3"]
    oddfiles.without_padding(path)
    size = path.stat().st_size
    apply_plan(plan_manual([path], ["Jazz"]))
    # frame header, encoding byte, text and its terminator
    assert path.stat().st_size - size == 10 + 1 + len("Jazz") + 1


def test_file_changed_after_the_batch_gets_a_tag_exact_undo(corpus, capsys):
    path = corpus["a.flac"]
    apply_plan(plan_manual([path], ["Rock"]))
    f = FLAC(str(path))
    f["title"] = "Retitled by the user"
    f.save()
    assert main(["undo"]) == 0
    out = capsys.readouterr().out
    assert f"{path}: restored (tag-exact)" in out
    assert "1 restored (0 byte-exact, 1 tag-exact)" in out
    assert read_genres(path) == []
    assert FLAC(str(path))["title"] == ["Retitled by the user"]  # their change is kept


def test_undo_reports_byte_exact_per_file(corpus, capsys):
    files = [str(corpus[n]) for n in ("a.ogg", "v23.mp3")]
    assert main(["tag", "--set-genre", "Disco", *files]) == 0
    capsys.readouterr()
    assert main(["undo"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [ln for ln in out if ln.endswith("(byte-exact)")] == [
        f"{files[1]}: restored (byte-exact)",
        f"{files[0]}: restored (byte-exact)",
    ]


def test_journal_from_before_deltas_is_upgraded_and_its_changes_undone(corpus, _data_dir):
    """A journal written by the previous version (no sha256/delta columns) still opens, and
    its changes are undone the old way: genre restored, reported tag-exact."""
    import json
    import sqlite3
    import time

    from mutagen.flac import FLAC as _FLAC

    from mgc_desktop.tags.journal import JOURNAL_FILE_NAME

    path = corpus["a.flac"]
    f = _FLAC(str(path))
    f["genre"] = ["Polka"]
    f.save()
    _data_dir.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(_data_dir / JOURNAL_FILE_NAME)
    db.executescript(
        "CREATE TABLE batches (id INTEGER PRIMARY KEY AUTOINCREMENT, created REAL NOT NULL,"
        " kind TEXT NOT NULL, undoes INTEGER, model_id TEXT, note TEXT, finished REAL,"
        " written INTEGER, skipped INTEGER, failed INTEGER);"
        "CREATE TABLE changes (id INTEGER PRIMARY KEY AUTOINCREMENT, batch_id INTEGER NOT NULL,"
        " path TEXT NOT NULL, fmt TEXT NOT NULL, old_values TEXT NOT NULL, new_values TEXT NOT"
        " NULL, old_had_tag INTEGER NOT NULL, created REAL NOT NULL, model_id TEXT, state TEXT"
        " NOT NULL, error TEXT, undo_of INTEGER);"
    )
    now = time.time()
    db.execute("INSERT INTO batches (created, kind, finished) VALUES (?, 'tag', ?)", (now, now))
    db.execute(
        "INSERT INTO changes (batch_id, path, fmt, old_values, new_values, old_had_tag, created,"
        " state) VALUES (1, ?, 'vorbis/flac', ?, ?, 1, ?, 'done')",
        (str(path), json.dumps([]), json.dumps(["Polka"]), now),
    )
    db.commit()
    db.close()
    undone = undo_batch()
    assert undone.restored == [(str(path), "tag-exact")], undone.errors
    assert read_genres(path) == []
