"""Predictions the library index already holds, for `classify` and `tag` to reuse.

A stored prediction counts only when the file is unchanged since it was indexed (size and
mtime) and was made by the same model; the index is a cache, so any trouble reading it just
means classifying afresh.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mgc_desktop.model.classifier import Prediction


def indexed_predictions(
    files: Iterable[Path], model_path: str | Path | None, min_confidence: float | None = None
) -> dict[str, Prediction]:
    """str(path) -> Prediction for files whose index entry is current."""
    try:
        from mgc_desktop.library.index import Library, default_index_path
        from mgc_desktop.library.scanner import model_id_for
        from mgc_desktop.paths import default_model_path

        if not default_index_path().exists():
            return {}
        with Library() as library:
            model_id = model_id_for(model_path or default_model_path(), library)
            stored = library.cached_predictions(list(files), model_id)
    except Exception:  # noqa: BLE001 - a cache miss, not an error
        return {}
    out = {}
    for path, p in stored.items():
        uncertain = p.uncertain
        if min_confidence is not None:
            uncertain = p.genre is None or p.confidence < min_confidence
        out[path] = Prediction(
            path=path,
            genre=p.genre,
            confidence=p.confidence,
            probabilities=p.probabilities,
            windows=p.windows,
            model_id=p.model_id,
            uncertain=uncertain,
            duration_s=p.duration_s or 0.0,
            note=p.note,
            embedding=p.embedding,
        )
    return out
