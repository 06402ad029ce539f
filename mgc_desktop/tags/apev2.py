"""APEv2 genre for WavPack, Monkey's Audio and Musepack: the `Genre` item (values split by NUL).

The existing item's key spelling is reused; a tag the file did not have is created.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mutagen.apev2 import APEBinaryValue

from mgc_desktop.tags.base import TagError, TagWriter

KEY = "Genre"


class APEv2Writer(TagWriter):
    """The `Genre` item of an APEv2 tag at the end of the file."""

    def __init__(self, file_cls: type, name: str) -> None:
        self._cls = file_cls
        self.file_type = file_cls
        self.fmt = f"apev2/{name}"

    def _open(self, path: Path):
        return self._cls(str(path))

    @staticmethod
    def _key(tags) -> str | None:
        for k in tags.keys():
            if k.lower() == KEY.lower():
                return k
        return None

    def read_genres(self, path: Path) -> list[str]:
        tags = self._open(path).tags
        if tags is None:
            return []
        key = self._key(tags)
        if key is None:
            return []
        value = tags[key]
        if isinstance(value, APEBinaryValue):
            raise TagError("APEv2 Genre item is binary, not text")
        return list(value)

    def has_tag(self, path: Path) -> bool:
        return self._open(path).tags is not None

    def write_genres(self, path: Path, genres: Sequence[str], *, raw: bool = False) -> None:
        audio = self._open(path)
        if audio.tags is None:
            audio.add_tags()
        key = self._key(audio.tags) or KEY
        if genres:
            audio.tags[key] = list(genres)
        elif key in audio.tags:
            del audio.tags[key]
        audio.save()

    def remove_tag_if_empty(self, path: Path) -> None:
        audio = self._open(path)
        if audio.tags is not None and not len(audio.tags):
            audio.delete()
