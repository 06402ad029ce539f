"""ASF/WMA genre: the `WM/Genre` attribute (one attribute per value)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mutagen.asf import ASF

from mgc_desktop.tags.base import TagWriter, keep_padding

KEY = "WM/Genre"


class ASFWriter(TagWriter):
    """`WM/Genre` in the extended content description of an ASF file."""

    fmt = "asf"
    file_type = ASF

    def read_genres(self, path: Path) -> list[str]:
        tags = ASF(str(path)).tags
        if tags is None:
            return []
        return [str(v) for v in tags.get(KEY, [])]

    def has_tag(self, path: Path) -> bool:
        return ASF(str(path)).tags is not None

    def write_genres(self, path: Path, genres: Sequence[str], *, raw: bool = False) -> None:
        audio = ASF(str(path))
        if audio.tags is None:
            audio.add_tags()
        if genres:
            audio.tags[KEY] = list(genres)
        elif KEY in audio.tags:
            del audio.tags[KEY]
        audio.save(padding=keep_padding)
