"""MSD_musicnn (Pons & Serra 2019, ISC licence) re-implemented in PyTorch, with its weights read
from the checkpoint inside the `musicnn` 0.1.0 wheel.

Re-implementing (rather than converting the frozen TF graph) keeps the network a plain torch
module that exports to ONNX with the genre head in one graph. The layer order and variable names
follow musicnn's `models.py` (`build_musicnn`): a batch-normalised log-mel patch (187 frames x 96
bands) goes through timbral (7x38, 7x67) and temporal (128, 64, 32 frames) convolutions, each
max-pooled over frequency; three dense-connected 1-D convolutions (the mid-end); then mean and
max pooling over time and a dense layer: the 200-unit `penultimate` features and 50 MSD tag
logits. The genre head also reads the 1,506 pooled mid-level features under that layer.
`training/musicnn_reference.py` checks this module against TensorFlow running the original graph.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

PATCH_FRAMES = 187
N_MELS = 96
TF_BN_EPS = 1e-3  # tf.compat.v1.layers.batch_normalization's default epsilon
MSD_TAGS = (
    "rock", "pop", "alternative", "indie", "electronic", "female vocalists", "dance", "00s",
    "alternative rock", "jazz", "beautiful", "metal", "chillout", "male vocalists",
    "classic rock", "soul", "indie rock", "Mellow", "electronica", "80s", "folk", "90s", "chill",
    "instrumental", "punk", "oldies", "blues", "hard rock", "ambient", "acoustic", "experimental",
    "female vocalist", "guitar", "Hip-Hop", "70s", "party", "country", "easy listening", "sexy",
    "catchy", "funk", "electro", "heavy metal", "Progressive rock", "60s", "rnb", "indie pop",
    "sad", "House", "happy",
)  # fmt: skip
CHECKPOINT_DIR = "musicnn/MSD_musicnn/"


def _bn(channels: int) -> nn.BatchNorm2d:
    return nn.BatchNorm2d(channels, eps=TF_BN_EPS)


class MusicnnFeatures(nn.Module):
    """(B, 187, 96) log-mel patches -> (penultimate (B, 200), tag logits (B, 50), pooled
    mid-level features (B, 1506): mean and max over time of the front- and mid-end maps, batch
    normalised as the dense layer receives them).

    Runs in eval mode only: batch norms use the checkpoint's moving statistics.
    """

    def __init__(self) -> None:
        super().__init__()
        self.bn_input = _bn(1)
        self.timbral = nn.ModuleList([nn.Conv2d(1, 204, (7, 38)), nn.Conv2d(1, 204, (7, 67))])
        self.timbral_bn = nn.ModuleList([_bn(204), _bn(204)])
        self.temporal = nn.ModuleList([nn.Conv2d(1, 51, (k, 1)) for k in (128, 64, 32)])
        self.temporal_bn = nn.ModuleList([_bn(51) for _ in range(3)])
        self.mid = nn.ModuleList([nn.Conv1d(561, 64, 7)] + [nn.Conv1d(64, 64, 7) for _ in "ab"])
        self.mid_bn = nn.ModuleList([nn.BatchNorm1d(64, eps=TF_BN_EPS) for _ in range(3)])
        self.pool_bn = nn.BatchNorm1d(1506, eps=TF_BN_EPS)
        self.dense = nn.Linear(1506, 200)
        self.dense_bn = nn.BatchNorm1d(200, eps=TF_BN_EPS)
        self.tags = nn.Linear(200, 50)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        h = self.bn_input(x.unsqueeze(1))  # (B, 1, T, F): time is the conv's height
        front = []
        padded = F.pad(h, (0, 0, 3, 3))
        for conv, bn in zip(self.timbral, self.timbral_bn):
            front.append(bn(F.relu(conv(padded))).amax(dim=3))  # (B, 204, T)
        for conv, bn in zip(self.temporal, self.temporal_bn):
            k = conv.kernel_size[0]  # TF "same": the extra pad of an even kernel goes after
            same = F.pad(h, (0, 0, (k - 1) // 2, k - 1 - (k - 1) // 2))
            front.append(bn(F.relu(conv(same))).amax(dim=3))  # (B, 51, T)
        front_features = torch.cat(front, dim=1)  # (B, 561, T)
        mids = [front_features]
        out = front_features
        for i, (conv, bn) in enumerate(zip(self.mid, self.mid_bn)):
            y = bn(F.relu(conv(F.pad(out, (3, 3)))))
            out = y if i == 0 else y + out
            mids.append(out)
        features = torch.cat(mids, dim=1)  # (B, 753, T)
        # TF flattens (753, 2) [max, mean] pairs: interleave them the same way
        pooled = torch.stack([features.amax(dim=2), features.mean(dim=2)], dim=2).flatten(1)
        pooled = self.pool_bn(pooled)
        penultimate = self.dense_bn(F.relu(self.dense(pooled)))
        return penultimate, self.tags(penultimate), pooled


def _tf_variables_order() -> list[tuple[str, str]]:
    """(torch prefix, TF layer name) in musicnn's creation order, which fixes TF's suffixes."""
    pairs = [("bn_input", "batch_normalization")]
    convs = ["timbral.0", "timbral.1", "temporal.0", "temporal.1", "temporal.2", "mid.0", "mid.1"]
    convs.append("mid.2")
    bns = ["timbral_bn.0", "timbral_bn.1", "temporal_bn.0", "temporal_bn.1", "temporal_bn.2"]
    bns += ["mid_bn.0", "mid_bn.1", "mid_bn.2"]
    for i, (conv, bn) in enumerate(zip(convs, bns)):
        pairs.append((conv, "conv2d" if i == 0 else f"conv2d_{i}"))
        pairs.append((bn, f"batch_normalization_{i + 1}"))
    pairs += [
        ("pool_bn", "batch_normalization_9"),
        ("dense", "dense"),
        ("dense_bn", "batch_normalization_10"),
        ("tags", "dense_1"),
    ]
    return pairs


def state_dict_from_variables(variables: dict[str, np.ndarray]) -> dict[str, torch.Tensor]:
    """Map TF checkpoint variables (name -> array) onto MusicnnFeatures' state dict."""
    model = MusicnnFeatures()
    target = model.state_dict()
    out: dict[str, torch.Tensor] = {}
    for prefix, tf_name in _tf_variables_order():
        module = model.get_submodule(prefix)
        if isinstance(module, nn.Linear):
            out[f"{prefix}.weight"] = torch.from_numpy(variables[f"{tf_name}/kernel"].T.copy())
            out[f"{prefix}.bias"] = torch.from_numpy(variables[f"{tf_name}/bias"])
        elif isinstance(module, nn.Conv2d | nn.Conv1d):
            kernel = variables[f"{tf_name}/kernel"]  # (kh, kw, in, out)
            weight = np.transpose(kernel, (3, 2, 0, 1))  # (out, in, kh, kw)
            if isinstance(module, nn.Conv1d):  # mid-end: kw spans all channels, in == 1
                weight = np.transpose(kernel[:, :, 0, :], (2, 1, 0))  # (out, channels, kh)
            out[f"{prefix}.weight"] = torch.from_numpy(np.ascontiguousarray(weight))
            out[f"{prefix}.bias"] = torch.from_numpy(variables[f"{tf_name}/bias"])
        else:
            for ours, theirs in (
                ("weight", "gamma"),
                ("bias", "beta"),
                ("running_mean", "moving_mean"),
                ("running_var", "moving_variance"),
            ):
                out[f"{prefix}.{ours}"] = torch.from_numpy(variables[f"{tf_name}/{theirs}"])
    for key, value in target.items():
        if key not in out:
            out[key] = value  # num_batches_tracked counters
        elif tuple(out[key].shape) != tuple(value.shape):
            got, want = tuple(out[key].shape), tuple(value.shape)
            raise ValueError(f"{key}: checkpoint shape {got} != {want}")
    return {k: v.float() if v.is_floating_point() else v for k, v in out.items()}


def read_checkpoint(wheel: str | Path) -> dict[str, np.ndarray]:
    """All variables of MSD_musicnn from the musicnn wheel, read without TensorFlow."""
    from training.tfcheckpoint import read_bundle

    with zipfile.ZipFile(wheel) as zf:
        index = zf.read(CHECKPOINT_DIR + ".index")
        data = zf.read(CHECKPOINT_DIR + ".data-00000-of-00001")
    return read_bundle(io.BytesIO(index).getvalue(), data)


def load_pretrained(wheel: str | Path) -> MusicnnFeatures:
    """MusicnnFeatures in eval mode with MSD_musicnn's weights, parameters frozen."""
    model = MusicnnFeatures()
    model.load_state_dict(state_dict_from_variables(read_checkpoint(wheel)))
    for p in model.parameters():
        p.requires_grad_(False)
    return model.eval()
