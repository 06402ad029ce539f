"""Vorbis comments (FLAC, Ogg Vorbis, Opus, Ogg FLAC, Speex): one GENRE field per value.

Comments are an ordered list of (key, value); the genre entries are replaced where they stand,
so the order and the key spelling of every other comment stay as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mgc_desktop.tags.base import TagWriter

KEY = "GENRE"


class VorbisWriter(TagWriter):
    """GENRE comments in any mutagen file type whose tags are a Vorbis comment list."""

    def __init__(self, file_cls: type, name: str) -> None:
        self._cls = file_cls
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
        if self.fmt == "vorbis/flac":
            audio.save(deleteid3=False)
        else:
            audio.save()
