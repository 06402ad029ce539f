"""Incremental scans with real files, the real SQLite index and the real worker pool."""

from __future__ import annotations

import os
import shutil
import threading

from mgc_desktop.library.index import Library
from mgc_desktop.library.scanner import scan


def _scan(music, library, model_path, **kw):
    return scan([music], library, model_path, workers=1, **kw)


def test_first_scan_then_unchanged_rescan_survives_restart(music, library, model_path):
    first = _scan(music, library, model_path)
    assert (first.files, first.added, first.classified, first.failed) == (5, 5, 5, 0)
    assert first.model_id == "dev-a"
    track = library.track(music / "Artist" / "Album One" / "01.flac")
    assert track.format == "flac" and track.duration_s == 2.0
    assert track.prediction.model_id == "dev-a" and track.prediction.genre

    library.close()
    with Library(library.path) as reopened:  # a restart: everything comes back from disk
        again = _scan(music, reopened, model_path)
        assert (again.unchanged, again.added, again.classified, again.removed) == (5, 0, 0, 0)
        assert reopened.stats().classified == 5
        mode = reopened._db.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_changed_added_deleted_files(music, library, model_path, tone):
    _scan(music, library, model_path)
    changed = music / "Other" / "track.ogg"
    before = library.track(changed).prediction
    tone(changed, freq=900.0, seconds=3.0, fmt="OGG")
    tone(music / "New" / "new.flac", freq=700.0)
    (music / "loose.wav").unlink()

    report = _scan(music, library, model_path)
    assert (report.changed, report.added, report.removed, report.unchanged) == (1, 1, 1, 3)
    assert report.classified == 2
    assert library.track(music / "loose.wav") is None
    after = library.track(changed)
    assert after.duration_s == 3.0 and after.prediction.created_at > before.created_at
    assert library.track(music / "New" / "new.flac").prediction is not None
    assert len(library.tracks()) == 5


def test_moved_file_keeps_its_prediction(music, library, model_path):
    _scan(music, library, model_path)
    old = music / "Artist" / "Album One" / "02.flac"
    prediction = library.track(old).prediction
    (music / "Elsewhere").mkdir()
    new = music / "Elsewhere" / "renamed.flac"
    os.rename(old, new)

    report = _scan(music, library, model_path)
    assert (report.moved, report.classified, report.removed, report.added) == (1, 0, 0, 0)
    assert library.track(old) is None
    assert library.track(new).prediction == prediction
    assert library.track(new).folder == str(music / "Elsewhere")


def test_model_change_reclassifies_everything_and_keeps_both(music, library, models):
    _scan(music, library, models["dev-a"])
    report = _scan(music, library, models["dev-b"])
    assert (report.model_id, report.classified, report.unchanged) == ("dev-b", 5, 5)
    path = music / "loose.wav"
    assert [p.model_id for p in library.predictions_for(path)] == ["dev-b", "dev-a"]
    assert library.track(path, model_id="dev-a").prediction.model_id == "dev-a"
    assert library.stats().model_id == "dev-b"
    # switching back costs nothing: dev-a's predictions are still current
    assert _scan(music, library, models["dev-a"]).classified == 0


def test_cancel_keeps_finished_work_and_resume_finishes(music, library, model_path):
    cancel = threading.Event()

    def progress(p):
        if p.phase == "classify" and p.done >= 1:
            cancel.set()

    first = _scan(music, library, model_path, cancel=cancel, progress=progress)
    assert first.cancelled and 1 <= first.classified < 5
    assert library.stats().classified == first.classified  # committed as it arrived

    second = _scan(music, library, model_path)
    assert not second.cancelled
    assert second.classified == 5 - first.classified
    assert library.stats().classified == 5


def test_cancel_during_walk_prunes_nothing(music, library, model_path):
    _scan(music, library, model_path)
    cancel = threading.Event()
    cancel.set()
    report = _scan(music, library, model_path, cancel=cancel)
    assert report.cancelled and report.removed == 0
    assert len(library.tracks()) == 5


def test_pruning_stays_under_the_scanned_roots(music, library, model_path, tmp_path, tone):
    other = tmp_path / "other"
    tone(other / "x.flac")
    scan([music, other], library, model_path, workers=1)
    shutil.rmtree(music / "Artist")
    report = _scan(music, library, model_path)  # only `music` is scanned
    assert report.removed == 3
    assert library.track(other / "x.flac") is not None
    assert len(library.tracks(root=other)) == 1


def test_broken_file_is_recorded_and_not_retried_until_asked(music, library, model_path):
    bad = music / "broken.mp3"
    bad.write_bytes(b"\x00garbage" * 200)
    first = _scan(music, library, model_path)
    assert first.failed == 1 and first.classified == 5
    (error,) = library.errors()
    assert error.path == str(bad) and error.stage == "classify" and error.model_id == "dev-a"
    assert library.track(bad).error == error.message
    assert [t.path for t in library.tracks(status="failed")] == [str(bad)]

    again = _scan(music, library, model_path)
    assert (again.failed, again.known_failures, again.classified) == (0, 1, 0)
    retried = _scan(music, library, model_path, retry_failed=True)
    assert retried.failed == 1 and retried.known_failures == 0
