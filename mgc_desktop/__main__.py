"""`python -m mgc_desktop` runs the same entry point as the `mgc-desktop` command."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Classifier workers are started with 'spawn'; in a frozen app the child runs this same
    # executable, and freeze_support() turns it into the worker instead of a second app.
    multiprocessing.freeze_support()

    from mgc_desktop.cli import main

    sys.exit(main())
