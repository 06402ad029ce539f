"""The whole shipped network as one torch module, exported to one ONNX graph:

    (n, 96, 187) log-mel windows of one track, in time order
      -> frozen MSD_musicnn per window: 200 penultimate features, 50 MSD tag logits and the
         1,506 pooled mid-level features under them
      -> standardise (training statistics)                      -> per-window features (n, 1756)
      -> BiLSTM heads (mean logits) blended with a linear classifier of the mean
         penultimate + tag features, / temperature               -> calibrated genre probabilities
      -> times P(in taxonomy): the rejector                     -> "probabilities" (1, classes)
      -> mean of the standardised penultimate + tag features,
         unit length                                             -> "embedding" (1, 250)

The probabilities sum to at most 1; the rest is the chance that the track is none of the genres.
The rejector (fitted in `training/ood.py`, documented there) weighs the model's own confidence,
how far the track's out-of-taxonomy MSD tags (electronic, house, rnb, soul, ...) exceed what
the predicted genre's training tracks show, and how far the track lies from the training music.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from training.head import GenreEnsemble
from training.musicnn import MusicnnFeatures
from training.ood import NEIGHBOURS, TAG_GATE_SCALE

# Names of musicnn's two outputs inside the exported graph (torch names nodes by module path):
# tests cut the graph there and compare it with the original TensorFlow network's outputs.
MUSICNN_OUTPUTS = ("/musicnn/dense_bn/BatchNormalization_output_0", "/musicnn/tags/Gemm_output_0")
# Per-window feature layout: penultimate (0-199), tag logits (200-249), pooled (250-1755). The
# embedding and the gates use the first 250: compact, and what MSD's tags were learned from.
EMBEDDING_FEATURES = 250
TAG_COLUMNS = slice(200, 250)


def window_features(musicnn: nn.Module, logmel: torch.Tensor) -> torch.Tensor:
    """(n, n_mels, frames) app-layout windows -> raw musicnn features per window (n, 1756)."""
    pen, tags, pool = musicnn(logmel.transpose(1, 2))
    return torch.cat([pen, tags, pool], dim=1)


def _const(x: np.ndarray) -> nn.Parameter:
    return nn.Parameter(torch.as_tensor(np.asarray(x), dtype=torch.float32), requires_grad=False)


class Rejector(nn.Module):
    """P(in taxonomy) of a track: the logistic regression of `training/ood.py` over its eight
    signals (computed here exactly as `ood.signals` does), lifted to the rejector's floor,
    times the fixed outside-tag gate."""

    def __init__(self, rejector: dict) -> None:
        super().__init__()
        self.tag_index = nn.Parameter(
            torch.as_tensor(rejector["tag_index"], dtype=torch.long), requires_grad=False
        )
        self.tag_mean = _const(rejector["tag_mean"])  # (classes, k) tag logits per genre
        self.tag_std = _const(rejector["tag_std"])
        self.class_means = _const(rejector["class_means"])  # (classes, EMBEDDING_FEATURES)
        self.precision = _const(rejector["precision"])  # (250, 250)
        self.bank = _const(rejector["bank"])  # (training tracks, 250), unit length
        self.weights = _const(rejector["weights"])  # (signals,)
        self.bias = float(rejector["bias"])
        self.tag_limit = float(rejector["tag_limit"])
        self.floor = float(rejector.get("floor", 0.0))
        self.neighbours = min(NEIGHBOURS, len(rejector["bank"]))

    def forward(self, logits: torch.Tensor, raw_tags: torch.Tensor, feats: torch.Tensor):
        """logits (1, classes) the ensemble's logits; raw_tags (1, 50) mean tag logits;
        feats (1, 250) mean standardised features. Returns (1, 1) P(in taxonomy)."""
        probs = torch.softmax(logits, dim=1)
        top = probs.topk(2, dim=1).values
        entropy = -(probs * probs.clamp_min(1e-12).log()).sum(1) / math.log(probs.shape[1])
        lse = torch.logsumexp(logits, dim=1)
        tags = raw_tags.index_select(1, self.tag_index)  # (1, k)
        excess = ((tags - probs @ self.tag_mean) / (probs @ self.tag_std)).amax(dim=1)
        diff = feats.unsqueeze(1) - self.class_means.unsqueeze(0)  # (1, classes, 250)
        sq = ((diff @ self.precision) * diff).sum(-1).amin(dim=1)
        unit = feats / feats.norm(dim=1, keepdim=True).clamp_min(1e-8)
        near = (unit @ self.bank.T).topk(self.neighbours, dim=1).values
        x = torch.stack([top[:, 0], top[:, 0] - top[:, 1], entropy, lse, excess,
                         0.5 * sq.clamp_min(1e-12).log(), 1 - near[:, 0], 1 - near[:, -1]], 1)
        tag_in = torch.sigmoid((self.tag_limit - excess) / TAG_GATE_SCALE).unsqueeze(1)
        step = torch.sigmoid(x @ self.weights.unsqueeze(1) + self.bias)
        return (self.floor + (1.0 - self.floor) * step) * tag_in


class TrackModel(nn.Module):
    """What the app runs: one track's windows -> (probabilities, embedding)."""

    def __init__(
        self,
        musicnn: MusicnnFeatures,
        ensemble: GenreEnsemble,
        mean: np.ndarray,
        std: np.ndarray,
        temperature: float,
        rejector: dict | None,
    ) -> None:
        super().__init__()
        self.musicnn = musicnn.eval()
        self.ensemble = ensemble.eval()
        self.mean, self.std = _const(mean), _const(std)
        self.temperature = float(temperature)
        self.rejector = Rejector(rejector) if rejector is not None else None
        self.n_tags = 50

    def forward(self, logmel: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.head(window_features(self.musicnn, logmel))

    def head(self, raw: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(n, 1756) raw features of one track's windows, in time order -> (probabilities,
        embedding). The exported graph runs musicnn window by window, then this."""
        feats = (raw - self.mean) / self.std
        tags = raw[:, TAG_COLUMNS]
        seq = feats.unsqueeze(0)  # the windows are one track's sequence
        logits = self.ensemble(seq)
        probs = torch.softmax(logits / self.temperature, dim=1)
        pooled = feats[:, :EMBEDDING_FEATURES].mean(dim=0, keepdim=True)
        if self.rejector is not None:
            probs = probs * self.rejector(logits, tags.mean(dim=0, keepdim=True), pooled)
        embedding = pooled / pooled.norm(dim=1, keepdim=True).clamp_min(1e-8)
        return probs, embedding
