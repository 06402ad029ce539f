"""The top-level chunks of a RIFF/WAVE or FORM/AIFF file, read without trusting mutagen.

Used to refuse WAV files whose audio is not delimited by a data chunk (an ID3 chunk appended to
such a file is read as audio by decoders) and to find the raw ID3 chunk for verification.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


def check_wave_audio(path: Path) -> None:
    """TagError unless the WAV's audio is a data chunk of known size inside the file."""
    found = chunks(path)
    end = path.stat().st_size
    data = next((c for c in found if c.chunk_id == "data"), None)
    if data is None:
        raise TagError("WAV file has no audio data chunk (a tag chunk could be read as audio)")
    if data.size in (0, 0xFFFFFFFF) or data.offset + data.size > end:
        raise TagError(
            "WAV data chunk size is unset or runs past the end of the file (a streamed WAV); "
            "a tag chunk after it would be read as audio"
        )


def id3_chunk(path: Path) -> bytes | None:
    """The data of the file's ID3 chunk ("id3 " or "ID3 "), or None."""
    for c in chunks(path):
        if c.chunk_id.strip().upper() == "ID3":
            with open(path, "rb") as f:
                f.seek(c.offset)
                return f.read(c.size)
    return None
