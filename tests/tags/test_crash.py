"""SIGKILL tagging and undo at random moments (>= 50 times) and at chosen points: inside the
verification of a written copy, between journaling a change's delta and swapping the copy in, and
while undo rebuilds a file's original bytes. After every kill each file still decodes and holds
its old or its new genre with every other tag intact; at the end undo (batch after batch, newest
first) brings every file back to its original bytes (sha256)."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import tagcorpus

from mgc_desktop.tags import undo_batch
from mgc_desktop.tags.policy import same_genres

RUNS = 50
GENRES = ["Blues", "Classical", "Country", "Disco", "Hip-Hop", "Jazz", "Metal", "Pop", "Reggae"]
DRIVER = Path(__file__).with_name("crash_driver.py")
ROOT = Path(__file__).resolve().parents[2]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Collection:
    """The files under test, what they held at first, and the invariants checked after a kill."""

    def __init__(self, files: list[Path], data_dir: Path) -> None:
        self.files = files
        self.original = {p: (tagcorpus.genres(p), tagcorpus.other_tags(p)) for p in files}
        self.sha = {p: _sha(p) for p in files}
        self.audio = {p: tagcorpus.decoded(p) for p in files}
        self.seen = {p: [self.original[p][0]] for p in files}  # genres each file has held
        self.env = dict(os.environ, PYTHONPATH=str(ROOT), MGC_DESKTOP_DATA_DIR=str(data_dir))

    def start(self, args: list[str], crash_at: str | None = None) -> subprocess.Popen:
        env = dict(self.env, MGC_CRASH_AT=crash_at) if crash_at else self.env
        proc = subprocess.Popen(
            [sys.executable, str(DRIVER), *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout.readline() == b"started\n"  # imports done, the work begins
        return proc

    def tag_args(self, genre: str) -> list[str]:
        return [genre, *map(str, self.files)]

    def check(self, label, *, allowed_new: str | None = None, full_audio: int = 0) -> None:
        for p in self.files:
            now = tagcorpus.genres(p)
            ok = any(same_genres(now, g) for g in self.seen[p])
            assert ok or (allowed_new and same_genres(now, [allowed_new])), (label, p, now)
            if not ok:
                self.seen[p].append(now)
            assert tagcorpus.other_tags(p) == self.original[p][1], (label, p)
            leftovers = [q for q in p.parent.iterdir() if q.name.endswith(".mgc-tmp")]
            assert all(not q.suffix.lower().startswith(".mp") for q in leftovers)
        # audio decodes after every run (checked fully on a rotating subset to stay fast)
        for p in self.files[full_audio % 4 :: 4]:
            assert tagcorpus.decoded(p) == self.audio[p], (label, p)


def _finish(proc: subprocess.Popen, *, killed_by_itself: str = "") -> None:
    out, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err, err.decode(errors="replace")
    if killed_by_itself:
        assert proc.returncode == -signal.SIGKILL, (killed_by_itself, out, err)


@pytest.mark.slow
def test_sigkill_at_random_moments_and_chosen_points_then_undo_everything(corpus, _data_dir):
    c = Collection(sorted(corpus.values()), _data_dir)
    rng = random.Random(20240611)
    # One uninterrupted batch first: how long a batch runs here sets the window for the kills,
    # so that most of them land mid-batch on a fast machine as on a slow one.
    began = time.monotonic()
    _finish(c.start(c.tag_args(GENRES[-1])))
    max_delay = max(0.01, 0.9 * (time.monotonic() - began))
    c.check("calibration", allowed_new=GENRES[-1])

    killed = 0
    for run in range(RUNS):
        genre = GENRES[run % len(GENRES)]
        proc = c.start(c.tag_args(genre))
        time.sleep(rng.uniform(0.0, max_delay))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        _finish(proc)
        c.check(("random", run), allowed_new=genre, full_audio=run)
    assert killed >= RUNS // 2, f"only {killed} of {RUNS} runs were killed mid-batch"

    # Chosen points: inside verification (the copy is written, not yet swapped in), and with
    # the delta journaled but the copy not swapped in. Each run must die there, by SIGKILL.
    # Two genres no file holds yet, alternating, so that every run has files to write.
    points = [("audio_digest", n) for n in (1, 2, 5, 12, 20)]
    points += [("attach_delta", n) for n in (1, 4, 9)]
    for k, (name, n) in enumerate(points):
        genre = ("Rock", "Soul")[k % 2]
        _finish(c.start(c.tag_args(genre), f"{name}:{n}"), killed_by_itself=f"{name}:{n}")
        c.check((name, n), allowed_new=genre, full_audio=k)

    # Undo, killed while it rebuilds original bytes and after journaling its own delta, then
    # at random moments; every state in between is one the files have held.
    for k, spec in enumerate(["restore_copy:1", "restore_copy:6", "attach_delta:3"]):
        _finish(c.start(["--undo"], spec), killed_by_itself=spec)
        c.check(("undo", spec), full_audio=k)
    for run in range(10):
        proc = c.start(["--undo"])
        time.sleep(rng.uniform(0.0, max_delay))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        _finish(proc)
        c.check(("undo random", run), full_audio=run)

    undone = 0
    while True:
        try:
            result = undo_batch()
        except LookupError:
            break
        assert result.failed == 0, result.errors
        assert all(how == "byte-exact" for _, how in result.restored), result.restored
        undone += 1
        assert undone <= RUNS + len(points) + 1
    for p in c.files:
        assert tagcorpus.genres(p) == c.original[p][0], p
        assert _sha(p) == c.sha[p], p
