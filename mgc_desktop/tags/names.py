"""Display names for the model's genre classes, and the user's own mapping on top of them.

All ten default names are in the ID3v1 genre list, so every player understands them.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_DISPLAY_NAMES: dict[str, str] = {
    "blues": "Blues",
    "classical": "Classical",
    "country": "Country",
    "disco": "Disco",
    "hiphop": "Hip-Hop",
    "jazz": "Jazz",
    "metal": "Metal",
    "pop": "Pop",
    "reggae": "Reggae",
    "rock": "Rock",
}


def display_name(genre: str, mapping: Mapping[str, str] | None = None) -> str:
    """The name written into tags for a model class: the user's mapping first, then the default,
    then the class name itself title-cased (for models with classes we do not know)."""
    if mapping and mapping.get(genre):
        return mapping[genre]
    return DEFAULT_DISPLAY_NAMES.get(genre, genre.title())
