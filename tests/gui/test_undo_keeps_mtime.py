"""The window's undo honours the "keep modification times" preference, as its writes do: a
batch written and undone with it leaves the file's mtime as it was before both."""

from __future__ import annotations

import os

from mgc_desktop.tags import apply_plan, plan_manual
from tests.gui.test_long_work import good_files

OLD = 1_000_000_000_000_000_000


def test_undo_keeps_mtimes_when_the_preference_says_so(qtbot, window, music):
    path = good_files(music)[0]
    os.utime(path, ns=(OLD, OLD))
    assert apply_plan(plan_manual([path], ["Rock"]), keep_mtime=True).written == 1
    assert os.stat(path).st_mtime_ns == OLD
    window.prefs.keep_mtime = True
    with qtbot.waitSignal(window.tag_flow.undo_finished, timeout=30000) as undone:
        window.tag_flow.undo_batch(None)
    result = undone.args[0]
    assert result.written == 1, result.errors
    assert os.stat(path).st_mtime_ns == OLD
