"""The pretrained musicnn inside the shipped model is the original network: its outputs on real
log-mel patches equal what TensorFlow computed with the original MSD_musicnn checkpoint (recorded
once by training/musicnn_reference.py into tests/training/data/musicnn_reference.npz)."""

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
        assert np.abs(pen[0] - pen_ref).max() <= TOLERANCE
        assert np.abs(tags[0] - tags_ref).max() <= TOLERANCE


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
