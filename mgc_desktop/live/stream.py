"""Microphone capture: a PortAudio input stream whose callback only copies into a ring buffer.

The audio callback runs on PortAudio's real-time thread, so it must never wait on anything: no
model work, no allocation of sample buffers, no lock the reader could hold. It copies the block
into a preallocated ring and then publishes `(samples written, capture time)` with one
reference assignment, which is atomic in CPython. The reader takes that published pair, copies
the samples before it, and checks afterwards that the writer has not lapped it meanwhile (a
seqlock without the lock). Single producer, single consumer.

Samples are captured as int16 at the device's own rate: every capture device offers that, and
a file-fed ALSA device only works in the format of its file. The worker converts, down-mixes
and resamples with the same code as file decoding.

sounddevice is imported on first use, so that the app starts (and can say what is missing)
on a machine without the PortAudio library.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from mgc_desktop.audio.decode import downmix

# Rates tried, in order, after the one asked for and the device's default.
COMMON_RATES = (48000, 44100, 32000, 22050, 16000)
# A stream that delivers nothing for this long is treated as lost.
DEFAULT_STALL_S = 2.0
# Frames per callback, fixed rather than left to PortAudio (23 ms at 44.1 kHz, 64 ms at 16 kHz:
# well inside the listener's half-second updates): a device that hands over whole reads of
# this size (`VirtualMic` writes whole blocks) then delivers every sample; with PortAudio's own
# choice (1,045 frames at 44.1 kHz here) each 1,024-frame write came out as a short read padded
# with 21 stale frames.
BLOCK_FRAMES = 1024


# Stream closes still running on helper threads (a lost device that has not let go yet).
_pending_closes: set[threading.Thread] = set()
_pending_lock = threading.Lock()


def _exit_handler(register: bool) -> None:
    """sounddevice terminates PortAudio at exit, which waits for every stream to close: with a
    close pending on a lost device, the app would hang on quit. Skip it while one is pending."""
    import atexit
    import sys

    sd = sys.modules.get("sounddevice")
    handler = getattr(sd, "_exit_handler", None)
    if handler is not None:
        atexit.unregister(handler)
        if register:
            atexit.register(handler)


def _close_stream(stream: Any) -> None:
    try:
        stream.close(ignore_errors=True)
    except Exception:  # a vanished device may fail in any way on close
        pass
    with _pending_lock:
        _pending_closes.discard(threading.current_thread())
        if not _pending_closes:
            _exit_handler(register=True)


def closes_pending() -> bool:
    """True while a lost device's stream has not finished closing."""
    with _pending_lock:
        return bool(_pending_closes)


class LiveError(Exception):
    """Listening cannot start or has stopped. str() is one line meant for the user."""


@dataclass(frozen=True)
class InputDevice:
    """A capture device as the device chooser shows it."""

    index: int
    name: str
    hostapi: str
    channels: int
    default_samplerate: float
    is_default: bool

    @property
    def label(self) -> str:
        return f"{self.index}: {self.name} ({self.hostapi})"


def _sounddevice() -> Any:
    """The sounddevice module, or LiveError when the PortAudio library is missing."""
    try:
        import sounddevice
    except OSError as exc:  # sounddevice raises OSError when libportaudio cannot be loaded
        raise LiveError(
            f"audio input is unavailable: PortAudio library not found ({exc}); "
            "install libportaudio2"
        ) from None
    return sounddevice


def list_input_devices(refresh: bool = False) -> list[InputDevice]:
    """Every device with capture channels. `refresh` re-scans the system (hot-plugged devices);
    only do that while no stream is open."""
    sd = _sounddevice()
    if refresh:
        sd._terminate()
        sd._initialize()
    try:
        devices = sd.query_devices()
        hostapis = sd.query_hostapis()
        default_in = sd.default.device[0]
    except sd.PortAudioError as exc:
        raise LiveError(f"cannot list audio devices: {exc}") from None
    if default_in is None or default_in < 0:
        default_in = next(
            (api["default_input_device"] for api in hostapis if api["default_input_device"] >= 0),
            -1,
        )
    return [
        InputDevice(
            index=int(d["index"]),
            name=str(d["name"]),
            hostapi=str(hostapis[d["hostapi"]]["name"]),
            channels=int(d["max_input_channels"]),
            default_samplerate=float(d["default_samplerate"]),
            is_default=int(d["index"]) == default_in,
        )
        for d in devices
        if d["max_input_channels"] > 0
    ]


def resolve_device(device: int | str | None) -> InputDevice:
    """An index, a (part of a) name or None for the default -> the device, or LiveError."""
    devices = list_input_devices()
    if not devices:
        raise LiveError("no audio input device found (is a microphone connected and enabled?)")
    if device is None:
        return next((d for d in devices if d.is_default), devices[0])
    if isinstance(device, str) and device.strip().isdigit():
        device = int(device)
    if isinstance(device, int):
        for d in devices:
            if d.index == device:
                return d
        raise LiveError(
            f"no input device {device}; input devices: " + ", ".join(d.label for d in devices)
        )
    exact = [d for d in devices if d.name == device]
    matches = exact or [d for d in devices if device.lower() in d.name.lower()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise LiveError(
            f"no input device matching {device!r}; input devices: "
            + ", ".join(d.label for d in devices)
        )
    raise LiveError(
        f"several input devices match {device!r}: " + ", ".join(d.label for d in matches)
    )


class RingBuffer:
    """Preallocated (capacity, channels) int16 ring: one writer (the audio callback), one reader.

    `write` never allocates sample memory and never blocks; `latest` copies the newest samples
    out and retries if the writer overwrote them during the copy.
    """

    def __init__(self, capacity: int, channels: int) -> None:
        self.capacity = int(capacity)
        self.channels = int(channels)
        self._data = np.zeros((self.capacity, self.channels), dtype=np.int16)
        # (total samples written, monotonic capture time of the newest one): replaced whole.
        self._published: tuple[int, float] = (0, 0.0)

    @property
    def written(self) -> int:
        """Samples written since the start (not wrapped)."""
        return self._published[0]

    @property
    def published(self) -> tuple[int, float]:
        return self._published

    def write(self, block: np.ndarray, capture_time: float) -> None:
        """Append a (frames, channels) block; called from the audio callback only."""
        written = self._published[0]
        n = len(block)
        if n > self.capacity:
            block = block[n - self.capacity :]
            written += n - self.capacity
            n = self.capacity
        start = written % self.capacity
        first = min(n, self.capacity - start)
        self._data[start : start + first] = block[:first]
        if first < n:
            self._data[: n - first] = block[first:]
        self._published = (written + n, capture_time)

    def latest(self, n: int, out: np.ndarray | None = None) -> tuple[np.ndarray, int, float]:
        """The newest min(n, available) samples as (frames, channels) int16, with the sample
        count and capture time they end at."""
        n = min(int(n), self.capacity)
        for _ in range(8):
            end, stamp = self._published
            take = min(n, end)
            buf = out[:take] if out is not None else np.empty((take, self.channels), np.int16)
            begin = (end - take) % self.capacity
            first = min(take, self.capacity - begin)
            buf[:first] = self._data[begin : begin + first]
            if first < take:
                buf[first:] = self._data[: take - first]
            # The writer may have lapped us while we copied: the oldest samples copied must
            # still be intact afterwards.
            if self._published[0] - (end - take) <= self.capacity:
                return buf, end, stamp
        raise LiveError("the audio reader cannot keep up with the input")


class CaptureStream:
    """One open input stream at a rate the device accepts, feeding a ring buffer.

    `error` becomes a one-line message when the device stops on its own (unplugged, driver
    error) or goes quiet for `stall_s` seconds; the owner polls `check()` and reopens a new
    CaptureStream to restart.
    """

    def __init__(
        self,
        device: int | str | None = None,
        samplerate: int | None = None,
        channels: int | None = None,
        buffer_seconds: float = 20.0,
        stall_s: float = DEFAULT_STALL_S,
    ) -> None:
        self.requested_device = device
        self.requested_samplerate = samplerate
        self.requested_channels = channels
        self.buffer_seconds = float(buffer_seconds)
        self.stall_s = float(stall_s)
        self.device: InputDevice | None = None
        self.samplerate = 0
        self.channels = 0
        self.note = ""
        self.overflows = 0
        self.error: str | None = None
        self.ring: RingBuffer | None = None
        self._stream: Any = None
        self._stopping = False
        self._started_at = 0.0
        self._last_progress = (0, 0.0)

    # -- opening ---------------------------------------------------------------------------

    def _pick_format(self, sd: Any, device: InputDevice) -> tuple[int, int]:
        """(rate, channels) the device accepts: the rate asked for, else the device's own,
        else a common one."""
        want_channels = self.requested_channels or min(2, device.channels)
        channel_options = [want_channels] + ([1] if want_channels != 1 else [])
        rates: list[int] = []
        for rate in (self.requested_samplerate, int(device.default_samplerate), *COMMON_RATES):
            if rate and rate not in rates:
                rates.append(int(rate))
        last_error = ""
        for rate in rates:
            for channels in channel_options:
                try:
                    sd.check_input_settings(
                        device.index, channels=channels, dtype="int16", samplerate=rate
                    )
                except (sd.PortAudioError, ValueError) as exc:
                    last_error = str(exc)
                    continue
                if self.requested_samplerate and rate != self.requested_samplerate:
                    self.note = (
                        f"{self.requested_samplerate} Hz is not supported by {device.name}; "
                        f"using {rate} Hz"
                    )
                return rate, channels
        raise LiveError(
            f"{device.name} supports none of the sample rates "
            f"{', '.join(str(r) for r in rates)} Hz ({last_error})"
        )

    def start(self) -> None:
        """Open and start the stream; LiveError with the reason when that is impossible."""
        sd = _sounddevice()
        self.device = resolve_device(self.requested_device)
        self.samplerate, self.channels = self._pick_format(sd, self.device)
        capacity = int(math.ceil(self.buffer_seconds * self.samplerate))
        self.ring = RingBuffer(capacity, self.channels)
        self.overflows = 0
        self.error = None
        self._stopping = False
        try:
            self._stream = sd.InputStream(
                device=self.device.index,
                samplerate=self.samplerate,
                channels=self.channels,
                dtype="int16",
                latency="low",
                blocksize=BLOCK_FRAMES,
                callback=self._callback,
                finished_callback=self._finished,
            )
            self._stream.start()
        except (sd.PortAudioError, ValueError) as exc:
            self._close_quietly()
            raise LiveError(f"cannot open {self.device.name}: {exc}") from None
        self._started_at = time.monotonic()
        self._last_progress = (0, self._started_at)

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        """PortAudio's thread: stamp, count overflows, copy. Nothing else."""
        now = time.monotonic()
        if status.input_overflow:
            self.overflows += 1
        # Time from the ADC of the newest sample to now, when the host API reports it.
        delay = (
            time_info.currentTime - time_info.inputBufferAdcTime - (frames - 1) / self.samplerate
        )
        self.ring.write(indata, now - delay if 0.0 < delay < 1.0 else now)

    def _finished(self) -> None:
        """PortAudio calls this when the stream ends, by our stop() or by itself."""
        if not self._stopping and self.error is None:
            self.error = f"{self.device.name} stopped delivering audio (unplugged?)"

    # -- state -----------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._stream is not None and self.error is None

    @property
    def started_at(self) -> float:
        """time.monotonic() when the stream started."""
        return self._started_at

    def check(self) -> str | None:
        """The error that ended the stream, if any; also detects a stream that went quiet.

        Pure Python on purpose: PortAudio calls (even `active`) can block while a vanished
        device holds its capture thread, and the worker must stay responsive.
        """
        if self.error is not None:
            return self.error
        if self._stream is None:
            return "not listening"
        now = time.monotonic()
        written = self.ring.written
        if written != self._last_progress[0]:
            self._last_progress = (written, now)
        elif now - self._last_progress[1] > self.stall_s:
            self.error = f"no audio from {self.device.name} for {self.stall_s:g} s (unplugged?)"
        return self.error

    def latest(self, seconds: float) -> tuple[np.ndarray, float, int]:
        """The newest `seconds` of audio (or less, early on) as mono float32 at the device
        rate, with the capture time of its last sample and the sample count it ends at."""
        block, end, stamp = self.ring.latest(int(round(seconds * self.samplerate)))
        samples = downmix(block.T.astype(np.float32) * np.float32(1 / 32768))
        return samples, stamp, end

    def level_dbfs(self, seconds: float = 0.05) -> float:
        """RMS level of the newest samples (for a level meter)."""
        from mgc_desktop.model.windows import level_dbfs

        if self.ring is None:
            return float("-inf")
        samples, _, _ = self.latest(seconds)
        return level_dbfs(samples)

    # -- closing ---------------------------------------------------------------------------

    def _close_quietly(self, timeout: float = 2.0) -> bool:
        """Close the PortAudio stream on a helper thread, waiting at most `timeout` seconds.

        Closing a stream whose device vanished can block for as long as the device's capture
        thread stays stuck in the driver; the app must not freeze with it. Returns False when
        the close is still pending (the stream is then abandoned to the helper thread).
        """
        stream, self._stream = self._stream, None
        if stream is None:
            return True
        closer = threading.Thread(target=_close_stream, args=(stream,), daemon=True)
        with _pending_lock:
            _pending_closes.add(closer)
            _exit_handler(register=False)
        closer.start()
        closer.join(timeout)
        return not closer.is_alive()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop and close; safe to call twice and after the device vanished. False when the
        device did not let go within `timeout` seconds (listening can still restart)."""
        self._stopping = True
        return self._close_quietly(timeout)

    def __enter__(self) -> CaptureStream:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
