"""ID3v2 genre (TCON) for MP3 files and for the ID3 chunk of WAV and AIFF files.

Frames are loaded untranslated (`translate=False`) and saved in the tag's own version, so a v2.3
tag stays v2.3 and its TYER/TORY/unknown frames are written back as they were read. An ID3v1
tail is kept byte for byte (its one genre byte included): modern players read TCON first, and
leaving it alone keeps undo exact. ID3v2.2 tags cannot be written back as v2.2, so such files are
refused rather than silently converted.

Saving goes through `id3raw`: only the TCON frame's bytes change, every other frame stays byte
for byte in its place (mutagen alone would reorder frames and drop empty ones), and the tag keeps
its size while the new frames fit in it (its padding absorbs the difference).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mutagen.aiff import _IFFID3, AIFF
from mutagen.id3 import ID3, TCON, Encoding, ID3NoHeaderError
from mutagen.id3._id3v1 import find_id3v1
from mutagen.id3._tags import ID3SaveConfig, save_frame
from mutagen.mp3 import MP3
from mutagen.wave import WAVE, _WaveID3

from mgc_desktop.tags import id3raw, iff
from mgc_desktop.tags.base import TagError, TagWriter, keep_padding

V23_SEPARATOR = "; "  # not "/": it would split names such as "Pop/Funk"


class _RawTCONSave:
    """Mixin for mutagen's ID3 classes: `_prepare_data` (the bytes of the tag to store) edits
    the TCON frame of the stored tag instead of re-serialising every frame."""

    new_tcon: bytes | None = None

    def _prepare_data(self, fileobj, start, available, v2_version, v23_sep, pad_func):
        fileobj.seek(start)
        old = fileobj.read(available)
        if old[:3] == b"ID3":
            raw = id3raw.parse(old)
        else:  # no tag yet: a new one without padding
            raw, available = id3raw.empty_tag(v2_version), 0
        if (raw is None or raw.version != v2_version) and v2_version == 2:
            raise TagError("ID3v2.2 tag: cannot be rewritten without converting it")
        if raw is None or raw.version != v2_version:
            return super()._prepare_data(  # a tag id3raw does not handle: mutagen's way
                fileobj, start, available, v2_version, v23_sep, pad_func
            )
        return id3raw.with_tcon(raw, self.new_tcon, available)


class _MP3Tag(_RawTCONSave, ID3):
    pass


class _WaveTag(_RawTCONSave, _WaveID3):
    pass


class _AIFFTag(_RawTCONSave, _IFFID3):
    pass


_CLASSES = {"mp3": _MP3Tag, "wav": _WaveTag, "aiff": _AIFFTag}
FILE_TYPES = {"mp3": MP3, "wav": WAVE, "aiff": AIFF}


class ID3Writer(TagWriter):
    """TCON in an ID3v2.3 or v2.4 tag; new tags get `new_version` (4 unless asked for 3)."""

    def __init__(self, container: str, new_version: int = 4) -> None:
        self.container = container
        self.fmt = f"id3/{container}"
        self.new_version = new_version
        self._cls = _CLASSES[container]
        self.file_type = FILE_TYPES[container]

    def _load(self, path: Path) -> ID3 | None:
        try:
            return self._cls(str(path), translate=False, load_v1=False)
        except ID3NoHeaderError:
            return None

    def read_genres(self, path: Path) -> list[str]:
        tags = self._load(path)
        if tags is None or "TCON" not in tags:
            return []
        return [str(v) for v in tags["TCON"].text]

    def check_writable(self, path: Path) -> None:
        """Refuse, before anything is copied, a tag that cannot be written back in its own
        version, and one whose frames cannot be walked even tolerantly: mutagen would rewrite
        it, and nothing could tell which frames it dropped."""
        tags = self._load(path)
        if tags is None:
            return
        version, raw = tags.version[1], self._raw_tag(path)
        parsed = id3raw.parse(raw)
        if version not in (3, 4) and (version != 2 or parsed is None):
            raise TagError(f"ID3v2.{version} tag: cannot be rewritten without converting it")
        if raw and parsed is None and id3raw.frame_ids(raw) is None:  # as verify reads it
            raise TagError(id3raw.UNWALKABLE)

    def _raw_tag(self, path: Path) -> bytes:
        if self.container != "mp3":
            return iff.id3_chunk(path) or b""
        with open(path, "rb") as f:
            head = f.read(10)
            size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9]
            return head + f.read(size)

    def has_tag(self, path: Path) -> bool:
        return self._load(path) is not None

    def stored_values(self, path: Path, genres: Sequence[str]) -> list[str]:
        tags = self._load(path)
        return _fold(genres, self.new_version if tags is None else tags.version[1])

    def write_genres(self, path: Path, genres: Sequence[str], *, raw: bool = False) -> None:
        tags = self._load(path)
        if tags is None:
            tags = self._cls()
            version = self.new_version
        else:
            version = tags.version[1]
        if version not in (2, 3, 4):
            raise TagError(f"ID3v2.{version} tag: cannot be rewritten without converting it")
        values = list(genres) if raw else _fold(genres, version)
        if not values:
            tags.delall("TCON")
        elif "TCON" in tags:
            frame = tags["TCON"]
            frame.text = values
            if frame.encoding == Encoding.LATIN1 and not _latin1(values):
                frame.encoding = Encoding.UTF8 if version == 4 else Encoding.UTF16
        else:
            enc = (
                Encoding.LATIN1
                if _latin1(values)
                else (Encoding.UTF8 if version == 4 else Encoding.UTF16)
            )
            tags.add(TCON(encoding=enc, text=values))
        tags.new_tcon = _genre_frame(tags["TCON"], version) if values else None
        if self.container == "mp3":
            self._save_mp3(tags, path, version)
        elif self.container == "wav" and self._save_wav(tags, path, version):
            pass
        else:
            tags.save(str(path), v2_version=version, v23_sep=None, padding=keep_padding)

    @staticmethod
    def _save_wav(tags: ID3, path: Path, version: int) -> bool:
        """Write the ID3 chunk with `iff.put_wave_id3`; False where id3raw cannot edit the tag
        (mutagen saves it then, and verification judges the result)."""
        old = iff.id3_chunk(path)
        raw = id3raw.parse(old) if old else id3raw.empty_tag(version)
        if raw is None or raw.version != version:
            return False
        iff.put_wave_id3(path, id3raw.with_tcon(raw, tags.new_tcon, len(old or b"")))
        return True

    @staticmethod
    def _save_mp3(tags: ID3, path: Path, version: int) -> None:
        with open(path, "rb") as f:
            v1, offset = find_id3v1(f)
            tail = b""
            if v1 is not None:
                f.seek(offset, 2)
                tail = f.read()
        # v1=0 drops the tail (mutagen would rebuild it from the v2 frames, and fails on some
        # of them); its exact bytes go back after the save.
        tags.save(str(path), v1=0, v2_version=version, v23_sep=None, padding=keep_padding)
        if tail:
            with open(path, "ab") as f:
                f.write(tail)

    def remove_tag_if_empty(self, path: Path) -> None:
        tags = self._load(path)
        if tags is None or len(tags) or tags.unknown_frames:
            return
        if self.container == "mp3":
            tags.delete(str(path), delete_v1=False, delete_v2=True)
        else:
            tags.delete(str(path))


def _genre_frame(frame: TCON, version: int) -> bytes:
    """The stored bytes of the genre frame for this tag version (v2.2: `TCO`, which mutagen
    cannot write: a v2.3 frame's payload under a v2.2 header)."""
    if version != 2:
        return save_frame(frame, config=ID3SaveConfig(version, None))
    payload = save_frame(frame, config=ID3SaveConfig(3, None))[10:]
    return id3raw.frame_bytes("TCO", payload, 2)


def _fold(genres: Sequence[str], version: int) -> list[str]:
    """The values as stored: ID3v2.2 and v2.3 hold one text, so several genres are joined."""
    values = list(genres)
    return [V23_SEPARATOR.join(values)] if version in (2, 3) and len(values) > 1 else values


def _latin1(values: Sequence[str]) -> bool:
    try:
        for v in values:
            v.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True
