"""The capture side without a device: ring buffer, callback bookkeeping, device errors."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import numpy as np
import pytest

from mgc_desktop.live.stream import CaptureStream, LiveError, RingBuffer, resolve_device


def _block(start: int, n: int, channels: int = 2) -> np.ndarray:
    """Frames numbered start..start+n-1 (wrapped into int16), the same on every channel."""
    values = (np.arange(start, start + n) % 30000).astype(np.int16)
    return np.repeat(values[:, None], channels, axis=1)


def test_ring_keeps_the_newest_samples_across_wraparound():
    ring = RingBuffer(capacity=1000, channels=2)
    written = 0
    for n in (300, 450, 383, 999, 7, 1200):  # the last block is longer than the ring
        ring.write(_block(written, n), capture_time=float(written + n))
        written += n
    assert ring.written == written
    block, end, stamp = ring.latest(800)
    assert end == written and stamp == float(written)
    np.testing.assert_array_equal(block, _block(written - 800, 800))


def test_ring_early_read_returns_what_there_is():
    ring = RingBuffer(capacity=1000, channels=1)
    ring.write(_block(0, 120, 1), 1.0)
    block, end, _ = ring.latest(500)
    assert end == 120 and block.shape == (120, 1)


def test_ring_reader_never_sees_torn_data_under_a_concurrent_writer():
    """The writer laps a slow reader often; every copy it returns is still contiguous."""
    ring = RingBuffer(capacity=4096, channels=1)
    stop = threading.Event()

    def writer() -> None:
        written = 0
        while not stop.is_set():
            ring.write(_block(written, 256, 1), 0.0)
            written += 256

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        for _ in range(300):
            try:
                block, end, _ = ring.latest(3000)
            except LiveError:
                continue  # lapped eight times in a row: reported, never torn
            expected = _block(end - len(block), len(block), 1)
            np.testing.assert_array_equal(block, expected)
    finally:
        stop.set()
        thread.join()


def _bare_stream(rate: int = 48000, channels: int = 2) -> CaptureStream:
    stream = CaptureStream()
    stream.samplerate, stream.channels = rate, channels
    stream.ring = RingBuffer(rate * 5, channels)
    return stream


def test_callback_counts_overflows_and_stamps_capture_time():
    stream = _bare_stream()
    info = SimpleNamespace(currentTime=10.0, inputBufferAdcTime=9.95)
    stream._callback(_block(0, 480), 480, info, SimpleNamespace(input_overflow=False))
    stream._callback(_block(480, 480), 480, info, SimpleNamespace(input_overflow=True))
    assert stream.overflows == 1
    assert stream.ring.written == 960
    samples, captured_at, end = stream.latest(0.01)
    assert end == 960 and samples.dtype == np.float32 and samples.shape == (480,)
    # The newest sample was captured (50 ms - 479 frames) before the callback ran.
    assert captured_at > 0


def test_latest_downmixes_to_float_mono():
    stream = _bare_stream(channels=2)
    block = np.zeros((100, 2), np.int16)
    block[:, 0], block[:, 1] = 16384, -16384
    block[50:, 1] = 16384
    stream.ring.write(block, 1.0)
    samples, _, _ = stream.latest(1.0)
    np.testing.assert_allclose(samples[:50], 0.0)
    np.testing.assert_allclose(samples[50:], 0.5)


def test_unknown_device_is_a_clear_live_error():
    with pytest.raises(LiveError, match="no (audio )?input device"):
        resolve_device(999)
    with pytest.raises(LiveError, match="input device"):
        resolve_device("no-such-device-anywhere")


def test_listener_start_on_a_missing_device_raises_and_can_retry(live_model):
    from mgc_desktop.live.listener import Listener

    listener = Listener(live_model, device=999)
    for _ in range(2):  # a failed start leaves the listener ready to try again
        with pytest.raises(LiveError):
            listener.start()
        assert not listener.running
