"""Issue 25.6: one exit status for a missing path everywhere (the README's "Exit status": 1, the
file failed; 2 is for usage errors), a missing folder called a folder, and progress on a
non-terminal stderr that ends with a final line instead of stopping at a stale count."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.test_classify import run_cli

HANGS_MUTAGEN = b"MPCKXX\x00"  # mutagen's Musepack parser loops on these 7 bytes

COMMANDS = {
    "classify": ["classify"],
    "tag": ["tag", "--dry-run"],
    "scan": ["scan", "--index-only"],
    "window": [],  # `mgc-desktop PATH`: the file manager's "Open with"
}


@pytest.mark.parametrize("kind", ["song.mp3", "Some Album"])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_path_fails_with_exit_1_everywhere(command, kind, tmp_path, tiny_model):
    missing = tmp_path / kind
    result = run_cli("--model", str(tiny_model), *COMMANDS[command], str(missing))
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    out = (result.stderr + result.stdout).splitlines()  # a dry run lists its plan on stdout
    if command == "window":
        assert f"mgc-desktop: cannot open {missing}: no such file or folder" in out
        return
    reason = "file not found" if kind.endswith(".mp3") else "folder does not exist"
    assert f"{missing}: error: {reason}" in out


def test_progress_on_a_pipe_ends_with_a_final_line(tmp_path):
    """A scan long enough to show progress (a file whose tags hang the reader for its 3 s
    limit) ends its progress with one final line on a non-terminal stderr."""
    music = tmp_path / "music"
    music.mkdir()
    (music / "evil.mpc").write_bytes(HANGS_MUTAGEN)
    result = run_cli("scan", "--index-only", "--timeout", "3", str(music))
    assert result.returncode == 1  # the hang is a failure of this run
    lines = result.stderr.splitlines()
    progress = [i for i, line in enumerate(lines) if line.startswith("index: ")]
    assert progress, lines  # progress was shown (the run took more than two seconds)
    final = [i for i, line in enumerate(lines) if re.fullmatch(r"done: 1 file in [\d.]+ s", line)]
    assert final and final[-1] > progress[-1], lines
    assert f"{Path(music / 'evil.mpc')}: error: cannot read tags: timed out after 3 s" in lines


def test_a_remembered_tag_hang_is_listed_and_does_not_fail_later_scans(tmp_path):
    """Issue 25.8: such a file was read again by every scan (up to 30 s) and `scan` exited 1
    each time. The hang fails the scan that meets it; later ones list it and exit 0 (the file
    is indexed; its tags are what failed, once), until --retry-failed reads it again."""
    music = tmp_path / "music"
    music.mkdir()
    evil = music / "evil.mpc"
    evil.write_bytes(HANGS_MUTAGEN)
    hung = f"{evil}: error: cannot read tags: timed out after 3 s"
    first = run_cli("scan", "--index-only", "--timeout", "3", str(music))
    assert first.returncode == 1 and hung in first.stderr.splitlines()
    again = run_cli("scan", "--index-only", "--timeout", "3", str(music))
    assert again.returncode == 0, again.stderr
    assert hung not in again.stderr.splitlines()
    assert "1 with unreadable tags (not read again; --retry-failed reads them)" in again.stdout
    retried = run_cli("scan", "--index-only", "--timeout", "3", "--retry-failed", str(music))
    assert retried.returncode == 1 and hung in retried.stderr.splitlines()
