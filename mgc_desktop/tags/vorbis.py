"""Vorbis comments (FLAC, Ogg Vorbis, Opus, Ogg FLAC, Speex): one GENRE field per value.

An Ogg file whose first stream is Theora video (multiplexed with Vorbis audio) is read by
`mutagen.File` as OggTheora, from the Theora stream's comment header: the genre goes there, where
other players using mutagen read it, rather than into the Vorbis stream where they would not.

The comment is edited at the byte level, as `id3raw` edits ID3: mutagen's parser is lossy (bytes
that are not UTF-8 become U+FFFD, an entry without "=" becomes "unknownN=...", entries with odd
keys are dropped), so its rendering is never stored. The GENRE entries are replaced where the
first one stood; the vendor string and every other entry keep their exact bytes and order. Ogg
streams go through mutagen's page code, handed these bytes, and keep their comment packet's size
while the padding inside it can absorb the change (so the pages stay as they were). FLAC is
saved block by block here: mutagen would move PADDING to the end and add a PADDING block to files
that had none; this keeps every other block byte for byte and in place, lets an existing PADDING
block absorb the change, and never adds one.
"""

from __future__ import annotations

import io
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from mutagen._util import resize_bytes
from mutagen.flac import FLAC, VCFLACDict
from mutagen.ogg import OggPage
from mutagen.oggflac import OggFLAC
from mutagen.oggopus import OggOpus
from mutagen.oggspeex import OggSpeex
from mutagen.oggtheora import OggTheora
from mutagen.oggvorbis import OggVorbis

from mgc_desktop.tags.base import TagError, TagWriter, keep_padding

KEY = "GENRE"
#: what precedes the comment in each Ogg codec's comment packet
_OGG_PREFIX = {
    OggVorbis: b"\x03vorbis",
    OggOpus: b"OpusTags",
    OggTheora: b"\x81theora",
    OggSpeex: b"",
    OggFLAC: None,  # a FLAC metadata block header: 4 bytes, any content
}
VORBIS_TYPES = (FLAC, *_OGG_PREFIX)


class VorbisWriter(TagWriter):
    """GENRE comments in any mutagen file type whose tags are a Vorbis comment list."""

    def __init__(self, file_cls: type, name: str) -> None:
        self._cls = file_cls
        self.file_type = file_cls
        self.fmt = f"vorbis/{name}"

    def _open(self, path: Path):
        return self._cls(str(path))

    def read_genres(self, path: Path) -> list[str]:
        tags = self._open(path).tags
        if tags is None:
            return []
        return [v for k, v in list(tags) if k.upper() == KEY]

    def has_tag(self, path: Path) -> bool:
        return self._open(path).tags is not None

    def write_genres(self, path: Path, genres: Sequence[str], *, raw: bool = False) -> None:
        audio = self._open(path)
        if audio.tags is None:
            audio.add_tags()
        if isinstance(audio, FLAC):
            layout, stored = read_flac(path)  # the blocks are read once, for both uses
        else:
            layout, stored = None, parse_comment(ogg_comment_data(path, audio))
        old = stored or RawComment(audio.tags.vendor.encode("utf-8"), ())
        comment = render(old.vendor, with_genres(old.entries, genres))
        if layout is not None:
            save_flac_comment(path, comment + old.tail, layout)
            return
        # Ogg, or FLAC blocks that mutagen reads leniently: its own save, verified (a FLAC
        # file's ID3 tag is kept: FLAC.save's deleteid3 defaults to False)
        _store_as(audio.tags, comment)
        audio.save(padding=keep_padding)


def _store_as(tags, comment: bytes) -> None:
    """Make mutagen's save store `comment` instead of its own (lossy) rendering of `tags`; an
    Ogg Vorbis comment (rendered with mutagen's default) ends with the framing bit."""
    framed = not isinstance(tags, VCFLACDict)

    def write(framing: bool = framed) -> bytes:
        return comment + (b"\x01" if framing else b"")

    tags.write = write


@dataclass(frozen=True)
class RawComment:
    """A Vorbis comment as stored: vendor and entries ("KEY=value") as bytes, and whatever
    follows the entries where it was read (framing bit, padding, Opus extra data)."""

    vendor: bytes
    entries: tuple[bytes, ...]
    tail: bytes = b""


def is_genre(entry: bytes) -> bool:
    """Whether a stored entry is a GENRE field (the key is case-insensitive)."""
    key, eq, _ = entry.partition(b"=")
    return bool(eq) and key.upper() == KEY.encode()


def read_comment(f: BinaryIO, end: int) -> RawComment:
    """Parse a comment by its own length fields from `f`, which holds `end` bytes (a length
    that runs past them is refused, never allocated)."""

    def take(n: int) -> bytes:
        if f.tell() + n > end:
            raise TagError("Vorbis comment is truncated (a length runs past its end)")
        return f.read(n)

    def length() -> int:
        return struct.unpack("<I", take(4))[0]

    vendor = take(length())
    return RawComment(vendor, tuple(take(length()) for _ in range(length())))


def parse_comment(data: bytes) -> RawComment:
    """A comment and what follows it, from the bytes that hold it."""
    f = io.BytesIO(data)
    comment = read_comment(f, len(data))
    return replace(comment, tail=data[f.tell() :])


def with_genres(entries: Sequence[bytes], genres: Sequence[str]) -> list[bytes]:
    """`entries` with the GENRE entries replaced by `genres`, where the first one stood (at the
    end if there was none), in the first one's key spelling."""
    at = next((i for i, e in enumerate(entries) if is_genre(e)), None)
    key = entries[at].partition(b"=")[0] if at is not None else KEY.encode()
    kept = [e for e in entries if not is_genre(e)]
    at = len(kept) if at is None else at  # nothing before the first genre entry is a genre
    kept[at:at] = [key + b"=" + g.encode("utf-8") for g in genres]
    return kept


def render(vendor: bytes, entries: Sequence[bytes]) -> bytes:
    """The stored form of a comment (no framing bit)."""
    parts = [struct.pack("<I", len(vendor)), vendor, struct.pack("<I", len(entries))]
    for e in entries:
        parts += [struct.pack("<I", len(e)), e]
    return b"".join(parts)


def raw_comment(path: Path, audio) -> RawComment | None:
    """The comment of a FLAC or Ogg file as stored (None: a FLAC file without one)."""
    if isinstance(audio, FLAC):
        return read_flac(path)[1]
    return parse_comment(ogg_comment_data(path, audio))


def ogg_comment_data(path: Path, audio) -> bytes:
    """The comment packet of the stream mutagen reads tags from, without its codec prefix."""
    serial, pages = audio.info.serial, []
    with open(path, "rb") as f:
        while True:
            try:
                page = OggPage(f)
            except EOFError as exc:
                raise TagError("Ogg comment header is truncated") from exc
            if page.serial != serial:
                continue
            pages.append(page)
            packets = OggPage.to_packets(pages)
            if len(packets) > 2 or (len(packets) == 2 and page.complete):
                break
    packet = packets[1]
    prefix = _OGG_PREFIX[type(audio)]
    if prefix is None:
        return packet[4:]
    if not packet.startswith(prefix):
        raise TagError("Ogg comment header not found where the codec puts it")
    return packet[len(prefix) :]


_COMMENT, _PADDING, _MAX_BLOCK = 4, 1, (1 << 24) - 1


class FlacLayoutError(TagError):
    """The metadata blocks do not parse as their headers say (mutagen may still read them)."""


def _seek_flac_marker(f: BinaryIO) -> int:
    """Position `f` after "fLaC" (past an ID3v2 tag some tools put first); that offset."""
    head = f.read(10)
    start = 0
    if head[:3] == b"ID3" and len(head) == 10:
        size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9]
        start = 10 + size + (10 if head[5] & 0x10 else 0)
    f.seek(start)
    if f.read(4) != b"fLaC":
        raise FlacLayoutError("FLAC stream marker not found")
    return start + 4


#: where the FLAC metadata blocks start (after "fLaC") and each block's (type, data)
FlacLayout = tuple[int, list[tuple[int, bytes]]]


def flac_blocks(path: Path) -> FlacLayout:
    """Where the FLAC metadata blocks start (after "fLaC") and each block's (type, data)."""
    with open(path, "rb") as f:
        start = _seek_flac_marker(f)
        blocks = []
        while True:
            header = f.read(4)
            if len(header) < 4:
                raise FlacLayoutError("truncated FLAC metadata")
            size = int.from_bytes(header[1:], "big")
            data = f.read(size)
            if len(data) < size:
                raise FlacLayoutError("truncated FLAC metadata")
            blocks.append((header[0] & 0x7F, data))
            if header[0] & 0x80:
                return start, blocks


def read_flac(path: Path) -> tuple[FlacLayout | None, RawComment | None]:
    """The metadata blocks (`flac_blocks`) and the VORBIS_COMMENT block's comment (None: there
    is none; `tail` is the rest of the block), from one read of the blocks. Where the blocks do
    not parse by their sizes, the layout is None and the comment is read by its own lengths, as
    mutagen reads it (some writers store a wrong block size), and has no tail."""
    try:
        layout = flac_blocks(path)
    except FlacLayoutError:
        return None, _lenient_flac_comment(path)
    return layout, _comment_block(layout[1])


def _comment_block(blocks: Sequence[tuple[int, bytes]]) -> RawComment | None:
    """The comment held in the VORBIS_COMMENT block of `blocks` (None: there is none)."""
    data = next((d for t, d in blocks if t == _COMMENT), None)
    return None if data is None else parse_comment(data)


def _lenient_flac_comment(path: Path) -> RawComment | None:
    end = os.path.getsize(path)
    with open(path, "rb") as f:
        _seek_flac_marker(f)
        while True:
            header = f.read(4)
            if len(header) < 4:
                raise FlacLayoutError("truncated FLAC metadata")
            if header[0] & 0x7F == _COMMENT:
                return read_comment(f, end)
            if header[0] & 0x80:
                return None
            f.seek(int.from_bytes(header[1:], "big"), 1)


def save_flac_comment(path: Path, comment: bytes, layout: FlacLayout | None = None) -> None:
    """Replace the VORBIS_COMMENT block's data (or add one after STREAMINFO). `layout`: the
    file's blocks as `flac_blocks` just read them (read here when not given)."""
    if len(comment) > _MAX_BLOCK:
        raise TagError("Vorbis comment too large for a FLAC metadata block")
    offset, blocks = layout if layout is not None else flac_blocks(path)
    blocks = list(blocks)  # the caller's list is left as it was
    old_size = sum(4 + len(d) for _, d in blocks)
    at = next((i for i, (t, _) in enumerate(blocks) if t == _COMMENT), None)
    if at is None:
        blocks.insert(1, (_COMMENT, comment))
        grow = 4 + len(comment)
    else:
        grow = len(comment) - len(blocks[at][1])
        blocks[at] = (_COMMENT, comment)
    pad = next((i for i, (t, d) in enumerate(blocks) if t == _PADDING and len(d) - grow >= 0), None)
    if grow and pad is not None:  # the padding absorbs the change: nothing else moves
        blocks[pad] = (_PADDING, bytes(len(blocks[pad][1]) - grow))
    region = b"".join(
        bytes([t | (0x80 if i == len(blocks) - 1 else 0)]) + len(d).to_bytes(3, "big") + d
        for i, (t, d) in enumerate(blocks)
    )
    with open(path, "r+b") as f:
        resize_bytes(f, old_size, len(region), offset)
        f.seek(offset)
        f.write(region)
