"""Background work for the window: scanning, one-off tasks (plan, write, undo, spectrogram...)
and playback. Nothing here touches a widget; results travel by signal or through a locked
buffer that the window drains on a timer (a scan of 50,000 files must not send 50,000 signals
into the event loop).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from mgc_desktop.gui.i18n import Context, number, seconds
from mgc_desktop.gui.review import (
    CLASSIFIED,
    FAILED,
    QUEUED,
    SILENT,
    UNCERTAIN,
    TrackRow,
)

ProgressFn = Callable[[int, int], None]
Workers = Context("Workers")

# --- rows from the library index ------------------------------------------------------------


def row_from_track(track: Any) -> TrackRow:
    """A table row for a library.index.Track (with its prediction and last error)."""
    row = TrackRow(
        track.path,
        track.title or "",
        track.artist or "",
        track.album or "",
        tuple(track.genres),
        duration_s=float(track.duration_s or 0.0),
        albumartist=track.albumartist or "",
    )
    p = track.prediction
    if p is None:
        row.status = FAILED if track.error else QUEUED
        row.error = track.error or ""
        return row
    row.genre, row.confidence = p.genre, float(p.confidence)
    row.probabilities, row.uncertain = dict(p.probabilities), bool(p.uncertain)
    row.model_id, row.note = p.model_id, p.note
    if p.genre is None:
        row.status = SILENT
    else:
        row.status = UNCERTAIN if p.uncertain else CLASSIFIED
    return row


# --- scanning --------------------------------------------------------------------------------


@dataclass
class ScanBuffer:
    """What a scan produced since the window last looked, guarded by a lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    rows: list[TrackRow] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    progress: Any = None  # the newest library.scanner.ScanProgress
    final_paths: set[str] | None = None  # set at the end: rows not in it were pruned

    def take(self) -> tuple[list[TrackRow], list[tuple[str, str]], Any, set[str] | None]:
        """Hand over everything new (the window calls this on its timer)."""
        with self.lock:
            out = (self.rows, self.problems, self.progress, self.final_paths)
            self.rows, self.problems, self.final_paths = [], [], None
        return out


class PoolHolder:
    """Keeps one ClassifierPool alive between scans (starting workers costs seconds); used by
    one scan at a time, closed when the window closes or the model changes."""

    def __init__(self) -> None:
        self._pool: Any = None
        self._key: tuple[str, int] | None = None
        self._lock = threading.Lock()

    def get(self, model_path: str, workers: int) -> Any:
        from mgc_desktop.model.batch import ClassifierPool

        with self._lock:
            key = (model_path, workers)
            if self._pool is None or self._key != key:
                self._close()
                self._pool = ClassifierPool(model_path, workers or None)
                self._key = key
            return self._pool

    def _close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        self._pool, self._key = None, None

    def close(self) -> None:
        with self._lock:
            self._close()


class _Card:
    def __init__(self, model_id: str) -> None:
        self.model_id = model_id


class _TappedPool:
    """What library.scanner.scan takes as `model`: starts (or reuses) the real pool only when
    something needs classifying, and notes each path once the scanner has committed its
    result (the scanner commits before asking the generator for the next one)."""

    def __init__(self, worker: ScanWorker, model_id: str) -> None:
        self.worker = worker
        self.card: Any = _Card(model_id)

    def classify(self, paths: list[str], cancel: threading.Event) -> Any:
        w = self.worker
        pool = w.pools.get(w.model_path, w.workers)
        self.card = pool.card
        w.model_ready.emit(pool.card)
        for result in pool.classify(paths, cancel):
            yield result
            w.committed(result.path)


class ScanWorker(QObject):
    """Scan a folder into the library index (library.scanner.scan) and feed the table from the
    index as results are committed. Lives on its own QThread; rows go into `buffer`, signals
    only mark phases."""

    model_ready = Signal(object)  # the ModelCard, once the pool runs
    failed = Signal(str)  # the scan could not run at all (e.g. an invalid model)
    finished = Signal(object)  # the ScanReport (None when it failed)

    def __init__(
        self,
        folder: str,
        model_path: str,
        workers: int,
        pools: PoolHolder,
        retry_failed: bool = False,
    ) -> None:
        super().__init__()
        self.folder, self.model_path, self.workers = folder, model_path, workers
        self.pools = pools
        self.retry_failed = retry_failed  # classify again the files that failed before
        self.cancel = threading.Event()
        self.buffer = ScanBuffer()
        self._library: Any = None
        self._model_id = ""
        self._pending: list[str] = []
        self._last_flush = 0.0
        self._known: set[str] = set()
        self._indexed = False

    @Slot()
    def run(self) -> None:
        report = None
        try:
            report = self._run()
        except Exception as exc:  # noqa: BLE001 - the window shows it instead of dying
            self.failed.emit(str(exc) or type(exc).__name__)
        finally:
            if self._library is not None:
                self._library.close()
            self.finished.emit(report)

    def _run(self) -> Any:
        from mgc_desktop.library.index import Library
        from mgc_desktop.library.scanner import model_id_for, scan

        self._library = lib = Library()
        self._model_id = model_id_for(self.model_path, lib)
        self._push_known()  # what earlier scans found shows at once
        report = scan(
            [self.folder],
            lib,
            _TappedPool(self, self._model_id),
            self.cancel,
            self._progress,
            workers=self.workers or None,
            retry_failed=self.retry_failed,
        )
        self._flush()
        self._push_known()
        final = {t.path for t in lib.iter_tracks(self.folder, model_id=self._model_id)}
        with self.buffer.lock:
            self.buffer.problems.extend(report.failures)
            self.buffer.final_paths = final
        return report

    def _push_known(self) -> None:
        """Every indexed track under the folder that the table has not been sent yet."""
        rows = [
            row_from_track(t)
            for t in self._library.iter_tracks(self.folder, model_id=self._model_id)
            if t.path not in self._known
        ]
        self._known.update(r.path for r in rows)
        with self.buffer.lock:
            self.buffer.rows.extend(rows)

    def _progress(self, progress: Any) -> None:
        with self.buffer.lock:
            self.buffer.progress = progress
        if progress.phase == "classify" and not self._indexed:
            self._indexed = True
            self._push_known()  # new files are in the index now
        if self._pending and time.monotonic() - self._last_flush > 0.15:
            self._flush()

    def committed(self, path: str) -> None:
        self._pending.append(path)
        if len(self._pending) >= 200 or time.monotonic() - self._last_flush > 0.15:
            self._flush()

    def _flush(self) -> None:
        self._last_flush = time.monotonic()
        if not self._pending:
            return
        paths, self._pending = self._pending, []
        rows = [
            row_from_track(t)
            for t in self._library.iter_tracks(paths=paths, model_id=self._model_id)
        ]
        self._known.update(r.path for r in rows)
        with self.buffer.lock:
            self.buffer.rows.extend(rows)


def load_library_job(folder: str, model_path: str) -> Callable[[ProgressFn, threading.Event], Any]:
    """A task listing what the index knows about a folder, without scanning (start-up)."""

    def job(progress: ProgressFn, cancel: threading.Event) -> list[TrackRow]:
        from mgc_desktop.library.index import Library
        from mgc_desktop.library.scanner import model_id_for

        with Library() as lib:
            try:
                model_id = model_id_for(model_path, lib)
            except Exception:  # noqa: BLE001 - no usable model yet: tags only
                model_id = None
            return [row_from_track(t) for t in lib.iter_tracks(folder, model_id=model_id)]

    return job


# --- one-off tasks ------------------------------------------------------------------------


class _Relay(QObject):
    """Receives a Task's signals in the thread that created it (the GUI thread), so that the
    callbacks run there: a plain function connected to a worker's signal would run in the
    worker thread, where widgets and timers must not be touched."""

    def __init__(
        self,
        parent: QObject,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None,
        on_progress: Callable[[int, int], None] | None,
    ) -> None:
        super().__init__(parent)
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress

    @Slot(object)
    def done(self, result: Any) -> None:
        self.deleteLater()
        self._on_done(result)

    @Slot(str)
    def failed(self, message: str) -> None:
        self.deleteLater()
        if self._on_error is not None:
            self._on_error(message)

    @Slot(int, int)
    def progress(self, n: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(n, total)


class Task(QObject):
    """Run `fn(progress, cancel)` on a QThread; report by signal. Progress is throttled to
    ten signals a second."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[ProgressFn, threading.Event], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.cancel = threading.Event()
        self._last = 0.0

    def _progress(self, n: int, total: int) -> None:
        now = time.monotonic()
        if n >= total or now - self._last >= 0.1:
            self._last = now
            self.progress.emit(n, total)

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self._progress, self.cancel)
        except Exception as exc:  # noqa: BLE001
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.done.emit(result)


class WorkerHost(QObject):
    """Owns the threads of running workers so that none is garbage-collected mid-run, and
    can stop and wait for all of them when the window closes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[QThread, QObject] = {}

    def start(self, worker: QObject, finished_signals: list[Any]) -> QThread:
        thread = QThread()
        worker.moveToThread(thread)
        thread.started.connect(worker.run)  # type: ignore[attr-defined]
        for sig in finished_signals:
            sig.connect(thread.quit)
        thread.finished.connect(lambda t=thread: self._running.pop(t, None))
        self._running[thread] = worker
        thread.start()
        return thread

    def run_task(
        self,
        fn: Callable[[ProgressFn, threading.Event], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        task = Task(fn)
        relay = _Relay(self, on_done, on_error, on_progress)  # lives in the GUI thread
        task.done.connect(relay.done)
        task.failed.connect(relay.failed)
        task.progress.connect(relay.progress)
        self.start(task, [task.done, task.failed])
        return task

    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        """Ask every worker to stop (each ends its thread once its run returns)."""
        for thread, worker in list(self._running.items()):
            cancel = getattr(worker, "cancel", None)
            if isinstance(cancel, threading.Event):
                cancel.set()
            thread.quit()

    def stop_all(self, wait_ms: int = 5000) -> None:
        self.cancel_all()
        deadline = time.monotonic() + wait_ms / 1000
        for thread in list(self._running):
            thread.wait(max(0, int((deadline - time.monotonic()) * 1000)))
        # Forget the ended threads, but keep any still running referenced: a QThread
        # destroyed while it runs aborts the process.
        self._running = {t: w for t, w in self._running.items() if t.isRunning()}


# --- spectrogram ------------------------------------------------------------------------------


def spectrogram_job(path: str, card: Any) -> Callable[[ProgressFn, threading.Event], Any]:
    """A task computing the log-mel windows the model analysed for one file."""

    def job(progress: ProgressFn, cancel: threading.Event) -> tuple[str, Any, list[str]]:
        from mgc_desktop.model.windows import plan_excerpts, track_windows

        inf = card.inference
        tw = track_windows(
            path, card.frontend, inf.max_windows, inf.min_duration_s, inf.silence_dbfs
        )
        starts = plan_excerpts(tw.duration_s, card.frontend, inf.max_windows)
        if tw.duration_s < 60:
            labels = [seconds(s) for s, _ in starts]
        else:
            labels = [f"{number(int(s) // 60)}:{int(s) % 60:02d}" for s, _ in starts]
        labels = labels[: len(tw.windows)]
        from mgc_desktop.gui.widgets.spectrogram import scale_windows

        return path, scale_windows(tw.windows), labels

    return job


def load_card_job(model_path: str) -> Callable[[ProgressFn, threading.Event], Any]:
    """A task that opens (and so validates) a model file and returns its card."""

    def job(progress: ProgressFn, cancel: threading.Event) -> Any:
        from mgc_desktop.model.classifier import load_session

        _, card = load_session(model_path)
        return card

    return job


# --- playback ---------------------------------------------------------------------------------


class Player(QObject):
    """Plays one file through sounddevice. Decoding runs on its own thread, the audio on
    PortAudio's; `state` says loading / playing / stopped, `error` says why it could not."""

    state = Signal(str)
    error = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stream: Any = None
        self._generation = 0
        self._lock = threading.Lock()

    def play(self, path: str) -> None:
        self.stop()
        with self._lock:
            self._generation += 1
            gen = self._generation
        self.state.emit("loading")
        threading.Thread(
            target=self._load_and_play, args=(path, gen), daemon=True, name="mgc-playback"
        ).start()

    def _load_and_play(self, path: str, gen: int) -> None:
        try:
            import numpy as np
            import sounddevice as sd

            from mgc_desktop.audio.decode import read_all

            try:
                device = sd.query_devices(kind="output")
            except sd.PortAudioError:
                raise RuntimeError(
                    Workers.tr("no audio output device (no sound card or sound server was found)")
                ) from None
            rate = int(device["default_samplerate"] or 44100)
            samples = read_all(path, rate).astype(np.float32)
            position = [0]

            def callback(outdata: Any, frames: int, _time: Any, _status: Any) -> None:
                chunk = samples[position[0] : position[0] + frames]
                outdata[: len(chunk), 0] = chunk
                if len(chunk) < frames:
                    outdata[len(chunk) :, 0] = 0
                    raise sd.CallbackStop
                position[0] += frames

            with self._lock:
                if gen != self._generation:
                    return
                stream = sd.OutputStream(
                    samplerate=rate,
                    channels=1,
                    dtype="float32",
                    latency="low",  # Stop is heard at once (a sound server buffers ~2 s)
                    callback=callback,
                    finished_callback=lambda: self._finished(gen),
                )
                self._stream = stream
                stream.start()
            self.state.emit("playing")
        except Exception as exc:  # noqa: BLE001 - no audio device, undecodable file...
            message = Workers.tr("cannot play {file}: {reason}").format(
                file=os.path.basename(path), reason=exc
            )
            self.error.emit(message.splitlines()[0])
            self.state.emit("stopped")

    def _finished(self, gen: int) -> None:
        if gen == self._generation:
            self.state.emit("stopped")

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
            stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except Exception:  # noqa: BLE001
                pass
        self.state.emit("stopped")
