"""Walk folders for music files without tripping over hostile trees.

Symlink loops, unreadable folders, files that vanish mid-walk, names that are not valid UTF-8
and very long paths are reported as `WalkProblem`s and the walk goes on. A caller may stop the
walk between folders (`should_stop`): a folder of thousands of non-music files or a slow mount
yields nothing for a long time, so a cancel cannot wait for the next music file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mgc_desktop.audio.formats import is_audio_path


@dataclass(frozen=True)
class WalkProblem:
    """Something under a root that could not be looked at, and why."""

    path: str
    error: str
    raw: bytes = b""  # the path's file-system bytes (path is only a printable form)


def display_path(path: str | os.PathLike) -> str:
    """A printable form of any path, even one whose bytes are not valid UTF-8."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="replace")


def _problem(path: str | os.PathLike, error: str) -> WalkProblem:
    return WalkProblem(display_path(path), error, os.fsencode(path))


def walk_audio(
    roots: Iterable[str | Path], should_stop: Callable[[], bool] | None = None
) -> Iterator[Path | WalkProblem]:
    """Yield music files under the roots (files named directly are yielded whatever their
    extension), depth first in name order, each real folder visited once. `should_stop` is
    asked before each root, each folder and each entry is looked at: True ends the walk."""
    stop = should_stop or (lambda: False)
    seen_dirs: set[tuple[int, int]] = set()
    for root in roots:
        if stop():
            return
        root = Path(root)
        try:
            if not root.is_dir():
                if root.exists() or root.is_symlink():
                    yield root
                else:  # a music file's name, or a folder's
                    gone = "file not found" if is_audio_path(root.name) else "folder does not exist"
                    yield _problem(root, gone)
                continue
        except OSError as exc:
            yield _problem(root, exc.strerror or str(exc))
            continue
        yield from _walk_dir(root, seen_dirs, stop)


def _walk_dir(
    folder: Path, seen: set[tuple[int, int]], stop: Callable[[], bool]
) -> Iterator[Path | WalkProblem]:
    stack = [folder]
    while stack:
        if stop():
            return
        current = stack.pop()
        try:
            st = current.stat()
            key = (st.st_dev, st.st_ino)
            if key in seen:
                if current.is_symlink():
                    yield _problem(current, "symlink loop or repeated folder")
                continue
            seen.add(key)
            with os.scandir(current) as it:
                entries = sorted(it, key=lambda e: os.fsencode(e.name))
        except OSError as exc:
            yield _problem(current, f"cannot read folder: {exc.strerror or exc}")
            continue
        subdirs = []
        for entry in entries:
            if stop():  # looking at each entry may cost a stat on a slow mount
                return
            try:
                if entry.is_dir():
                    subdirs.append(Path(entry.path))
                elif is_audio_path(entry.name) and entry.is_file():
                    yield Path(entry.path)
            except OSError as exc:
                yield _problem(entry.path, exc.strerror or str(exc))
        stack.extend(reversed(subdirs))
