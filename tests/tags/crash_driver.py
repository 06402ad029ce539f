"""Run one tagging batch, or undo batches (imported by nothing; started by test_crash.py and
killed, at random moments or at a chosen point).

Usage: python crash_driver.py GENRE FILE...   tag the files (journal in $MGC_DESKTOP_DATA_DIR)
       python crash_driver.py --undo          undo batches, newest first, until none is left
With MGC_CRASH_AT=NAME:N the process SIGKILLs itself on the N-th call of NAME, one of
`audio_digest` (inside verification of the written copy), `attach_delta` (journal written, copy
not yet swapped in) or `restore_copy` (undo rebuilding the original bytes)."""

import os
import signal
import sys

from mgc_desktop.tags import apply_plan, delta, journal, plan_manual, undo_batch, verify


def _kill_on_call(owner, attr: str, n: int) -> None:
    real = getattr(owner, attr)
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        if calls[0] == n:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    setattr(owner, attr, wrapper)


def _arm() -> None:
    spec = os.environ.get("MGC_CRASH_AT")
    if not spec:
        return
    name, n = spec.split(":")
    target = {
        "audio_digest": (verify, "audio_digest"),
        "attach_delta": (journal.Journal, "attach_delta"),
        "restore_copy": (delta, "_copy"),
    }[name]
    _kill_on_call(*target, int(n))


if __name__ == "__main__":
    _arm()
    print("started", flush=True)
    if sys.argv[1] == "--undo":
        while True:
            try:
                result = undo_batch()
            except LookupError:
                break
            print(result.undo_summary(), flush=True)
    else:
        genre, files = sys.argv[1], sys.argv[2:]
        result = apply_plan(plan_manual(files, [genre]))
        print(result.summary(), flush=True)
