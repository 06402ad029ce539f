"""Classify many files in worker processes, each file under a time limit.

Decoders are native code fed with whatever a user's disk holds; a file that hangs or crashes
FFmpeg must cost one error line, not the batch or the window. Each worker process holds its own
onnxruntime session and classifies one file at a time; a worker that overruns the time limit or
dies is killed, its file reported as failed, and a fresh worker takes its place when the next
file is handed out. Cancelling, closing or abandoning a run never reports a file as failed: only
the file's own decoder trouble does.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from mgc_desktop.model.card import IncompatibleModel, ModelCard
from mgc_desktop.model.child import ChildProcess
from mgc_desktop.model.classifier import Prediction

DEFAULT_TIMEOUT_S = 120.0
# After a cancel, files already running get this long to finish before their workers are killed.
CANCEL_GRACE_S = 1.0
_POLL_S = 0.25
_SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@dataclass(frozen=True)
class FileFailure:
    """A file that could not be classified, with a one-line reason for the user."""

    path: str
    error: str


def default_workers() -> int:
    """One worker per core, at most four: inference is single-threaded per worker."""
    return max(1, min(4, os.cpu_count() or 1))


def _worker_main(conn: Connection, model_path: str, uncertain_below: float | None) -> None:
    """Worker process: load the model once, then classify paths until told to stop."""
    from mgc_desktop.audio.decode import DecodeError
    from mgc_desktop.model.classifier import GenreClassifier

    try:
        import av

        av.logging.set_level(None)  # FFmpeg's own chatter would garble the CLI's output
        classifier = GenreClassifier(model_path, threads=1)
    except IncompatibleModel as exc:
        conn.send(("fatal", str(exc)))
        return
    conn.send(("ready", classifier.card.to_metadata()))
    while True:
        path = conn.recv()
        if path is None:
            return
        try:
            prediction = classifier.classify_file(path, uncertain_below)
            conn.send(("ok", dataclasses.asdict(prediction)))
        except DecodeError as exc:
            conn.send(("error", str(exc)))
        except MemoryError:
            conn.send(("error", "out of memory while decoding"))
        except Exception as exc:  # one bad file must not end the worker
            conn.send(("error", f"unexpected {type(exc).__name__}: {exc}".splitlines()[0]))


class _Worker(ChildProcess):
    """One worker process; `path` is its file in flight (None when idle). A worker is handed a
    new file only once its last answer was read: every other way a file leaves it kills it, so
    an answer read from a worker is always to its `path`."""

    def __init__(self, model_path: str, uncertain_below: float | None) -> None:
        super().__init__(_worker_main, model_path, uncertain_below)
        self.path: str | None = None
        self.started = 0.0
        self.dead = False

    def send(self, path: str) -> None:
        self.conn.send(path)
        self.path, self.started = path, time.monotonic()

    def kill(self, grace_s: float = 0.0) -> None:
        """End the process; the pool replaces a dead worker when it next hands out a file."""
        self.dead, self.path = True, None
        super().kill(grace_s)


class ClassifierPool:
    """A fixed number of classifier processes. Use as a context manager.

    Thread safety: one classify() run at a time (a new run takes over from an abandoned
    one); close() may be called from any thread, also while classify() runs on another.
    """

    def __init__(
        self,
        model_path: str | Path,
        workers: int | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        uncertain_below: float | None = None,
    ) -> None:
        self.model_path = str(model_path)
        self.timeout_s = timeout_s
        self.uncertain_below = uncertain_below
        # Guards the workers and their pipes: held by classify() except while it yields.
        self._lock = threading.Lock()
        self._closing = False  # set by close() before it takes the lock: runs stop at once
        self._run = 0  # the current classify() run; an older run that resumes just ends
        self._workers = [self._spawn() for _ in range(max(1, workers or default_workers()))]
        try:
            self.card = self._await_ready(self._workers)
        except BaseException:
            self.close()
            raise

    def _spawn(self) -> _Worker:
        # One BLAS/OpenMP thread per worker: workers are the parallelism, and spinning BLAS
        # threads of several workers would fight over the same cores.
        saved = {k: os.environ.get(k) for k in _SINGLE_THREAD_ENV}
        os.environ.update(_SINGLE_THREAD_ENV)
        try:
            return _Worker(self.model_path, self.uncertain_below)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value

    def _await_ready(self, workers: list[_Worker]) -> ModelCard:
        card = None
        for worker in workers:
            kind, payload = worker.first_message("classifier worker")
            if kind == "fatal":
                raise IncompatibleModel(payload)
            card = ModelCard.from_metadata(payload)
        assert card is not None
        return card

    def close(self) -> None:
        """Stop every worker process. Safe from any thread and more than once; a classify()
        running on another thread ends at its next step without reporting the files it had
        in flight (they were not at fault)."""
        self._closing = True
        with self._lock:
            workers, self._workers = self._workers, []
        for worker in workers:
            if worker.path is None:
                worker.ask_to_stop()  # idle: it ends by itself
        deadline = time.monotonic() + 2
        for worker in workers:
            worker.kill(max(0.0, deadline - time.monotonic()) if worker.path is None else 0.0)

    def __enter__(self) -> ClassifierPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _replace(self, worker: _Worker) -> _Worker:
        """A fresh, ready worker for a dead one (the caller puts it in the dead one's place)."""
        worker.kill()
        fresh = self._spawn()
        try:
            self._await_ready([fresh])
        except BaseException:
            fresh.kill()
            raise
        return fresh

    def classify(
        self, paths: Iterable[str | Path], cancel: threading.Event | None = None
    ) -> Iterator[Prediction | FileFailure]:
        """Yield one result per path, in completion order.

        Setting `cancel` stops handing out new files; files already running get
        `CANCEL_GRACE_S` to finish, then their workers are killed without a result (a file
        cut short by a cancel did not fail). A run abandoned before its end (the consumer
        stopped iterating) kills its busy workers, so that no late answer reaches a later
        run."""
        cancel = cancel or threading.Event()
        pending = deque(str(p) for p in paths)
        with self._lock:
            if self._closing:
                return
            self._run += 1
            run = self._run
            self._abandon_busy()  # an earlier run that nobody finished
        stopped_at: float | None = None
        try:
            while True:
                if cancel.is_set() and stopped_at is None:
                    stopped_at = time.monotonic()
                with self._lock:
                    results = self._step(run, pending, stopped_at)
                if results is None:
                    return
                yield from results
        finally:
            with self._lock:
                if self._run == run and not self._closing:
                    self._abandon_busy()

    def _step(
        self, run: int, pending: deque[str], stopped_at: float | None
    ) -> list[Prediction | FileFailure] | None:
        """One round of a run (under the lock): hand out files unless cancelled, wait briefly,
        collect. None when the run is over: closed, taken over, done, or its grace is up."""
        if self._closing or self._run != run:
            return None
        if stopped_at is None:
            self._hand_out(pending)
        busy = [w for w in self._workers if w.path is not None]
        if not busy:
            return None
        if stopped_at is not None and time.monotonic() >= stopped_at + CANCEL_GRACE_S:
            self._abandon_busy()
            return None
        return self._poll(busy, stopped_at)

    def _abandon_busy(self) -> None:
        """Kill the workers of files nobody will collect (cancelled or abandoned run); they are
        replaced when the pool next hands out a file, not now."""
        for worker in self._workers:
            if worker.path is not None:
                worker.kill()

    def _hand_out(self, pending: deque[str]) -> None:
        """Give pending paths to idle workers, replacing dead ones first."""
        for i, worker in enumerate(self._workers):
            if not pending:
                return
            if worker.path is None:
                self._workers[i] = self._dispatch(worker, pending.popleft())

    def _dispatch(self, worker: _Worker, path: str) -> _Worker:
        """Hand a path to an idle worker, replacing it first if it is dead."""
        if worker.dead:
            worker = self._replace(worker)
        try:
            worker.send(path)
        except OSError:  # it died while idle
            worker = self._replace(worker)
            worker.send(path)
        return worker

    def _poll(
        self, busy: list[_Worker], stopped_at: float | None
    ) -> list[Prediction | FileFailure]:
        """Wait briefly for the busy workers; the results that came in."""
        deadline = min(w.started + self.timeout_s for w in busy)
        if stopped_at is not None:
            deadline = min(deadline, stopped_at + CANCEL_GRACE_S)
        ready = wait(
            [w.conn for w in busy] + [w.process.sentinel for w in busy],
            timeout=min(max(0.0, deadline - time.monotonic()), _POLL_S),
        )
        results = (self._collect(w, ready) for w in busy)
        return [r for r in results if r is not None]

    def _collect(self, worker: _Worker, ready: list) -> Prediction | FileFailure | None:
        """The worker's result if it has one; a failure if it died or overran (then it is
        killed, to be replaced at the next hand-out)."""
        path = worker.path
        if worker.conn in ready:
            try:
                kind, payload = worker.conn.recv()
            except (EOFError, OSError):
                return self._lost(worker, _death_reason(worker))
            worker.path = None
            return Prediction(**payload) if kind == "ok" else FileFailure(path, payload)
        if worker.process.sentinel in ready or not worker.process.is_alive():
            return self._lost(worker, _death_reason(worker))
        if time.monotonic() - worker.started > self.timeout_s:
            return self._lost(worker, f"timed out after {self.timeout_s:g} s (decoder hung)")
        return None

    @staticmethod
    def _lost(worker: _Worker, reason: str) -> FileFailure:
        path = worker.path
        worker.kill()
        return FileFailure(path, reason)


def _death_reason(worker: _Worker) -> str:
    worker.process.join(1)
    code = worker.process.exitcode
    if code is not None and code < 0:
        return f"decoder crashed (signal {-code}) on this file"
    return f"decoder process exited unexpectedly (status {code}) on this file"


def classify_paths(
    paths: Iterable[str | Path],
    *,
    model_path: str | Path | None = None,
    workers: int | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    uncertain_below: float | None = None,
    cancel: threading.Event | None = None,
) -> Iterator[Prediction | FileFailure]:
    """One-shot helper: start a pool with the shipped (or given) model, classify, shut down."""
    from mgc_desktop.paths import default_model_path

    with ClassifierPool(
        model_path or default_model_path(), workers, timeout_s, uncertain_below
    ) as pool:
        yield from pool.classify(paths, cancel)
