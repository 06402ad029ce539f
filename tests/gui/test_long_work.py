"""Long work in the window can be stopped, and closing the window stops it properly: a scan is
cancelled and waited for before its classifier pool is closed (nothing raised out of the close,
the busy file keeps its answer), failed files can be retried, and Stop cancels a tag write
without losing a decision."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from mgc_desktop.gui.review import TrackRow
from mgc_desktop.tags import read_genres
from tests.gui.test_window_flow import SCAN_TIMEOUT_MS, scan

BUSY_AFTER_CANCEL_S = 6.0  # longer than the 5 s the window used to give a scan on close


def good_files(music: Path) -> list[str]:
    return sorted(str(p) for p in music.rglob("*") if p.is_file() and p.name != "broken.mp3")


def show_rows(window, paths: list[str]) -> None:
    """Put these files in the table as rows of the review (no scan needed to plan them)."""
    window.model.add_rows([TrackRow(p) for p in paths])
    window.refresh_review()


def open_preview(qtbot, window):
    window.write_tags()
    dialog = window.preview
    qtbot.waitUntil(lambda: dialog.write_button.isEnabled(), timeout=20000)
    return dialog


class SlowPool:
    """A classifier pool whose first file stays busy until the scan is cancelled, and for
    BUSY_AFTER_CANCEL_S after that; it answers with the real model."""

    def __init__(self, model_path: Path) -> None:
        from mgc_desktop.model.classifier import GenreClassifier

        self.classifier = GenreClassifier(model_path)
        self.card = self.classifier.card
        self.busy: str | None = None
        self.started = threading.Event()

    def classify(self, paths, cancel):
        for i, path in enumerate(paths):
            if cancel.is_set():
                return
            self.busy = path
            self.started.set()
            if i == 0:
                cancel.wait(60)
                time.sleep(BUSY_AFTER_CANCEL_S)
            yield self._answer(path)
            self.busy = None

    def _answer(self, path: str):
        from mgc_desktop.model.batch import FileFailure

        try:
            return self.classifier.classify_file(path)
        except Exception as exc:  # noqa: BLE001 - the broken file
            return FileFailure(path, str(exc))


class SlowPools:
    """Stands in for the window's PoolHolder; notes what was busy when it was closed. Its
    close raises, as a real pool's can (a pipe already gone): the window must not let it out."""

    def __init__(self, pool: SlowPool) -> None:
        self.pool = pool
        self.closed_while_busy: list[str | None] = []

    def get(self, model_path: str, workers: int) -> SlowPool:
        return self.pool

    def close(self) -> None:
        self.closed_while_busy.append(self.pool.busy)
        raise OSError("Bad file descriptor")


def test_closing_during_a_scan_waits_for_it_then_closes_the_pool(qtbot, window, music, gui_model):
    from mgc_desktop.library.index import Library

    pool = SlowPool(gui_model)
    window.pools = pools = SlowPools(pool)
    window.set_folder(str(music), scan=True)
    assert pool.started.wait(60)
    busy = pool.busy
    with qtbot.capture_exceptions() as exceptions:
        window.close()
    assert not exceptions, exceptions
    assert not window.isVisible() and not window.host.busy()
    assert pools.closed_while_busy == [None]  # closed once, after the scan had ended
    with Library(readonly=True) as lib:
        track = next(t for t in lib.iter_tracks(str(music)) if t.path == busy)
    assert track.prediction is not None and not track.error  # not saved as failed


def test_retry_failed_files_classifies_them_again(qtbot, window, music):
    first = scan(qtbot, window, music)
    assert first.failed == 1 and window.act_retry.isEnabled()
    with qtbot.waitSignal(window.scan_finished, timeout=SCAN_TIMEOUT_MS) as plain:
        window.act_scan.trigger()
    assert plain.args[0].known_failures == 1  # a plain rescan leaves the failed file alone
    with qtbot.waitSignal(window.scan_finished, timeout=SCAN_TIMEOUT_MS) as retried:
        window.act_retry.trigger()
    report = retried.args[0]
    assert report.known_failures == 0 and report.failed == 1  # tried again (still broken)
    assert any(p.endswith("broken.mp3") for p, _ in window.errors.entries())


def test_stop_cancels_a_tag_write_and_keeps_every_decision(qtbot, window, music, monkeypatch):
    import mgc_desktop.tags as tags

    real_apply = tags.apply_plan

    def apply_when_stopped(plan, **kwargs):  # a write slow enough to be stopped
        kwargs["cancel_event"].wait(10)
        return real_apply(plan, **kwargs)

    monkeypatch.setattr(tags, "apply_plan", apply_when_stopped)
    paths = good_files(music)
    before = {p: read_genres(p) for p in paths}
    show_rows(window, paths)
    window.set_override(list(range(len(paths))), "Rock")
    dialog = open_preview(qtbot, window)
    assert not window.act_stop.isEnabled()
    dialog.write_button.click()
    qtbot.waitUntil(window.act_stop.isEnabled, timeout=5000)
    assert window.stop_button.isVisible()
    with qtbot.waitSignal(window.write_finished, timeout=30000) as done:
        window.act_stop.trigger()
    result = done.args[0]
    assert result.cancelled and result.written == 0
    assert {p: read_genres(p) for p in paths} == before
    rows = window.model.rows()
    assert all(r.override == "Rock" and r.decided and not r.written for r in rows)
    assert window.batch.counts().to_write == len(paths)
    assert "cancelled" in window.message_label.text()
    assert not window.act_stop.isEnabled() and not window.stop_button.isVisible()


def test_a_scan_that_will_not_stop_does_not_freeze_the_close(
    qtbot, window, music, gui_model, monkeypatch
):
    """A scan stuck past the close's wait (a stalled network mount, say): the window still
    closes, promptly, and closes the pool under the scan, which the pool survives."""
    import mgc_desktop.gui.main_window as main_window

    monkeypatch.setattr(main_window, "CLOSE_WAIT_MS", 300)
    pool = SlowPool(gui_model)
    window.pools = pools = SlowPools(pool)
    window.set_folder(str(music), scan=True)
    assert pool.started.wait(60)
    busy = pool.busy
    t0 = time.monotonic()
    with qtbot.capture_exceptions() as exceptions:
        window.close()
    assert time.monotonic() - t0 < BUSY_AFTER_CANCEL_S - 1  # did not wait for the scan
    assert not exceptions, exceptions
    assert pools.closed_while_busy == [busy]
    qtbot.waitUntil(lambda: not window.host.busy(), timeout=(BUSY_AFTER_CANCEL_S + 30) * 1000)
