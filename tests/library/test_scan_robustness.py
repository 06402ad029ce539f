"""A scan survives what one file can do to it: a damaged float file, an error storing a result,
a file that hangs the tag parser (read again by later scans), a decoder that hangs while the
user cancels, a walk through folders without music that the user cancels. Each costs at most
that file's error line; the scan goes on and the index keeps everything else."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mgc_desktop.library import tagread
from mgc_desktop.library.index import Library
from mgc_desktop.library.scanner import scan
from mgc_desktop.library.walk import walk_audio
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


def _folders_without_music(root, n: int) -> None:
    """`n` folders holding only a text file each: the walk yields nothing for all of them."""
    for i in range(n):
        folder = root / "AAA junk" / f"d{i:04d}"
        folder.mkdir(parents=True)
        (folder / "notes.txt").write_text("no music here")


def test_the_walk_stops_between_folders(tmp_path, monkeypatch):
    _folders_without_music(tmp_path, 50)
    read = []
    real = os.scandir

    def scandir(path="."):
        read.append(path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert list(walk_audio([tmp_path], should_stop=lambda: len(read) >= 1)) == []
    assert len(read) == 1  # the first folder, then nothing more


def test_cancel_during_a_walk_without_music_on_a_slow_mount_is_prompt(
    tmp_path, library, monkeypatch, tone
):
    """A big folder without music on a slow mount: the walk yields nothing for a long time,
    and a cancel must not wait for the next music file."""
    root = tmp_path / "lib"
    tone(root / "Z" / "a.flac")
    _folders_without_music(root, 300)
    assert scan([root], library, classify=False).added == 1
    cancel = threading.Event()
    cancelled_at: list[float] = []
    real = os.scandir

    def slow_scandir(path="."):  # 50 ms per folder: 15 s for the whole tree
        if os.fsencode(path).startswith(os.fsencode(root)):
            time.sleep(0.05)
            if not cancel.is_set():
                cancelled_at.append(time.monotonic())
                cancel.set()  # the user cancels while the first folder is read
        return real(path)

    monkeypatch.setattr(os, "scandir", slow_scandir)
    report, _ = _scan_in_thread([root], library, None, cancel, classify=False)
    assert report.cancelled and time.monotonic() - cancelled_at[0] < 3
    assert report.removed == 0 and len(library.tracks(root=root)) == 1  # nothing pruned


def test_tags_cut_short_are_remembered_until_the_file_changes_or_a_retry(
    tmp_path, library, model_path, monkeypatch, tone
):
    """A read cut short (here: a disk too slow for the time limit) is remembered until the
    file changes (size or mtime) and is listed as such, not read again at every scan (a hang
    costs up to 30 s each time, issue 25.8); a retry reads it again, keeping the prediction."""
    root = tmp_path / "lib"
    song = tone(root / "song.flac", tags={"title": "Song", "artist": "Someone"})
    other = tone(root / "other.flac", freq=660.0, tags={"title": "Other"})
    cut = "cannot read tags: timed out after 1e-06 s"
    with monkeypatch.context() as slow_disk:
        slow_disk.setattr(tagread, "MAX_TAG_TIMEOUT_S", 1e-6)  # no read finishes in time
        first = scan([root], library, model_path, workers=1)
        assert first.classified == 2 and dict(first.failures) == {str(song): cut, str(other): cut}
        track = library.track(song)
        assert track.prediction is not None and track.title is None
        assert track.error == cut  # the classification did not clear it
        assert [e.stage for e in library.errors()] == ["tags", "tags"]

    second = scan([root], library, model_path, workers=1)  # the disk is fast again
    assert (second.unchanged, second.classified, second.failures) == (2, 0, [])
    assert dict(second.unread_tags) == {str(song): cut, str(other): cut}  # listed, not re-read
    assert second.to_dict()["unread_tags"] == 2 and second.known_failures == 0
    assert library.track(song).title is None and library.track(song).error == cut

    tone(other, freq=770.0, seconds=2.5, tags={"title": "Other"})  # changed: read afresh
    third = scan([root], library, model_path, workers=1)
    assert (third.changed, third.classified, third.failures) == (1, 1, [])
    assert dict(third.unread_tags) == {str(song): cut}
    assert library.track(other).title == "Other"

    retried = scan([root], library, model_path, workers=1, retry_failed=True)
    assert (retried.unchanged, retried.classified, retried.failures) == (2, 0, [])
    assert retried.unread_tags == []
    now = library.track(song)
    assert (now.title, now.artist, now.error) == ("Song", "Someone", None)
    assert now.prediction == track.prediction  # the audio did not change: nor its prediction
    assert library.errors() == []


def test_a_file_that_hung_the_tag_parser_is_read_again_only_on_retry(
    music, library, monkeypatch
):
    evil = music / "evil.mpc"
    evil.write_bytes(HANGS_MUTAGEN)
    _scan_in_thread([music], library, classify=False, timeout_s=2)
    hung = "cannot read tags: timed out after 2 s"
    assert library.track(evil).error == hung
    st = os.stat(evil)
    evil.write_bytes(b"\x00" * len(HANGS_MUTAGEN))  # readable now, same size and mtime
    os.utime(evil, ns=(st.st_atime_ns, st.st_mtime_ns))
    read = []
    real_read = tagread.TagReader.read

    def counting_read(self, key, stamp):
        read.append(key)
        return real_read(self, key, stamp)

    monkeypatch.setattr(tagread.TagReader, "read", counting_read)
    report, _ = _scan_in_thread([music], library, classify=False, timeout_s=2)
    assert (report.unchanged, report.failures, report.unread_tags) == (6, [], [(str(evil), hung)])
    assert read == []  # remembered: not read again
    assert [e.path for e in library.errors()] == [str(evil)]  # the failure stays listed
    report, _ = _scan_in_thread([music], library, classify=False, timeout_s=2, retry_failed=True)
    assert (report.unchanged, report.added, report.changed, report.failures) == (6, 0, 0, [])
    assert read == [os.fsencode(evil)]  # the other files' tags were read fine before
    assert library.track(evil).error is None and library.errors() == []
    assert _scan_in_thread([music], library, classify=False, timeout_s=2)[0].failures == []
    assert read == [os.fsencode(evil)]  # read once more, then never again


def test_a_remembered_tags_error_keeps_the_decoders_verdict(music, library, model_path):
    """A file that hangs the tag parser and that the decoder cannot read: its remembered tag
    failure must not hide the decode failure (it would be classified again)."""
    evil = music / "evil.mpc"
    evil.write_bytes(HANGS_MUTAGEN)
    hung = "cannot read tags: timed out after 3 s"
    first, _ = _scan_in_thread([music], library, model_path, workers=1, timeout_s=3)
    assert first.classified == 5 and library.errors()[0].stage == "classify"
    again, _ = _scan_in_thread([music], library, model_path, workers=1, timeout_s=3)
    assert (again.failures, again.unread_tags) == ([], [(str(evil), hung)])
    assert (again.classified, again.known_failures) == (0, 1)
    assert [e.stage for e in library.errors()] == ["classify"]
    retried, _ = _scan_in_thread(
        [music], library, model_path, workers=1, timeout_s=3, retry_failed=True
    )
    assert (str(evil), hung) in retried.failures and retried.unread_tags == []
    assert retried.known_failures == 0


def test_the_tag_reader_loads_the_parsers_before_it_reports_ready():
    """The first file's time limit is not spent importing mutagen's parsers."""
    probe = (
        "import sys\n"
        "from mgc_desktop.library import tagread\n"
        "class Conn:\n"
        "    def send(self, message):\n"
        "        loaded = [m for m in ('mutagen.flac', 'mutagen.musepack') if m in sys.modules]\n"
        "        print(message, *loaded)\n"
        "        raise SystemExit(0)\n"
        "tagread._reader_main(Conn())\n"
    )
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=repo, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split() == ["ready", "mutagen.flac", "mutagen.musepack"], done.stderr
