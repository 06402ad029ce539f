"""Fixtures for the GUI tests: a confident tiny model (random weights, sharpened output, so
predictions clear the threshold), a folder of real encoded files, and an isolated settings
store (the suite's autouse fixture already points MGC_DESKTOP_DATA_DIR at a temp folder)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import music_signal, write_audio

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def export_gui_model(
    dest: Path, sharpness: float = 40.0, info: dict | None = None, inference=None
) -> Path:
    """A small CNN in the shipped model's format whose softmax is sharpened: its (arbitrary)
    answers come with high confidence, so accept/write paths get exercised."""
    import onnx
    import torch

    from mgc_desktop.audio.features import FrontEndParams
    from mgc_desktop.model.card import (
        EMBEDDING_NAME,
        INPUT_NAME,
        OUTPUT_NAME,
        InferenceParams,
        ModelCard,
    )
    from mgc_desktop.tags.names import DEFAULT_DISPLAY_NAMES

    class Sharp(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            torch.manual_seed(1)
            self.conv = torch.nn.Conv2d(1, 8, 3, padding=1)
            self.head = torch.nn.Linear(8, len(DEFAULT_DISPLAY_NAMES))

        def forward(self, x):  # one track's windows -> (probabilities, embedding)
            h = torch.relu(self.conv((x.unsqueeze(1) - 2.0) * 2.0)).mean(dim=(2, 3))
            pooled = h.mean(dim=0, keepdim=True)
            probs = torch.softmax(self.head(pooled) * sharpness, -1)
            return probs, pooled / pooled.norm(dim=1, keepdim=True).clamp_min(1e-8)

    fe = FrontEndParams()
    dest.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        Sharp().eval(),
        (torch.randn(2, fe.n_mels, fe.window_frames),),
        str(dest),
        input_names=[INPUT_NAME],
        output_names=[OUTPUT_NAME, EMBEDDING_NAME],
        dynamic_axes={INPUT_NAME: {0: "windows"}},
        opset_version=17,
        dynamo=False,
    )
    model = onnx.load(str(dest))
    card = ModelCard(
        tuple(DEFAULT_DISPLAY_NAMES),
        fe,
        inference or InferenceParams(),
        "gui-test",
        "1.0",
        info=info or {"accuracy": 0.812, "date": "2026-11-20"},
    )
    for key, value in card.to_metadata().items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.save(model, str(dest))
    return dest


@pytest.fixture(scope="session")
def gui_model(tmp_path_factory) -> Path:
    pytest.importorskip("torch")
    return export_gui_model(tmp_path_factory.mktemp("guimodel") / "sharp.onnx")


def _signal(kind: int, seconds: float, rate: int) -> np.ndarray:
    """Different sounds, so the model does not say the same for every file."""
    if kind % 3 == 0:
        return music_signal(seconds, rate, seed=kind)
    t = np.arange(int(seconds * rate)) / rate
    if kind % 3 == 1:
        x = 0.3 * np.sin(2 * np.pi * (110 + 40 * kind) * t) * (1 + np.sin(2 * np.pi * 2 * t)) / 2
    else:
        rng = np.random.default_rng(kind)
        x = 0.2 * rng.standard_normal(len(t)) * (np.sin(2 * np.pi * 4 * t) > 0)
    return np.stack([x, x], axis=1).astype(np.float32)


@pytest.fixture(scope="session")
def music_master(tmp_path_factory) -> Path:
    """Five real files (FLAC, MP3, Ogg Vorbis) plus one broken "mp3"."""
    from mutagen.flac import FLAC

    root = tmp_path_factory.mktemp("music_master")
    kinds = ["flac", "mp3", "ogg_vorbis", "flac", "mp3"]
    for i, kind in enumerate(kinds):
        path = write_audio(
            kind, root / "Album" / f"{i + 1:02d} track", _signal(i, 6.0, 22050), 22050
        )
        if kind == "flac":
            f = FLAC(path)
            f["title"], f["artist"], f["album"] = f"Song {i + 1}", "Test Band", "Album"
            f.save()
    (root / "Album" / "broken.mp3").write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 64)
    return root


@pytest.fixture
def music(music_master, tmp_path) -> Path:
    dest = tmp_path / "music"
    shutil.copytree(music_master, dest)
    return dest


@pytest.fixture
def window(qtbot, gui_model):
    """The real main window with the test model and a fresh settings store."""
    from mgc_desktop.gui.app import create_app
    from mgc_desktop.gui.main_window import MainWindow
    from mgc_desktop.gui.settings import Preferences

    create_app([], language="en")  # the tests read English text, whatever LANG says
    prefs = Preferences(workers=1)
    prefs.save()
    win = MainWindow(model_path=str(gui_model), prefs=prefs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


MODEL_THRESHOLD = 0.667  # like the shipped model's card


@pytest.fixture(scope="session")
def strict_model(tmp_path_factory):
    """The test model with the shipped model's kind of threshold in its card."""
    pytest.importorskip("torch")
    from mgc_desktop.model.card import InferenceParams

    dest = tmp_path_factory.mktemp("strict") / "strict.onnx"
    return export_gui_model(dest, inference=InferenceParams(uncertain_below=MODEL_THRESHOLD))
