"""The owner's genre names: spellings that differ only in case or surrounding blanks are one
genre, named as most tracks spell it; genres with too few tracks are left out, with the reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


def genre_key(name: str) -> str:
    """The form used only for matching spellings: case and surrounding blanks ignored."""
    return name.strip().casefold()


def split_genres(values: Sequence[str]) -> list[str]:
    """Stored genre values as the user means them: multi-value fields and "a; b" split, ID3v1
    numbers named, blanks dropped, one entry per genre (first spelling kept)."""
    from mgc_desktop.tags.policy import interpret

    return interpret([str(v) for v in values])


@dataclass(frozen=True)
class GenreCount:
    """One genre of the user's: the majority spelling, and how many tracks carry it."""

    name: str
    tracks: int
    spellings: dict[str, int]


@dataclass(frozen=True)
class LeftOut:
    """A genre not learned, and why."""

    name: str
    tracks: int
    reason: str


def count_genres(track_genres: Sequence[Sequence[str]]) -> dict[str, GenreCount]:
    """key -> GenreCount over tracks (each a list of split values). The name is the spelling
    most tracks use; a tie goes to the spelling seen first."""
    spellings: dict[str, Counter[str]] = {}
    for genres in track_genres:
        for value in genres:
            spellings.setdefault(genre_key(value), Counter())[value.strip()] += 1
    out = {}
    for key, counter in spellings.items():
        name = counter.most_common(1)[0][0]  # most_common keeps insertion order on ties
        out[key] = GenreCount(name, sum(counter.values()), dict(counter))
    return out


def choose_genres(
    counts: dict[str, GenreCount], min_tracks: int
) -> tuple[list[str], list[LeftOut]]:
    """The genre keys to learn (most tracks first) and the ones left out with the reason."""
    ranked = sorted(counts, key=lambda k: (-counts[k].tracks, counts[k].name))
    kept = [k for k in ranked if counts[k].tracks >= min_tracks]
    left = [
        LeftOut(
            counts[k].name,
            counts[k].tracks,
            f"{counts[k].tracks} track{'s' if counts[k].tracks != 1 else ''}, "
            f"fewer than --min-tracks {min_tracks}",
        )
        for k in ranked
        if counts[k].tracks < min_tracks
    ]
    return kept, left
