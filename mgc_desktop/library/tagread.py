"""Read the few tags the index shows, in a child process with a time limit.

Tag parsers are pure Python fed with whatever a user's disk holds, and some loop forever on a
few crafted bytes (a 7-byte Musepack header hangs mutagen). Read in the scan's own process, one
such file would hang the scan where neither the time limit nor cancel reaches it; read in a
child, it costs one error line: the child is killed and the file is indexed without tags.
Such a read may have been cut short by a slow disk rather than by the file: the error says so
(`read_was_cut_short`); the scanner remembers it until the file changes and reads it again
when asked to retry failed files.
"""

from __future__ import annotations

import importlib
import os
import threading
import time
from multiprocessing.connection import Connection, wait

from mgc_desktop.library.index import TrackInfo, path_str
from mgc_desktop.model.child import ChildProcess

# Healthy files give their header in milliseconds; slow network disks get plenty of slack.
MAX_TAG_TIMEOUT_S = 30.0
_POLL_S = 0.1

Stamp = tuple[int, int, int, int]  # size, mtime_ns, inode, device


def stamp(st: os.stat_result) -> Stamp:
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)


def same_content(a: tuple, b: tuple) -> bool:
    """Whether two stamps (or any tuples that start with size and mtime_ns) say the file did
    not change: same size and mtime. The inode is not compared: a copy-based move, a remount
    or a FAT/exFAT or network file system gives the same file a new one (inodes only help
    find moves)."""
    return a[:2] == b[:2]

# The start of a tag error that says the read did not finish (timed out, or the reader died),
# as opposed to what mutagen said about the file: only such reads are tried again.
CUT_SHORT = "cannot read tags: "

# What mutagen.File imports on its first call (the format modules): loaded by the child before
# it reports ready, so that the first file's time limit is not spent importing.
_MUTAGEN_MODULES = ("mutagen",) + tuple(
    "mutagen." + name
    for name in (
        "aac ac3 aiff apev2 asf dsdiff dsf easyid3 easymp4 flac monkeysaudio mp3 musepack "
        "oggflac oggopus oggspeex oggtheora oggvorbis optimfrog smf tak trueaudio wave wavpack"
    ).split()
)


def read_was_cut_short(tag_error: str | None) -> bool:
    """Whether a stored tag error is a read that did not finish (worth another try), not an
    answer about the file."""
    return bool(tag_error) and tag_error.startswith(CUT_SHORT)


def _first(tags, key: str) -> str | None:
    try:
        values = tags.get(key)
    except Exception:  # noqa: BLE001 - mutagen's easy mappings raise assorted errors
        return None
    if not values:
        return None
    text = str(values[0]).strip()
    return text or None


def _bare_info(key: bytes, stamp: Stamp) -> TrackInfo:
    """The index record without tags: what a file whose tags cannot be read still gets."""
    name = os.path.basename(key)
    ext = os.path.splitext(name)[1].decode("ascii", "replace").lower().lstrip(".")
    size, mtime_ns, ino, dev = stamp
    return TrackInfo(key, size, mtime_ns, ino, dev, ext or "?")


def _read(key: bytes, stamp: Stamp) -> TrackInfo:
    """Index record for one file: format, duration and the few tags we show. Tags are read
    with mutagen's easy interface (header only, fast); a file mutagen cannot parse is still
    indexed (the decoder may manage) with `tag_error` set."""
    info = _bare_info(key, stamp)
    try:
        import mutagen

        audio = mutagen.File(path_str(key), easy=True)
    except Exception as exc:  # noqa: BLE001 - mutagen raises anything on foreign data
        info.tag_error = " ".join(str(exc).split())[:200] or type(exc).__name__
        return info
    if audio is None:
        info.tag_error = "not a recognised tag container"
        return info
    length = getattr(getattr(audio, "info", None), "length", None)
    if isinstance(length, (int, float)) and length > 0:
        info.duration_s = float(length)
    tags = audio.tags
    if tags is not None:
        info.title = _first(tags, "title")
        info.artist = _first(tags, "artist")
        info.album = _first(tags, "album")
        info.albumartist = _first(tags, "albumartist")
        info.tracknumber = _first(tags, "tracknumber")
        try:
            info.genres = tuple(str(g) for g in tags.get("genre") or () if str(g).strip())
        except Exception:  # noqa: BLE001
            info.genres = ()
    return info


def read_track_info(key: bytes, st: os.stat_result) -> TrackInfo:
    """Index record for one file, read in this process: only for files the app itself just
    wrote (their tags were parsed a moment ago). Scans use `TagReader`."""
    return _read(key, stamp(st))


def _preload() -> None:
    """Import the tag parsers (a missing one only fails the files that need it, later)."""
    for name in _MUTAGEN_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - an older or newer mutagen without that module
            pass


def _reader_main(conn: Connection) -> None:
    """Child process: answer (key, stamp) jobs with TrackInfo records until told to stop."""
    _preload()
    conn.send("ready")
    while True:
        job = conn.recv()
        if job is None:
            return
        key, stamp = job
        try:
            info = _read(key, stamp)
        except Exception as exc:  # noqa: BLE001 - e.g. MemoryError inside a parser
            info = _bare_info(key, stamp)
            info.tag_error = f"unexpected {type(exc).__name__} reading tags"
        conn.send(info)


class TagReader:
    """Reads tags in one child process, started on first use, each file under `timeout_s`.

    A child that hangs or dies is killed (a fresh one reads the next file) and the file is
    indexed without tags. Use as a context manager."""

    def __init__(self, timeout_s: float, cancel: threading.Event) -> None:
        self.timeout_s = min(timeout_s, MAX_TAG_TIMEOUT_S)
        self.cancel = cancel
        self._child: ChildProcess | None = None

    def __enter__(self) -> TagReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> ChildProcess:
        self._child = ChildProcess(_reader_main)  # set first: close() also ends a slow start
        self._child.first_message("the tag reader process")  # "ready"; else killed, and raises
        return self._child

    def _kill(self, grace_s: float = 0.0) -> None:
        if self._child is not None:
            self._child.kill(grace_s)
        self._child = None

    def close(self) -> None:
        """Stop the child (politely: it is idle between files)."""
        if self._child is not None:
            self._child.ask_to_stop()
        self._kill(grace_s=1.0)

    def read(self, key: bytes, stamp: Stamp) -> TrackInfo | None:
        """The file's record; when the tags could not be read in time it has none and its
        `tag_error` says why (see `read_was_cut_short`). None when cancelled meanwhile."""
        child = self._child or self._start()
        try:
            child.conn.send((key, stamp))
        except OSError:  # the child died while idle
            self._kill()
            child = self._start()
            child.conn.send((key, stamp))
        conn = child.conn
        deadline = time.monotonic() + self.timeout_s
        while not self.cancel.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return self._failed(key, stamp, f"timed out after {self.timeout_s:g} s")
            ready = wait([conn, child.process.sentinel], min(remaining, _POLL_S))
            if conn in ready:
                try:
                    return conn.recv()
                except (EOFError, OSError):
                    return self._failed(key, stamp, "the tag reader crashed")
            if ready:
                return self._failed(key, stamp, "the tag reader crashed")
        self._kill()
        return None

    def _failed(self, key: bytes, stamp: Stamp, why: str) -> TrackInfo:
        """Kill the stuck child; the file is indexed without tags."""
        self._kill()
        info = _bare_info(key, stamp)
        info.tag_error = f"{CUT_SHORT}{why}"
        return info
