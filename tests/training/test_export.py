"""Export refuses a graph that disagrees with PyTorch and writes the card the app reads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
import torch

from mgc_desktop.audio.features import FrontEndParams
from mgc_desktop.model.card import InferenceParams, ModelCard
from mgc_desktop.model.classifier import GenreClassifier, load_session
from training.export import ExportError, export_onnx, musicnn_subgraph
from training.head import GenreEnsemble, GenreHead, HeadConfig
from training.musicnn import MusicnnFeatures
from training.track_model import MUSICNN_OUTPUTS, TrackModel


def _card() -> ModelCard:
    return ModelCard(("a", "b", "c"), FrontEndParams(), InferenceParams(), "t", "0", 1.5,
                     {"k": 1})


def _model() -> TrackModel:
    torch.manual_seed(0)
    heads = [GenreHead(1756, 3, HeadConfig(proj=8, hidden=4)).eval() for _ in range(2)]
    linear = torch.nn.Linear(250, 3)  # the exported graph blends the linear branch in too
    return TrackModel(MusicnnFeatures().eval(), GenreEnsemble(heads, linear, 0.5),
                      np.zeros(1756), np.ones(1756), 1.5, None)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("export") / "m.onnx"
    return out, export_onnx(_model(), _card(), out)


def test_export_roundtrip(exported) -> None:
    out, check = exported
    assert check["onnx_max_prob_diff"] <= 1e-4
    assert check["size_bytes"] <= 8 * 1024 * 1024
    session, card = load_session(out)
    assert card.classes == ("a", "b", "c") and card.temperature == 1.5
    assert [o.name for o in session.get_outputs()] == ["probabilities", "embedding"]
    loop = [n for n in onnx.load(out).graph.node if n.op_type == "Loop"]
    assert len(loop) == 1  # musicnn runs one window at a time (memory), the head on them all
    sub = musicnn_subgraph(out, list(MUSICNN_OUTPUTS))  # where the reference test cuts it
    pen, tags = ort.InferenceSession(sub.SerializeToString()).run(
        None, {"window": np.ones((1, 96, 187), np.float32)})
    assert pen.shape == (1, 200) and tags.shape == (1, 50)


def test_any_number_of_windows_gives_one_answer(exported) -> None:
    clf = GenreClassifier(exported[0])
    rng = np.random.default_rng(0)
    for n in (1, 3, 8):
        probs, emb = clf.predict(rng.gamma(2, 0.6, (n, 96, 187)).astype(np.float32))
        assert probs.shape == (3,) and abs(probs.sum() - 1) < 1e-5
        assert emb.shape == (250,) and abs(np.linalg.norm(emb) - 1) < 1e-5


def test_export_fails_on_mismatch(tmp_path: Path, monkeypatch) -> None:
    import training.export as ex

    monkeypatch.setattr(ex, "MAX_PROB_DIFF", -1.0)
    with pytest.raises(ExportError):
        export_onnx(_model(), _card(), tmp_path / "m.onnx", check_batches=1)
    assert not (tmp_path / "m.onnx").exists()
