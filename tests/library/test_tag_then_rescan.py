"""Writing genre tags changes the files on disk, but not their audio: the index keeps their
predictions and the next scan classifies nothing again."""

from __future__ import annotations

import subprocess
import sys

from mgc_desktop.library.scanner import scan


def test_tagging_does_not_trigger_reclassification(music, library, model_path):
    first = scan([music], library, model_path, workers=1)
    assert first.classified == 5
    target = music / "Artist" / "Album One" / "01.flac"
    before = library.track(target)

    result = subprocess.run(
        [sys.executable, "-m", "mgc_desktop", "tag", str(target), "--set-genre", "Jazz"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    after = library.track(target)
    assert after.genres == ("Jazz",)
    assert after.mtime_ns != before.mtime_ns or after.size != before.size
    assert after.prediction.created_at == before.prediction.created_at

    again = scan([music], library, model_path, workers=1)
    assert (again.changed, again.classified, again.unchanged) == (0, 0, 5)

    undo = subprocess.run(
        [sys.executable, "-m", "mgc_desktop", "undo"], capture_output=True, text=True, timeout=120
    )
    assert undo.returncode == 0, undo.stderr
    assert library.track(target).genres == before.genres
    assert scan([music], library, model_path, workers=1).classified == 0
