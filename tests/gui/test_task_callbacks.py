"""A background task's callbacks run in the GUI thread (where timers and widgets live), not in
the worker thread that finished the work."""

from __future__ import annotations

import threading

from mgc_desktop.gui.workers import WorkerHost


def test_task_callbacks_run_in_the_gui_thread(qtbot) -> None:
    host = WorkerHost()
    seen: dict[str, object] = {}

    def work(progress, cancel):
        seen["worker"] = threading.current_thread()
        progress(1, 1)
        return 42

    def done(result):
        seen["done"] = (threading.current_thread(), result)

    def progressed(n, total):
        seen["progress"] = threading.current_thread()

    host.run_task(work, done, on_progress=progressed)
    qtbot.waitUntil(lambda: "done" in seen, timeout=10000)
    main = threading.main_thread()
    assert seen["worker"] is not main
    assert seen["done"] == (main, 42)
    assert seen["progress"] is main
    failures: list[tuple[object, str]] = []
    host.run_task(lambda p, c: 1 / 0, lambda r: None,
                  on_error=lambda m: failures.append((threading.current_thread(), m)))
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert failures[0][0] is main and "division" in failures[0][1]
    host.stop_all()
