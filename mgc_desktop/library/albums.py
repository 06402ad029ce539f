"""Album-consistent genres: every track of one album gets the album's genre.

Users of every tagger ask for this: a live track or an interlude classified as something else
splits an album across genres in their player. The album's genre comes from the summed
probabilities of its classified tracks (a long confident track weighs as much as a short one;
silent tracks carry no probabilities and do not vote). Per-track predictions are untouched, so
the GUI can show both.

Which tracks form an album:
- album tag and album artist tag: all tracks with the same (album artist, album), anywhere;
- album tag without album artist: same album name in the same folder (two "Greatest Hits" by
  different artists must not merge);
- no album tag: the folder.
Tag comparisons ignore case and surrounding spaces.

An album is named as taggers name it: "album artist — album" from the tags (an album tag
without an album artist takes the artist all its tracks share, as players fall back to it),
else the album or folder name alone: never the artist of whichever track came first.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Protocol


class _Prediction(Protocol):
    @property
    def probabilities(self) -> Mapping[str, float]: ...


class AlbumTrack(Protocol):
    """What grouping needs of a track (library.index.Track has it; so has the GUI's row
    snapshot): no import of the index, which itself groups its tracks here."""

    @property
    def path(self) -> str: ...
    @property
    def folder(self) -> str: ...
    @property
    def album(self) -> str | None: ...
    @property
    def albumartist(self) -> str | None: ...
    @property
    def artist(self) -> str | None: ...
    @property
    def prediction(self) -> _Prediction | None: ...


@dataclass(frozen=True)
class AlbumGenre:
    """One album's verdict. `tracks` lists member paths; `classified` counts the voters."""

    key: tuple[str, str, str]
    title: str
    artist: str | None
    folder: str | None
    tracks: tuple[str, ...]
    classified: int
    genre: str | None
    confidence: float
    probabilities: dict[str, float]
    shared_artist: str | None = None  # an album tag without album artist: its tracks' one artist

    @property
    def label(self) -> str:
        """How the album is named: "album artist — album" from the tags, else the album (or
        folder) name alone; never the artist of whichever track came first."""
        who = self.artist or self.shared_artist
        return f"{who} — {self.title}" if who else self.title


def _norm(value: str | None) -> str:
    return " ".join((value or "").split()).casefold()


def album_key(track: AlbumTrack) -> tuple[str, str, str]:
    """('tags', album artist, album), ('tags-folder', album, folder) or ('folder', '', folder)."""
    album, albumartist = _norm(track.album), _norm(track.albumartist)
    if album and albumartist:
        return ("tags", albumartist, album)
    if album:
        return ("tags-folder", album, track.folder)
    return ("folder", "", track.folder)


def album_genres(tracks: Iterable[AlbumTrack]) -> list[AlbumGenre]:
    """Group tracks into albums and give each the argmax of its summed probabilities."""
    groups: dict[tuple[str, str, str], list[AlbumTrack]] = {}
    for track in tracks:
        groups.setdefault(album_key(track), []).append(track)
    out = []
    for key, members in groups.items():
        totals: dict[str, float] = {}
        voters = 0
        for track in members:
            pred = track.prediction
            if pred is None or not pred.probabilities:
                continue
            voters += 1
            for genre, p in pred.probabilities.items():
                totals[genre] = totals.get(genre, 0.0) + float(p)
        norm = sum(totals.values())
        probabilities = {g: v / norm for g, v in totals.items()} if norm > 0 else {}
        genre = max(probabilities, key=probabilities.__getitem__) if probabilities else None
        first = members[0]
        out.append(
            AlbumGenre(
                key=key,
                title=first.album or _folder_name(first.folder),
                artist=first.albumartist if key[0] == "tags" else None,
                folder=first.folder if key[0] != "tags" else None,
                tracks=tuple(sorted(t.path for t in members)),
                classified=voters,
                genre=genre,
                confidence=probabilities.get(genre, 0.0) if genre else 0.0,
                probabilities=probabilities,
                shared_artist=_shared_artist(members) if key[0] == "tags-folder" else None,
            )
        )
    out.sort(key=lambda a: a.tracks[0])
    return out


def _shared_artist(members: list[AlbumTrack]) -> str | None:
    """The artist tag every track has in common (None when they differ or one has none)."""
    artists = {_norm(t.artist) for t in members}
    return members[0].artist if len(artists) == 1 and "" not in artists else None


def genre_by_track(albums: Iterable[AlbumGenre]) -> dict[str, AlbumGenre]:
    """path -> its album's verdict, for showing both genres side by side."""
    return {path: album for album in albums for path in album.tracks}


def _folder_name(folder: str, paths: ModuleType = os.path) -> str:
    """The last component of a folder path (`paths`: the platform's path module; a parameter
    only so tests can use Windows' rules)."""
    return paths.basename(folder.rstrip(paths.sep + (paths.altsep or ""))) or folder
