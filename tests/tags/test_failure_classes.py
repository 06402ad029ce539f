"""Issue 13, acceptance 2: each failure class seen on the foreign corpus, built with real
encoders or by hand, gets its specific fix or refusal; each refused file stays byte-identical and
the batch goes on. Where a naive mutagen save damages the file, that is shown first, so each
test is about a real failure."""

from __future__ import annotations

import hashlib
import shutil

import mutagen
import oddfiles
import pytest
import tagcorpus
from mutagen.mp4 import MP4

from mgc_desktop.tags import apply_plan, plan_manual, read_genres, undo_batch
from mgc_desktop.tags.id3raw import parse


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _batch(paths, genre="Rock"):
    return apply_plan(plan_manual(paths, [genre]))


def _chunk_ids(path) -> list[str]:
    from mgc_desktop.tags.iff import chunks

    return [c.chunk_id for c in chunks(path)]


def test_wav_with_an_empty_data_chunk_at_the_end_gets_the_tag_before_it(tmp_path):
    """Decoders read an empty (size 0) data chunk to the end of the file: a naive save appends
    the ID3 chunk there and it is decoded as audio. The tag goes before the data chunk."""
    from mutagen.wave import WAVE

    from mgc_desktop.tags.verify import decoded_digest

    path = tmp_path / "no_audio.wav"
    oddfiles.wav_with_empty_data_chunk(path)
    naive = shutil.copy(path, tmp_path / "naive.wav")
    w = WAVE(str(naive))
    w.add_tags()
    w.tags.add(mutagen.id3.TCON(encoding=3, text=["Rock"]))
    w.save()
    audio = decoded_digest(path)
    assert decoded_digest(naive) != audio  # the damage is real
    before = sha(path)
    result = _batch([path])
    assert result.written == 1, result.errors
    assert _chunk_ids(path) == ["fmt ", "id3 ", "data"]
    assert decoded_digest(path) == audio
    assert read_genres(path) == ["Rock"]
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert sha(path) == before


def test_streamed_wav_keeps_its_audio_and_its_unset_sizes(corpus):
    """Data and RIFF sizes unset (0xFFFFFFFF): mutagen cannot even save it; the tag goes before
    the data chunk and both sizes stay unset."""
    from mgc_desktop.tags.verify import decoded_digest

    path = corpus["notag.wav"]
    path.write_bytes(oddfiles.streamed_wav(path.read_bytes()))
    before, audio = sha(path), decoded_digest(path)
    result = _batch([path])
    assert result.written == 1, result.errors
    data = path.read_bytes()
    assert data[4:8] == b"\xff\xff\xff\xff"
    assert _chunk_ids(path) == ["fmt ", "id3 ", "data"]
    assert decoded_digest(path) == audio
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert sha(path) == before


def test_wav_with_stray_bytes_after_its_last_chunk(corpus):
    """The new ID3 chunk goes right after the last chunk, before the stray bytes, so chunk
    readers (mutagen's, FFmpeg's) still find it."""
    path = corpus["notag.wav"]
    path.write_bytes(path.read_bytes() + b"\x00\x00\x00\x00")
    before = sha(path)
    result = _batch([path])
    assert result.written == 1, result.errors
    assert _chunk_ids(path) == ["fmt ", "data", "id3 "]
    assert path.read_bytes().endswith(b"\x00\x00\x00\x00")
    undo_batch()
    assert sha(path) == before


def test_aac_stream_with_an_apev2_tag(tmp_path):
    """An ADTS AAC file with an APEv2 tag at its end: mutagen.File reads it as APEv2File, so
    the genre goes into that tag."""
    from mutagen.apev2 import APEv2

    path = tmp_path / "stream.aac"
    tagcorpus._pyav(path, "adts", "aac", bit_rate=128000)
    tag = APEv2()
    tag["Title"] = "A stream"
    tag.save(str(path))
    assert type(mutagen.File(str(path))).__name__ == "APEv2File"
    before = sha(path)
    result = _batch([path])
    assert result.written == 1, result.errors
    assert list(mutagen.File(str(path))["Genre"]) == ["Rock"]
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert sha(path) == before


def test_wav_without_a_data_chunk_is_written_and_undone_exactly(tmp_path):
    path = tmp_path / "nodata.wav"
    oddfiles.wav_without_data_chunk(path)
    before = sha(path)
    result = _batch([path])
    assert result.written == 1, result.errors
    assert _chunk_ids(path) == ["fmt ", "LIST", "id3 "]
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert sha(path) == before


def test_fragmented_mp4_is_refused_where_mutagen_would_damage_it(tmp_path):
    from mgc_desktop.tags.verify import decoded_digest

    path = tmp_path / "fragmented.m4a"
    oddfiles.fragmented_m4a(path)
    naive = shutil.copy(path, tmp_path / "naive.m4a")
    m = MP4(str(naive))
    m["\xa9gen"] = ["Rock"]
    m.save()
    assert decoded_digest(naive) != decoded_digest(path)  # the damage is real
    before = sha(path)
    result = _batch([path])
    assert result.failed == 1 and "fragmented MP4" in result.errors[0][1]
    assert sha(path) == before


def test_mp4_with_a_misread_atom_is_refused_where_mutagen_would_damage_it(tmp_path):
    from mgc_desktop.tags.verify import decoded_digest

    plain = tmp_path / "plain.m4a"
    oddfiles.faststart_m4a(plain)
    path = tmp_path / "quicktime_meta.m4a"
    oddfiles.m4a_with_quicktime_meta(plain, path)
    assert decoded_digest(path) == decoded_digest(plain)  # FFmpeg reads the odd file fine
    naive = shutil.copy(path, tmp_path / "naive.m4a")
    m = MP4(str(naive))
    m["\xa9gen"] = ["Rock"]
    m.save()
    assert decoded_digest(naive) != decoded_digest(path)  # the damage is real
    before = sha(path)
    result = _batch([path, plain])
    assert (result.written, result.failed) == (1, 1), result.errors
    assert "MP4 atom tree that mutagen misreads" in result.errors[0][1]
    assert sha(path) == before


def test_empty_id3_frame_survives_and_undo_is_exact(corpus):
    path = corpus["notag.mp3"]
    path.write_bytes(oddfiles.mp3_with_empty_frame(path.read_bytes(), padding=0))
    naive = path.with_name("naive.mp3")
    shutil.copy(path, naive)
    f = mutagen.File(str(naive))
    f.tags.add(mutagen.id3.TCON(encoding=3, text=["Rock"]))
    f.save()
    assert "TDRC" not in [fr.frame_id for fr in parse(naive.read_bytes()[:4096]).frames]

    before, frames = sha(path), parse(path.read_bytes()[:4096]).frames
    result = _batch([path])
    assert result.written == 1, result.errors
    after = parse(path.read_bytes()[:4096])
    assert [fr.data for fr in after.others()] == [fr.data for fr in frames]  # TDRC kept
    assert read_genres(path) == ["Rock"]
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert sha(path) == before


def _v22_tag(frames: list[tuple[bytes, bytes]], padding: int) -> bytes:
    body = b"".join(fid + len(data).to_bytes(3, "big") + data for fid, data in frames)
    body += bytes(padding)
    n = len(body)
    size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
    return b"ID3\x02\x00\x00" + size + body


@pytest.mark.parametrize("padding", [0, 100])
def test_id3v22_is_edited_in_place_where_mutagen_cannot_write_it(corpus, padding):
    path = corpus["notag.mp3"]
    frames = [(b"TT2", b"\x00Title"), (b"TCO", b"\x00(17)"), (b"TYE", b"\x00"), (b"TP1", b"\x00A")]
    path.write_bytes(_v22_tag(frames, padding) + path.read_bytes())
    before = sha(path)
    assert read_genres(path) == ["(17)"]
    result = _batch([path], "Jazz")
    assert result.written == 1, result.errors
    tag = parse(path.read_bytes()[:400])
    assert tag.version == 2
    assert [f.frame_id for f in tag.frames] == ["TT2", "TCO", "TYE", "TP1"]  # in place
    assert mutagen.File(str(path))["TCON"].text == ["Jazz"]
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert sha(path) == before


def test_id3_with_extended_header_goes_through_mutagen_and_is_verified(corpus):
    path = corpus["notag.mp3"]
    frames = oddfiles.id3_frame(b"TIT2", b"\x03Title") + oddfiles.id3_frame(b"TDRC", b"\x032001")
    ext = b"\x00\x00\x00\x06\x01\x00"
    body = ext + frames + bytes(64)
    n = len(body)
    size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
    path.write_bytes(b"ID3\x04\x00\x40" + size + body + path.read_bytes())
    before = sha(path)
    result = _batch([path])
    assert result.written == 1, result.errors
    assert mutagen.File(str(path))["TDRC"].text[0].text == "2001"
    undo_batch()
    assert sha(path) == before


def test_ogg_with_theora_video_first_gets_the_genre_where_mutagen_reads_it(corpus, tmp_path):
    """mutagen.File reads a Theora-first Ogg as OggTheora: the genre goes into the Theora
    comment header (a genre in the Vorbis stream, where it went before, was not seen)."""
    from mutagen.oggvorbis import OggVorbis

    path = tmp_path / "video.ogg"
    oddfiles.theora_plus_vorbis(corpus["a.ogg"], path)
    assert type(mutagen.File(str(path))).__name__ == "OggTheora"
    vorbis_before = OggVorbis(str(path)).tags.items()
    before = sha(path)
    result = _batch([path, corpus["a.ogg"]])
    assert (result.written, result.failed) == (2, 0), result.errors
    assert mutagen.File(str(path))["genre"] == ["Rock"]
    assert OggVorbis(str(path)).tags.items() == vorbis_before  # the audio stream untouched
    assert tagcorpus.genres(corpus["a.ogg"]) == ["Rock"]
    undo_batch()
    assert sha(path) == before


def test_ogg_page_renumbering_is_journaled_compactly(tmp_path):
    """A comment that outgrows its pages renumbers every later page (new sequence numbers and
    CRCs): the journal keeps the changed head and ~20 bytes per later page, not the file."""
    import numpy as np
    import soundfile as sf

    from mgc_desktop.tags import Journal
    from mgc_desktop.tags.delta import Delta

    path = tmp_path / "minute.ogg"
    t = np.arange(44100 * 60) / 44100
    sig = 0.3 * np.sin(2 * np.pi * 440 * t) * (1 + 0.5 * np.sin(t))
    block = np.stack([sig, 0.5 * sig]).T
    with sf.SoundFile(str(path), "w", 44100, 2, format="OGG", subtype="VORBIS") as out:
        for i in range(0, len(block), 44100):  # libsndfile's Vorbis encoder wants blocks
            out.write(block[i : i + 44100])
    before, size = sha(path), path.stat().st_size
    result = _batch([path], ("Genre " * 20000).strip())  # 120 kB: many more comment pages
    assert result.written == 1, result.errors
    with Journal() as j:
        blob, orig, new = j.db.execute(
            "SELECT delta, orig_sha256, new_sha256 FROM changes"
        ).fetchone()
    delta = Delta.decode(blob, orig, new)
    assert delta.new_size - delta.orig_size > 100_000
    assert len(delta.runs) > 20  # the renumbered pages, each a small run
    assert delta.stored_bytes < 0.02 * size + 8_000, (delta.stored_bytes, size)
    assert len(blob) < delta.stored_bytes
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert sha(path) == before
