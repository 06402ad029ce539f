"""A scan survives what one file can do to it: a damaged float file, an error storing a result,
a file that hangs the tag parser, a decoder that hangs while the user cancels. Each costs at
most that file's error line; the scan goes on and the index keeps everything else."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time

import pytest

from mgc_desktop.library.index import Library
from mgc_desktop.library.scanner import scan
from mgc_desktop.model.batch import ClassifierPool
from tests.conftest import music_signal, write_audio

HANGS_MUTAGEN = b"MPCKXX\x00"  # 7 bytes on which mutagen's Musepack parser loops forever


def _scan_in_thread(*args, limit_s: float = 60.0, **kw):
    """Run scan() on another thread (as the GUI does) and give up waiting after `limit_s`:
    a hang fails the test instead of stopping the suite."""
    out: dict = {}

    def run():
        try:
            out["report"] = scan(*args, **kw)
        except Exception as exc:  # noqa: BLE001 - checked by the test
            out["raised"] = exc

    thread = threading.Thread(target=run, daemon=True)
    started = time.monotonic()
    thread.start()
    thread.join(limit_s)
    assert not thread.is_alive(), f"the scan hung for more than {limit_s:g} s"
    if "raised" in out:
        raise out["raised"]
    return out["report"], time.monotonic() - started


def _damaged_float_files(folder):
    samples = music_signal(3.0, 16000, channels=1)
    samples[800] = float("inf")
    inf = write_audio("wav_float", folder / "one_inf_sample", samples, 16000)
    samples[1000:1100] = 1e30  # finite, but overflows the features: no usable answer
    extreme = write_audio("wav_float", folder / "extreme_values", samples, 16000)
    return inf, extreme


def test_damaged_float_files_fail_alone(music, library, model_path):
    inf, extreme = _damaged_float_files(music / "damaged")
    report = scan([music], library, model_path, workers=1)
    assert report.classified == 6  # the five good files and the one with a single inf sample
    assert library.track(inf).prediction is not None
    assert dict(report.failures)[str(extreme)].startswith("the model gave no usable answer")
    assert library.track(extreme).prediction is None and library.track(extreme).error


def test_an_error_storing_one_result_is_that_files_error(music, library, model_path, monkeypatch):
    victim = music / "loose.wav"
    real = Library.save_prediction

    def save_prediction(self, path, prediction, when=None):
        if path == os.fsencode(victim):
            raise sqlite3.IntegrityError("NOT NULL constraint failed: predictions.confidence")
        return real(self, path, prediction, when)

    monkeypatch.setattr(Library, "save_prediction", save_prediction)
    report = scan([music], library, model_path, workers=1)
    assert (report.classified, report.failed) == (4, 1)
    reason = dict(report.failures)[str(victim)]
    assert reason.startswith("could not store the result: IntegrityError: NOT NULL")
    assert library.track(victim).error == reason
    monkeypatch.undo()
    assert scan([music], library, model_path, workers=1).known_failures == 1


def test_a_file_that_hangs_the_tag_parser_costs_one_line(music, library):
    evil = music / "evil.mpc"
    evil.write_bytes(HANGS_MUTAGEN)
    report, _ = _scan_in_thread([music], library, classify=False, timeout_s=2)
    assert report.files == 6 and report.added == 6
    assert report.failures == [(str(evil), "cannot read tags: timed out after 2 s")]
    track = library.track(evil)
    assert track is not None and track.error == "cannot read tags: timed out after 2 s"
    (error,) = library.errors()
    assert error.stage == "tags"
    assert library.track(music / "loose.wav").duration_s == 2.0  # read after the hang


def test_cancel_while_the_tag_parser_hangs_is_prompt(music, library):
    (music / "evil.mpc").write_bytes(HANGS_MUTAGEN)
    cancel = threading.Event()

    def progress(p):
        if p.phase == "index" and p.done == 0:
            threading.Timer(0.5, cancel.set).start()

    report, took = _scan_in_thread(
        [music], library, None, cancel, progress, classify=False, timeout_s=120
    )
    assert report.cancelled and took < 10
    assert report.removed == 0


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGSTOP")
def test_cancel_while_a_decoder_hangs_records_no_failure(music, library, model_path):
    pool = ClassifierPool(model_path, workers=1, timeout_s=120)
    os.kill(pool._workers[0].process.pid, signal.SIGSTOP)  # the decoder hangs on the 1st file
    cancel = threading.Event()

    def progress(p):
        if p.phase == "classify" and p.done == 0:
            threading.Timer(0.5, cancel.set).start()

    try:
        report, took = _scan_in_thread([music], library, pool, cancel, progress, limit_s=20)
    finally:
        pool.close()
    assert report.cancelled and took < 10
    assert report.failures == [] and library.errors() == []  # cut short by us, not failed
    again = scan([music], library, model_path, workers=1)
    assert (again.classified, again.failed, again.known_failures) == (5, 0, 0)
