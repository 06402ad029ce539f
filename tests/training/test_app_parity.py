"""One front end, one aggregation: the shipped model's predictions on the test clips are the
same whether the training module evaluates them (its feature cache of the app's windows, then
`aggregate`) or the app classifies them (`mgc-desktop classify --json` in a fresh process)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.conftest import SHIPPED_MODEL
from training.cache import load, prepare
from training.cli import classify_with_app
from training.data import discover


def test_training_evaluation_and_app_agree_on_the_test_clips(shared_data, tmp_path):
    from mgc_desktop.model.classifier import GenreClassifier
    from mgc_desktop.model.windows import aggregate

    if not SHIPPED_MODEL.is_file():
        pytest.fail(f"the shipped model is missing: {SHIPPED_MODEL}")
    model = GenreClassifier(SHIPPED_MODEL)
    test_clips = [c for c in discover(shared_data) if c.split == "test"]
    assert len(test_clips) >= 90
    entries, errors = prepare(
        [c.path for c in test_clips],
        model.card.frontend,
        model.card.inference,
        cache_dir=tmp_path / "cache",
        workers=2,
        log=lambda *_: None,
    )
    assert not errors
    app = classify_with_app(SHIPPED_MODEL, [c.path for c in test_clips])
    for clip in test_clips:
        cached = load(entries[clip.path], speeds=[1.0])
        probs = aggregate(model.predict_windows(cached.windows), cached.audible)
        record = app[str(Path(clip.path).resolve())]
        assert record["genre"] == model.classes[int(np.argmax(probs))], clip.path
        app_probs = np.array([record["probabilities"][c] for c in model.classes])
        np.testing.assert_allclose(app_probs, probs, atol=1e-5)
