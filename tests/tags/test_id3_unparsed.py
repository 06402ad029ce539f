"""ID3 tags the byte-level editor does not parse (extended header, unsynchronisation, stray
bytes in the padding) are rewritten by mutagen, which silently drops frames it cannot read: the
frames are counted then, and a tag that would lose one, or whose frames cannot be walked at
all, is refused with a reason and left byte-identical."""

from __future__ import annotations

import hashlib
import struct

import mutagen
import oddfiles
import pytest

from mgc_desktop.tags import apply_plan, format_item, plan_manual, read_genres, undo_batch
from mgc_desktop.tags.plan import ERROR

TITLE = oddfiles.id3_frame(b"TIT2", b"\x03Title")
BAD_ENCODING = oddfiles.id3_frame(b"TPE1", b"\x07Bad encoding")  # mutagen skips this frame
ALBUM = oddfiles.id3_frame(b"TALB", b"\x03Album")
EXTENDED_HEADER = b"\x00\x00\x00\x06\x01\x00"
STRAY_BYTES_TAG = oddfiles.id3v24_tag(
    TITLE + BAD_ENCODING + ALBUM + bytes(40) + b"junk" + bytes(40)
)
UNWALKABLE = (
    "ID3 tag holds data this app cannot check frame by frame (stray bytes or an "
    "unusual layout); not rewritten"
)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        (
            oddfiles.id3v24_tag(EXTENDED_HEADER + TITLE + BAD_ENCODING + ALBUM + bytes(64), 0x40),
            "verify: rewriting this ID3 tag would drop frames mutagen cannot read (TPE1); "
            "file left unchanged",
        ),
        (STRAY_BYTES_TAG, UNWALKABLE),
    ],
    ids=["extended header", "stray bytes in the padding"],
)
def test_a_tag_mutagen_would_rewrite_with_a_frame_less_is_refused(corpus, tag, message):
    path, other = corpus["notag.mp3"], corpus["a.ogg"]
    path.write_bytes(tag + path.read_bytes())
    assert "TPE1" not in mutagen.File(str(path)).tags  # the frame only the bytes show
    before = sha(path)
    result = apply_plan(plan_manual([path, other], ["Jazz"]))
    assert (result.written, result.failed) == (1, 1), result.errors
    assert result.errors == [(str(path), message)]
    assert sha(path) == before


def test_a_tag_whose_frames_cannot_be_walked_is_refused_when_planned(corpus):
    """The plan (all `--dry-run` shows, and what the window offers) already says no: the
    refusal does not wait for the copy to be written."""
    path = corpus["notag.mp3"]
    path.write_bytes(STRAY_BYTES_TAG + path.read_bytes())
    [item] = plan_manual([path], ["Jazz"])
    assert (item.action, item.reason) == (ERROR, UNWALKABLE)
    assert format_item(item) == f"{path}: error: {UNWALKABLE}"


def test_an_unsynchronised_v23_tag_keeping_every_frame_is_written(corpus):
    def frame(fid: bytes, payload: bytes) -> bytes:
        return fid + struct.pack(">I", len(payload)) + b"\x00\x00" + payload

    frames = frame(b"TIT2", b"\x00Ti\xff\xe0tle") + frame(b"TALB", b"\x00Album")
    body = frames.replace(b"\xff", b"\xff\x00") + bytes(50)
    n = len(body)
    size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
    path = corpus["notag.mp3"]
    path.write_bytes(b"ID3\x03\x00\x80" + size + body + path.read_bytes())
    before = sha(path)
    result = apply_plan(plan_manual([path], ["Jazz"]))
    assert result.written == 1, result.errors
    assert read_genres(path) == ["Jazz"]
    assert str(mutagen.File(str(path))["TIT2"]) == "Ti\xff\xe0tle"
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert sha(path) == before
