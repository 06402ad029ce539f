"""The app's pure-numpy front end is exactly musicnn's input: librosa's Slaney mel filters and
`log10(1 + 10000 * mel power)` of librosa's centred STFT (reflect padding, as librosa < 0.10 did
by default), in float32 -- checked on real music against librosa itself (the training extra)."""

from __future__ import annotations

import numpy as np
import pytest

from mgc_desktop.audio.decode import read_all
from mgc_desktop.audio.features import (
    FrontEndParams,
    IncompatibleFrontEnd,
    log_mel,
    mel_filterbank,
)

FE = FrontEndParams()


def test_defaults_are_musicnns_input() -> None:
    assert (FE.sample_rate, FE.n_fft, FE.hop_length, FE.n_mels) == (16000, 512, 256, 96)
    assert (FE.window_frames, FE.scaling, FE.log_gain) == (187, "log10_1p", 10000.0)
    assert abs(FE.window_seconds - 3.008) < 1e-3


def test_mel_filters_equal_librosa_slaney() -> None:
    librosa = pytest.importorskip("librosa")
    ref = librosa.filters.mel(sr=16000, n_fft=512, n_mels=96, fmin=0.0, fmax=8000.0,
                              htk=False, norm="slaney")
    np.testing.assert_allclose(mel_filterbank(FE), ref, rtol=1e-5, atol=1e-7)


def test_log_mel_equals_musicnns_librosa_recipe_on_real_music(shared_data) -> None:
    librosa = pytest.importorskip("librosa")
    clips = [sorted((shared_data / "extra" / g).iterdir())[0] for g in ("rock", "jazz")]
    clips.append(sorted((shared_data / "gtzan" / "metal").iterdir())[0])
    for clip in clips:
        audio = read_all(clip, FE.sample_rate)
        mel = librosa.feature.melspectrogram(y=audio, sr=16000, n_fft=512, hop_length=256,
                                             n_mels=96, pad_mode="reflect")
        ref = np.log10(1 + 10000 * mel.astype(np.float32))  # float32, never float16
        for frame in (1, 400, ref.shape[1] - 187 - 1):
            start = frame * FE.hop_length - FE.n_fft // 2  # window begins half an FFT early
            ours = log_mel(audio[start : start + FE.window_samples], FE)
            assert ours.shape == (96, 187)
            assert np.abs(ours - ref[:, frame : frame + 187]).max() < 1e-4, clip.name


def test_loud_audio_stays_finite_where_a_float16_cast_overflows() -> None:
    rng = np.random.default_rng(0)
    loud = np.clip(rng.normal(0, 1, FE.window_samples), -1, 1).astype(np.float32)
    power = mel_filterbank(FE) @ np.abs(np.fft.rfft(loud[:512] * np.hanning(512))) ** 2
    with np.errstate(over="ignore"):
        assert np.isinf(np.float16(10000) * power.astype(np.float16)).any()  # musicnn's trap
    ours = log_mel(loud, FE)
    assert np.isfinite(ours).all() and ours.max() > 4


def test_front_end_parameters_it_cannot_honour_are_refused() -> None:
    raw = FE.to_dict()
    with pytest.raises(IncompatibleFrontEnd, match="scaling"):
        FrontEndParams.from_dict({**raw, "scaling": "pcen"})
    with pytest.raises(IncompatibleFrontEnd, match="missing"):
        FrontEndParams.from_dict({k: v for k, v in raw.items() if k != "log_gain"})
    with pytest.raises(IncompatibleFrontEnd, match="version"):
        FrontEndParams.from_dict({**raw, "version": 1})
