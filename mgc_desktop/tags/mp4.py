"""MP4/M4A genre: the `©gen` text atom (a list of values).

mutagen reads a legacy numeric `gnre` atom as `©gen`; writing therefore replaces `gnre` by
`©gen`, which is the genre itself changing form, not another field.

A fragmented MP4 (movie fragments, `moof`, after the `moov`) is only written when the new tag
fits in the space the old one had: when `moov` grows, mutagen shifts the fragments but updates
the data offsets of the first fragment only, so every later fragment would point at the wrong
bytes and the audio would be damaged. The same holds for a file whose atom tree mutagen
misreads (a non-printable atom type: a QuickTime `meta` without the version field mutagen
expects, for one): growing its tag moves data whose offsets mutagen does not see.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from mutagen.mp4 import MP4, Atoms

from mgc_desktop.tags.base import TagError, TagWriter, keep_padding

KEY = "\xa9gen"


def misread_atom(path: Path) -> str | None:
    """The first atom whose type is not printable (mutagen misparsed its parent), or None."""
    with open(path, "rb") as f:
        stack = list(Atoms(f).atoms)
    while stack:
        atom = stack.pop(0)
        if not all(32 <= c < 127 or c == 0xA9 for c in atom.name):
            return f"atom {atom.name!r} at byte {atom.offset}"
        stack[:0] = atom.children or []
    return None


def after_moov(path: Path) -> tuple[int, int]:
    """How many bytes follow the `moov` atom (what moves when it grows), and how many movie
    fragments (`moof`) are among them."""
    with open(path, "rb") as f:
        atoms = Atoms(f).atoms
        f.seek(0, 2)
        size = f.tell()
    names = [a.name for a in atoms]
    if b"moov" not in names:
        return 0, 0
    moov = atoms[names.index(b"moov")]
    return size - moov.offset - moov.length, names[names.index(b"moov") :].count(b"moof")


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
        following, fragments = after_moov(path)
        misread = misread_atom(path) if following > 0 else None
        size = os.path.getsize(path)
        audio = MP4(str(path))
        if audio.tags is None:
            audio.add_tags()
        if genres:
            audio.tags[KEY] = list(genres)
        else:
            audio.tags.pop(KEY, None)
        audio.save(padding=keep_padding)
        if misread and os.path.getsize(path) != size:
            raise TagError(
                f"MP4 atom tree that mutagen misreads ({misread}) without room for the tag: "
                "growing it would move data mutagen does not see"
            )
        if fragments > 1 and os.path.getsize(path) != size:
            raise TagError(
                f"fragmented MP4 ({fragments} movie fragments) without room for the tag: "
                "growing it would move fragments whose offsets mutagen does not update"
            )
