"""A small tagged library of real encoded files (MP3/ID3, FLAC, Ogg Vorbis, M4A) whose genre
tags use the owner's own names in several spellings, and tiny models that give embeddings."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import music_signal, write_audio

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt makes its QApplication

RATE = 22050
SECONDS = 3.0


def _band_tones(seed: int) -> np.ndarray:
    """Bright, sparse tones between 1.5 and 3 kHz ("Jazz" here)."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(SECONDS * RATE)) / RATE
    x = sum(0.12 * np.sin(2 * np.pi * f * t) for f in rng.uniform(1500, 3000, 4))
    x = x + 0.01 * rng.standard_normal(len(t))
    return np.stack([x, x], axis=1).astype(np.float32)


def _rumble(seed: int) -> np.ndarray:
    """Low, dark noise ("ambient" here)."""
    rng = np.random.default_rng(seed)
    x = np.cumsum(rng.standard_normal(int(SECONDS * RATE)))
    x -= np.convolve(x, np.ones(2000) / 2000, mode="same")
    x = 0.4 * x / np.max(np.abs(x))
    return np.stack([x, x], axis=1).astype(np.float32)


SOUNDS = {
    "electronic": lambda seed: music_signal(SECONDS, RATE, seed=seed),
    "jazz": _band_tones,
    "ambient": _rumble,
}

# file stem -> (sound, encoder, genre tag value as the owner wrote it; a list is a multi-value
# field, None leaves the file untagged)
LIBRARY: dict[str, tuple[str, str, str | list[str] | None]] = {
    "e0": ("electronic", "mp3", "Electronic"),
    "e1": ("electronic", "flac", "electronic "),
    "e2": ("electronic", "ogg_vorbis", "Electronic"),
    "e3": ("electronic", "m4a_aac", "Electronic; House"),
    "e4": ("electronic", "mp3", "Electronic"),
    "e5": ("electronic", "flac", ["Electronic", "House"]),
    "j0": ("jazz", "flac", "Jazz"),
    "j1": ("jazz", "mp3", "jazz"),
    "j2": ("jazz", "m4a_aac", "Jazz"),
    "j3": ("jazz", "ogg_vorbis", "Jazz"),
    "j4": ("jazz", "flac", "Jazz"),
    "j5": ("jazz", "mp3", "Jazz"),
    "a0": ("ambient", "ogg_vorbis", "ambient"),
    "a1": ("ambient", "m4a_aac", "ambient"),
    "a2": ("ambient", "flac", "Ambient"),
    "a3": ("ambient", "mp3", "ambient"),
    "a4": ("ambient", "ogg_vorbis", "ambient "),
    "a5": ("ambient", "flac", "ambient"),
    "p0": ("electronic", "mp3", "Polka"),
    "u_electronic": ("electronic", "mp3", None),
    "u_jazz": ("jazz", "flac", None),
    "u_ambient": ("ambient", "m4a_aac", None),
}


def set_genre(path: Path, value: str | list[str]) -> None:
    """Tag a file the way other taggers do, with mutagen (ID3 TCON, Vorbis GENRE, MP4 ©gen)."""
    import mutagen

    audio = mutagen.File(str(path), easy=True)
    if audio.tags is None:
        audio.add_tags()
    audio["genre"] = value
    audio.save()


@pytest.fixture(scope="session")
def tagged_masters(tmp_path_factory) -> Path:
    """The library above, encoded and tagged once per session."""
    root = tmp_path_factory.mktemp("tagged") / "music"
    for i, (stem, (sound, kind, genre)) in enumerate(LIBRARY.items()):
        path = write_audio(kind, root / stem, SOUNDS[sound](100 + i), RATE)
        if genre is not None:
            set_genre(path, genre)
    return root


@pytest.fixture
def tagged_library(tmp_path, tagged_masters) -> Path:
    """A fresh copy of the tagged library for one test (tests write tags)."""
    dest = tmp_path / "music"
    shutil.copytree(tagged_masters, dest)
    return dest


@pytest.fixture(scope="session")
def embedding_models(tmp_path_factory) -> dict[str, Path]:
    """Two tiny random models with embeddings, different ids (a base model change)."""
    pytest.importorskip("torch")
    from training.tiny import export_random_model

    folder = tmp_path_factory.mktemp("models")
    return {m: export_random_model(folder / f"{m}.onnx", model_id=m) for m in ("base-a", "base-b")}
