"""What a track is described by, for learning the owner's genres: the base model's track
embedding and its probabilities (its ten genres plus "none of these", 1 minus their sum), both
stored in the library index for every classified track.

The probabilities are strong evidence the embedding alone lacks (the base model was trained to
tell genres apart; the embedding was not), so the learner sees both; the open set compares
tracks in both spaces (`openset.py`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from mgc_desktop.personal.logistic import normalise

# log(p + EPS): a probability of 0 stays finite and the tiny ones do not dominate.
BASE_EPS = 1e-2


def base_vector(probabilities: Mapping[str, float], classes: Sequence[str]) -> np.ndarray:
    """The base model's probabilities in `classes` order plus "none of these" (what they leave
    below 1), as one distribution (sums to 1)."""
    p = np.array([max(0.0, float(probabilities.get(c, 0.0))) for c in classes], dtype=np.float64)
    out = np.append(p, max(0.0, 1.0 - float(p.sum())))
    return (out / max(float(out.sum()), 1e-12)).astype(np.float32)


def base_matrix(probabilities: Sequence[Mapping[str, float]], classes: Sequence[str]) -> np.ndarray:
    """(n, len(classes) + 1) `base_vector` rows."""
    if not probabilities:
        return np.zeros((0, len(classes) + 1), dtype=np.float32)
    return np.stack([base_vector(p, classes) for p in probabilities])


def closed_features(embeddings: np.ndarray, base: np.ndarray, base_weight: float) -> np.ndarray:
    """The closed-set learner's input: the unit-length embedding beside the weighted log base
    probabilities (`base_weight` 0 leaves them out)."""
    e = normalise(embeddings)
    if base_weight <= 0:
        return e
    return np.hstack([e, (base_weight * np.log(base + BASE_EPS)).astype(np.float32)])


def usable_rows(embeddings: np.ndarray, base: np.ndarray | None = None) -> np.ndarray:
    """(n,) which rows describe a track at all: a finite, non-zero embedding (and finite base
    answers). A corrupt row's NaN would spread through every sum it enters (one such tagged
    track made the whole learned model NaN) and a NaN confidence passes no `<` test, so such a
    track was written with a genre; a zero embedding says nothing about the music."""
    e = np.asarray(embeddings, dtype=np.float64)
    if e.ndim != 2:
        e = e.reshape(len(e), -1)
    ok = np.isfinite(e).all(axis=1) & (np.abs(e).sum(axis=1) > 0)
    if base is not None and len(base) == len(e):
        ok &= np.isfinite(np.asarray(base, dtype=np.float64)).all(axis=1)
    return ok


def sqrt_answers(base: np.ndarray) -> np.ndarray:
    """Square roots of the base distributions: their dot product is the Bhattacharyya
    coefficient (1 for the same answer, 0 for disjoint ones)."""
    return np.sqrt(np.maximum(base, 0.0)).astype(np.float32)
