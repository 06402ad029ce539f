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


MAPPING_FILE_NAME = "genre_names.json"


def load_mapping(path: str | None = None) -> dict[str, str]:
    """The user's class -> display name mapping: a JSON object in `path`, or in
    `genre_names.json` in the data directory when that exists; `{}` otherwise.

    Raises ValueError with a readable message when the file is not a JSON object of strings."""
    import json
    from pathlib import Path

    if path is None:
        from mgc_desktop.paths import data_dir

        candidate = data_dir() / MAPPING_FILE_NAME
        if not candidate.is_file():
            return {}
        path = str(candidate)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"genre name mapping {path}: {exc}") from exc
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValueError(f"genre name mapping {path}: expected a JSON object of strings")
    return {k.lower(): v.strip() for k, v in data.items() if v.strip()}


def resolve_name(name: str, mapping: Mapping[str, str] | None = None) -> str:
    """A name typed by the user: a known class key ("hiphop") becomes its display name,
    anything else is kept as typed."""
    key = name.strip().lower()
    if (mapping and key in mapping) or key in DEFAULT_DISPLAY_NAMES:
        return display_name(key, mapping)
    return name.strip()
