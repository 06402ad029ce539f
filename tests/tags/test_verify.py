"""Issue 13, acceptance 2 (the guard): a writer made to damage the copy is caught by the
verification before the swap; the original stays byte-identical, no temporary is left, the
journal row is marked failed, and the batch goes on."""

from __future__ import annotations

import hashlib

import oddfiles
import pytest
from mutagen.flac import FLAC
from mutagen.id3 import ID3

from mgc_desktop.tags import Journal, apply_plan, plan_manual
from mgc_desktop.tags import apev2 as apev2_module
from mgc_desktop.tags import id3 as id3_module
from mgc_desktop.tags.vorbis import VorbisWriter


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run_and_check_refused(corpus, path, message):
    before, other = sha(path), corpus["a.m4a"]
    result = apply_plan(plan_manual([path, other], ["Rock"]))
    assert (result.written, result.failed) == (1, 1), result.errors
    assert result.errors[0] == (str(path), message)
    assert sha(path) == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".mgc-tmp")]
    with Journal() as j:
        states = [r[0] for r in j.db.execute("SELECT state FROM changes ORDER BY id")]
    assert states == ["failed", "done"]


def test_writer_that_damages_the_audio_is_caught(corpus, monkeypatch):
    real_write = VorbisWriter.write_genres

    def damaging(self, path, genres, raw=False):
        real_write(self, path, genres, raw=raw)
        with open(path, "r+b") as f:  # one bit in the last audio frame
            f.seek(-40, 2)
            byte = f.read(1)
            f.seek(-40, 2)
            f.write(bytes([byte[0] ^ 0x10]))

    monkeypatch.setattr(VorbisWriter, "write_genres", damaging)
    _run_and_check_refused(corpus, corpus["a.flac"], "verify: the audio data changed")


def test_writer_that_changes_another_tag_is_caught(corpus, monkeypatch):
    real_write = VorbisWriter.write_genres

    def meddling(self, path, genres, raw=False):
        real_write(self, path, genres, raw=raw)
        f = FLAC(str(path))
        f["title"] = "Not the title"
        f.save()

    monkeypatch.setattr(VorbisWriter, "write_genres", meddling)
    _run_and_check_refused(corpus, corpus["a.flac"], "verify: another tag or picture changed")


def test_genre_written_where_players_do_not_read_it_is_caught(corpus, monkeypatch):
    monkeypatch.setattr(apev2_module, "KEY", "Style")  # writes and reads back "Style"
    _run_and_check_refused(corpus, corpus["a.wv"], "verify: genre reads back as nothing, not Rock")


def test_mutagen_save_dropping_an_empty_frame_is_caught_by_the_raw_comparison(corpus, monkeypatch):
    path = corpus["notag.mp3"]
    path.write_bytes(oddfiles.mp3_with_empty_frame(path.read_bytes(), padding=32))
    monkeypatch.setattr(  # mutagen's own serialisation instead of the raw TCON edit
        id3_module._RawTCONSave, "_prepare_data", lambda self, *a: ID3._prepare_data(self, *a)
    )
    _run_and_check_refused(corpus, path, "verify: another tag or picture changed")


@pytest.mark.parametrize("name", ["a.ogg", "v24_v1.mp3", "a.m4a", "a.wma", "a.ape"])
def test_honest_writes_pass_verification(corpus, name):
    result = apply_plan(plan_manual([corpus[name]], ["Blues"]))
    assert (result.written, result.failed) == (1, 0), result.errors
