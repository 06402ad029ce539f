"""What is playing right now: classify the newest seconds of the microphone at a steady rate.

A worker thread wakes every `interval_s`, takes the newest model window of audio from the ring
buffer, resamples it with the file decoder's resampler, computes the one log-mel front end and
runs the same ONNX classifier as for files. Probabilities are smoothed over updates with an
exponential moving average (time constant `smoothing_s`), so the display does not flicker
while the windows of consecutive updates overlap by most of their length. A window quieter
than the model's `silence_dbfs` is "silent": no genre ("no music heard") and the average is not
fed; after a longer silence it is forgotten, so the next song starts fresh.

Results reach the caller in two Qt-free ways: `on_update` / `on_error` callbacks, called on the
worker thread (a GUI forwards them as queued signals), or the blocking `updates()` iterator.
"""

from __future__ import annotations

import contextlib
import math
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from mgc_desktop.audio.decode import resample
from mgc_desktop.audio.features import log_mel
from mgc_desktop.live.stream import CaptureStream, InputDevice, LiveError
from mgc_desktop.model.classifier import GenreClassifier
from mgc_desktop.model.windows import level_dbfs

STATE_WARMING_UP = "warming_up"  # less than one model window heard yet
STATE_MUSIC = "music"
STATE_SILENT = "silent"

# Extra audio taken before the window, so that the resampler's start transient is cut off.
_RESAMPLE_MARGIN_S = 0.05


def _blas_single_thread() -> Callable[[], contextlib.AbstractContextManager]:
    """A context factory that runs numpy's BLAS on the calling thread only.

    OpenBLAS's helper threads busy-wait for about 0.1 s after each multi-threaded call: one
    small mel projection every 0.5 s kept a core 20 % busy doing nothing (measured: 22 % of a
    core for the whole listener, 2 % with this). threadpoolctl comes with librosa's
    scikit-learn; without it, nothing is limited.
    """
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return contextlib.nullcontext
    controller = ThreadpoolController()
    return lambda: controller.limit(limits=1, user_api="blas")


def _display_name(genre: str) -> str:
    from mgc_desktop.tags.names import display_name

    return display_name(genre)


@dataclass(frozen=True)
class LiveUpdate:
    """One periodic answer. `probabilities` are smoothed; `genre` is None unless state is music.

    `t`: seconds from the start of listening to the capture of the newest sample analysed.
    `latency_s`: from that capture to this update's emission.
    """

    t: float
    state: str
    genre: str | None
    label: str | None
    confidence: float
    uncertain: bool
    probabilities: dict[str, float]
    window_probabilities: dict[str, float]
    level_dbfs: float
    latency_s: float
    overflows: int
    message: str = ""
    top: list[tuple[str, float]] = field(default_factory=list, repr=False)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (rounded; -inf level becomes None)."""
        level = self.level_dbfs if math.isfinite(self.level_dbfs) else None
        return {
            "t": round(self.t, 3),
            "state": self.state,
            "genre": self.genre,
            "label": self.label,
            "confidence": round(self.confidence, 6),
            "uncertain": self.uncertain,
            "probabilities": {k: round(v, 6) for k, v in self.probabilities.items()},
            "window_probabilities": {k: round(v, 6) for k, v in self.window_probabilities.items()},
            "level": None if level is None else round(level, 2),
            "latency_s": round(self.latency_s, 4),
            "overflows": self.overflows,
            "message": self.message,
        }


_STOP = object()


class Listener:
    """Listens to one input device and classifies what it hears until stopped.

    `start()` raises LiveError at once when the device cannot be opened (none present, unknown
    device, no usable sample rate). A failure later (device unplugged, stream stalled) stops
    the listener, calls `on_error` and ends `updates()` with LiveError; `start()` may be called
    again to restart, on the same or another device.
    """

    def __init__(
        self,
        model: GenreClassifier | str | Path,
        *,
        device: int | str | None = None,
        samplerate: int | None = None,
        channels: int | None = None,
        interval_s: float = 0.5,
        smoothing_s: float = 1.5,
        forget_after_silent_s: float = 3.0,
        on_update: Callable[[LiveUpdate], None] | None = None,
        on_error: Callable[[LiveError], None] | None = None,
        threads: int = 1,
    ) -> None:
        if interval_s <= 0:
            raise ValueError("interval_s must be > 0")
        self.classifier = (
            model if isinstance(model, GenreClassifier) else GenreClassifier(model, threads)
        )
        self.card = self.classifier.card
        self.device_request = device
        self.samplerate_request = samplerate
        self.channels_request = channels
        self.interval_s = float(interval_s)
        self.smoothing_s = float(smoothing_s)
        self.forget_after_silent_s = float(forget_after_silent_s)
        self.on_update = on_update
        self.on_error = on_error
        self.error: LiveError | None = None
        self._stream: CaptureStream | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=256)
        self._ema: np.ndarray | None = None
        self._silent_since: float | None = None
        self._overflows = 0
        self._blas_limit: Callable[[], contextlib.AbstractContextManager] | None = None

    # -- control ---------------------------------------------------------------------------

    def start(self) -> None:
        """Open the device and start the worker. LiveError says why it cannot."""
        if self.running:
            return
        self.stop()
        self.error = None
        self._ema = None
        self._silent_since = None
        self._overflows = 0
        self._queue = queue.Queue(maxsize=256)
        stream = CaptureStream(
            self.device_request,
            samplerate=self.samplerate_request,
            channels=self.channels_request,
            buffer_seconds=max(20.0, 4 * self.card.frontend.window_seconds),
        )
        stream.start()
        self._stream = stream
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="mgc-live-listener", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening (idempotent). Safe from any thread, the callbacks' included."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.stop()
        self._put(_STOP)

    @property
    def running(self) -> bool:
        """Listening and healthy (False as soon as a failure has been reported)."""
        alive = self._thread is not None and self._thread.is_alive()
        return alive and self.error is None and not self._stop.is_set()

    @property
    def device(self) -> InputDevice | None:
        return self._stream.device if self._stream else None

    @property
    def samplerate(self) -> int:
        """The rate the device is captured at (0 when not listening)."""
        return self._stream.samplerate if self._stream else 0

    @property
    def channels(self) -> int:
        return self._stream.channels if self._stream else 0

    @property
    def note(self) -> str:
        """A remark about the opened stream (e.g. a requested rate that was replaced)."""
        return self._stream.note if self._stream else ""

    @property
    def overflows(self) -> int:
        """Input overflows (audio lost because the machine was busy) since start()."""
        return self._stream.overflows if self._stream else self._overflows

    def level_dbfs(self, seconds: float = 0.05) -> float:
        """Input level of the newest samples, cheap enough for a 30 Hz level meter."""
        stream = self._stream
        return stream.level_dbfs(seconds) if stream is not None else float("-inf")

    def updates(self, timeout: float | None = None) -> Iterator[LiveUpdate]:
        """Yield updates as they come until stopped; raises the LiveError that ended listening.

        With `timeout`, ends quietly when no update arrives within that many seconds.
        """
        while True:
            try:
                item = self._queue.get(timeout=timeout)
            except queue.Empty:
                return
            if item is _STOP:
                if self.error is not None:
                    raise self.error
                return
            yield item

    def __enter__(self) -> Listener:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- worker ----------------------------------------------------------------------------

    def _put(self, item: Any) -> None:
        """Enqueue without ever blocking the worker: drop the oldest update when full."""
        while True:
            try:
                self._queue.put_nowait(item)
                return
            except queue.Full:
                try:
                    self._queue.get_nowait()
                except queue.Empty:
                    pass

    def _run(self) -> None:
        stream = self._stream
        assert stream is not None
        next_tick = time.monotonic() + self.interval_s
        while not self._stop.wait(max(0.0, next_tick - time.monotonic())):
            now = time.monotonic()
            next_tick += self.interval_s
            if next_tick < now:  # fell behind (busy machine): skip, do not burst
                next_tick = now + self.interval_s
            problem = stream.check()
            if problem is not None:
                self._fail(LiveError(problem))
                return
            try:
                update = self.analyse(stream)
            except LiveError as exc:
                self._fail(exc)
                return
            except Exception as exc:  # a bug must not leave the GUI "listening" forever
                self._fail(LiveError(f"live classification failed: {type(exc).__name__}: {exc}"))
                return
            self._put(update)
            if self.on_update is not None:
                try:
                    self.on_update(update)
                except Exception as exc:
                    self._fail(LiveError(f"update handler failed: {type(exc).__name__}: {exc}"))
                    return

    def _fail(self, error: LiveError) -> None:
        """Report first, then let go of the device: closing a lost device may take long."""
        self.error = error
        stream, self._stream = self._stream, None
        self._put(_STOP)
        if self.on_error is not None:
            self.on_error(error)
        if stream is not None:
            stream.stop(timeout=0.0)

    def analyse(self, stream: CaptureStream) -> LiveUpdate:
        """Classify the newest window of `stream` and fold it into the smoothed answer."""
        fe = self.card.frontend
        classes = self.card.classes
        rate = stream.samplerate
        samples, captured_at, _ = stream.latest(fe.window_seconds + _RESAMPLE_MARGIN_S)
        t = max(0.0, captured_at - stream.started_at)
        overflows = stream.overflows
        if len(samples) < int(math.ceil(fe.window_seconds * rate)) or captured_at == 0.0:
            level = level_dbfs(samples)
            return self._emit(
                t, captured_at, STATE_WARMING_UP, None, {}, level, overflows, "listening..."
            )
        window = resample(samples, rate, fe.sample_rate)[-fe.window_samples :]
        level = level_dbfs(window)
        if level < self.card.inference.silence_dbfs:
            if self._silent_since is None:
                self._silent_since = captured_at
            elif captured_at - self._silent_since >= self.forget_after_silent_s:
                self._ema = None
            return self._emit(
                t, captured_at, STATE_SILENT, None, {}, level, overflows, "no music heard"
            )
        self._silent_since = None
        if self._blas_limit is None:
            self._blas_limit = _blas_single_thread()
        with self._blas_limit():
            features = log_mel(window, fe)
        probs, _ = self.classifier.predict(features[np.newaxis])
        probs = probs.astype(np.float64)
        if self._ema is None:
            self._ema = probs
        else:
            alpha = 1.0 - math.exp(-self.interval_s / max(self.smoothing_s, 1e-6))
            self._ema = alpha * probs + (1.0 - alpha) * self._ema
        smoothed = self._ema  # sums to at most 1: the rest is "none of these genres"
        window_probs = {c: float(p) for c, p in zip(classes, probs)}
        return self._emit(t, captured_at, STATE_MUSIC, smoothed, window_probs, level, overflows, "")

    def _emit(
        self,
        t: float,
        captured_at: float,
        state: str,
        smoothed: np.ndarray | None,
        window_probs: dict[str, float],
        level: float,
        overflows: int,
        message: str,
    ) -> LiveUpdate:
        classes = self.card.classes
        self._overflows = overflows
        genre, label, confidence, probabilities, top = None, None, 0.0, {}, []
        if smoothed is not None:
            best = int(np.argmax(smoothed))
            genre, confidence = classes[best], float(smoothed[best])
            label = _display_name(genre)
            probabilities = {c: float(p) for c, p in zip(classes, smoothed)}
            top = sorted(probabilities.items(), key=lambda kv: kv[1], reverse=True)
        latency = time.monotonic() - captured_at if captured_at else 0.0
        return LiveUpdate(
            t=t,
            state=state,
            genre=genre,
            label=label,
            confidence=confidence,
            uncertain=genre is None or confidence < self.card.inference.uncertain_below,
            probabilities=probabilities,
            window_probabilities=window_probs,
            level_dbfs=level,
            latency_s=latency,
            overflows=overflows,
            message=message,
            top=top,
        )
