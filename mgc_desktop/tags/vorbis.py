"""Vorbis comments (FLAC, Ogg Vorbis, Opus, Ogg FLAC, Speex): one GENRE field per value.

An Ogg file whose first stream is Theora video (multiplexed with Vorbis audio) is read by
`mutagen.File` as OggTheora, from the Theora stream's comment header: the genre goes there, where
other players using mutagen read it, rather than into the Vorbis stream where they would not.

Comments are an ordered list of (key, value); the genre entries are replaced where they stand,
so the order and the key spelling of every other comment stay as they were. Ogg streams keep
their comment packet's size while the padding inside it can absorb the change (so the pages stay
as they were). FLAC is saved block by block here: mutagen would move PADDING to the end and add a
PADDING block to files that had none; this keeps every other block byte for byte and in place,
lets an existing PADDING block absorb the change, and never adds one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mutagen._util import resize_bytes
from mutagen.flac import FLAC

from mgc_desktop.tags.base import TagError, TagWriter, keep_padding

KEY = "GENRE"


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
        tags = audio.tags
        entries = list(tags)
        positions = [i for i, (k, _) in enumerate(entries) if k.upper() == KEY]
        key = entries[positions[0]][0] if positions else KEY
        new = [(key, g) for g in genres]
        if positions:
            first = positions[0]
            kept = [e for i, e in enumerate(entries) if i not in set(positions)]
            # insert where the first genre stood (counted among the kept entries)
            at = sum(1 for i in range(first) if i not in set(positions))
            kept[at:at] = new
            entries = kept
        else:
            entries.extend(new)
        del tags[:]
        tags.extend(entries)
        if isinstance(audio, FLAC):
            try:
                save_flac_comment(path, tags.write(framing=False))
            except FlacLayoutError:  # blocks mutagen reads leniently: its own save, verified
                audio.save(deleteid3=False, padding=keep_padding)
        else:
            audio.save(padding=keep_padding)


_COMMENT, _PADDING, _MAX_BLOCK = 4, 1, (1 << 24) - 1


class FlacLayoutError(TagError):
    """The metadata blocks do not parse as their headers say (mutagen may still read them)."""


def flac_blocks(path: Path) -> tuple[int, list[tuple[int, bytes]]]:
    """Where the FLAC metadata blocks start (after "fLaC") and each block's (type, data)."""
    with open(path, "rb") as f:
        head = f.read(10)
        start = 0
        if head[:3] == b"ID3" and len(head) == 10:  # an ID3v2 tag some tools put first
            size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9]
            start = 10 + size + (10 if head[5] & 0x10 else 0)
        f.seek(start)
        if f.read(4) != b"fLaC":
            raise FlacLayoutError("FLAC stream marker not found")
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
                return start + 4, blocks


def save_flac_comment(path: Path, comment: bytes) -> None:
    """Replace the VORBIS_COMMENT block's data (or add one after STREAMINFO)."""
    if len(comment) > _MAX_BLOCK:
        raise TagError("Vorbis comment too large for a FLAC metadata block")
    offset, blocks = flac_blocks(path)
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
