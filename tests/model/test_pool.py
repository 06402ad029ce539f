"""The worker pool survives decoders that hang or crash: one failure line, the batch goes on."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from mgc_desktop.model.batch import ClassifierPool, FileFailure
from mgc_desktop.model.card import IncompatibleModel
from mgc_desktop.model.classifier import Prediction
from tests.conftest import music_signal, write_audio


@pytest.fixture(scope="module")
def songs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("songs")
    return [
        write_audio("flac", folder / f"song{i}", music_signal(20.0, 22050, seed=i), 22050)
        for i in range(4)
    ]


def test_a_file_over_the_time_limit_fails_alone(songs, tiny_model):
    with ClassifierPool(tiny_model, workers=1, timeout_s=0.001) as pool:
        results = list(pool.classify(songs[:2]))
    assert all(isinstance(r, FileFailure) and "timed out" in r.error for r in results)
    with ClassifierPool(tiny_model, workers=1, timeout_s=60) as pool:
        assert all(isinstance(r, Prediction) for r in pool.classify(songs[:2]))


def test_a_crashed_worker_is_replaced_and_the_batch_goes_on(songs, tiny_model):
    with ClassifierPool(tiny_model, workers=1, timeout_s=60) as pool:
        victim = pool._workers[0].process.pid
        killer = threading.Timer(0.05, os.kill, (victim, signal.SIGSEGV))
        results = []
        for result in pool.classify(songs):
            if not results:
                killer.start()
                time.sleep(0.5)
            results.append(result)
    crashed = [r for r in results if isinstance(r, FileFailure)]
    assert len(results) == len(songs)
    assert len(crashed) <= 1 and all("crashed" in r.error for r in crashed)
    assert sum(isinstance(r, Prediction) for r in results) >= len(songs) - 1


def test_cancel_stops_handing_out_files(songs, tiny_model):
    cancel = threading.Event()
    with ClassifierPool(tiny_model, workers=1) as pool:
        results = []
        for result in pool.classify(songs, cancel):
            results.append(result)
            cancel.set()
    assert len(results) == 1


def test_an_invalid_model_is_refused_with_its_reason(tmp_path):
    bogus = tmp_path / "model.onnx"
    bogus.write_bytes(b"not onnx at all")
    with pytest.raises(IncompatibleModel, match="cannot load model"):
        ClassifierPool(bogus, workers=1)
