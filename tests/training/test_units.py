"""Unit checks of splits, augmentation, calibration and metrics (no audio needed)."""

from __future__ import annotations

import numpy as np
import torch

from training.augment import AugmentConfig, augment_batch
from training.calibrate import fit_temperature, track_probs
from training.data import Clip, holdout_split, kfold_splits
from training.evaluate import ece, metrics
from training.model import GenreCNNLSTM, ModelConfig


def _clips() -> list[Clip]:
    out = []
    for g in ("a", "b", "c"):
        for i in range(9):
            artist = f"{g}-artist{i // 3}"
            out.append(Clip(f"/x/{g}{i}", g, "train", f"extra:artist:{artist}", "extra",
                            f"{g}/{i}"))
    return out


def test_kfold_keeps_artists_together() -> None:
    clips = _clips()
    for tr, va in kfold_splits(clips, 3):
        assert not {clips[i].group for i in tr} & {clips[i].group for i in va}
        assert {clips[i].genre for i in va} == {"a", "b", "c"}


def test_holdout_disjoint_and_no_test() -> None:
    clips = _clips() + [Clip("/x/t", "a", "test", "t", "extra", "a/t")]
    tr, va = holdout_split(clips)
    assert not set(tr) & set(va) and len(clips) - 1 not in tr + va
    assert not {clips[i].group for i in tr} & {clips[i].group for i in va}


def test_augment_shapes_and_labels() -> None:
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(6, 96, 128) * 10 - 40
    y = torch.eye(3)[torch.tensor([0, 1, 2, 0, 1, 2])]
    xa, ya = augment_batch(x, y, AugmentConfig(p_mixup=1.0, p_noise=1.0, p_bandlimit=1.0), gen)
    assert xa.shape == x.shape and torch.isfinite(xa).all()
    assert torch.allclose(ya.sum(1), torch.ones(6))


def test_model_length_agnostic() -> None:
    net = GenreCNNLSTM(4, ModelConfig(channels=(8, 8, 16, 16), lstm_hidden=8)).eval()
    with torch.no_grad():
        assert net(torch.randn(2, 96, 128)).shape == (2, 4)
        assert net(torch.randn(2, 96, 200)).shape == (2, 4)


def test_temperature_reduces_overconfidence() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 200)
    logits = [np.tile(np.eye(3)[[yi if rng.random() < 0.6 else (yi + 1) % 3]] * 8, (4, 1))
              for yi in y]
    aud = [np.ones(4, bool) for _ in y]
    t = fit_temperature(logits, aud, y)
    assert t > 1.5
    assert ece(track_probs(logits, aud, t), y) < ece(track_probs(logits, aud, 1.0), y)


def test_metrics_fields() -> None:
    probs = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    m = metrics(probs, np.array([0, 1, 1]), ["x", "y"], bootstrap=50)
    assert m["accuracy"] == round(2 / 3, 4)
    assert m["confusion_matrix"]["rows_true_cols_pred"] == [[1, 0], [1, 1]]
    assert set(m["ci95"]) == {"accuracy", "macro_f1", "mean_recall"}
