"""ID3v2.4 tags whose frame sizes are plain integers instead of syncsafe ones (the bug of old
iTunes versions, which mutagen reads by trying both) are written like any other tag: only the
genre frame changes, every other frame keeps its bytes in its place, the genre frame gets a plain
size like the rest, and undo gives the original back byte for byte."""

from __future__ import annotations

import hashlib
import struct

import mutagen
import oddfiles
import pytest
from mutagen.id3 import ID3

from mgc_desktop.tags import apply_plan, id3raw, plan_manual, read_genres, undo_batch

# sizes 0xC8 (not syncsafe at all) and 0x12C (syncsafe reads 0xAC): only plain sizes walk
TITLE = b"\x03" + b"A long title " * 23
COMMENT = b"\x03eng\x00" + b"c" * 295
LONG_GENRE = " ".join(["Progressive"] * 15)  # a genre frame over 127 bytes


def plain_frame(frame_id: bytes, payload: bytes) -> bytes:
    """A v2.4 frame with a plain (not syncsafe) size, as old iTunes wrote it."""
    return frame_id + struct.pack(">I", len(payload)) + b"\x00\x00" + payload


FRAMES = (
    plain_frame(b"TIT2", TITLE)
    + plain_frame(b"COMM", COMMENT)
    + plain_frame(b"TPE1", b"\x03Artist")
)


def plain_walk(tag: bytes) -> list[bytes]:
    """The frames of a v2.4 tag read with plain sizes; asserts they run into zero padding."""
    frames, pos = [], 10
    while pos < len(tag) and tag[pos] != 0:
        end = pos + 10 + struct.unpack(">I", tag[pos + 4 : pos + 8])[0]
        frames.append(tag[pos:end])
        pos = end
    assert pos <= len(tag) and not any(tag[pos:])
    return frames


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _itunes_mp3(corpus, frames: bytes = FRAMES, padding: int = 512):
    path = corpus["notag.mp3"]
    audio = path.read_bytes()
    tag = oddfiles.id3v24_tag(frames + bytes(padding))
    path.write_bytes(tag + audio)
    tags = mutagen.File(str(path)).tags
    assert str(tags["TIT2"]) == TITLE[1:].decode() and str(tags["TPE1"]) == "Artist"
    return path, tag, audio


def test_the_sizes_are_not_syncsafe():
    body = FRAMES + bytes(64)
    assert id3raw._walk(body, 4) is None  # the strict walk alone refuses this tag
    assert id3raw.frame_ids(oddfiles.id3v24_tag(body)) == ["TIT2", "COMM", "TPE1"]


@pytest.mark.parametrize("genres", [["Rock"], [LONG_GENRE]], ids=["short", "long genre"])
def test_a_tag_with_plain_frame_sizes_is_written_and_undone_exactly(corpus, genres):
    path, tag, audio = _itunes_mp3(corpus)
    before = sha(path)
    result = apply_plan(plan_manual([path], genres))
    assert (result.written, result.failed) == (1, 0), result.errors
    assert read_genres(path) == genres
    data = path.read_bytes()
    assert data[: len(tag)][:10] == tag[:10]  # same version, flags and size: padding reused
    assert data[len(tag) :] == audio
    assert data[10 : 10 + len(FRAMES)] == FRAMES  # every other frame, byte for byte, in place
    # the new genre frame follows them with a plain size like theirs, then zero padding
    frames = plain_walk(data[: len(tag)])
    assert [f[:4] for f in frames] == [b"TIT2", b"COMM", b"TPE1", b"TCON"]
    assert b"".join(frames[:3]) == FRAMES
    tags = ID3(str(path))
    assert str(tags["TIT2"]) == TITLE[1:].decode() and str(tags["TPE1"]) == "Artist"
    assert len(tags.getall("COMM")) == 1 and not tags.unknown_frames
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert sha(path) == before


def test_a_plain_size_tag_with_a_genre_keeps_its_place(corpus):
    tcon = plain_frame(b"TCON", b"\x03" + LONG_GENRE.encode())
    frames = plain_frame(b"TIT2", TITLE) + tcon + plain_frame(b"TPE1", b"\x03Artist")
    path, tag, audio = _itunes_mp3(corpus, frames, padding=64)
    before = sha(path)
    result = apply_plan(plan_manual([path], ["Jazz"]))
    assert (result.written, result.failed) == (1, 0), result.errors
    assert read_genres(path) == ["Jazz"]
    data = path.read_bytes()
    title, new_tcon, artist = plain_walk(data[: len(tag)])  # read with plain sizes
    assert (title, artist) == (plain_frame(b"TIT2", TITLE), plain_frame(b"TPE1", b"\x03Artist"))
    assert new_tcon[:4] == b"TCON" and new_tcon[10:].rstrip(b"\x00") == b"\x03Jazz"
    assert len(data) == len(tag) + len(audio) and data[len(tag) :] == audio
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert sha(path) == before


def test_frames_that_no_size_reading_accounts_for_are_still_refused(corpus):
    # a plain-size frame whose size runs past the tag: neither walk ends in the padding
    frames = FRAMES + plain_frame(b"TALB", b"\x03Album")[:-2]
    path, _, _ = _itunes_mp3(corpus, frames, padding=0)
    before = sha(path)
    result = apply_plan(plan_manual([path], ["Jazz"]))
    assert result.written == 0 and result.failed == 1
    assert "cannot check frame by frame" in result.errors[0][1]
    assert sha(path) == before
