"""`mgc-desktop` with no arguments: the window.

Start-up is kept lean (the packaged app must show its window within 3 s): only Qt and the
window's own modules are imported here; onnxruntime, the model and the worker pool load when
the first scan or detail view needs them.
"""

from __future__ import annotations

import os
import sys
import time

_IMPORTED_AT = time.perf_counter()


def seconds_since_process_start() -> float:
    """Time since this process started.

    On Linux both ends come from the boot-time clock (/proc/self/stat's start tick and
    /proc/uptime), exact to a tick. psutil's create_time() adds the start tick to the boot
    time in whole seconds (/proc/stat btime), so `time.time() - create_time()` is up to a
    second too long: it reported 1.2-1.4 s for a 0.4-0.6 s launch. psutil stays the fallback
    elsewhere."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        pass
    try:
        import psutil

        return time.time() - psutil.Process().create_time()
    except Exception:  # noqa: BLE001 - psutil is optional in the packaged app
        return time.perf_counter() - _IMPORTED_AT


def _icon() -> object | None:
    from PySide6.QtGui import QIcon

    try:
        from mgc_desktop.paths import resources_dir

        svg = resources_dir() / "icons" / "io.github.mgc_desktop.MgcDesktop.svg"
    except FileNotFoundError:
        return None
    return QIcon(str(svg)) if svg.is_file() else None


def create_app(argv: list[str] | None = None, language: str | None = None) -> object:
    """The QApplication with the names QSettings uses (reused when one exists), speaking
    `language` ("system", "en", "fr"; None: the user's choice in Settings, by default the
    system's). Called before any window is built: widgets take their text when built."""
    from PySide6.QtWidgets import QApplication

    from mgc_desktop.gui import language as interface_language
    from mgc_desktop.gui.settings import APP_NAME, ORG_NAME

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("mgc-desktop")
    app.setDesktopFileName("io.github.mgc_desktop.MgcDesktop")
    icon = _icon()
    if icon is not None:
        app.setWindowIcon(icon)  # type: ignore[arg-type]
    interface_language.install(app, language)
    return app


def open_window(model_path: str | None = None, folder: str | None = None) -> object:
    """The main window, shown. `folder` (`mgc-desktop FOLDER`, a file manager's "Open with")
    is chosen and scanned, as a folder dropped on the window is."""
    from mgc_desktop.gui.main_window import MainWindow

    window = MainWindow(model_path=model_path)
    window.show()
    if folder:
        window.set_folder(folder, scan=True)
    return window


def run_gui(model_path: str | None = None, folder: str | None = None) -> int:
    """Show the main window (on `folder` when given) and run the event loop; returns the exit
    status.

    MGC_DESKTOP_EXIT_AFTER_SHOW=1: print the launch-to-window time and exit 0 once the
    window is shown (for measuring start-up)."""
    from PySide6.QtCore import QTimer

    app = create_app()
    window = open_window(model_path, folder)
    if os.environ.get("MGC_DESKTOP_EXIT_AFTER_SHOW") == "1":

        def report() -> None:
            print(f"window shown after {seconds_since_process_start():.3f} s", file=sys.stderr)
            window.close()
            app.exit(0)  # type: ignore[attr-defined]

        QTimer.singleShot(0, report)
    status = int(app.exec())  # type: ignore[attr-defined]
    # PySide6 6.12 on Python < 3.12 can over-release Py_True while the interpreter tears Qt
    # objects down ("bool_dealloc" abort). The window's closeEvent has stopped the workers and
    # everything the app keeps (index, journal, settings) is committed, so skip that teardown.
    if sys.version_info < (3, 12):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status
