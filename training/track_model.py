"""The whole shipped network as one torch module, exported to one ONNX graph:

    (n, 96, 187) log-mel windows of one track, in time order
      -> frozen MSD_musicnn per window: 200 penultimate features, 50 MSD tag logits and the
         1,506 pooled mid-level features under them
      -> standardise (training statistics)                      -> per-window features (n, 1756)
      -> BiLSTM heads (ensemble, mean logits) / temperature     -> calibrated genre probabilities
      -> times P(in taxonomy): two out-of-taxonomy gates        -> "probabilities" (1, classes)
      -> mean of the standardised penultimate + tag features,
         unit length                                             -> "embedding" (1, 250)

The probabilities sum to at most 1; the rest is the chance that the track is none of the genres.
The gates (fitted in `training/ood.py`, documented there) look at (a) how far the track's
out-of-taxonomy MSD tags (electronic, house, rnb, soul, ...) exceed what the predicted genre's
training tracks show, and (b) the Mahalanobis distance of the track's features to the nearest
genre's training tracks.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from training.head import GenreHead
from training.musicnn import MusicnnFeatures

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


class OutOfTaxonomyGates(nn.Module):
    """P(in taxonomy) from the track's mean features and its genre probabilities."""

    def __init__(self, gates: dict) -> None:
        super().__init__()
        self.tag_index = nn.Parameter(
            torch.as_tensor(gates["tag_index"], dtype=torch.long), requires_grad=False
        )
        self.tag_mean = _const(gates["tag_mean"])  # (classes, k) tag logits per genre
        self.tag_std = _const(gates["tag_std"])
        self.tag_centre, self.tag_scale = float(gates["tag_centre"]), float(gates["tag_scale"])
        self.class_means = _const(gates["class_means"])  # (classes, EMBEDDING_FEATURES)
        self.precision = _const(gates["precision"])  # (250, 250)
        self.dist_centre = float(gates["dist_centre"])
        self.dist_scale = float(gates["dist_scale"])

    def forward(self, raw_tags: torch.Tensor, feats: torch.Tensor, probs: torch.Tensor):
        """raw_tags (1, 50) mean tag logits; feats (1, 250) mean standardised features;
        probs (1, classes) the heads' untempered probabilities. Returns (1, 1) P(in taxonomy)."""
        tags = raw_tags.index_select(1, self.tag_index)  # (1, k)
        expected = probs @ self.tag_mean
        spread = probs @ self.tag_std
        excess = ((tags - expected) / spread).amax(dim=1, keepdim=True)
        tag_in = torch.sigmoid((self.tag_centre - excess) / self.tag_scale)
        diff = feats.unsqueeze(1) - self.class_means.unsqueeze(0)  # (1, classes, 250)
        dist = ((diff @ self.precision) * diff).sum(-1).amin(dim=1, keepdim=True).sqrt()
        dist_in = torch.sigmoid((self.dist_centre - dist) / self.dist_scale)
        return tag_in * dist_in


class TrackModel(nn.Module):
    """What the app runs: one track's windows -> (probabilities, embedding)."""

    def __init__(
        self,
        musicnn: MusicnnFeatures,
        heads: list[GenreHead],
        mean: np.ndarray,
        std: np.ndarray,
        temperature: float,
        gates: dict | None,
    ) -> None:
        super().__init__()
        self.musicnn = musicnn.eval()
        self.heads = nn.ModuleList(heads).eval()
        self.mean, self.std = _const(mean), _const(std)
        self.temperature = float(temperature)
        self.gates = OutOfTaxonomyGates(gates) if gates is not None else None
        self.n_tags = 50

    def forward(self, logmel: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.head(window_features(self.musicnn, logmel))

    def head(self, raw: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(n, 1756) raw features of one track's windows, in time order -> (probabilities,
        embedding). The exported graph runs musicnn window by window, then this."""
        feats = (raw - self.mean) / self.std
        tags = raw[:, TAG_COLUMNS]
        seq = feats.unsqueeze(0)  # the windows are one track's sequence
        logits = torch.stack([h(seq) for h in self.heads]).mean(0)
        probs = torch.softmax(logits / self.temperature, dim=1)
        pooled = feats[:, :EMBEDDING_FEATURES].mean(dim=0, keepdim=True)
        if self.gates is not None:  # the gates weigh genres by the untempered answer
            untempered = torch.softmax(logits, dim=1)
            probs = probs * self.gates(tags.mean(dim=0, keepdim=True), pooled, untempered)
        embedding = pooled / pooled.norm(dim=1, keepdim=True).clamp_min(1e-8)
        return probs, embedding
