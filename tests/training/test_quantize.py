"""The fast model's graph rewrites keep musicnn's numbers (training/quantize.py): pooling
before the sign, ReLU and batch norm, and the per-channel range equalization, checked against
PyTorch on a musicnn with random weights whose batch norms have scales of both signs."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
import torch

from training.musicnn import MusicnnFeatures
from training.track_model import window_features


class _Window(torch.nn.Module):
    def __init__(self, musicnn: MusicnnFeatures) -> None:
        super().__init__()
        self.musicnn = musicnn

    def forward(self, window: torch.Tensor) -> torch.Tensor:
        return window_features(self.musicnn, window)


@pytest.fixture(scope="module")
def musicnn() -> MusicnnFeatures:
    torch.manual_seed(0)
    model = MusicnnFeatures()
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm1d | torch.nn.BatchNorm2d):
                module.weight.uniform_(-1.5, 1.5)  # negative scales: the max becomes a min
                module.bias.uniform_(-0.5, 0.5)
                module.running_mean.uniform_(-0.2, 0.2)
                module.running_var.uniform_(0.05, 2.0)
    return model.eval()


@pytest.fixture(scope="module")
def window_onnx(musicnn, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("quantize") / "window.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(_Window(musicnn).eval(), (torch.zeros(1, 96, 187),), str(path),
                          input_names=["window"], output_names=["features"], opset_version=17,
                          dynamo=False)  # fmt: skip
    return path


def _windows(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).gamma(2.0, 0.6, size=(n, 96, 187)).astype(np.float32)


def test_pool_first_and_equalize_keep_the_features(musicnn, window_onnx: Path) -> None:
    import onnx

    from training.quantize import equalize, pool_first, window_outputs

    x = _windows(4, 1)
    with torch.no_grad():
        ref = window_features(musicnn, torch.from_numpy(x)).numpy()
    rewritten, count = pool_first(onnx.load(str(window_onnx)))
    assert count == 5  # the two timbral and three temporal branches
    ops = [n.op_type for n in rewritten.graph.node]
    assert "ReduceMax" in ops and ops.count("MaxPool") == 5  # the mid-end's pooling stays
    scale = np.abs(ref).max()
    np.testing.assert_allclose(window_outputs(rewritten, x), ref, atol=1e-5 * scale)
    equalized = equalize(rewritten, _windows(3, 2))
    np.testing.assert_allclose(window_outputs(equalized, x), ref, atol=1e-5 * scale)


def test_only_the_timbral_convolutions_become_int8(window_onnx: Path) -> None:
    import onnx

    from training.quantize import INT8_CONVS, equalize, pool_first, quantize_window

    model, _ = pool_first(onnx.load(str(window_onnx)))
    calibration = _windows(6, 3)
    quantized = quantize_window(equalize(model, calibration), calibration)
    quantized_inputs = {
        n.output[0] for n in quantized.graph.node if n.op_type == "DequantizeLinear"
    }
    convs = {n.name: n for n in quantized.graph.node if n.op_type == "Conv"}
    int8 = sorted(name for name, n in convs.items() if n.input[1] in quantized_inputs)
    assert int8 == sorted(INT8_CONVS)
