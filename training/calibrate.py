"""Temperature scaling fitted on validation tracks, the way the app aggregates them.

The temperature divides each window's logits before the softmax (inside the ONNX graph); the
track probability is the mean over audible windows. It is fitted by minimising the track-level
negative log-likelihood on validation data only.
"""

from __future__ import annotations

import numpy as np

from mgc_desktop.model.windows import aggregate


def track_probs(
    window_logits: list[np.ndarray], audible: list[np.ndarray], temperature: float = 1.0
) -> np.ndarray:
    """(tracks, classes) probabilities through the app's `aggregate`."""
    out = []
    for logits, aud in zip(window_logits, audible):
        z = logits / temperature
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        agg = aggregate(p, aud if aud.any() else np.ones_like(aud))
        out.append(agg)
    return np.stack(out)


def fit_temperature(
    window_logits: list[np.ndarray], audible: list[np.ndarray], y: np.ndarray
) -> float:
    """Temperature in [0.3, 10] minimising track-level NLL (log grid, then a finer one)."""

    def loss(t: float) -> float:
        p = track_probs(window_logits, audible, t)
        return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1))))

    grid = np.exp(np.linspace(np.log(0.3), np.log(10), 60))
    best = min(grid, key=loss)
    fine = np.exp(np.linspace(np.log(best) - 0.06, np.log(best) + 0.06, 25))
    return float(min(fine, key=loss))
