"""The CNN-LSTM genre model: log-mel window -> class logits.

Conv blocks (batch norm, dropout) shrink frequency and time, a bidirectional LSTM reads the
remaining time steps, attention pooling summarises them. Input normalisation lives inside the
model (and so inside the ONNX file): the app feeds raw dB log-mel and never needs statistics
from the training set.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch import nn


@dataclass(frozen=True)
class ModelConfig:
    """Architecture hyper-parameters (stored in the config file and in the model card)."""

    n_mels: int = 96
    channels: tuple[int, ...] = (16, 32, 64, 128)
    lstm_hidden: int = 96
    conv_dropout: float = 0.1
    head_dropout: float = 0.3
    # "max": conv then max-pool; "stride": the conv itself strides (about 4x cheaper to train)
    pool: str = "max"

    def to_dict(self) -> dict:
        d = asdict(self)
        d["channels"] = list(self.channels)
        return d

    @classmethod
    def from_dict(cls, raw: dict) -> ModelConfig:
        raw = dict(raw)
        if "channels" in raw:
            raw["channels"] = tuple(int(c) for c in raw["channels"])
        return cls(**raw)


class ConvBlock(nn.Module):
    """Conv-BN-ReLU, max-pool, dropout: the pool shape decides how fast frequency collapses."""

    def __init__(
        self, c_in: int, c_out: int, pool: tuple[int, int], dropout: float, mode: str = "max"
    ) -> None:
        super().__init__()
        if mode not in ("max", "stride"):
            raise ValueError(f"unknown pool mode {mode!r}")
        stride = pool if mode == "stride" else (1, 1)
        self.body = nn.Sequential(
            nn.Conv2d(c_in, c_out, 3, stride=stride, padding=1, bias=False),
            nn.BatchNorm2d(c_out),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(pool) if mode == "max" else nn.Identity(),
            nn.Dropout2d(dropout) if dropout > 0 else nn.Identity(),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(x)


class GenreCNNLSTM(nn.Module):
    """(batch, n_mels, frames) dB log-mel -> (batch, n_classes) logits."""

    def __init__(self, n_classes: int, cfg: ModelConfig | None = None) -> None:
        super().__init__()
        cfg = cfg or ModelConfig()
        self.cfg = cfg
        # Per-band affine normalisation after per-window standardisation (gain invariance).
        self.input_norm = nn.BatchNorm1d(cfg.n_mels)
        blocks, c_in, freq = [], 1, cfg.n_mels
        pools = [(2, 2), (2, 2), (2, 2), (2, 1)]
        for i, c_out in enumerate(cfg.channels):
            pool = pools[min(i, len(pools) - 1)]
            blocks.append(ConvBlock(c_in, c_out, pool, cfg.conv_dropout, cfg.pool))
            c_in, freq = c_out, freq // pool[0]
        self.conv = nn.Sequential(*blocks)
        self.freq_out = freq
        self.proj = nn.Sequential(
            nn.Linear(c_in * freq, 2 * cfg.lstm_hidden), nn.ReLU(inplace=True)
        )
        self.lstm = nn.LSTM(
            2 * cfg.lstm_hidden, cfg.lstm_hidden, batch_first=True, bidirectional=True
        )
        self.attn = nn.Linear(2 * cfg.lstm_hidden, 1)
        self.head = nn.Sequential(
            nn.Dropout(cfg.head_dropout), nn.Linear(4 * cfg.lstm_hidden, n_classes)
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        mean = x.mean(dim=(1, 2), keepdim=True)
        std = x.std(dim=(1, 2), keepdim=True)
        x = (x - mean) / (std + 1e-3)
        x = self.input_norm(x).unsqueeze(1)  # (B, 1, F, T)
        x = self.conv(x)  # (B, C, F', T')
        b, c, f, t = x.shape
        x = x.permute(0, 3, 1, 2).reshape(b, t, c * f)
        x = self.proj(x)
        seq, _ = self.lstm(x)  # (B, T', 2H)
        weights = torch.softmax(self.attn(seq), dim=1)
        pooled = torch.cat([(weights * seq).sum(dim=1), seq.max(dim=1).values], dim=1)
        return self.head(pooled)


class CalibratedModel(nn.Module):
    """What gets exported: softmax(logits / temperature) with the temperature as a constant."""

    def __init__(self, model: nn.Module, temperature: float = 1.0) -> None:
        super().__init__()
        self.model = model
        self.register_buffer("inv_temperature", torch.tensor(1.0 / float(temperature)))

    def forward(self, logmel: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.model(logmel) * self.inv_temperature, dim=-1)


class EnsembleModel(nn.Module):
    """Mean logits of several members (one ONNX file, one forward pass per window)."""

    def __init__(self, members: list[nn.Module]) -> None:
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.stack([m(x) for m in self.members]).mean(dim=0)


def count_parameters(model: nn.Module) -> int:
    """Trainable parameter count (the issue caps it at 2 M)."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
