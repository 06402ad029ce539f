"""Export refuses a graph that disagrees with PyTorch and writes the card the app reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from mgc_desktop.audio.features import FrontEndParams
from mgc_desktop.model.card import InferenceParams, ModelCard
from mgc_desktop.model.classifier import load_session
from training.export import ExportError, export_onnx
from training.model import CalibratedModel, GenreCNNLSTM, ModelConfig, count_parameters


def _card() -> ModelCard:
    return ModelCard(("a", "b", "c"), FrontEndParams(), InferenceParams(), "t", "0", 1.5,
                     {"k": 1})


def test_export_roundtrip(tmp_path: Path) -> None:
    net = GenreCNNLSTM(3, ModelConfig(channels=(8, 8, 16, 16), lstm_hidden=8)).eval()
    out = tmp_path / "m.onnx"
    check = export_onnx(CalibratedModel(net, 1.5), _card(), out)
    assert check["onnx_max_prob_diff"] <= 1e-4
    session, card = load_session(out)
    assert card.classes == ("a", "b", "c") and card.temperature == 1.5
    assert session.get_inputs()[0].shape[0] not in (1, 2)  # dynamic batch


def test_export_fails_on_mismatch(tmp_path: Path, monkeypatch) -> None:
    import training.export as ex

    monkeypatch.setattr(ex, "MAX_PROB_DIFF", -1.0)
    net = GenreCNNLSTM(3, ModelConfig(channels=(8, 8, 16, 16), lstm_hidden=8)).eval()
    with pytest.raises(ExportError):
        export_onnx(CalibratedModel(net), _card(), tmp_path / "m.onnx")
    assert not (tmp_path / "m.onnx").exists()


def test_default_model_size() -> None:
    assert count_parameters(GenreCNNLSTM(10)) <= 2_000_000
    assert torch.get_num_threads() >= 1
