"""The pretrained musicnn inside the shipped model is the original network: its outputs on real
log-mel patches equal what TensorFlow computed with the original MSD_musicnn checkpoint (recorded
once by training/musicnn_reference.py into tests/training/data/musicnn_reference.npz) -- to
int8 precision in the shipped (quantized) model, to 1e-4 in the PyTorch port it was made from."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import SHIPPED_MODEL
from training.track_model import MUSICNN_OUTPUTS

REFERENCE = Path(__file__).parent / "data" / "musicnn_reference.npz"
WHEEL = Path(__file__).resolve().parents[2] / "runs" / "cache" / "musicnn-0.1.0-py3-none-any.whl"
TOLERANCE = 1e-4
# The shipped model's timbral convolutions are int8 (training/quantize.py): on these patches its
# outputs differ from TensorFlow's by at most 0.07 (penultimate, values up to 3) and 0.11 (tag
# logits, up to 9); a wrong weight or layout would differ by whole units.
INT8_TOLERANCE = {"penultimate": 0.15, "tag_logits": 0.2}
MIN_CORRELATION = 0.999


def test_shipped_onnx_musicnn_matches_tensorflow() -> None:
    import onnxruntime as ort

    from training.export import musicnn_subgraph

    ref = np.load(REFERENCE)
    assert ref["patches"].shape[1:] == (187, 96) and len(ref["patches"]) >= 3
    cut = musicnn_subgraph(SHIPPED_MODEL, list(MUSICNN_OUTPUTS))  # the window loop's body
    session = ort.InferenceSession(cut.SerializeToString(), providers=["CPUExecutionProvider"])
    for patch, pen_ref, tags_ref in zip(ref["patches"], ref["penultimate"], ref["tag_logits"]):
        window = np.ascontiguousarray(patch.T[None])  # the app's layout: (1, mels, frames)
        pen, tags = session.run(list(MUSICNN_OUTPUTS), {"window": window})
        assert np.abs(pen[0] - pen_ref).max() <= INT8_TOLERANCE["penultimate"]
        assert np.abs(tags[0] - tags_ref).max() <= INT8_TOLERANCE["tag_logits"]
        assert np.corrcoef(pen[0], pen_ref)[0, 1] >= MIN_CORRELATION
        assert np.corrcoef(tags[0], tags_ref)[0, 1] >= MIN_CORRELATION


def test_checkpoint_reader_and_port_match_tensorflow() -> None:
    """The PyTorch port with weights read from the wheel (no TensorFlow) -- CI's set-up fetches
    the wheel with `pip download --no-deps musicnn==0.1.0`."""
    import torch

    from training.musicnn import load_pretrained

    if not WHEEL.is_file():
        msg = f"musicnn wheel not found at {WHEEL} (pip download --no-deps musicnn==0.1.0)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(msg)
        pytest.skip(msg)
    ref = np.load(REFERENCE)
    with torch.no_grad():
        pen, tags, _ = load_pretrained(WHEEL)(torch.from_numpy(ref["patches"]))
    assert np.abs(pen.numpy() - ref["penultimate"]).max() <= TOLERANCE
    assert np.abs(tags.numpy() - ref["tag_logits"]).max() <= TOLERANCE
