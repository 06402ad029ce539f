"""Fixtures for the library tests: a tiny random ONNX model with a real model card (two model
ids from the same net, for the model-change test), short real audio files, and an isolated
data directory for every test."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

SAMPLE_RATE = 16000


def _export(torch, net, fe, dest: Path) -> None:
    torch.onnx.export(
        net,
        (torch.randn(2, fe.n_mels, fe.window_frames),),
        str(dest),
        input_names=["logmel"],
        output_names=["probabilities"],
        dynamic_axes={"logmel": {0: "batch"}, "probabilities": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )


def export_tiny_model(dest: Path, model_ids: tuple[str, ...]) -> dict[str, Path]:
    """Export one small random net with a ModelCard, once per model id (same weights)."""
    import onnx
    import torch

    from mgc_desktop.audio.features import FrontEndParams
    from mgc_desktop.model.card import InferenceParams, ModelCard

    fe = FrontEndParams()
    torch.manual_seed(0)

    class Tiny(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv = torch.nn.Conv2d(1, 8, 3, padding=1)
            self.fc = torch.nn.Linear(8, 10)

        def forward(self, x):
            h = torch.relu(self.conv((x.unsqueeze(1) + 50) / 20)).mean(dim=(2, 3))
            return torch.softmax(self.fc(h), -1)

    net = Tiny().eval()
    raw = dest / "tiny_raw.onnx"
    with warnings.catch_warnings():  # the legacy exporter warns that it is legacy
        warnings.simplefilter("ignore")
        _export(torch, net, fe, raw)
    classes = (
        "blues",
        "classical",
        "country",
        "disco",
        "hiphop",
        "jazz",
        "metal",
        "pop",
        "reggae",
        "rock",
    )
    out = {}
    for model_id in model_ids:
        proto = onnx.load(str(raw))
        card = ModelCard(classes, fe, InferenceParams(), model_id, "0.0.0")
        for key, value in card.to_metadata().items():
            entry = proto.metadata_props.add()
            entry.key, entry.value = key, value
        out[model_id] = dest / f"{model_id}.onnx"
        onnx.save(proto, str(out[model_id]))
    return out


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
