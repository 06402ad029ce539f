"""Genre names as the window shows them, apart from the names written into files.

What is written is governed by the tag-name settings alone (tags.names.display_name: the
user's mapping, else the English ID3v1 names), whatever the interface language: a French
window must not turn "Classical" tags into "Classique" in someone's library. What the window
shows for a built-in class is its name in the interface language ("Classique"), unless the
user gave that class a tag name of their own: then that name, since it is theirs in every
language. The preview, which shows exactly what will be written, uses the written names.
"""

from __future__ import annotations

from collections.abc import Mapping

from mgc_desktop.gui.i18n import Context
from mgc_desktop.tags.names import DEFAULT_DISPLAY_NAMES, display_name

Genre = Context("Genre")


def builtin_names() -> dict[str, str]:
    """The ten built-in classes in the interface language (read when called, so the
    translators in force decide)."""
    return {
        "blues": Genre.tr("Blues"),
        "classical": Genre.tr("Classical"),
        "country": Genre.tr("Country"),
        "disco": Genre.tr("Disco"),
        "hiphop": Genre.tr("Hip-Hop"),
        "jazz": Genre.tr("Jazz"),
        "metal": Genre.tr("Metal"),
        "pop": Genre.tr("Pop"),
        "reggae": Genre.tr("Reggae"),
        "rock": Genre.tr("Rock"),
    }


def shown_name(genre: str, mapping: Mapping[str, str] | None = None) -> str:
    """The name the window shows for a model class: the user's tag name when they set one,
    else the built-in name in the interface language, else the written name (a class of a
    model we do not know, title-cased)."""
    if mapping and mapping.get(genre):
        return mapping[genre]
    if genre in DEFAULT_DISPLAY_NAMES:
        return builtin_names()[genre]
    return display_name(genre, mapping)


def written_name(genre: str, mapping: Mapping[str, str] | None = None) -> str:
    """The name written into tags for a model class (the tag-name settings; never the
    interface language)."""
    return display_name(genre, mapping)


def shown_for_written(name: str, mapping: Mapping[str, str] | None = None) -> str:
    """The window's name for a genre as written in a file: "Classical" shows as "Classique"
    when it is exactly the written name of a built-in class, anything else as it is."""
    for genre in DEFAULT_DISPLAY_NAMES:
        if written_name(genre, mapping) == name:
            return shown_name(genre, mapping)
    return name
