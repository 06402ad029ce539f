"""Similar tracks: cosine similarity between the base model's track embeddings, one
matrix-vector product over the library index (no indexed file is decoded)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from mgc_desktop.personal.logistic import normalise


class NothingToCompare(ValueError):
    """No answer is possible (no embedding for the query, an empty index); str() says why."""


def most_similar(
    paths: Sequence[Any],
    matrix: np.ndarray,
    query: np.ndarray,
    top: int,
    exclude: Any = None,
) -> list[tuple[Any, float]]:
    """The `top` rows closest to `query` by cosine similarity, best first, as (paths[i],
    score), leaving out the row whose path is `exclude` (the query itself): one matrix-vector
    product over the index."""
    if len(paths) == 0 or top < 1:
        return []
    q = normalise(np.asarray(query, dtype=np.float32).ravel())
    if matrix.shape[1] != q.size:
        raise NothingToCompare(
            f"the query's embedding has {q.size} values, the index's {matrix.shape[1]}"
        )
    norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
    scores = (matrix @ q) / np.maximum(norms, 1e-12)
    if exclude is not None:
        scores[[i for i, p in enumerate(paths) if p == exclude]] = -np.inf
    top = min(top, len(paths))
    best = np.argpartition(-scores, top - 1)[:top]
    best = best[np.argsort(-scores[best], kind="stable")]
    return [(paths[i], float(scores[i])) for i in best if np.isfinite(scores[i])]


def similar_in_library(
    library, model_id: str, path: str | os.PathLike, top: int, query: np.ndarray | None = None
) -> list[tuple[str, float]]:
    """The `top` indexed tracks closest to `path` (its stored embedding, or `query` for a file
    the index does not hold), the file itself left out. NothingToCompare when there is nothing
    to compare."""
    from mgc_desktop.library.index import path_key, path_str

    if query is None:
        query = library.embedding(path, model_id)
        if query is None:
            raise NothingToCompare(
                "this track has no embedding in the library index (not classified yet, or "
                "silent): scan it first"
            )
    index = library.embeddings(model_id)
    if len(index) == 0:
        raise NothingToCompare(
            f"no indexed track has an embedding from model {model_id!r}: scan your music first"
        )
    found = most_similar(index.keys, index.matrix, query, top, exclude=path_key(path))
    return [(path_str(key), score) for key, score in found]
