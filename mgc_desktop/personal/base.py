"""Which base model is in use: its id ties the learned genres to the embeddings it made."""

from __future__ import annotations


def base_model_id(model_path: str | None) -> str:
    """The id of the base model in use, from the index's cache when it has one (no
    onnxruntime start), else from the model file."""
    from mgc_desktop.library.index import Library, default_index_path
    from mgc_desktop.library.scanner import model_id_for
    from mgc_desktop.paths import default_model_path

    path = model_path or default_model_path()
    if default_index_path().exists():
        try:
            with Library(readonly=True) as library:
                return model_id_for(path, library)
        except Exception:  # noqa: BLE001, S110 - a cache miss: read the model file below
            pass
    return model_id_for(path)
