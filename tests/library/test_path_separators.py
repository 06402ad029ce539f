"""Folder prefixes use the platform's separators: on Windows a path below C:\\Music is
C:\\Music\\..., and "C:\\Music2" is not below it. Windows' rules are checked here through ntpath
(the separator is a parameter of the helpers for exactly this)."""

from __future__ import annotations

import ntpath
import posixpath
import sqlite3

import pytest

from mgc_desktop.library import index
from mgc_desktop.library.albums import _folder_name

WINDOWS = (b"\\", b"\\/")
POSIX = (b"/", b"/")


def _rows_under(root: bytes, paths: list[bytes], seps: tuple[bytes, bytes]) -> list[bytes]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE tracks (path BLOB PRIMARY KEY)")
    db.executemany("INSERT INTO tracks VALUES (?)", [(p,) for p in paths])
    cond, params = index._under(root, *seps)
    return [r[0] for r in db.execute(f"SELECT path FROM tracks WHERE {cond} ORDER BY path", params)]


@pytest.mark.parametrize(
    ("pathmod", "seps", "root", "inside", "outside"),
    [
        (ntpath, WINDOWS, "C:\\Me\\Music", "C:\\Me\\Music\\A\\01.flac", "C:\\Me\\Music2\\x.flac"),
        (ntpath, WINDOWS, "C:\\", "C:\\Music\\01.flac", "D:\\Music\\01.flac"),
        (posixpath, POSIX, "/home/me/Music", "/home/me/Music/A/01.flac", "/home/me/Music2/x.flac"),
        (posixpath, POSIX, "/", "/music/01.flac", None),
    ],
)
def test_folder_prefix(pathmod, seps, root, inside, outside):
    root_b = pathmod.normpath(root).encode()
    paths = [root_b, pathmod.normpath(inside).encode()]
    others = [pathmod.normpath(outside).encode()] if outside else []
    assert _rows_under(root_b, paths + others, seps) == sorted(paths)
    assert all(index.is_below(p, root_b, *seps) for p in paths)
    assert not any(index.is_below(p, root_b, *seps) for p in others)


@pytest.mark.parametrize(
    ("pathmod", "folder", "name"),
    [
        (ntpath, "C:\\Music\\Album One", "Album One"),
        (ntpath, "C:\\Music\\Album One\\", "Album One"),
        (ntpath, "C:\\", "C:\\"),
        (posixpath, "/music/Album One", "Album One"),
        (posixpath, "/", "/"),
    ],
)
def test_album_named_after_its_folder(pathmod, folder, name):
    assert _folder_name(folder, pathmod) == name
