"""A real capture device that hears given music, on a machine without a sound card.

For tests, benchmarks and demos of the live mode. ALSA's `file` PCM plugin, declared in an
`.asoundrc` inside a private HOME, reads its capture data from `infile`. Its slave (the `null`
PCM) has no clock, so from a plain file the plugin delivers audio as fast as it is read (about
900x real time here). The infile is therefore a FIFO, and a feeder thread writes it at real
time: PortAudio's capture thread blocks on the FIFO like on a sound card's clock.

The plugin passes raw bytes: the stream must be opened at exactly the FIFO's rate, channel
count and format (int16 little-endian here; the live stream captures int16). It fills each
period with one `read` of the FIFO, and a read that finds less than a period leaves the rest of
it stale: the feeder therefore writes whole capture blocks (`BLOCK_FRAMES`, the live stream's
period), each in one atomic write, and the capture is then sample for sample the fed audio.

Processes that open the device need the `env()` (HOME pointing at the private folder) *before*
PortAudio initialises, so run them as subprocesses.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from mgc_desktop.audio.decode import read_all
from mgc_desktop.live.stream import BLOCK_FRAMES

# Writes of at most PIPE_BUF (4096) bytes to a FIFO are atomic: all or nothing.
_PIPE_BUF = 4096
# A feeder this far behind real time (nobody reading) restarts its clock instead of bursting.
_MAX_LAG_S = 0.1


def pcm_int16(audio: np.ndarray, channels: int) -> np.ndarray:
    """Mono float32 in [-1, 1] -> (samples, channels) int16, the same signal on every channel."""
    pcm = np.round(np.clip(audio, -1.0, 1.0) * 32767.0).astype("<i2")
    return np.repeat(pcm[:, None], channels, axis=1)


class VirtualMic:
    """Capture PCM `name` fed in real time with `pcm` ((samples, channels) int16 at `rate`).

    `loop`: start again at the end; otherwise silence (zeros) follows the audio.
    """

    def __init__(
        self,
        pcm: np.ndarray,
        rate: int = 44100,
        name: str = "filemic",
        workdir: str | Path | None = None,
        loop: bool = True,
    ) -> None:
        if pcm.ndim != 2 or pcm.dtype != np.dtype("<i2"):
            raise ValueError("pcm must be (samples, channels) little-endian int16")
        if pcm.shape[1] not in (1, 2):  # a whole block per atomic write holds at most stereo
            raise ValueError("pcm must be mono or stereo")
        self.pcm = np.ascontiguousarray(pcm)
        self.rate = int(rate)
        self.channels = int(pcm.shape[1])
        self.name = name
        self.loop = loop
        self._own_dir = workdir is None
        self.home = Path(workdir or tempfile.mkdtemp(prefix="mgc-virtualmic-"))
        self.fifo = self.home / f"{name}.fifo"
        self._stop = threading.Event()
        self._paused = threading.Event()
        self._thread: threading.Thread | None = None
        self.frames_fed = 0

    @classmethod
    def from_files(
        cls,
        paths: Sequence[str | Path],
        rate: int = 44100,
        channels: int = 2,
        silence_after_s: float = 0.0,
        **kwargs: object,
    ) -> VirtualMic:
        """Decode music files with the app's decoder and play them one after another."""
        parts = [read_all(p, rate) for p in paths]
        if silence_after_s > 0:
            parts.append(np.zeros(int(silence_after_s * rate), dtype=np.float32))
        return cls(pcm_int16(np.concatenate(parts), channels), rate, **kwargs)

    @property
    def duration_s(self) -> float:
        return len(self.pcm) / self.rate

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """Environment for a process that should see this device (and no PulseAudio)."""
        env = dict(os.environ if base is None else base)
        env["HOME"] = str(self.home)
        env["XDG_RUNTIME_DIR"] = str(self.home)
        env["PULSE_SERVER"] = f"unix:{self.home / 'no-pulse'}"
        return env

    def start(self) -> VirtualMic:
        self.home.mkdir(parents=True, exist_ok=True)
        (self.home / ".asoundrc").write_text(
            f"pcm.{self.name} {{\n"
            "  type file\n"
            '  slave.pcm "null"\n'
            '  file "/dev/null"\n'
            f'  infile "{self.fifo}"\n'
            '  format "raw"\n'
            "}\n"
        )
        if self.fifo.exists():
            self.fifo.unlink()
        os.mkfifo(self.fifo)
        # Read-write and non-blocking: opening never waits for a reader, writing never hangs
        # the thread when nobody reads.
        self._fd = os.open(self.fifo, os.O_RDWR | os.O_NONBLOCK)
        self._stop.clear()
        self._thread = threading.Thread(target=self._feed, name="virtualmic", daemon=True)
        self._thread.start()
        return self

    def _next_piece(self, data: bytes, pos: int, chunk: int) -> tuple[bytes, int]:
        """The chunk at `pos` (wrapping round when looping, zeros after the end otherwise)."""
        piece = data[pos : pos + chunk]
        if len(piece) < chunk:
            filler = data if self.loop else b""
            while len(piece) < chunk:
                piece += filler[: chunk - len(piece)] or bytes(chunk - len(piece))
        next_pos = pos + chunk
        if self.loop:
            next_pos %= len(data)
        return piece, next_pos

    def _feed(self) -> None:
        data = self.pcm.tobytes()
        frame_bytes = 2 * self.channels
        block = BLOCK_FRAMES * frame_bytes
        # Whole capture blocks per atomic write: two for mono, one for stereo.
        chunk = max(_PIPE_BUF // block, 1) * block
        pos = 0
        clock, sent_s = time.monotonic(), 0.0
        while not self._stop.is_set():
            if self._paused.is_set():  # a device that stops delivering (pulled cable)
                time.sleep(0.01)
                clock, sent_s = time.monotonic(), 0.0
                continue
            piece, next_pos = self._next_piece(data, pos, chunk)
            try:
                os.write(self._fd, piece)
            except OSError as exc:
                if exc.errno != errno.EAGAIN:
                    raise
                # FIFO full: nobody is reading. Hold this chunk and the clock.
                time.sleep(0.01)
                clock, sent_s = time.monotonic(), 0.0
                continue
            pos = next_pos
            self.frames_fed += chunk // frame_bytes
            sent_s += chunk / frame_bytes / self.rate
            ahead = clock + sent_s - time.monotonic()
            if ahead > 0:
                time.sleep(ahead)
            elif ahead < -_MAX_LAG_S:
                clock, sent_s = time.monotonic(), 0.0

    def pause(self, paused: bool = True) -> None:
        """Stop (or resume) delivering audio while the device stays open."""
        if paused:
            self._paused.set()
        else:
            self._paused.clear()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None
            os.close(self._fd)
        if self._own_dir:
            shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self) -> VirtualMic:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
