"""The pool's life around a run: a run abandoned midway, a cancel while a decoder hangs, and
close() from another thread. None of them may leak an answer into a later run, wait out the
full time limit, report a file as failed, or leave a process behind."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
import time

import pytest

from mgc_desktop.model.batch import ClassifierPool, FileFailure
from mgc_desktop.model.classifier import Prediction
from tests.conftest import music_signal, write_audio


@pytest.fixture(scope="module")
def songs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("songs")
    return [
        str(write_audio("flac", folder / f"song{i}", music_signal(10.0, 22050, seed=i), 22050))
        for i in range(4)
    ]


@pytest.fixture(scope="module")
def corrupt(tmp_path_factory):
    path = tmp_path_factory.mktemp("corrupt") / "corrupt.flac"
    path.write_bytes(b"fLaC" + bytes(5000))
    return str(path)


def _hang(pool: ClassifierPool, index: int = 0) -> int:
    """Freeze one worker, like a decoder stuck in an endless loop; returns its pid."""
    pid = pool._workers[index].process.pid
    os.kill(pid, signal.SIGSTOP)
    return pid


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _wait_busy(pool: ClassifierPool, index: int = 0, timeout_s: float = 10.0) -> None:
    """Until the consumer thread has handed a file to the worker at `index`."""
    deadline = time.monotonic() + timeout_s
    while pool._workers[index].path is None:
        assert time.monotonic() < deadline, "no file was handed to the worker"
        time.sleep(0.01)


def _run_in_thread(pool, paths, cancel=None):
    """classify() on another thread, as the GUI runs it; (thread, results, raised)."""
    results: list = []
    raised: list = []

    def consume():
        try:
            results.extend(pool.classify(paths, cancel))
        except Exception as exc:  # noqa: BLE001 - the test checks that nothing is raised
            raised.append(exc)

    thread = threading.Thread(target=consume, daemon=True)
    thread.start()
    return thread, results, raised


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs SIGSTOP and /proc")
@pytest.mark.parametrize("abandon", ["closed", "left open"])
def test_an_abandoned_run_leaks_no_answer_into_the_next(songs, corrupt, tiny_model, abandon):
    with ClassifierPool(tiny_model, workers=2, timeout_s=60) as pool:
        frozen = _hang(pool, 1)  # its file stays in flight when the consumer walks away
        run = pool.classify([corrupt, songs[0]])
        first = next(run)
        if abandon == "closed":
            run.close()  # what an exception in the consumer's loop does
        try:
            os.kill(frozen, signal.SIGCONT)  # an old answer now lands in its pipe
        except ProcessLookupError:
            pass  # already killed: the fix
        time.sleep(1.0)
        later = list(pool.classify(songs[1:3]))
    assert first.path in (corrupt, songs[0])
    assert sorted(r.path for r in later) == sorted(songs[1:3])
    assert all(isinstance(r, Prediction) for r in later), later


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs SIGSTOP and /proc")
def test_cancel_with_a_hung_decoder_is_prompt_and_blames_no_file(songs, tiny_model):
    with ClassifierPool(tiny_model, workers=1, timeout_s=120) as pool:
        frozen = _hang(pool)
        cancel = threading.Event()
        thread, results, raised = _run_in_thread(pool, songs[:2], cancel)
        _wait_busy(pool)
        cancel.set()
        started = time.monotonic()
        thread.join(10)
        waited = time.monotonic() - started
        assert not thread.is_alive(), "cancel waited for the per-file time limit"
        assert waited < 3  # a short grace for the running file, then it is killed
        assert results == [] and raised == []  # the hung file was cut short, not failed
        assert not _alive(frozen) and not pool._workers[0].process.is_alive()  # no respawn
        again = list(pool.classify(songs[2:3]))  # the next run starts a fresh worker
    assert [type(r) for r in again] == [Prediction]


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs SIGSTOP and /proc")
def test_close_from_another_thread_during_a_run(songs, tiny_model):
    before = set(mp.active_children())
    pool = ClassifierPool(tiny_model, workers=2, timeout_s=120)
    pids = [w.process.pid for w in pool._workers]
    _hang(pool)
    thread, results, raised = _run_in_thread(pool, songs)
    _wait_busy(pool)  # the frozen worker's file: the run cannot end before close()
    pool.close()  # the window closes while the scan thread still runs
    thread.join(10)
    assert not thread.is_alive()
    assert raised == []
    assert not any(isinstance(r, FileFailure) for r in results), results
    assert not any(_alive(pid) for pid in pids)
    assert set(mp.active_children()) <= before  # no replacement started behind close()
    assert pool._workers == []
    assert list(pool.classify(songs[:1])) == []  # a closed pool starts nothing
