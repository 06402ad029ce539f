"""MP4/M4A genre: the `©gen` text atom (a list of values).

mutagen reads a legacy numeric `gnre` atom as `©gen`; writing therefore replaces `gnre` by
`©gen`, which is the genre itself changing form, not another field.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mutagen.mp4 import MP4

from mgc_desktop.tags.base import TagWriter, keep_padding

KEY = "\xa9gen"


class MP4Writer(TagWriter):
    """`©gen` in the `ilst` of an MP4 file."""

    fmt = "mp4"
    file_type = MP4

    def read_genres(self, path: Path) -> list[str]:
        tags = MP4(str(path)).tags
        if tags is None:
            return []
        return [str(v) for v in tags.get(KEY, [])]

    def has_tag(self, path: Path) -> bool:
        return MP4(str(path)).tags is not None

    def write_genres(self, path: Path, genres: Sequence[str], *, raw: bool = False) -> None:
        audio = MP4(str(path))
        if audio.tags is None:
            audio.add_tags()
        if genres:
            audio.tags[KEY] = list(genres)
        else:
            audio.tags.pop(KEY, None)
        audio.save(padding=keep_padding)
