"""A random-weight model in the shipped model's exact format (card, input, output), made in a
second: tests and benchmarks use it to exercise the app's machinery, never its accuracy."""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn

from mgc_desktop.audio.features import FrontEndParams
from mgc_desktop.model.card import InferenceParams, ModelCard
from mgc_desktop.tags.names import DEFAULT_DISPLAY_NAMES
from training.export import export_onnx


class _Tiny(nn.Module):
    """Same contract as the shipped TrackModel: windows of one track in time order ->
    (probabilities (1, classes), unit-length embedding (1, 16))."""

    def __init__(self, n_classes: int) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 16, 3, padding=1)
        self.lstm = nn.LSTM(16, 8, batch_first=True)
        self.head = nn.Linear(8, n_classes)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        feats = torch.relu(self.conv((x.unsqueeze(1) - 2.0) * 2.0)).mean(dim=(2, 3))
        seq, _ = self.lstm(feats.unsqueeze(0))
        probs = torch.softmax(self.head(seq.mean(dim=1)), -1)
        pooled = feats.mean(dim=0, keepdim=True)
        return probs, pooled / pooled.norm(dim=1, keepdim=True).clamp_min(1e-8)


def export_random_model(path: str | Path, model_id: str = "tiny-test", seed: int = 0) -> Path:
    """Write a tiny random CNN with a valid card to `path` (same weights for the same seed)."""
    torch.manual_seed(seed)
    classes = tuple(DEFAULT_DISPLAY_NAMES)
    card = ModelCard(classes, FrontEndParams(), InferenceParams(), model_id, "0.0.0")
    export_onnx(_Tiny(len(classes)), card, path)
    return Path(path)
