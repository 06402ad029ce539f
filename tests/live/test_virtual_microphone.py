"""The live tests' capture device is faithful: through PortAudio and the app's own capture
stream, the virtual microphone delivers the music it is fed sample for sample, at any channel
count it offers (a device that dropped or repeated samples would test the model on clicks)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from mgc_desktop.audio.decode import read_all
from mgc_desktop.live.virtualmic import VirtualMic, pcm_int16
from tests.live.conftest import child_env, valid_clips

CAPTURE_S = 3.0
# The app's CaptureStream in a child (PortAudio reads the virtual device's HOME at start):
# capture, then save every sample the ring buffer holds.
CAPTURE_SCRIPT = textwrap.dedent(
    """
    import sys, time
    import numpy as np
    from mgc_desktop.live.stream import CaptureStream
    stream = CaptureStream(device="filemic", channels=int(sys.argv[3]))
    stream.start()
    time.sleep(float(sys.argv[2]))
    samples, _, _ = stream.ring.latest(stream.ring.written)
    stream.stop()
    np.save(sys.argv[1], samples)
    print(stream.samplerate, stream.channels, stream.overflows)
    """
)


def _offset(fed: np.ndarray, window: np.ndarray) -> int:
    """Where `window` (frames, channels) starts in `fed`: the first exact match."""
    for start in np.flatnonzero(fed[: len(fed) - len(window), 0] == window[0, 0]):
        if np.array_equal(fed[start : start + len(window)], window):
            return int(start)
    raise AssertionError("the captured audio is nowhere in the fed music")


@pytest.mark.parametrize("channels", [2, 1])
def test_the_virtual_microphone_delivers_the_fed_music_sample_for_sample(tmp_path, channels):
    music = read_all(valid_clips()[0][0], 44100)
    fed = pcm_int16(music, channels)
    with VirtualMic(fed, 44100, loop=True) as mic:
        run = subprocess.run(
            [sys.executable, "-c", CAPTURE_SCRIPT, str(tmp_path / "cap.npy"), str(CAPTURE_S),
             str(channels)],
            env=child_env(mic.home), capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["44100", str(channels), "0"]
    captured = np.load(tmp_path / "cap.npy")
    assert captured.shape[1] == channels
    assert len(captured) >= 0.9 * CAPTURE_S * 44100
    # Music everywhere: the comparison cannot pass on silence.
    assert np.abs(captured.astype(np.int32)).mean() > 300
    start = _offset(fed, captured[:256])
    expected = np.take(fed, np.arange(start, start + len(captured)), axis=0, mode="wrap")
    wrong = np.flatnonzero((captured != expected).any(axis=1))
    assert wrong.size == 0, f"{wrong.size} of {len(captured)} frames differ, first at {wrong[:5]}"
