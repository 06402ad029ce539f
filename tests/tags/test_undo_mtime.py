"""The window's undo job keeps modification times when asked, as its writes do: a batch
written and undone with it leaves the file's mtime as it was before both (the window passes
its preference: tests/gui/test_undo_keeps_mtime.py)."""

from __future__ import annotations

import os
import threading

from mgc_desktop.tags import apply_plan, plan_manual

OLD = 1_000_000_000_000_000_000


def _undo_in_the_window(**kwargs):
    from mgc_desktop.gui.tag_jobs import undo_job

    return undo_job(None, [], **kwargs)(lambda n, t: None, threading.Event())


def _tag_keeping_mtime(path) -> None:
    os.utime(path, ns=(OLD, OLD))
    assert apply_plan(plan_manual([path], ["Rock"]), keep_mtime=True).written == 1
    assert os.stat(path).st_mtime_ns == OLD


def test_undo_keep_mtime_can_be_passed(corpus):
    path = corpus["a.m4a"]
    _tag_keeping_mtime(path)
    result, _ = _undo_in_the_window(keep_mtime=True)
    assert result.written == 1, result.errors
    assert os.stat(path).st_mtime_ns == OLD


def test_undo_gives_back_the_mtime_a_write_did_not_keep(corpus):
    """Issue 25.7: after a write that changed the modification time (the default), undo put
    the bytes back but left the write's time; it restores both, whatever keep_mtime says."""
    from mgc_desktop.tags import undo_batch

    for name, keep in (("a.flac", False), ("a.m4a", True)):
        path = corpus[name]
        data = path.read_bytes()
        os.utime(path, ns=(OLD, OLD))
        assert apply_plan(plan_manual([path], ["Rock"])).written == 1
        assert os.stat(path).st_mtime_ns != OLD  # the write did not keep it
        result = undo_batch(keep_mtime=keep)
        assert result.written == 1 and result.restored == [(str(path), "byte-exact")]
        assert path.read_bytes() == data
        assert os.stat(path).st_mtime_ns == OLD
