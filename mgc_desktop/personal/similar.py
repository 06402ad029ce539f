"""Similar tracks: how alike two tracks sound, from what the library index stores for them (no
indexed file is decoded): the cosine of the base model's track embeddings, and how alike the
base model's answers are (the Bhattacharyya coefficient of its probabilities, "none of these"
included), weighed equally. The embedding alone put a track's genre among its 5 nearest
neighbours 65 % of the time on the shared data's test clips, with the answers 71 %.

One matrix-vector product per query over the index; the answers are kept in the cache folder
beside the index's own embedding cache, checked against the same change counter."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mgc_desktop.personal.features import base_vector, sqrt_answers
from mgc_desktop.personal.logistic import normalise

ANSWER_WEIGHT = 0.5  # the base model's answers beside the embedding (0: embedding alone)


class NothingToCompare(ValueError):
    """No answer is possible (no embedding for the query, an empty index); str() says why."""


def most_similar(
    paths: Sequence[Any],
    matrix: np.ndarray,
    query: np.ndarray,
    top: int,
    exclude: Any = None,
    answers: np.ndarray | None = None,
    query_answers: np.ndarray | None = None,
) -> list[tuple[Any, float]]:
    """The `top` rows closest to `query`, best first, as (paths[i], score), leaving out the
    row whose path is `exclude` (the query itself). The score is the cosine of the embeddings,
    or, given `answers` (n, C+1 square-rooted base answers) and the query's, the mean of that
    cosine and the answers' Bhattacharyya coefficient."""
    if len(paths) == 0 or top < 1:
        return []
    q = normalise(np.asarray(query, dtype=np.float32).ravel())
    if matrix.shape[1] != q.size:
        raise NothingToCompare(
            f"the query's embedding has {q.size} values, the index's {matrix.shape[1]}"
        )
    norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
    scores = (matrix @ q) / np.maximum(norms, 1e-12)
    if answers is not None and query_answers is not None and len(answers) == len(scores):
        agree = answers.astype(np.float32) @ np.asarray(query_answers, np.float32).ravel()
        scores = (1 - ANSWER_WEIGHT) * scores + ANSWER_WEIGHT * agree
    if exclude is not None:
        scores[[i for i, p in enumerate(paths) if p == exclude]] = -np.inf
    top = min(top, len(paths))
    best = np.argpartition(-scores, top - 1)[:top]
    best = best[np.argsort(-scores[best], kind="stable")]
    return [(paths[i], float(scores[i])) for i in best if np.isfinite(scores[i])]


def _answers_cache(library, model_id: str):
    from mgc_desktop.paths import cache_dir

    digest = hashlib.sha1(
        os.fsencode(library.path.resolve()) + b"\0" + model_id.encode()
    ).hexdigest()
    return cache_dir() / "similar" / f"{digest[:24]}.npz"


def index_answers(
    library, model_id: str, keys: Sequence[bytes]
) -> tuple[tuple[str, ...], np.ndarray]:
    """(base classes, (n, C+1) square-rooted base answers) for the index rows `keys` (the
    order of `library.embeddings(model_id)`). Read from the index once per change of it, then
    from the cache folder."""
    from mgc_desktop.library.index import path_key

    version = library.get_meta("embeddings_version") or "0"
    cache = _answers_cache(library, model_id)
    joined = b"\0".join(keys)
    try:
        with np.load(cache, allow_pickle=False) as data:
            if str(data["version"]) == version and data["keys"].tobytes() == joined:
                return tuple(str(c) for c in data["classes"]), data["roots"]
    except Exception:  # noqa: BLE001, S110 - missing, partial or stale: read the index below
        pass
    stored: dict[bytes, Mapping[str, float]] = {}
    for track in library.iter_tracks(None, model_id=model_id, status="classified"):
        stored[path_key(track.path)] = track.prediction.probabilities
    classes = tuple(sorted({c for p in stored.values() for c in p}))
    roots = np.zeros((len(keys), len(classes) + 1), dtype=np.float16)
    for i, key in enumerate(keys):
        if key in stored:
            roots[i] = sqrt_answers(base_vector(stored[key], classes))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            np.savez(
                f,
                version=np.array(version),
                keys=np.frombuffer(joined, dtype=np.uint8),
                classes=np.array(classes),
                roots=roots,
            )
        os.replace(tmp, cache)
    except OSError:
        pass
    return classes, roots


def similar_in_library(
    library,
    model_id: str,
    path: str | os.PathLike,
    top: int,
    query: np.ndarray | None = None,
    query_probabilities: Mapping[str, float] | None = None,
) -> list[tuple[str, float]]:
    """The `top` indexed tracks closest to `path` (its stored embedding and answers, or
    `query` and `query_probabilities` for a file the index does not hold), the file itself
    left out. NothingToCompare when there is nothing to compare."""
    from mgc_desktop.library.index import path_key, path_str

    if query is None:
        query = library.embedding(path, model_id)
        if query is None:
            raise NothingToCompare(
                "this track has no embedding in the library index (not classified yet, or "
                "silent): scan it first"
            )
        track = library.track(path, model_id)
        if track is not None and track.prediction is not None:
            query_probabilities = track.prediction.probabilities
    index = library.embeddings(model_id)
    if len(index) == 0:
        raise NothingToCompare(
            f"no indexed track has an embedding from model {model_id!r}: scan your music first"
        )
    answers = query_answers = None
    if query_probabilities:
        classes, answers = index_answers(library, model_id, index.keys)
        query_answers = sqrt_answers(base_vector(query_probabilities, classes))
    found = most_similar(
        index.keys, index.matrix, query, top, path_key(path), answers, query_answers
    )
    return [(path_str(key), score) for key, score in found]
