"""Edit the genre frame of an ID3v2 tag at the byte level, leaving every other byte alone.

mutagen re-serialises a whole tag on save: it sorts frames by its own order, drops frames with
an empty value (an empty TDRC vanishes) and rewrites frames it parsed. Working on the raw tag
keeps every other frame byte for byte and in its place, keeps the version, and reuses the tag's
padding, so a genre change touches only the TCON frame and the padding after the frames.
Tags this parser does not fully understand (unsynchronised, extended header, footer, frames that
do not end exactly in zero padding) return None, and the caller falls back to mutagen, whose
rewrite drops frames it cannot read: `frame_ids` lists such a tag's frames tolerantly, so that
verification can count them. ID3v2.2 tags (3-character frame ids, `TCO`), which mutagen cannot
write at all, are handled here too.

ID3v2.4 frame sizes are syncsafe, but old iTunes wrote them as plain integers, and mutagen reads
such tags (it tries both). So does this module: sizes are read syncsafe first and, where that
walk does not run cleanly into the padding, plain; a tag read with plain sizes keeps them (its
new genre frame gets a plain size too), and is refused only when neither walk accounts for every
frame.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

_FRAME_ID = {2: re.compile(rb"[A-Z0-9]{3}\Z"), 3: re.compile(rb"[A-Z0-9]{4}\Z")}
_FRAME_ID[4] = _FRAME_ID[3]
_HEADER_LEN = {2: 6, 3: 10, 4: 10}
GENRE_ID = {2: "TCO", 3: "TCON", 4: "TCON"}
_FLAG_UNSYNC, _FLAG_EXTENDED, _FLAG_FOOTER = 0x80, 0x40, 0x10
#: why a tag whose frames not even `frame_ids` can walk is refused
UNWALKABLE = (
    "ID3 tag holds data this app cannot check frame by frame (stray bytes or an unusual "
    "layout); not rewritten"
)


@dataclass(frozen=True)
class RawFrame:
    """One frame as stored: its id and its complete bytes (header included)."""

    frame_id: str
    data: bytes


@dataclass(frozen=True)
class RawTag:
    """A parsed ID3v2 tag: version (2, 3 or 4), header flags, frames in file order, padding;
    `plain_sizes`: a v2.4 tag whose frame sizes are plain integers (old iTunes), not syncsafe."""

    version: int
    flags: int
    frames: tuple[RawFrame, ...]
    padding: int
    plain_sizes: bool = False

    def others(self) -> list[RawFrame]:
        """Every frame but the genre, in file order (what a genre write must leave alone)."""
        return [f for f in self.frames if f.frame_id != GENRE_ID[self.version]]


def _syncsafe(raw: bytes) -> int:
    b = raw
    if any(x & 0x80 for x in b):
        raise ValueError("not syncsafe")
    return (b[0] << 21) | (b[1] << 14) | (b[2] << 7) | b[3]


def _to_syncsafe(n: int) -> bytes:
    return bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])


def parse(tag: bytes) -> RawTag | None:
    """The frames of a complete ID3v2.2/2.3/2.4 tag (header first), or None when this module
    does not handle it faithfully."""
    header = _header(tag, (2, 3, 4))
    if header is None or tag[4] != 0:  # a revision this module does not know
        return None
    version, flags, body = header
    if flags & (_FLAG_UNSYNC | _FLAG_EXTENDED | _FLAG_FOOTER):
        return None
    walked = _walk_any(body, version)
    if walked is None:
        return None
    frames, padding, plain = walked
    return RawTag(version, flags, tuple(frames), padding, plain)


def _header(tag: bytes, versions: tuple[int, ...]) -> tuple[int, int, bytes] | None:
    """(version, flags, body) of a complete ID3v2 tag of one of `versions`; None when the
    header is not one or the body does not fit."""
    if len(tag) < 10 or tag[:3] != b"ID3" or tag[3] not in versions:
        return None
    try:
        size = _syncsafe(tag[6:10])
    except ValueError:
        return None
    if 10 + size > len(tag):
        return None
    return tag[3], tag[5], tag[10 : 10 + size]


def _walk_any(body: bytes, version: int) -> tuple[list[RawFrame], int, bool] | None:
    """`_walk`, and for a v2.4 body whose syncsafe walk fails, the walk with plain sizes (old
    iTunes tags, which mutagen reads the same way); the last item says whether sizes were plain.
    None when no walk accounts for every frame."""
    walked = _walk(body, version)
    if walked is not None:
        return (*walked, False)
    if version == 4:
        walked = _walk(body, version, plain=True)
        if walked is not None:
            return (*walked, True)
    return None


def _walk(body: bytes, version: int, *, plain: bool = False) -> tuple[list[RawFrame], int] | None:
    """The frames of a tag body and the size of the zero padding after them; None unless the
    frames run exactly into zero padding (or the end). v2.4 sizes are read syncsafe unless
    `plain`."""
    frames: list[RawFrame] = []
    pos = 0
    hlen = _HEADER_LEN[version]
    idlen = hlen - 6 if version > 2 else 3
    while pos + hlen <= len(body) and body[pos] != 0:
        frame_id = body[pos : pos + idlen]
        if not _FRAME_ID[version].match(frame_id):
            return None
        raw_size = body[pos + idlen : pos + 2 * idlen]
        try:
            syncsafe = version == 4 and not plain
            fsize = _syncsafe(raw_size) if syncsafe else int.from_bytes(raw_size, "big")
        except ValueError:
            return None
        end = pos + hlen + fsize
        if end > len(body):
            return None
        frames.append(RawFrame(frame_id.decode("ascii"), body[pos:end]))
        pos = end
    if any(body[pos:]):  # whatever follows the frames must be zero padding
        return None
    return frames, len(body) - pos


def frame_ids(tag: bytes) -> list[str] | None:
    """The frame ids of a complete ID3v2.3/2.4 tag in file order, read tolerantly: past an
    extended header, through v2.3 unsynchronisation, before a footer, v2.4 sizes syncsafe or
    plain (old iTunes). None when even so the frames do not run cleanly into zero padding
    (nothing can prove a rewrite kept them all)."""
    header = _header(tag, (3, 4))
    if header is None:
        return None
    version, flags, body = header
    if version == 3 and flags & _FLAG_UNSYNC:  # v2.4 unsynchronises frame by frame, sizes after
        body = body.replace(b"\xff\x00", b"\xff")
    if flags & _FLAG_EXTENDED:
        skip = _extended_header_size(body, version)
        if skip is None:
            return None
        body = body[skip:]
    walked = _walk_any(body, version)
    return None if walked is None else [f.frame_id for f in walked[0]]


def _extended_header_size(body: bytes, version: int) -> int | None:
    """v2.3 stores a plain size that leaves itself out, v2.4 a syncsafe one that counts itself;
    None when it does not fit in the tag."""
    if len(body) < 4:
        return None
    try:
        size = int.from_bytes(body[:4], "big") + 4 if version == 3 else _syncsafe(body[:4])
    except ValueError:
        return None
    return size if size <= len(body) else None


def frame_bytes(frame_id: str, payload: bytes, version: int) -> bytes:
    """A frame with no flags: header (size syncsafe in v2.4, plain in v2.3, 3 bytes and no
    flags in v2.2) and payload."""
    if version == 2:
        return frame_id.encode("ascii") + len(payload).to_bytes(3, "big") + payload
    size = _to_syncsafe(len(payload)) if version == 4 else struct.pack(">I", len(payload))
    return frame_id.encode("ascii") + size + b"\x00\x00" + payload


def with_tcon(tag: RawTag, tcon: bytes | None, available: int) -> bytes:
    """The tag's bytes with its genre frame replaced by `tcon` (None: removed); a tag without
    one gets it after its last frame. The result keeps `available` bytes (the old tag's size)
    when it fits, the rest being padding; otherwise it grows with no padding at all. In a tag
    with plain frame sizes the genre frame's size is written plain too, so that every frame of
    the tag reads the same way."""
    if tcon is not None and tag.plain_sizes:
        tcon = tcon[:4] + struct.pack(">I", len(tcon) - 10) + tcon[8:]
    out: list[bytes] = []
    placed = tcon is None
    for f in tag.frames:
        if f.frame_id == GENRE_ID[tag.version]:
            if not placed:
                out.append(tcon)
                placed = True
            continue
        out.append(f.data)
    if not placed:
        out.append(tcon)
    frames = b"".join(out)
    padding = max(available - 10 - len(frames), 0)
    body = frames + b"\x00" * padding
    return b"ID3" + bytes([tag.version, 0, tag.flags]) + _to_syncsafe(len(body)) + body


def empty_tag(version: int) -> RawTag:
    """A tag with no frames, for files that have none yet."""
    return RawTag(version, 0, (), 0)
