"""Fixtures for the library tests: a tiny random ONNX model with a real model card (two model
ids from the same net, for the model-change test), short real audio files, and an isolated
data directory for every test."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

SAMPLE_RATE = 16000


def export_tiny_model(dest: Path, model_ids: tuple[str, ...]) -> dict[str, Path]:
    """One small random net with a model card, once per model id (same weights)."""
    from training.tiny import export_random_model

    return {m: export_random_model(dest / f"{m}.onnx", model_id=m) for m in model_ids}


@pytest.fixture(scope="session")
def models(tmp_path_factory) -> dict[str, Path]:
    """{'dev-a': path, 'dev-b': path}: the same net under two model ids."""
    return export_tiny_model(tmp_path_factory.mktemp("models"), ("dev-a", "dev-b"))


@pytest.fixture(scope="session")
def model_path(models) -> Path:
    return models["dev-a"]


def write_tone(
    path: Path,
    freq: float = 440.0,
    seconds: float = 2.0,
    fmt: str = "FLAC",
    tags: dict[str, str] | None = None,
) -> Path:
    """A short real encoded file (noise + tone, so it is not silent), optionally tagged."""
    rng = np.random.default_rng(int(freq))
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    signal = 0.3 * np.sin(2 * np.pi * freq * t) + 0.05 * rng.standard_normal(len(t))
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(str(path), signal.astype(np.float32), SAMPLE_RATE, format=fmt)
    if tags:
        import mutagen

        audio = mutagen.File(str(path), easy=True)
        for key, value in tags.items():
            audio[key] = value
        audio.save()
    return path


@pytest.fixture(scope="session")
def master_tones(tmp_path_factory) -> list[Path]:
    """A few encoded masters, copied into each test's tree (copies, not links: tests edit)."""
    base = tmp_path_factory.mktemp("masters")
    return [
        write_tone(base / "a.flac", 220.0),
        write_tone(base / "b.ogg", 330.0, fmt="OGG"),
        write_tone(base / "c.wav", 550.0, fmt="WAV"),
    ]


@pytest.fixture
def music(tmp_path, master_tones) -> Path:
    """A small tree: two albums and a loose file."""
    root = tmp_path / "music"
    for i in range(3):
        dest = root / "Artist" / "Album One" / f"{i + 1:02d}.flac"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(master_tones[0], dest)
    dest = root / "Other" / "track.ogg"
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(master_tones[1], dest)
    shutil.copy2(master_tones[2], root / "loose.wav")
    return root


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch) -> Path:
    data = tmp_path / "_data"
    monkeypatch.setenv("MGC_DESKTOP_DATA_DIR", str(data))
    return data


@pytest.fixture
def tone():
    """The write_tone helper, for tests that make their own files."""
    return write_tone


@pytest.fixture
def library(tmp_path):
    from mgc_desktop.library.index import Library

    with Library(tmp_path / "_data" / "library.sqlite3") as lib:
        yield lib
