"""`python -m mgc_desktop` runs the same entry point as the `mgc-desktop` command."""

import sys

from mgc_desktop.cli import main

sys.exit(main())
