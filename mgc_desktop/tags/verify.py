"""Verify a rewritten copy before it replaces the original: the general guard of every write.

The copy is read back the way other players read it, through `mutagen.File`: it must be the
same kind of file with the same stream parameters, hold exactly the genre that was written, and
every other tag and picture must be identical. Where a container can be read raw (ID3v2 frames,
FLAC metadata blocks, Vorbis comment entries), those bytes are compared too, which catches what
mutagen's parsed view hides (an empty frame it drops, a value it decodes lossily). An ID3 tag
the byte-level editor cannot parse (extended header, unsynchronisation) is rewritten by mutagen,
which drops frames it cannot read: its frames are counted then, and a tag whose frames cannot
even be walked is refused (already when the write is planned: `ID3Writer.check_writable`). The
audio is compared as the demuxed packets of every stream (PyAV: payload, timestamps, stream
index), hashed: exact, and much faster than decoding.
"""

from __future__ import annotations

import hashlib
import struct
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import av
import mutagen
from mutagen.aiff import AIFF
from mutagen.apev2 import APETextValue, APEv2, _APEv2Data
from mutagen.asf import ASF, ASFTags
from mutagen.flac import FLAC
from mutagen.id3 import ID3, ID3NoHeaderError
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4, MP4Tags
from mutagen.wave import WAVE

from mgc_desktop.tags import id3raw, iff
from mgc_desktop.tags.base import TagError, one_line
from mgc_desktop.tags.vorbis import (
    VORBIS_TYPES,
    RawComment,
    is_genre,
    raw_comment,
    read_flac,
)

_NO_TS = -(1 << 63)
_FLAC_COMMENT, _FLAC_PADDING = 4, 1


@dataclass(frozen=True)
class Snapshot:
    """What a file holds, in comparable form."""

    kind: str
    stream: tuple
    genre: tuple[str, ...]
    others: tuple
    raw: tuple | None  # raw bytes of every non-genre item; None where not parsed raw
    vendor: bytes | None  # a Vorbis comment's vendor string (None: no comment block)
    audio: str | None  # digest of the demuxed packets; None when FFmpeg cannot demux the file
    comment: tuple = ()  # a Vorbis comment's non-genre entries and what follows them, as stored
    frames: tuple[str, ...] = ()  # the ids of an ID3 tag's non-genre frames, sorted


def audio_digest(path: Path) -> str | None:
    """sha256 over every demuxed packet (stream, pts, dts, payload); None if unreadable."""
    h = hashlib.sha256()
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            for packet in container.demux():
                if packet.size == 0:
                    continue
                pts = _NO_TS if packet.pts is None else packet.pts
                dts = _NO_TS if packet.dts is None else packet.dts
                h.update(struct.pack("<iqqi", packet.stream.index, pts, dts, packet.size))
                h.update(bytes(packet))
    except Exception:  # noqa: BLE001 - FFmpeg cannot read it: compared as "unreadable"
        return None
    return h.hexdigest()


def decoded_digest(path: Path) -> str | None:
    """sha256 of every decoded sample of every audio stream; None if it cannot be decoded."""
    h = hashlib.sha256()
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                return None
            for frame in container.decode(*container.streams.audio):
                h.update(frame.to_ndarray().tobytes())
    except Exception:  # noqa: BLE001 - FFmpeg cannot decode it: compared as "undecodable"
        return None
    return h.hexdigest()


def _id3_view(f: mutagen.FileType, path: Path) -> tuple[tuple, tuple, tuple | None, tuple]:
    cls = type(f.tags) if isinstance(f.tags, ID3) else ID3
    try:
        tags = cls(str(path), translate=False, load_v1=False)
    except ID3NoHeaderError:
        tags = None
    genre: tuple = ()
    others: list = [sorted(repr(v) for k, v in (f.tags or {}).items() if v.FrameID != "TCON")]
    frames = sorted(repr(v) for v in tags.values() if v.FrameID != "TCON") if tags else []
    unknown = sorted(tags.unknown_frames) if tags else []
    if tags is not None and "TCON" in tags:
        genre = tuple(str(v) for v in tags["TCON"].text)
    # a tag holding only the genre may come and go with it (undo of a tag we added)
    others += [tags.version if frames or unknown else None, frames, unknown]
    raw_tag = _raw_id3(f, path)
    parsed = id3raw.parse(raw_tag) if raw_tag else id3raw.empty_tag(4)
    raw = None if parsed is None else tuple(fr.data for fr in parsed.others())
    ids = id3raw.frame_ids(raw_tag) if parsed is None else [fr.frame_id for fr in parsed.frames]
    if ids is None:  # refused when planned (ID3Writer.check_writable); undo does not plan
        raise TagError(id3raw.UNWALKABLE)
    if isinstance(f, MP3):
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            fh.seek(max(fh.tell() - 128, 0))
            tail = fh.read()
        others.append(tail if tail[:3] == b"TAG" else None)
    kept_ids = tuple(sorted(i for i in ids if i not in id3raw.GENRE_ID.values()))
    return genre, tuple(map(repr, others)), raw, kept_ids


def _raw_id3(f: mutagen.FileType, path: Path) -> bytes | None:
    if isinstance(f, (WAVE, AIFF)):
        return iff.id3_chunk(path)
    with open(path, "rb") as fh:
        head = fh.read(10)
        if head[:3] != b"ID3" or len(head) < 10:
            return None
        size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9]
        return head + fh.read(size)


def _items(tags) -> list[tuple[str, object]]:
    if tags is None:
        return []
    return list(tags) if isinstance(tags, list) else list(tags.items())


def _is_genre(f: mutagen.FileType, key: str) -> bool:
    if isinstance(f, MP4):
        return key in ("\xa9gen", "gnre")
    if isinstance(f, ASF):
        return key == "WM/Genre"
    return key.lower() == "genre"


def _open(path: Path, file_type: type | None):
    """`mutagen.File`; for a misnamed file that it cannot open, the writer's own type."""
    try:
        f = mutagen.File(str(path))
    except Exception as exc:  # noqa: BLE001 - mutagen raises anything on broken files
        if file_type is None:
            raise TagError(f"mutagen cannot read the file ({one_line(exc)})") from exc
        f = None
    if f is None and file_type is not None:
        try:
            f = file_type(str(path))
        except Exception as exc:  # noqa: BLE001
            raise TagError(f"mutagen cannot read the file ({one_line(exc)})") from exc
    if f is None:
        raise TagError("mutagen does not recognise the file")
    return f


def snapshot(path: str | Path, file_type: type | None = None) -> Snapshot:
    """Read a file through `mutagen.File` (and raw where possible) for comparison.
    `file_type` is used where `mutagen.File` cannot open the file (a misnamed one)."""
    path = Path(path)
    f = _open(path, file_type)
    info = f.info
    stream = tuple(
        round(v, 3) if isinstance(v, float) else v
        for v in (getattr(info, a, None) for a in ("sample_rate", "channels", "length"))
    )
    raw, vendor, comment, frames = None, None, (), ()
    if isinstance(f, (MP3, WAVE, AIFF)) or isinstance(f.tags, ID3):
        genre, others, raw, frames = _id3_view(f, path)
    else:
        items = _items(f.tags)
        genre = tuple(str(v) for k, v in items if _is_genre(f, k) for v in _values(v))
        rest = [(k, repr(v)) for k, v in items if not _is_genre(f, k)]
        # Vorbis comments are an ordered list; the other containers' order is the writer's
        others = tuple(sorted(rest) if isinstance(f.tags, (MP4Tags, APEv2, ASFTags)) else rest)
        if isinstance(f, FLAC):
            layout, stored = read_flac(path)  # one read of the blocks for both views
            if layout is not None:  # else blocks that do not parse: mutagen's view only
                raw = tuple(b for b in layout[1] if b[0] not in (_FLAC_COMMENT, _FLAC_PADDING))
        elif isinstance(f, VORBIS_TYPES):
            stored = raw_comment(path, f)
        if isinstance(f, VORBIS_TYPES):
            vendor = None if stored is None else stored.vendor
            comment = _comment_view(stored)
    return Snapshot(
        type(f).__name__, stream, genre, others, raw, vendor, audio_digest(path), comment, frames
    )


def _comment_view(comment: RawComment | None) -> tuple:
    """What a genre write must leave alone in a Vorbis comment: the other entries' bytes and
    whatever follows them (zero padding aside). A missing comment reads as an empty one, so a
    comment added to hold only the genre compares equal."""
    if comment is None:
        return ((), b"")
    return tuple(e for e in comment.entries if not is_genre(e)), comment.tail.rstrip(b"\0")


def _values(v) -> list:
    return list(v) if isinstance(v, (list, APETextValue)) else [v]


def check(
    before: Snapshot,
    path: str | Path,
    genre: Sequence[str],
    file_type: type | None = None,
    original: str | Path | None = None,
) -> Snapshot:
    """TagError (one line) unless `path` is `before` with exactly `genre` as its genre.

    Audio: the demuxed packets must be identical; where they are not, and the `original` file
    is given, the fully decoded audio of both must be (some demuxers, Monkey's Audio's for one,
    let the last packet run into a tag at the end, which decoders ignore)."""
    after = snapshot(path, file_type)
    if after.kind != before.kind:
        raise TagError(f"verify: mutagen now reads the file as {after.kind}, not {before.kind}")
    if after.stream != before.stream:
        raise TagError("verify: stream parameters changed (rate, channels or length)")
    if list(after.genre) != list(genre):
        raise TagError(
            f"verify: genre reads back as {'; '.join(after.genre) or 'nothing'}, "
            f"not {'; '.join(genre) or 'nothing'}"
        )
    raw_differs = None not in (before.raw, after.raw) and after.raw != before.raw
    vendor_differs = before.vendor is not None and after.vendor != before.vendor
    others_differ = (after.others, after.comment) != (before.others, before.comment)
    if others_differ or raw_differs or vendor_differs:
        raise TagError("verify: another tag or picture changed")
    lost = sorted((Counter(before.frames) - Counter(after.frames)).elements())
    if lost:  # frames mutagen did not read, so only counting them shows they went
        raise TagError(
            f"verify: rewriting this ID3 tag would drop frames mutagen cannot read "
            f"({', '.join(lost)}); file left unchanged"
        )
    if after.frames != before.frames:
        raise TagError("verify: another tag or picture changed")
    if not _same_audio(before, after, original, path):
        raise TagError("verify: the audio data changed")
    return after


def _same_audio(before: Snapshot, after: Snapshot, original, path) -> bool:
    if after.audio == before.audio:
        return True
    if original is None or before.audio is None or after.audio is None:
        return False  # FFmpeg reads one and not the other: that is a change
    decoded = decoded_digest(Path(original)), decoded_digest(Path(path))
    if decoded != (None, None):
        return decoded[0] == decoded[1]
    # FFmpeg decodes neither: only identical bytes before a tail tag prove the audio the same
    return _same_bytes_before_tail_tag(Path(original), Path(path))


def _same_bytes_before_tail_tag(original: Path, path: Path) -> bool:
    """For a file FFmpeg cannot decode whose tag sits at its end (APEv2, then maybe ID3v1):
    every byte before the original's tag is still the same, so the audio is."""
    with open(original, "rb") as f:
        try:
            ape = _APEv2Data(f)
        except Exception:  # noqa: BLE001 - a broken tag: no proof
            return False
        if ape.start is not None and not ape.is_at_start:
            end = ape.start
        else:
            f.seek(0, 2)
            end = f.tell()
            if end >= 128:
                f.seek(-128, 2)
                end -= 128 if f.read(3) == b"TAG" else 0
    with open(original, "rb") as a, open(path, "rb") as b:
        left = end
        while left > 0:
            n = min(left, 1 << 20)
            if a.read(n) != b.read(n):
                return False
            left -= n
    return True
