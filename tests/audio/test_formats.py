"""Every supported format, written by a real encoder from one source signal, decodes to the same
features as the WAV original, within a tolerance that reflects the codec (lossless or lossy)."""

from __future__ import annotations

import numpy as np
import pytest

from mgc_desktop.audio.decode import probe, read_all
from mgc_desktop.audio.features import FrontEndParams, log_mel
from mgc_desktop.model.windows import track_windows
from tests.conftest import ENCODERS, LOSSLESS, music_signal, write_audio

FRONTEND = FrontEndParams()
SECONDS = 12.0
# Mean absolute log-mel difference (dB) against the float WAV original, over the bins that are
# within 50 dB of the loudest one (quieter bins are each codec's own noise floor).
LOSSLESS_TOLERANCE_DB = 0.5
LOSSY_TOLERANCE_DB = 3.0
U8_TOLERANCE_DB = 3.0  # 8-bit PCM: its quantisation noise sits at about -48 dBFS


def features_of(path):
    return track_windows(path, FRONTEND, max_windows=8, min_duration_s=1.0, silence_dbfs=-55)


def mean_db_difference(reference: np.ndarray, other: np.ndarray) -> float:
    loud = reference > reference.max() - 50
    return float(np.abs(reference - other)[loud].mean())


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    samples = music_signal(SECONDS, 44100)
    ref = write_audio("wav_float", folder / "reference", samples, 44100)
    return folder, samples, ref


def aligned_log_mel(path, reference_16k: np.ndarray) -> np.ndarray:
    """Log-mel of the decoded file over the reference's 2-10 s span, after removing the
    codec's start delay (MP3 and WMA encoders prepend priming samples)."""
    decoded = read_all(path, FRONTEND.sample_rate)
    probe_len = FRONTEND.sample_rate * 2
    head = reference_16k[FRONTEND.sample_rate : FRONTEND.sample_rate + probe_len]
    search = decoded[: FRONTEND.sample_rate * 2 + probe_len]
    lag = int(np.argmax(np.correlate(search, head, "valid"))) - FRONTEND.sample_rate
    span = slice(2 * FRONTEND.sample_rate + lag, 10 * FRONTEND.sample_rate + lag)
    return log_mel(decoded[span], FRONTEND)


@pytest.mark.parametrize("kind", sorted(ENCODERS))
def test_each_format_decodes_to_the_same_features(kind, reference):
    folder, samples, ref_path = reference
    path = write_audio(kind, folder / f"song_{kind}", samples, 44100)
    info = probe(path)
    assert info.sample_rate == (48000 if kind == "opus" else 44100)
    assert abs(info.duration_s - SECONDS) < 0.35  # codecs pad to whole frames
    ref_16k = read_all(ref_path, FRONTEND.sample_rate)
    ref_features = log_mel(ref_16k[2 * FRONTEND.sample_rate : 10 * FRONTEND.sample_rate], FRONTEND)
    features = aligned_log_mel(path, ref_16k)
    assert features.shape == ref_features.shape
    diff = mean_db_difference(ref_features, features)
    if kind == "wav_u8":
        tolerance = U8_TOLERANCE_DB
    else:
        tolerance = LOSSLESS_TOLERANCE_DB if kind in LOSSLESS else LOSSY_TOLERANCE_DB
    assert diff < tolerance, f"{kind}: {diff:.3f} dB from the WAV original"
    # And the app's own path (windows over the whole track) works on every format.
    assert features_of(path).windows.shape == (8, FRONTEND.n_mels, FRONTEND.window_frames)


@pytest.mark.parametrize("rate", [8000, 11025, 22050, 48000, 96000, 192000])
def test_any_sample_rate_gives_the_same_features(rate, tmp_path, reference):
    ref_windows = features_of(reference[2]).windows
    path = write_audio("flac", tmp_path / "song", music_signal(SECONDS, rate), rate)
    windows = features_of(path).windows
    assert windows.shape == ref_windows.shape
    # An 8 kHz file has nothing above 4 kHz: compare only the bands it can carry.
    top_hz = min(rate / 2, FRONTEND.fmax) * 0.9
    edges = np.linspace(0, 1, FRONTEND.n_mels)  # monotone in mel: the lowest bands first
    bands = int(np.searchsorted(edges, _mel_fraction(top_hz)))
    assert mean_db_difference(ref_windows[:, :bands], windows[:, :bands]) < 1.0


def _mel_fraction(hz: float) -> float:
    from mgc_desktop.audio.features import _hz_to_mel

    lo, hi = _hz_to_mel(FRONTEND.fmin), _hz_to_mel(FRONTEND.fmax)
    return float((_hz_to_mel(hz) - lo) / (hi - lo))


@pytest.mark.parametrize("channels", [1, 6])
def test_any_channel_count_is_down_mixed(channels, tmp_path):
    mono = music_signal(SECONDS, 44100, channels=1)
    multi = np.repeat(mono, channels, axis=1)
    path = write_audio("wav_pcm24", tmp_path / "song", multi, 44100)
    assert probe(path).channels == channels
    decoded = read_all(path, 16000)
    expected = read_all(write_audio("wav_pcm24", tmp_path / "mono", mono, 44100), 16000)
    assert np.abs(decoded - expected).max() < 1e-4


def test_excerpts_match_the_whole_file(tmp_path):
    """Seeking must not shift the sample grid: an excerpt equals the same span of a full
    decode, so the app (excerpts) and training (whole clips) see identical features."""
    from mgc_desktop.audio.decode import read_excerpts

    path = write_audio("flac", tmp_path / "song", music_signal(30.0, 22050), 22050)
    whole = read_all(path, 16000)
    excerpts = [(0.0, 4.0), (3.5, 4.0), (10.01, 2.5), (20.3, 4.0)]
    _, parts = read_excerpts(path, excerpts, 16000)
    for (start, _), part in zip(excerpts, parts):
        first = int(round(start * 16000))
        np.testing.assert_allclose(
            part[800:-800], whole[first + 800 : first + len(part) - 800], atol=1e-5
        )


def test_long_file_is_not_decoded_whole(tmp_path):
    """A 40-minute file: the classifier decodes only its windows, so it costs about what a
    short file costs (the decoder never reaches most of the file)."""
    import time

    rate = 22050
    one_minute = music_signal(60.0, rate)
    path = tmp_path / "long.flac"
    import soundfile as sf

    with sf.SoundFile(str(path), "w", rate, 2, "PCM_16", format="FLAC") as f:
        for _ in range(40):
            f.write(one_minute)
    start = time.process_time()
    tw = features_of(path)
    cpu = time.process_time() - start
    assert tw.windows.shape[0] == 8
    assert tw.duration_s == pytest.approx(2400, abs=1)
    full_start = time.process_time()
    read_all(path, 16000, max_seconds=2400)
    full_cpu = time.process_time() - full_start
    assert cpu < full_cpu / 5, f"windows took {cpu:.2f} s CPU, full decode {full_cpu:.2f} s"
