"""A refused write closes the temporary's file descriptor: the copy's descriptor is owned by a
file object from the moment it is created, so a refusal at any step (owner or group that cannot
be kept, extended attributes) leaves no descriptor open and no temporary behind. A long batch
of refused files must not run the process out of descriptors."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from mgc_desktop.tags import apply_plan, atomic, plan_manual
from mgc_desktop.tags.base import TagError

FD_DIR = Path("/proc/self/fd")
REFUSALS = 30
OTHER_ID = 4242


def open_fds() -> int:
    return len(os.listdir(FD_DIR))


def _needs_fd_dir() -> None:
    if not FD_DIR.is_dir():
        pytest.skip("no /proc/self/fd to count open file descriptors")


def _refuse(*_args) -> None:
    raise TagError("refused for the test")


@pytest.mark.parametrize("step", ["_copy_owner", "_copy_xattrs"])
def test_refusals_leave_no_descriptor_open(tmp_path, monkeypatch, step):
    """Any user: the refusal is forced at each step after the temporary is created."""
    _needs_fd_dir()
    path = tmp_path / "a.mp3"
    path.write_bytes(b"x" * 100)
    monkeypatch.setattr(atomic, step, _refuse)
    before = open_fds()
    for _ in range(REFUSALS):
        with pytest.raises(TagError, match="refused for the test"):
            atomic.atomic_modify(path, lambda _tmp: None)
    assert open_fds() == before
    assert sorted(tmp_path.iterdir()) == [path]  # no temporary left either
    assert path.read_bytes() == b"x" * 100


def test_files_of_another_user_leave_no_descriptor_open(corpus, monkeypatch):
    """Root only: real files of another user, refused through a whole batch."""
    _needs_fd_dir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("giving a test file to another user needs root")
    paths = []
    for i in range(REFUSALS):
        p = corpus["a.flac"].with_name(f"other{i}.flac")
        p.write_bytes(corpus["a.flac"].read_bytes())
        os.chown(p, OTHER_ID, OTHER_ID)
        paths.append(p)
    real = os.chown

    def chown(path, uid, gid, *a, **k):  # act as a user who is not root
        if uid != -1:
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real(path, uid, gid, *a, **k)

    monkeypatch.setattr(os, "chown", chown)
    apply_plan(plan_manual(paths[:1], ["Rock"]))  # whatever a first batch opens for good
    before = open_fds()
    result = apply_plan(plan_manual(paths, ["Rock"]))
    assert (result.written, result.failed) == (0, REFUSALS), result.errors
    assert {e for _, e in result.errors} == {
        "file belongs to another user; rewriting it would make it yours"
    }
    assert open_fds() == before
    assert not [p for p in paths[0].parent.iterdir() if p.name.endswith(".mgc-tmp")]
