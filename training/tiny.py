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
    def __init__(self, n_classes: int) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 8, 3, padding=1)
        self.head = nn.Linear(8, n_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = torch.relu(self.conv((x.unsqueeze(1) + 50) / 20)).mean(dim=(2, 3))
        return torch.softmax(self.head(h), -1)


def export_random_model(path: str | Path, model_id: str = "tiny-test", seed: int = 0) -> Path:
    """Write a tiny random CNN with a valid card to `path` (same weights for the same seed)."""
    torch.manual_seed(seed)
    classes = tuple(DEFAULT_DISPLAY_NAMES)
    card = ModelCard(classes, FrontEndParams(), InferenceParams(), model_id, "0.0.0")
    export_onnx(_Tiny(len(classes)), card, path)
    return Path(path)
