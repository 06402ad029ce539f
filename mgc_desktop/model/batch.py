"""Classify many files in worker processes, each file under a time limit.

Decoders are native code fed with whatever a user's disk holds; a file that hangs or crashes
FFmpeg must cost one error line, not the batch or the window. Each worker process holds its own
onnxruntime session and classifies one file at a time; a worker that overruns the time limit or
dies is killed, its file reported as failed, and a fresh worker takes its place.
"""

from __future__ import annotations

import dataclasses
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from mgc_desktop.model.card import IncompatibleModel, ModelCard
from mgc_desktop.model.classifier import Prediction

DEFAULT_TIMEOUT_S = 120.0
_START_TIMEOUT_S = 60.0
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
        job = conn.recv()
        if job is None:
            return
        path = job
        try:
            prediction = classifier.classify_file(path, uncertain_below)
            conn.send(("ok", dataclasses.asdict(prediction)))
        except DecodeError as exc:
            conn.send(("error", str(exc)))
        except MemoryError:
            conn.send(("error", "out of memory while decoding"))
        except Exception as exc:  # one bad file must not end the worker
            conn.send(("error", f"unexpected {type(exc).__name__}: {exc}".splitlines()[0]))


class _Worker:
    def __init__(self, ctx, model_path: str, uncertain_below: float | None) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child, model_path, uncertain_below), daemon=True
        )
        self.process.start()
        child.close()
        self.path: str | None = None
        self.started = 0.0

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class ClassifierPool:
    """A fixed number of classifier processes. Use as a context manager."""

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
        self._ctx = mp.get_context("spawn")
        self._workers = [self._spawn() for _ in range(max(1, workers or default_workers()))]
        self.card = self._await_ready(self._workers)

    def _spawn(self) -> _Worker:
        # One BLAS/OpenMP thread per worker: workers are the parallelism, and spinning BLAS
        # threads of several workers would fight over the same cores.
        saved = {k: os.environ.get(k) for k in _SINGLE_THREAD_ENV}
        os.environ.update(_SINGLE_THREAD_ENV)
        try:
            return _Worker(self._ctx, self.model_path, self.uncertain_below)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value

    def _await_ready(self, workers: list[_Worker]) -> ModelCard:
        card = None
        for worker in workers:
            if not worker.conn.poll(_START_TIMEOUT_S):
                self.close()
                raise RuntimeError("classifier worker did not start in time")
            try:
                kind, payload = worker.conn.recv()
            except EOFError:
                self.close()
                raise RuntimeError("classifier worker exited while loading the model") from None
            if kind == "fatal":
                self.close()
                raise IncompatibleModel(payload)
            card = ModelCard.from_metadata(payload)
        assert card is not None
        return card

    def close(self) -> None:
        for worker in self._workers:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + 2
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            worker.kill()
        self._workers = []

    def __enter__(self) -> ClassifierPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        fresh = self._spawn()
        self._await_ready([fresh])
        self._workers[self._workers.index(worker)] = fresh
        return fresh

    def classify(
        self, paths: Iterable[str | Path], cancel: threading.Event | None = None
    ) -> Iterator[Prediction | FileFailure]:
        """Yield one result per path, in completion order. Setting `cancel` stops handing out
        new files; files already running finish and are yielded."""
        pending = deque(str(p) for p in paths)
        idle = list(self._workers)
        busy: dict[Connection, _Worker] = {}
        while pending or busy:
            while idle and pending and not (cancel and cancel.is_set()):
                worker = self._dispatch(idle.pop(), pending.popleft())
                busy[worker.conn] = worker
            if not busy:
                return
            now = time.monotonic()
            next_deadline = min(w.started + self.timeout_s for w in busy.values())
            ready = wait(
                list(busy) + [w.process.sentinel for w in busy.values()],
                timeout=max(0.0, min(next_deadline - now, 0.5)),
            )
            for worker in list(busy.values()):
                result = self._collect(worker, ready)
                if result is None:
                    continue
                del busy[worker.conn]
                if isinstance(result, tuple):  # the worker is gone: replace it
                    result = result[0]
                    worker = self._replace(worker)
                idle.append(worker)
                yield result

    def _dispatch(self, worker: _Worker, path: str) -> _Worker:
        """Hand a path to an idle worker, replacing it first if it died while idle."""
        try:
            worker.conn.send(path)
        except OSError:
            worker = self._replace(worker)
            worker.conn.send(path)
        worker.path, worker.started = path, time.monotonic()
        return worker

    def _collect(self, worker: _Worker, ready: list) -> Prediction | FileFailure | tuple | None:
        """The worker's result if it has one, a (failure,) tuple if it died or overran."""
        path = worker.path or ""
        if worker.conn in ready:
            try:
                kind, payload = worker.conn.recv()
            except (EOFError, OSError):
                return (FileFailure(path, _death_reason(worker)),)
            if kind == "ok":
                return Prediction(**payload)
            return FileFailure(path, payload)
        if worker.process.sentinel in ready or not worker.process.is_alive():
            return (FileFailure(path, _death_reason(worker)),)
        if time.monotonic() - worker.started > self.timeout_s:
            return (FileFailure(path, f"timed out after {self.timeout_s:g} s (decoder hung)"),)
        return None


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
