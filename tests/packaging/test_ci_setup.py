"""`.ci/setup` waits while another apt/dpkg process holds apt's locks instead of failing at
once (issue 14.15), and still fails at once on any other apt error.

The script runs for real in a copy of the checkout, with stand-ins for the commands it must not
run here (apt-get, sudo, sleep, and the venv's python): apt-get answers as apt 2.6 does when
its lists lock is held (`apt-get update` ignores DPkg::Lock::Timeout for that lock)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FAKE_APT = """#!/usr/bin/env bash
echo "apt-get $*" >> "$LOG"
n=$(cat "$STATE" 2>/dev/null || echo 0); echo $((n + 1)) > "$STATE"
if [[ "$MODE" == busy && " $* " == *" update "* && $n -lt 3 ]]; then
    echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)" >&2
    echo "E: Unable to lock directory /var/lib/apt/lists/" >&2
    exit 100
fi
if [[ "$MODE" == broken ]]; then
    echo "E: The repository 'http://deb.example stable Release' does not have a Release file." >&2
    exit 100
fi
"""
LOGGING = '#!/usr/bin/env bash\necho "{name} $*" >> "$LOG"\n'


def _setup(tmp_path: Path, mode: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    repo, bin_dir = tmp_path / "repo", tmp_path / "bin"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy2(ROOT / ".ci" / "setup", repo / ".ci" / "setup")
    (repo / ".venv" / "bin").mkdir(parents=True)
    bin_dir.mkdir()
    scripts = {
        bin_dir / "apt-get": FAKE_APT,
        bin_dir / "sleep": LOGGING.format(name="sleep"),
        bin_dir / "sudo": '#!/usr/bin/env bash\nexec "$@"\n',
        repo / ".venv" / "bin" / "python": LOGGING.format(name="venv-python"),
    }
    for path, text in scripts.items():
        path.write_text(text)
        path.chmod(0o755)
    log = tmp_path / "log"
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", LOG=str(log),
               STATE=str(tmp_path / "state"), MODE=mode)  # fmt: skip
    result = subprocess.run(
        ["bash", str(repo / ".ci" / "setup")], env=env, capture_output=True, text=True, timeout=60
    )
    return result, log.read_text().splitlines() if log.exists() else []


def test_setup_waits_for_another_apt_process(tmp_path: Path) -> None:
    result, calls = _setup(tmp_path, "busy")
    assert result.returncode == 0, result.stderr
    apt = [c for c in calls if c.startswith("apt-get")]
    assert [c.split()[3] for c in apt] == ["update"] * 4 + ["install"]
    assert all(c.startswith("apt-get -o DPkg::Lock::Timeout=600 ") for c in apt)
    assert [c for c in calls if c.startswith("sleep")] == ["sleep 5"] * 3
    assert result.stderr.count("waiting") == 3
    assert "Could not get lock" not in result.stderr  # the waits succeeded: no error shown
    assert any(
        c.startswith("venv-python -m pip install") and ".[train,dev,beets]" in c for c in calls
    )


def test_setup_stops_at_once_on_other_apt_errors(tmp_path: Path) -> None:
    result, calls = _setup(tmp_path, "broken")
    assert result.returncode == 100
    assert "does not have a Release file" in result.stderr
    assert [c for c in calls if not c.startswith("apt-get")] == []  # no wait, no pip
    assert len(calls) == 1
