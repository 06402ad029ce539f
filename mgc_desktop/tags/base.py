"""The one interface every tag container implements, as Picard's `formats/` do.

A writer only knows how to read and set the genre in its container; copying, journaling and
change checks live beside it (`atomic`, `journal`, `apply`), so each writer stays small.
`write_genres` modifies the file it is given in place: callers hand it a temporary copy.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path

from mutagen import PaddingInfo


class TagError(Exception):
    """A file was refused; the message is one line meant for the user."""


class TagWriter(ABC):
    """Reads and writes the genre of one container type (ID3, Vorbis comments, MP4, ...)."""

    #: short name stored in the journal, e.g. "id3/mp3", "vorbis/flac"
    fmt: str = "?"
    #: the mutagen FileType this writer targets; `mutagen.File` must see the file as this
    file_type: type | None = None

    @abstractmethod
    def read_genres(self, path: Path) -> list[str]:
        """The genre values exactly as stored (raw; no splitting or ID3v1 number lookup)."""

    @abstractmethod
    def has_tag(self, path: Path) -> bool:
        """Whether the file carries a tag of this container at all (undo removes one we added)."""

    @abstractmethod
    def write_genres(self, path: Path, genres: Sequence[str], *, raw: bool = False) -> None:
        """Set the genre to `genres` (empty: remove it), touching nothing else.

        `raw=True` stores the values exactly (undo); otherwise the writer may fold several
        values into one where the container cannot hold a list (ID3v2.3: "; ")."""

    def stored_values(self, path: Path, genres: Sequence[str]) -> list[str]:
        """The values `write_genres(path, genres)` would store (a plan compares them with what
        the file holds, so a write that would change nothing is not made)."""
        return list(genres)

    def check_writable(self, path: Path) -> None:  # noqa: B027 - optional hook
        """Raise TagError when this file's tag cannot be rewritten faithfully (planning time)."""

    def remove_tag_if_empty(self, path: Path) -> None:  # noqa: B027 - optional hook
        """Drop the whole tag when it holds nothing (undo of a file that had no tag)."""


def keep_padding(info: PaddingInfo) -> int:
    """mutagen padding policy for minimal writes: a tag that still fits keeps its size (the
    padding absorbs the change, nothing after it moves); one that grows gets no new padding."""
    return max(info.padding, 0)


def clean_values(values: Sequence[str]) -> list[str]:
    """Genre strings without surrounding blanks and without empty entries."""
    return [v.strip() for v in values if v and v.strip()]


def one_line(exc: BaseException) -> str:
    """A short, single-line description of an exception for per-file error messages."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text}" if text else name
