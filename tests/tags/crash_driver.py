"""Run one tagging batch (imported by nothing; started by test_crash.py and killed at random).

Usage: python crash_driver.py GENRE FILE...  (journal in $MGC_DESKTOP_DATA_DIR)
Imports only the tags package, so start-up is short and the kill lands mid-batch."""

import sys

from mgc_desktop.tags import apply_plan, plan_manual

if __name__ == "__main__":
    genre, files = sys.argv[1], sys.argv[2:]
    print("started", flush=True)
    result = apply_plan(plan_manual(files, [genre]))
    print(result.summary(), flush=True)
