"""The journal's delta: rebuilds the original bytes exactly from the written file, stays small
for the changes tag writers make (a region rewritten, data shifted, sparse page-header changes
after a shift), refuses what would exceed its cap, and refuses a file that is not the one it
was made against."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from mgc_desktop.tags import delta
from mgc_desktop.tags.base import TagError

RNG = np.random.default_rng(13)


def _bytes(n: int) -> bytes:
    return RNG.integers(0, 256, n, dtype=np.uint8).tobytes()


def _roundtrip(tmp_path, orig: bytes, new: bytes) -> delta.Delta:
    a, b, out = tmp_path / "orig", tmp_path / "new", tmp_path / "out"
    a.write_bytes(orig)
    b.write_bytes(new)
    made = delta.make(a, b)
    stored = delta.Delta.decode(made.encode(), made.orig_sha256, made.new_sha256)
    assert stored == made
    delta.restore(stored, b, out)
    assert hashlib.sha256(out.read_bytes()).digest() == hashlib.sha256(orig).digest()
    return made


def test_region_rewritten_in_place(tmp_path):
    orig = _bytes(300_000)
    new = orig[:1000] + _bytes(2000) + orig[3000:]
    d = _roundtrip(tmp_path, orig, new)
    assert d.stored_bytes <= 2000 and not d.runs


def test_tag_grows_and_everything_after_it_shifts(tmp_path):
    orig = _bytes(2_000_000)
    new = orig[:500] + _bytes(5000) + orig[300:]  # 200 bytes replaced by 5000
    d = _roundtrip(tmp_path, orig, new)
    assert d.stored_bytes <= 200


def test_tag_shrinks(tmp_path):
    orig = _bytes(500_000)
    new = orig[:10] + orig[4000:]
    assert _roundtrip(tmp_path, orig, new).stored_bytes <= 3990


def test_shift_with_sparse_header_changes_is_stored_as_runs(tmp_path):
    """What Ogg page renumbering does: after a grown head, every 4 KiB 'page' of the rest keeps
    its payload but gets a new 8-byte sequence number and CRC."""
    orig = bytearray(_bytes(4_000_000))
    head_end = 6000
    new_tail = bytearray(orig[head_end:])
    for pos in range(0, len(new_tail), 4096):
        new_tail[pos + 18 : pos + 26] = _bytes(8)
    new = bytes(orig[:200]) + _bytes(20_000) + bytes(new_tail)
    d = _roundtrip(tmp_path, bytes(orig), new)
    pages = len(new_tail) // 4096
    assert len(d.runs) >= pages - 1
    assert d.stored_bytes < head_end + pages * 24  # ~0.6 % of the file, not the file


def test_size_field_at_the_start_and_a_tag_grown_at_the_end(tmp_path):
    """A WAV's ID3 chunk at the end grows: the RIFF size near the start changes too, and the
    30 MB of audio between them must not end up in the journal."""
    audio = _bytes(30_000_000)
    orig = b"RIFF\x10\x00\x00\x00WAVE" + audio + b"id3 " + _bytes(400)
    new = b"RIFF\x20\x01\x00\x00WAVE" + audio + b"id3 " + _bytes(900)
    d = _roundtrip(tmp_path, orig, new)
    assert d.stored_bytes < 1000


def test_identical_files(tmp_path):
    data = _bytes(70_000)
    assert _roundtrip(tmp_path, data, data).stored_bytes == 0


def test_change_beyond_the_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(delta, "CAP", 100_000)
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(_bytes(1_000_000))
    b.write_bytes(_bytes(1_000_000))
    with pytest.raises(TagError, match="too large to journal"):
        delta.make(a, b)


def test_restore_refuses_a_file_changed_since(tmp_path):
    orig = _bytes(100_000)
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(orig)
    b.write_bytes(orig[:50] + b"changed" + orig[57:])
    made = delta.make(a, b)
    b.write_bytes(orig[:50] + b"CHANGED" + orig[57:])
    with pytest.raises(TagError, match="changed since it was written"):
        delta.restore(made, b, tmp_path / "out")
