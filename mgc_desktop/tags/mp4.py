"""MP4/M4A genre: the `©gen` text atom (a list of values).

mutagen reads a legacy numeric `gnre` atom as `©gen`; writing therefore replaces `gnre` by
`©gen`, which is the genre itself changing form, not another field.

A fragmented MP4 (movie fragments, `moof`, after the `moov`) is only written when the new tag
fits in the space the old one had: when `moov` grows, mutagen shifts the fragments but updates
the data offsets of the first fragment only, so every later fragment would point at the wrong
bytes and the audio would be damaged.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from mutagen.mp4 import MP4, Atoms

from mgc_desktop.tags.base import TagError, TagWriter, keep_padding

KEY = "\xa9gen"


def fragments_after_moov(path: Path) -> int:
    """How many movie fragments (`moof`) follow the `moov` atom."""
    with open(path, "rb") as f:
        names = [a.name for a in Atoms(f).atoms]
    if b"moov" not in names:
        return 0
    return names[names.index(b"moov") :].count(b"moof")


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
        fragments = fragments_after_moov(path)
        size = os.path.getsize(path)
        audio = MP4(str(path))
        if audio.tags is None:
            audio.add_tags()
        if genres:
            audio.tags[KEY] = list(genres)
        else:
            audio.tags.pop(KEY, None)
        audio.save(padding=keep_padding)
        if fragments > 1 and os.path.getsize(path) != size:
            raise TagError(
                f"fragmented MP4 ({fragments} movie fragments) without room for the tag: "
                "growing it would move fragments whose offsets mutagen does not update"
            )
