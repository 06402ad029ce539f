"""Statistics behind the two "none of the ten" gates of the shipped model (`track_model.py`).

No labelled out-of-taxonomy music exists here, so the gates are fitted on in-taxonomy tracks
only and are set to flag what is unusual for the ten genres:
- tag gate: musicnn's MSD tags include genres outside the taxonomy (electronic, dance, house,
  rnb, soul, funk, ambient, ...). For each track, how far those tag logits exceed the mean of
  the predicted genre's training tracks, in that genre's standard deviations (the maximum over
  the tags). Disco is allowed its "dance" and "funk", reggae its "soul", and so on.
- distance gate: the Mahalanobis distance of the track's mean features to the nearest genre's
  training tracks (shared, shrunk covariance).
Each gate is a logistic step P(in) = sigmoid((centre - score) / scale) whose centre is a high
quantile (`ood_quantile`) of out-of-fold scores of in-taxonomy tracks, so about
1 - ood_quantile of ordinary tracks lose half their confidence through each gate.
"""

from __future__ import annotations

import numpy as np

from training.musicnn import MSD_TAGS

OUTSIDE_TAGS = (
    "electronic", "dance", "electronica", "electro", "House", "chillout", "chill", "ambient",
    "experimental", "soul", "rnb", "funk", "folk", "party", "sexy",
)  # fmt: skip
_SHRINK = 0.3  # covariance shrinkage towards its diagonal


def class_statistics(pooled: np.ndarray, tags: np.ndarray, labels: np.ndarray, n: int) -> dict:
    """Per-genre statistics of training tracks: mean standardised features (tracks, 250) and
    mean MSD tag logits (tracks, 50) -> the arrays the gates need (without their steps)."""
    index = np.array([MSD_TAGS.index(t) for t in OUTSIDE_TAGS])
    sel = tags[:, index]
    pooled_std = sel.std(axis=0)
    tag_mean = np.stack([sel[labels == c].mean(axis=0) for c in range(n)])
    tag_std = np.stack([sel[labels == c].std(axis=0) for c in range(n)])
    tag_std = np.maximum(tag_std, np.maximum(0.5 * pooled_std, 0.5))
    class_means = np.stack([pooled[labels == c].mean(axis=0) for c in range(n)])
    within = pooled - class_means[labels]
    cov = within.T @ within / max(len(pooled) - n, 1)
    cov = (1 - _SHRINK) * cov + _SHRINK * np.diag(np.diag(cov))
    cov += 1e-3 * (np.trace(cov) / len(cov) + 1e-6) * np.eye(len(cov))  # few tracks: singular
    return {
        "tag_index": index,
        "tag_mean": tag_mean,
        "tag_std": tag_std,
        "class_means": class_means,
        "precision": np.linalg.inv(cov),
    }


def scores(stats: dict, pooled: np.ndarray, tags: np.ndarray, probs: np.ndarray):
    """(tag excess, Mahalanobis distance) of tracks, exactly as the ONNX graph computes them."""
    sel = tags[:, stats["tag_index"]]
    excess = ((sel - probs @ stats["tag_mean"]) / (probs @ stats["tag_std"])).max(axis=1)
    diff = pooled[:, None, :] - stats["class_means"][None]
    dist = np.sqrt(np.einsum("tcf,fg,tcg->tc", diff, stats["precision"], diff).min(axis=1))
    return excess, dist


def fit_steps(excess: np.ndarray, dist: np.ndarray, quantile: float) -> dict:
    """Centres and scales of the two logistic steps from in-taxonomy out-of-fold scores."""

    def step(v: np.ndarray) -> tuple[float, float]:
        centre = float(np.quantile(v, quantile))
        scale = max((centre - float(np.quantile(v, 0.75))) / 4.0, 1e-3)
        return centre, scale

    (tc, ts), (dc, ds) = step(excess), step(dist)
    return {"tag_centre": tc, "tag_scale": ts, "dist_centre": dc, "dist_scale": ds}


def p_in(steps: dict, excess: np.ndarray, dist: np.ndarray) -> np.ndarray:
    """P(in taxonomy) of tracks from their scores (the graph's formula)."""
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    tag = sig((steps["tag_centre"] - excess) / steps["tag_scale"])
    return tag * sig((steps["dist_centre"] - dist) / steps["dist_scale"])
