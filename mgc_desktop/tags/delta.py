"""What the journal keeps to put a file's original bytes back: a compact delta, not a copy.

A tag write changes a small region: the original and the written file share a prefix and a
suffix, and the original's middle is stored. A header field that changed with the tag (a RIFF
size before 30 MB of unchanged audio, then the tag chunk at the end) is a run of a few bytes in
a front part that stays aligned with the written file. When the middle's end lines up with
the written file's end (an Ogg stream whose later pages were renumbered when the comment packet
grew: every page keeps its payload, only its sequence number and CRC change; an MP4 whose chunk
offset table shifted), the original middle is stored as a literal head plus the few byte runs
where the aligned tail differs: about 20 bytes per 4 KiB Ogg page, 0.5 % of the file.
A delta is capped at `CAP` bytes; a change that would need more is refused before the write.
Restoring checks the sha256 of the file it starts from and of the bytes it produces.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mgc_desktop.tags.base import TagError

CAP = 8 << 20  # most bytes one file's delta may hold (before compression)
SMALL = 64 << 10  # a middle this small is stored whole, without looking for aligned runs
_CHUNK = 1 << 20
_GAP = 16  # differing bytes closer than this are stored as one run
_RUN_COST = 12  # bytes a run costs besides its data (offset, length)
_HEADER = struct.Struct("<QQQQQQI")
_FRONT_CHUNK = 64 << 10
_RUN = struct.Struct("<QI")


@dataclass(frozen=True)
class Delta:
    """How to rebuild the original from the written file (see the module docstring)."""

    orig_size: int
    new_size: int
    orig_sha256: str
    new_sha256: str
    prefix: int
    suffix: int
    front: int  # how many bytes after `prefix` are aligned with the written file's
    head: bytes  # the original's bytes after those
    runs: tuple[tuple[int, bytes], ...]  # (offset from `prefix`, original bytes) to patch in

    def encode(self) -> bytes:
        """The journal's blob (the hashes are stored beside it)."""
        parts = [
            _HEADER.pack(
                self.orig_size,
                self.new_size,
                self.prefix,
                self.suffix,
                self.front,
                len(self.head),
                len(self.runs),
            ),
            self.head,
        ]
        for start, data in self.runs:
            parts += [_RUN.pack(start, len(data)), data]
        return zlib.compress(b"".join(parts), 6)

    @classmethod
    def decode(cls, blob: bytes, orig_sha256: str, new_sha256: str) -> Delta:
        """The delta stored by `encode`."""
        raw = zlib.decompress(blob)
        orig_size, new_size, prefix, suffix, front, head_len, n_runs = _HEADER.unpack_from(raw)
        pos = _HEADER.size
        head = raw[pos : pos + head_len]
        pos += head_len
        runs = []
        for _ in range(n_runs):
            start, length = _RUN.unpack_from(raw, pos)
            pos += _RUN.size
            runs.append((start, raw[pos : pos + length]))
            pos += length
        return cls(
            orig_size, new_size, orig_sha256, new_sha256, prefix, suffix, front, head, tuple(runs)
        )

    @property
    def stored_bytes(self) -> int:
        """Uncompressed size of what is kept (head and runs)."""
        return len(self.head) + sum(len(d) + _RUN_COST for _, d in self.runs)


def sha256_file(path: str | Path) -> str:
    """sha256 of a whole file, hex."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _common_prefix(a, b, limit: int) -> int:
    n = 0
    while n < limit:
        x, y = a.read(min(_CHUNK, limit - n)), b.read(min(_CHUNK, limit - n))
        if x != y:
            m = min(len(x), len(y))
            diff = np.flatnonzero(np.frombuffer(x[:m], np.uint8) != np.frombuffer(y[:m], np.uint8))
            return n + (int(diff[0]) if diff.size else m)
        if not x:
            break
        n += len(x)
    return min(n, limit)


def _common_suffix(a, b, size_a: int, size_b: int, limit: int) -> int:
    n = 0
    while n < limit:
        step = min(_CHUNK, limit - n)
        a.seek(size_a - n - step)
        b.seek(size_b - n - step)
        x, y = a.read(step), b.read(step)
        if x != y:
            diff = np.flatnonzero(np.frombuffer(x, np.uint8) != np.frombuffer(y, np.uint8))
            return n + step - 1 - int(diff[-1])
        n += step
    return n


def _aligned_runs(a, b, base: int, lo: int, hi: int, shift: int, budget: int):
    """Runs where a[base+i] != b[base+i+shift] for i in [stop, hi), scanning down from hi;
    stops early (returning the lowest i scanned) once the runs cost more than `budget`."""
    runs: list[list] = []  # [start, end, bytes], descending
    cost = 0
    i1 = hi
    while i1 > lo:
        i0 = max(lo, i1 - _CHUNK)
        a.seek(base + i0)
        b.seek(base + i0 + shift)
        x = a.read(i1 - i0)
        y = b.read(i1 - i0)
        idx = np.flatnonzero(np.frombuffer(x, np.uint8) != np.frombuffer(y, np.uint8))
        if idx.size:
            cuts = np.flatnonzero(np.diff(idx) > _GAP) + 1
            for group in reversed(np.split(idx, cuts)):
                s, e = i0 + int(group[0]), i0 + int(group[-1]) + 1
                data = x[s - i0 : e - i0]
                if runs and runs[-1][0] - e < _GAP:  # joins the run above it
                    prev = runs[-1]
                    a.seek(base + e)
                    data = data + a.read(prev[0] - e) + prev[2]
                    cost -= len(prev[2]) + _RUN_COST
                    prev[0], prev[2] = s, data
                else:
                    runs.append([s, e, data])
                cost += len(data) + _RUN_COST
        i1 = i0
        if cost > budget:
            break
    return runs, i1


def _front_runs(a, b, base: int, limit: int, budget: int):
    """Runs where a[base+i] != b[base+i] from i = 0 on, while the two stay aligned (a chunk
    with more than 1/8 of its bytes differing ends the aligned part) and within `budget`.
    Returns the runs (ascending) and where the aligned part ends."""
    runs: list[list] = []
    cost = 0
    i0 = 0
    a.seek(base)
    b.seek(base)
    while i0 < limit:
        x = a.read(min(_FRONT_CHUNK, limit - i0))
        y = b.read(len(x))
        idx = np.flatnonzero(np.frombuffer(x, np.uint8) != np.frombuffer(y, np.uint8))
        if idx.size * 8 > len(x):  # no longer aligned: a shifted or rewritten region
            return runs, i0 + int(idx[0])
        if idx.size:
            cuts = np.flatnonzero(np.diff(idx) > _GAP) + 1
            for group in np.split(idx, cuts):
                s, e = i0 + int(group[0]), i0 + int(group[-1]) + 1
                runs.append([s, e, x[s - i0 : e - i0]])
                cost += e - s + _RUN_COST
            if cost > budget:
                return runs, i0 + len(x)
        i0 += len(x)
    return runs, limit


def make(orig: str | Path, new: str | Path, orig_sha256: str | None = None) -> Delta:
    """The delta that rebuilds `orig` from `new`; TagError when it would exceed `CAP`.

    The original's middle (between the common prefix and suffix) is described in three parts:
    a front part aligned with the written file (a size field changed in a header, the rest
    equal), a literal part, and a part aligned with the written file's end (data that moved);
    the aligned parts are stored as the byte runs that differ."""
    so, sn = Path(orig).stat().st_size, Path(new).stat().st_size
    orig_sha = orig_sha256 or sha256_file(orig)
    new_sha = sha256_file(new)
    with open(orig, "rb") as a, open(new, "rb") as b:
        p = _common_prefix(a, b, min(so, sn))
        s = _common_suffix(a, b, so, sn, min(so, sn) - p)
        lo_len, shift = so - s - p, (sn - so)
        front, head_end, front_runs, tail_runs = 0, lo_len, [], []
        if lo_len > SMALL:
            front_runs, front = _front_runs(a, b, p, min(lo_len, sn - s - p), CAP)
            budget = CAP - sum(len(r[2]) + _RUN_COST for r in front_runs)
            lowest = max(front, -shift)
            found, scanned_to = _aligned_runs(a, b, p, lowest, lo_len, shift, budget)
            # where the literal part ends: at the top (all literal), or at a run start
            best, cost = lo_len - front, 0
            for k, (start, _end, data) in enumerate(found):
                cost += len(data) + _RUN_COST
                if start - front + cost < best:
                    best, head_end, tail_runs = start - front + cost, start, found[: k + 1]
            if scanned_to == lowest and lowest - front + cost < best:
                head_end, tail_runs = lowest, found
        a.seek(p + front)
        head = a.read(min(head_end - front, CAP + 1))
    runs = [(r[0], r[2]) for r in front_runs] + [(r[0], r[2]) for r in reversed(tail_runs)]
    delta = Delta(so, sn, orig_sha, new_sha, p, s, front, head, tuple(runs))
    if delta.stored_bytes > CAP:
        raise TagError(
            f"change too large to journal for a byte-exact undo "
            f"({delta.stored_bytes / 1e6:.1f} MB; the limit is {CAP / 1e6:.0f} MB)"
        )
    return delta


def restore(delta: Delta, current: str | Path, out: str | Path) -> None:
    """Write the original bytes to `out`, rebuilt from `current` (the written file); TagError
    when `current` is not the written file or the result is not the original."""
    if sha256_file(current) != delta.new_sha256:
        raise TagError("file changed since it was written; its original bytes cannot be rebuilt")
    p, s, front = delta.prefix, delta.suffix, delta.front
    lo_len = delta.orig_size - s - p
    shift = delta.new_size - delta.orig_size
    head_end = front + len(delta.head)
    with open(current, "rb") as src, open(out, "wb") as dst:
        _copy(src, dst, 0, p + front)
        dst.write(delta.head)
        _copy(src, dst, p + head_end + shift, lo_len - head_end)
        _copy(src, dst, delta.new_size - s, s)
        for start, data in delta.runs:
            dst.seek(p + start)
            dst.write(data)
    if sha256_file(out) != delta.orig_sha256:
        raise TagError("journal delta does not rebuild the original bytes")


def _copy(src, dst, offset: int, length: int) -> None:
    src.seek(offset)
    while length > 0:
        chunk = src.read(min(_CHUNK, length))
        if not chunk:
            raise TagError("file shorter than the journal expects")
        dst.write(chunk)
        length -= len(chunk)
