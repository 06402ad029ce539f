"""One front end, one inference path: on the test clips, the training side's view of the
app's windows (its patch features equal the app's windows; the shipped ONNX run in-process with
the anytime rule) and `mgc-desktop classify --json` in a fresh process agree exactly."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mgc_desktop.audio.features import FrontEndParams, log_mel
from tests.conftest import SHIPPED_MODEL
from training.cli import classify_with_app
from training.data import discover
from training.embed import patches_of


def test_training_patches_are_the_apps_windows(shared_data) -> None:
    """Training cuts patches from a whole clip's log-mel; the app computes each window from
    its own excerpt: the same audio span gives the same numbers."""
    from mgc_desktop.audio.decode import read_all

    fe = FrontEndParams()
    clip = next(c for c in discover(shared_data) if c.split != "test")
    audio = read_all(clip.path, fe.sample_rate)
    patches = patches_of(log_mel(audio, fe), fe.window_frames, 94)
    for k in (0, 3, len(patches) - 1):
        start = k * 94 * fe.hop_length
        window = log_mel(audio[start : start + fe.window_samples], fe)
        np.testing.assert_allclose(patches[k], window.T, atol=1e-5)


def test_training_evaluation_and_app_agree_on_the_test_clips(shared_data) -> None:
    from mgc_desktop.model.classifier import GenreClassifier
    from mgc_desktop.model.windows import TrackAnalysis, first_pass

    if not SHIPPED_MODEL.is_file():
        pytest.fail(f"the shipped model is missing: {SHIPPED_MODEL}")
    model = GenreClassifier(SHIPPED_MODEL)
    inf, fe = model.card.inference, model.card.frontend
    test_clips = [c for c in discover(shared_data) if c.split == "test"]
    assert len(test_clips) >= 90
    app = classify_with_app(SHIPPED_MODEL, [c.path for c in test_clips])
    second_pass = 0
    for clip in test_clips:
        with TrackAnalysis(clip.path, fe, inf.max_windows, inf.min_duration_s,
                           inf.silence_dbfs) as track:
            chosen = first_pass(len(track.plan), inf.first_windows)
            windows, audible = track.windows(chosen)
            probs, _ = model.predict(windows[audible])
            if probs.max() < inf.sure_above:
                second_pass += 1
                windows, audible = track.windows(list(range(len(track.plan))))
                probs, _ = model.predict(windows[audible])
        record = app[str(Path(clip.path).resolve())]
        assert record["genre"] == model.classes[int(np.argmax(probs))], clip.path
        app_probs = np.array([record["probabilities"][c] for c in model.classes])
        np.testing.assert_allclose(app_probs, probs, atol=1e-5)
        assert record["windows"] == int(audible.sum())
    assert 0 < second_pass < len(test_clips)  # both branches of the anytime rule ran
