"""The top-level chunks of a RIFF/WAVE or FORM/AIFF file, and the WAV ID3 chunk writer.

A WAV whose data chunk does not say where the audio ends (size 0 or 0xFFFFFFFF, as streaming
encoders leave it, or a size running past the end) is decoded to the end of the file: an ID3
chunk appended after it, where mutagen puts a new one, would be decoded as audio. Here a new ID3
chunk goes before such a data chunk; an existing one is resized where it stands. A RIFF size
left unset (0xFFFFFFFF) stays unset; a new chunk at the end goes right after the last chunk
(before stray bytes some writers leave), and a last chunk of odd size missing its pad byte gets
one first, so that chunk readers find the new chunk.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from mutagen._util import resize_bytes

from mgc_desktop.tags.base import TagError


@dataclass(frozen=True)
class Chunk:
    """One chunk: its id, where its data starts, and the size its header declares."""

    chunk_id: str
    offset: int
    size: int


def chunks(path: Path) -> list[Chunk]:
    """Top-level chunks in file order; a declared size running past the end is kept as is."""
    with open(path, "rb") as f:
        head = f.read(12)
        if head[:4] in (b"RIFF", b"RF64"):
            order = "little"
        elif head[:4] == b"FORM":
            order = "big"
        else:
            raise TagError("not a RIFF or FORM file")
        f.seek(0, 2)
        end = f.tell()
        out = []
        pos = 12
        while pos + 8 <= end:
            f.seek(pos)
            header = f.read(8)
            size = int.from_bytes(header[4:], order)
            out.append(Chunk(header[:4].decode("latin-1"), pos + 8, size))
            pos += 8 + size + (size & 1)
        return out


def _id3(found: list[Chunk]) -> Chunk | None:
    return next((c for c in found if c.chunk_id.strip().upper() == "ID3"), None)


def id3_chunk(path: Path) -> bytes | None:
    """The data of the file's ID3 chunk ("id3 " or "ID3 "), or None."""
    c = _id3(chunks(path))
    if c is None:
        return None
    with open(path, "rb") as f:
        f.seek(c.offset)
        return f.read(c.size)


def put_wave_id3(path: Path, tag: bytes) -> None:
    """Store `tag` as the WAV's ID3 chunk (see the module docstring for where)."""
    found = chunks(path)
    end = path.stat().st_size
    if any(c.offset + c.size > end for c in found if c.chunk_id != "data"):
        raise TagError("WAV chunk runs past the end of the file")
    prefix = b""
    existing = _id3(found)
    if existing is not None:
        start, old_len = existing.offset - 8, 8 + existing.size + (existing.size & 1)
        name = existing.chunk_id.encode("latin-1")
    else:
        name, old_len = b"id3 ", 0
        data = next((c for c in found if c.chunk_id == "data"), None)
        if data is not None and (
            data.size in (0, 0xFFFFFFFF) or data.offset + data.size > end
        ):  # audio runs to the end of the file: the tag goes before it
            start = data.offset - 8
        elif found:  # after the last chunk (and before any stray bytes after it)
            last = found[-1]
            start = min(end, last.offset + last.size + (last.size & 1))
            if last.size & 1 and start == last.offset + last.size:
                prefix = b"\x00"  # the pad byte the last chunk is missing
        else:
            start = end
    chunk = prefix + name + struct.pack("<I", len(tag)) + tag + b"\x00" * (len(tag) & 1)
    with open(path, "r+b") as f:
        resize_bytes(f, old_len, len(chunk), start)
        f.seek(start)
        f.write(chunk)
        f.seek(4)
        riff = struct.unpack("<I", f.read(4))[0]
        if riff != 0xFFFFFFFF:  # unset stays unset
            f.seek(4)
            f.write(struct.pack("<I", min(riff + len(chunk) - old_len, 0xFFFFFFFE)))
