"""A write replaces the file with a new inode: what the old one carried besides its bytes (owner,
group, extended attributes) is carried over, or the file is refused with a reason and left as
it was."""

from __future__ import annotations

import errno
import hashlib
import os

import pytest

from mgc_desktop.tags import apply_plan, plan_manual, undo_batch

OTHER_ID = 4242


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _needs_root() -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("giving a test file to another user needs root")


def _chown_fails_unless_group_only(monkeypatch, *, group_only_works: bool) -> None:
    """Act as a user who is not root: only the group may be changed (to a group one is in)."""
    real = os.chown

    def chown(path, uid, gid, *a, **k):
        if uid != -1 or not group_only_works:
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real(path, uid, gid, *a, **k)

    monkeypatch.setattr(os, "chown", chown)


def test_a_file_of_another_user_is_refused_not_taken_over(corpus, monkeypatch):
    _needs_root()
    path, other = corpus["a.flac"], corpus["a.ogg"]
    os.chown(path, OTHER_ID, OTHER_ID)
    before = sha(path)
    _chown_fails_unless_group_only(monkeypatch, group_only_works=True)
    result = apply_plan(plan_manual([path, other], ["Rock"]))
    assert (result.written, result.failed) == (1, 1), result.errors
    assert result.errors == [
        (str(path), "file belongs to another user; rewriting it would make it yours")
    ]
    st = os.stat(path)
    assert (st.st_uid, st.st_gid, sha(path)) == (OTHER_ID, OTHER_ID, before)
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".mgc-tmp")]


def test_the_group_is_kept_where_the_owner_need_not_change(corpus, monkeypatch):
    _needs_root()
    path = corpus["a.flac"]
    os.chown(path, os.geteuid(), OTHER_ID)
    _chown_fails_unless_group_only(monkeypatch, group_only_works=True)
    result = apply_plan(plan_manual([path], ["Rock"]))
    assert result.written == 1, result.errors
    assert os.stat(path).st_gid == OTHER_ID


def test_a_group_that_cannot_be_kept_is_refused(corpus, monkeypatch):
    _needs_root()
    path = corpus["a.flac"]
    os.chown(path, os.geteuid(), OTHER_ID)
    before = sha(path)
    _chown_fails_unless_group_only(monkeypatch, group_only_works=False)
    result = apply_plan(plan_manual([path], ["Rock"]))
    assert result.errors == [
        (str(path), "file belongs to a group you are not in; rewriting it would change it")
    ]
    assert (os.stat(path).st_gid, sha(path)) == (OTHER_ID, before)


def _set_xattr(path, name: str, value: bytes) -> None:
    if not hasattr(os, "setxattr"):
        pytest.skip("no extended attributes on this platform")
    try:
        os.setxattr(path, name, value)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            pytest.skip("the test filesystem has no user extended attributes")
        raise


def test_extended_attributes_survive_tag_and_undo(corpus):
    path = corpus["a.flac"]
    _set_xattr(path, "user.mgc.test", b"keep me")
    _set_xattr(path, "user.xdg.origin.url", b"https://example.org/a.flac")
    wanted = {n: os.getxattr(path, n) for n in os.listxattr(path)}
    result = apply_plan(plan_manual([path], ["Rock"]))
    assert result.written == 1, result.errors
    assert {n: os.getxattr(path, n) for n in os.listxattr(path)} == wanted
    assert undo_batch().restored == [(str(path), "byte-exact")]
    assert {n: os.getxattr(path, n) for n in os.listxattr(path)} == wanted


def test_extended_attributes_that_cannot_be_copied_refuse_the_file(corpus, monkeypatch):
    path = corpus["a.flac"]
    _set_xattr(path, "user.mgc.test", b"keep me")
    before = sha(path)

    def setxattr(*a, **k):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "setxattr", setxattr)
    result = apply_plan(plan_manual([path], ["Rock"]))
    assert result.errors == [
        (str(path), "cannot copy extended attribute user.mgc.test (Operation not permitted)")
    ]
    assert sha(path) == before and os.getxattr(path, "user.mgc.test") == b"keep me"
