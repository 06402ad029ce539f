"""Synthetic training sets for the personal model: genres as noisy clusters of embeddings, with
base-model answers that either follow the genre (a base genre per cluster) or say nothing."""

from __future__ import annotations

import numpy as np

from mgc_desktop.personal.names import GenreCount
from mgc_desktop.personal.training import TrainingSet

BASE_CLASSES = ("blues", "classical", "rock")


def draw(rng, centres: np.ndarray, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    """n embeddings around the centres and their cluster numbers."""
    y = rng.integers(0, len(centres), n)
    x = centres[y] + noise * rng.standard_normal((n, centres.shape[1]))
    return x.astype(np.float32), y


def flat_answers(n: int) -> np.ndarray:
    """Base answers that say nothing (the same distribution for every track)."""
    return np.tile(np.full(len(BASE_CLASSES) + 1, 1 / (len(BASE_CLASSES) + 1)), (n, 1)).astype(
        np.float32
    )


def training_set(
    x: np.ndarray,
    labels: list[list[int]],
    names: list[str],
    base: np.ndarray | None = None,
    background: np.ndarray | None = None,
    background_base: np.ndarray | None = None,
) -> TrainingSet:
    """A TrainingSet as gather_training_set would make it."""
    base = flat_answers(len(x)) if base is None else base
    if background is None:
        background = np.zeros((0, x.shape[1]), dtype=np.float32)
    if background_base is None:
        background_base = flat_answers(len(background))
    counts = [sum(1 for lab in labels if c in lab) for c in range(len(names))]
    return TrainingSet(
        base_model_id="base-1",
        base_classes=BASE_CLASSES,
        paths=[f"/m/{i}.mp3" for i in range(len(x))],
        embeddings=x,
        base=base,
        labels=labels,
        genres=[GenreCount(n, c, {n: c}) for n, c in zip(names, counts)],
        left_out=[],
        counts={"used": len(x)},
        problems=[],
        background_embeddings=background,
        background_base=background_base,
    )
