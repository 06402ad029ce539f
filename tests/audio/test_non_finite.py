"""A damaged float file with inf/NaN samples decodes to silence at those samples: one bad sample
must not turn every feature, and so the prediction, into NaN."""

from __future__ import annotations

import numpy as np

from mgc_desktop.audio.decode import read_all
from tests.conftest import music_signal, write_audio

RATE = 16000


def test_inf_and_nan_samples_decode_as_silence(tmp_path):
    samples = music_signal(3.0, RATE, channels=2)
    bad = {1000: np.inf, 2000: -np.inf, 3000: np.nan}
    for index, value in bad.items():
        samples[index, 0] = value
    path = write_audio("wav_float", tmp_path / "damaged", samples, RATE)

    decoded = read_all(path, RATE)

    assert np.isfinite(decoded).all()
    expected = samples.mean(axis=1)
    for index in bad:  # the other channel's half is kept, the bad one counts as silence
        assert abs(decoded[index] - samples[index, 1] / 2) < 1e-6
    good = np.ones(len(expected), bool)
    good[list(bad)] = False
    assert np.allclose(decoded[good], expected[good], atol=1e-6)
