"""Crash-safe file modification: the original is only ever replaced by a complete new file.

The file is copied to a hidden temporary beside it (same filesystem, so the rename is atomic),
the copy is modified and fsynced, then renamed over the original and the folder is fsynced. A
SIGKILL at any moment leaves the original as it was or the new file whole; at worst a stale
temporary (never with an audio extension) is left, and removed by the next write of that file.

The new file is a new inode, so everything the old one carried besides its bytes is copied onto
it and checked before the swap: permissions, owner and group, extended attributes (user.*
attributes, ACLs). Where one of them cannot be carried over, the file is refused.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mgc_desktop.tags.base import TagError

TMP_SUFFIX = ".mgc-tmp"
_CHUNK = 1 << 20
_ANY_WRITE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like when it was analysed: size, mtime and a content digest."""

    size: int
    mtime_ns: int
    digest: str | None = None


def fingerprint(path: str | Path, *, content: bool = True) -> Fingerprint:
    """Size, mtime and (when `content`) a BLAKE2 digest of the whole file."""
    st = os.stat(path)
    digest = None
    if content:
        h = hashlib.blake2b(digest_size=16)
        with open(path, "rb") as f:
            while chunk := f.read(_CHUNK):
                h.update(chunk)
        digest = h.hexdigest()
    return Fingerprint(st.st_size, st.st_mtime_ns, digest)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform/filesystem allows it
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_stale_temps(real: Path) -> None:
    for stale in real.parent.glob(f".{glob_escape(real.name)}.*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def glob_escape(name: str) -> str:
    """A file name with glob metacharacters escaped."""
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def check_writable(path: str | Path) -> Path:
    """The real path to write, or TagError saying why it cannot be replaced safely."""
    real = Path(os.path.realpath(path))
    try:
        st = os.stat(real)
    except OSError as exc:
        raise TagError(exc.strerror or str(exc)) from exc
    if not stat.S_ISREG(st.st_mode):
        raise TagError("not a regular file")
    # mode bits are checked too: os.access says yes to root for any file
    if not os.access(real, os.W_OK) or not st.st_mode & _ANY_WRITE:
        raise TagError("file is read-only (permission denied)")
    parent = os.stat(real.parent)
    if not os.access(real.parent, os.W_OK | os.X_OK) or not parent.st_mode & _ANY_WRITE:
        raise TagError("folder is not writable (a safe write needs a temporary file beside it)")
    if st.st_nlink > 1:
        raise TagError(f"file has {st.st_nlink} hard links; replacing it would split them")
    return real


def atomic_modify(
    path: str | Path,
    modify: Callable[[Path], None],
    *,
    keep_mtime: bool = False,
    expect: Fingerprint | None = None,
    before_replace: Callable[[Path, Path, str], None] | None = None,
) -> None:
    """Apply `modify` to a copy of `path`, then swap the copy in atomically.

    Refuses (TagError) when the file differs from `expect`, or changes while we work on it.
    The original permissions, owner, group and extended attributes are kept (TagError where
    they cannot be); `keep_mtime` keeps its modification time too.
    `before_replace(original, copy, original_sha256)` runs once the copy is complete and on
    disk, just before the swap (the journal records it there)."""
    real = check_writable(path)
    st = os.stat(real)
    if expect is not None and (st.st_size, st.st_mtime_ns) != (expect.size, expect.mtime_ns):
        raise TagError("file changed since it was analysed")
    _remove_stale_temps(real)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=TMP_SUFFIX, dir=real.parent)
    tmp = Path(tmp_name)
    try:
        try:  # the file object owns the descriptor from here on: closed on every path
            out = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            raise
        h = hashlib.blake2b(digest_size=16)
        sha = hashlib.sha256()
        with out:
            _copy_owner(tmp, st)
            with open(real, "rb") as src:
                while chunk := src.read(_CHUNK):
                    h.update(chunk)
                    sha.update(chunk)
                    out.write(chunk)
        if expect is not None and expect.digest and h.hexdigest() != expect.digest:
            raise TagError("file content changed since it was analysed")
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        modify(tmp)
        _copy_xattrs(real, tmp)
        if keep_mtime:
            os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        if before_replace is not None:
            before_replace(real, tmp, sha.hexdigest())
        now = os.stat(real)
        if (now.st_size, now.st_mtime_ns, now.st_ino) != (st.st_size, st.st_mtime_ns, st.st_ino):
            raise TagError("file changed by someone else while it was being written")
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(real.parent)


def _copy_owner(tmp: Path, st: os.stat_result) -> None:
    """Give the copy the original's owner and group. Only root may give a file away, so where
    that fails the group alone is tried; a copy whose owner or group still differs would change
    who owns the file: TagError."""
    if not hasattr(os, "chown"):  # no owners to keep on this platform
        return
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except OSError:
        with contextlib.suppress(OSError):
            os.chown(tmp, -1, st.st_gid)
    now = os.stat(tmp)
    if now.st_uid != st.st_uid:
        raise TagError("file belongs to another user; rewriting it would make it yours")
    if now.st_gid != st.st_gid:
        raise TagError("file belongs to a group you are not in; rewriting it would change it")


def _copy_xattrs(real: Path, tmp: Path) -> None:
    """Give the copy exactly the original's extended attributes (user.*, ACLs, labels): the
    rename would drop them. TagError where one cannot be read, set or removed."""
    wanted = _xattrs(real)
    if wanted is None:
        return
    have = _xattrs(tmp) or {}
    for name in [n for n, v in wanted.items() if have.get(n) != v]:
        try:
            os.setxattr(tmp, name, wanted[name])
        except OSError as exc:
            raise TagError(f"cannot copy extended attribute {name} ({exc.strerror})") from exc
    for name in set(have) - set(wanted):  # inherited, e.g. a folder's default ACL
        try:
            os.removexattr(tmp, name)
        except OSError as exc:
            raise TagError(f"cannot drop extended attribute {name} ({exc.strerror})") from exc
    if _xattrs(tmp) != wanted:
        raise TagError("extended attributes did not copy exactly; file left unchanged")


def _xattrs(path: Path) -> dict[str, bytes] | None:
    """Every extended attribute of a file; None where the platform or filesystem has none."""
    if not hasattr(os, "listxattr"):
        return None
    try:
        names = os.listxattr(path)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return None
        raise TagError(f"cannot read extended attributes ({exc.strerror})") from exc
    try:
        return {name: os.getxattr(path, name) for name in names}
    except OSError as exc:
        raise TagError(f"cannot read extended attributes ({exc.strerror})") from exc
