"""Vorbis comments are edited at the byte level: entries mutagen's parser would mangle (bytes
that are not UTF-8, an entry without "=", a key it rejects) and the vendor string keep their
exact bytes and order through a genre write, and a writer that goes through mutagen's lossy
rendering is caught by verification."""

from __future__ import annotations

import hashlib

import oddfiles
import pytest
from mutagen.flac import FLAC

from mgc_desktop.tags import apply_plan, plan_manual, read_genres, undo_batch, vorbis
from mgc_desktop.tags.vorbis import VorbisWriter

VENDOR = b"reference libFLAC 1.4.3 \xff"
ODD = [b"TITLE=Caf\xe9 (latin-1)", b"COMMENT=ok", b"NOEQUALSIGN", b"WEIRD~KEY=kept", b"genre=Old"]


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", ["a.flac", "a.ogg", "a.opus"])
def test_comment_entries_mutagen_cannot_represent_keep_their_bytes(corpus, name):
    path = corpus[name]
    oddfiles.with_raw_vorbis_comment(path, VENDOR, ODD)
    before = sha(path)
    result = apply_plan(plan_manual([path], ["Jazz", "Hip-Hop"]))
    assert (result.written, result.failed) == (1, 0), result.errors
    expected = ODD[:4] + [b"genre=Jazz", b"genre=Hip-Hop"]  # in place, in its key spelling
    assert oddfiles.vorbis_comment(VENDOR, expected) in path.read_bytes()  # a small comment
    assert read_genres(path) == ["Jazz", "Hip-Hop"]
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert sha(path) == before


def test_a_lossy_rewrite_of_the_comment_is_caught(corpus, monkeypatch):
    def through_mutagen(self, path, genres, raw=False):
        audio = FLAC(str(path))
        audio.tags["GENRE"] = list(genres)
        audio.save()

    path = corpus["a.flac"]
    oddfiles.with_raw_vorbis_comment(path, VENDOR, ODD)
    before = sha(path)
    monkeypatch.setattr(VorbisWriter, "write_genres", through_mutagen)
    result = apply_plan(plan_manual([path], ["Jazz"]))
    assert result.errors == [(str(path), "verify: another tag or picture changed")]
    assert sha(path) == before


def test_a_flac_write_reads_the_metadata_blocks_at_most_three_times(corpus, monkeypatch):
    """Each read loads every metadata block, pictures included: one for the snapshot of the
    copy before the write, one for the write itself, one for the snapshot that verifies it."""
    path, reads = corpus["a.flac"], []
    plan = plan_manual([path], ["Jazz"])
    read_blocks = vorbis.flac_blocks

    def counted(p):
        reads.append(p)
        return read_blocks(p)

    monkeypatch.setattr(vorbis, "flac_blocks", counted)
    result = apply_plan(plan)
    assert (result.written, result.failed) == (1, 0), result.errors
    assert read_genres(path) == ["Jazz"]
    assert len(reads) <= 3, reads
