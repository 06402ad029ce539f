"""Audio whose features overflow (extreme sample values in a damaged float file) gives the
model a NaN answer: that is a failed file with a one-line reason, never a genre."""

from __future__ import annotations

import pytest

from mgc_desktop.audio.decode import DecodeError
from mgc_desktop.model.batch import ClassifierPool, FileFailure
from mgc_desktop.model.classifier import GenreClassifier, Prediction
from tests.conftest import music_signal, write_audio

RATE = 16000
REASON = "the model gave no usable answer"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extreme")
    samples = music_signal(6.0, RATE, channels=1)
    good = write_audio("wav_float", folder / "good", samples, RATE)
    samples[1000:1100] = 1e30  # finite, but its power overflows float32
    return good, write_audio("wav_float", folder / "extreme", samples, RATE)


def test_a_non_finite_answer_is_a_decode_error(files, tiny_model):
    classifier = GenreClassifier(tiny_model)
    good, extreme = files
    assert classifier.classify_file(good).genre
    with pytest.raises(DecodeError, match=REASON):
        classifier.classify_file(extreme)


def test_the_pool_reports_it_as_one_failed_file(files, tiny_model):
    good, extreme = files
    with ClassifierPool(tiny_model, workers=1, timeout_s=60) as pool:
        results = {r.path: r for r in pool.classify([extreme, good])}
    assert isinstance(results[str(good)], Prediction)
    failure = results[str(extreme)]
    assert isinstance(failure, FileFailure) and failure.error.startswith(REASON)
