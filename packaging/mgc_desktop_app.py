"""PyInstaller's entry script for the `mgc-desktop` executable (GUI and CLI in one).

Kept outside the package so that the bundle's `__main__` is this file, whose first act is
freeze_support(): classifier workers are spawned by re-running this executable, and the call
turns such a child into a worker instead of a second copy of the app.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from mgc_desktop.cli import main

    sys.exit(main())
