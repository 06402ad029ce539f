"""File extensions the app treats as music, shared by scanning, classifying and tagging."""

from __future__ import annotations

from pathlib import Path

AUDIO_EXTENSIONS: frozenset[str] = frozenset(
    {
        ".mp3",
        ".flac",
        ".ogg",
        ".oga",
        ".opus",
        ".m4a",
        ".mp4",
        ".m4b",
        ".aac",
        ".alac",
        ".wma",
        ".asf",
        ".wav",
        ".wave",
        ".aif",
        ".aiff",
        ".aifc",
        ".wv",
        ".ape",
        ".mpc",
    }
)


def is_audio_path(path: str | Path) -> bool:
    """True when the file name has a music extension (case-insensitive)."""
    return Path(path).suffix.lower() in AUDIO_EXTENSIONS
