"""`--self-test` promises live listening only when `listen` would find an input device, and
`listen --list-devices` on a machine with none lists nothing, says so, exits 0 (issue 14.9).

Each child gets its own HOME (PortAudio reads that HOME's ALSA set-up) and reaches no
PulseAudio: an empty HOME is a machine without a capture device, the virtual microphone's HOME
one with exactly one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mgc_desktop.live.virtualmic import VirtualMic, pcm_int16
from tests.conftest import music_signal
from tests.live.conftest import child_env

NO_DEVICE = "mgc-desktop listen: no audio input device found"


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "mgc_desktop", *args],
        env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip


@pytest.fixture
def no_device_env(tmp_path: Path) -> dict[str, str]:
    env = child_env(tmp_path)
    if _run(env, "listen", "--list-devices").stdout.strip():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the CI machine has a capture device")
        pytest.skip("this machine has a capture device (a sound card ALSA finds anyway)")
    return env


def test_list_devices_with_none_says_so_and_exits_0(no_device_env) -> None:
    result = _run(no_device_env, "listen", "--list-devices")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == NO_DEVICE


def test_self_test_does_not_promise_live_listening_without_a_device(
    no_device_env, tiny_model
) -> None:
    result = _run(no_device_env, "--self-test", "--model", str(tiny_model))
    assert result.returncode == 0, result.stderr
    (line,) = [s for s in result.stderr.splitlines() if s.startswith("info audio input:")]
    assert "no audio input device found" in line
    assert "available" not in line
    listen = _run(no_device_env, "--model", str(tiny_model), "listen", "--duration", "1")
    assert listen.returncode == 2  # and listen indeed cannot start


def test_self_test_promises_live_listening_when_listen_finds_the_device(tiny_model) -> None:
    pcm = pcm_int16(music_signal(3.0, 44100, channels=1)[:, 0], 2)
    with VirtualMic(pcm, 44100) as mic:
        env = dict(mic.env(), PYTHONPATH=str(Path(__file__).resolve().parents[2]))
        listed = _run(env, "listen", "--list-devices")
        assert listed.returncode == 0, listed.stderr
        (listing,) = listed.stdout.splitlines()
        assert listing.startswith("* 0: filemic (ALSA), ")
        result = _run(env, "--self-test", "--model", str(tiny_model))
    assert result.returncode == 0, result.stderr
    (line,) = [s for s in result.stderr.splitlines() if s.startswith("info audio input:")]
    assert "live listening available (1 input device, default 0: filemic (ALSA))" in line
