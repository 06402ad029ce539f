"""The listener's analysis on recorded real music pushed through a ring buffer (no device):
warm-up, music, silence, smoothing."""

from __future__ import annotations

import numpy as np

from mgc_desktop.audio.decode import read_all
from mgc_desktop.live.listener import STATE_MUSIC, STATE_SILENT, STATE_WARMING_UP, Listener
from mgc_desktop.live.stream import CaptureStream, RingBuffer
from mgc_desktop.live.virtualmic import pcm_int16
from tests.live.conftest import valid_clips

RATE = 44100


def _stream_with(audio: np.ndarray) -> CaptureStream:
    stream = CaptureStream()
    stream.samplerate, stream.channels = RATE, 2
    stream.ring = RingBuffer(RATE * 20, 2)
    stream._started_at = 1.0
    pcm = pcm_int16(audio, 2)
    stream.ring.write(pcm, capture_time=1.0 + len(pcm) / RATE)
    return stream


def test_warm_up_music_and_silence(live_model):
    clip, _ = valid_clips()[0]
    music = read_all(clip, RATE)[: 10 * RATE]
    listener = Listener(live_model)
    early = listener.analyse(_stream_with(music[: 2 * RATE]))
    assert early.state == STATE_WARMING_UP and early.genre is None and early.level_dbfs > -40
    heard = listener.analyse(_stream_with(music))
    assert heard.state == STATE_MUSIC and heard.genre in listener.card.classes
    # calibrated genre probabilities; what they leave below 1 is "none of these genres"
    assert 0.3 < sum(heard.probabilities.values()) <= 1 + 1e-5
    assert heard.label and 0 < heard.confidence <= 1 and abs(heard.t - 10.0) < 0.01
    quiet = listener.analyse(_stream_with(music * 1e-4))  # about -90 dBFS: no music heard
    assert quiet.state == STATE_SILENT and quiet.genre is None
    assert quiet.message == "no music heard"
    payload = heard.to_json()
    for key in ("t", "genre", "label", "confidence", "probabilities", "level", "state"):
        assert key in payload


def test_smoothing_moves_towards_new_music_gradually(live_model):
    clips = valid_clips()
    a = read_all(clips[0][0], RATE)[: 6 * RATE]
    b = read_all(clips[-1][0], RATE)[: 6 * RATE]
    listener = Listener(live_model, interval_s=0.5, smoothing_s=1.5)
    first = listener.analyse(_stream_with(a))
    second = listener.analyse(_stream_with(b))
    pa = np.array(list(first.probabilities.values()))
    pb_raw = np.array(list(second.window_probabilities.values()))
    pb = np.array(list(second.probabilities.values()))
    # The smoothed answer lies between the old answer and the new window's.
    alpha = 1 - np.exp(-0.5 / 1.5)
    np.testing.assert_allclose(pb, alpha * pb_raw + (1 - alpha) * pa, atol=1e-5)
