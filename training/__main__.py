"""`python -m training COMMAND`: prepare, train, evaluate, kfold, search, export, smoke.

Run `python -m training COMMAND --help` for each command's options.
"""

from __future__ import annotations

import sys

from training.cli import main

if __name__ == "__main__":
    sys.exit(main())
