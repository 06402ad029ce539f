"""Fixtures for the live-mode tests: the model to listen with, real clips, a private ALSA setup.

The listening itself runs in child processes (`python -m mgc_desktop listen`): PortAudio reads
the ALSA configuration of the HOME it starts with, and each test device lives in its own HOME.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_MODEL, require_shared_data


@pytest.fixture(scope="session")
def live_model(request) -> Path:
    """The shipped model when it is there (the real comparison), else the suite's tiny one.

    MGC_TEST_LIVE_MODEL names another model (a training candidate) to run these tests with.
    """
    override = os.environ.get("MGC_TEST_LIVE_MODEL")
    if override:
        return Path(override)
    if SHIPPED_MODEL.is_file():
        return SHIPPED_MODEL
    return request.getfixturevalue("tiny_model")


def valid_clips(per_genre: int = 1) -> list[tuple[Path, str]]:
    """(path, genre) of GTZAN validation clips, `per_genre` of each genre (never test clips)."""
    gtzan = require_shared_data() / "gtzan"
    out: list[tuple[Path, str]] = []
    counts: dict[str, int] = {}
    with open(gtzan / "clips.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["split"] != "valid" or counts.get(row["genre"], 0) >= per_genre:
                continue
            counts[row["genre"]] = counts.get(row["genre"], 0) + 1
            out.append((gtzan / row["file"], row["genre"]))
    return out


def child_env(home: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """An environment whose ALSA setup is `home`'s own and which reaches no PulseAudio."""
    env = dict(os.environ if base is None else base)
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(home),
        PULSE_SERVER=f"unix:{home / 'no-pulse'}",
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    return env


@dataclass
class ListenRun:
    """A finished `mgc-desktop listen` child: exit code, parsed JSON updates, stderr."""

    returncode: int
    stdout: str
    stderr: str
    updates: list[dict] = field(default_factory=list)

    @property
    def music(self) -> list[dict]:
        return [u for u in self.updates if u["state"] == "music"]


def listen_cmd(model: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "mgc_desktop", "--model", str(model), "listen", *args]


def finish(proc: subprocess.Popen, timeout: float, json_mode: bool = True) -> ListenRun:
    """Wait for a listen child and parse what it printed."""
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        pytest.fail(f"listen did not finish in {timeout} s; stderr: {err}")
    run = ListenRun(proc.returncode, out, err)
    if json_mode:
        run.updates = [json.loads(line) for line in out.splitlines() if line.strip()]
    return run
