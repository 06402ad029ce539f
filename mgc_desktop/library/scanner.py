"""Scan folders into the library index: walk, diff, index tags, classify what is new.

A rescan of an unchanged collection must be near-instant, so the diff is stat-only: one walk,
one os.stat per file, the index of the scanned roots loaded into a dict in one query per root,
and no SQL or decoding for files that did not change. Only new and changed files, and files the
current model has not classified yet, go to the classifier pool (worker processes with a time
limit per file); each result is committed as it arrives, so a cancelled scan keeps everything
it finished and the next scan resumes where it stopped.

Hostile trees never end a scan: walk problems, files that vanish or change while the scan runs,
files whose tags hang the tag parser (read in a child process under the time limit) and files
the decoder cannot read are reported (and kept in the index's `errors`). Such a failure is
remembered until the file changes (size or mtime): later scans neither read nor classify it
again (a hang costs up to 30 s each time), and list it as known; `retry_failed` (the window's
"Retry failed files", `scan --retry-failed`) tries it again. Files below a
folder that could not be read are not pruned: an unreadable or unmounted folder is not a
deleted one.

Runs headless (the CLI) or in a GUI worker thread: progress is a plain callback and everything
else is queryable from the `Library` afterwards.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mgc_desktop.library.index import (
    IndexedFile,
    Library,
    TrackInfo,
    is_below,
    path_key,
    path_str,
)
from mgc_desktop.library.tagread import (
    Stamp,
    TagReader,
    read_track_info,
    read_was_cut_short,
    same_content,
    stamp,
)
from mgc_desktop.library.walk import WalkProblem, display_path, walk_audio

# Rows written per transaction in the indexing phase: few commits, little lost on cancel.
_BATCH = 500
# Why a file is read in the indexing phase: not indexed yet, changed since, or unchanged but
# its tags were not read last time (the read timed out or the reader died) and the user asked
# for failed files to be tried again.
_NEW, _CHANGED, _RETAG = "new", "changed", "retag"
_PROGRESS_INTERVAL_S = 0.1


@dataclass(frozen=True)
class ScanProgress:
    """One progress report. phase: 'walk' (total unknown, 0), 'index', 'classify' or 'done'.
    `rate` is files per second in this phase, `eta_s` None while unknown."""

    phase: str
    done: int
    total: int
    rate: float
    eta_s: float | None
    path: str


ProgressCallback = Callable[[ScanProgress], None]


@dataclass
class ScanReport:
    """What one scan did. `failures` are (display path, reason) found in this scan;
    `known_failures` are unchanged files that failed before with this model (not retried);
    `unread_tags` are (display path, reason) of unchanged files whose tags could not be read
    before (the parser hung or died) and were not read again. Those files are indexed, and
    classified when their audio decodes: their remembered failure is listed (the window's
    Errors panel, the CLI summary), not counted as failed."""

    roots: list[str]
    model_id: str | None = None
    files: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    moved: int = 0
    removed: int = 0
    classified: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    known_failures: int = 0
    unread_tags: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    elapsed_s: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    def to_dict(self) -> dict:
        return {
            "roots": [display_path(r) for r in self.roots],
            "model_id": self.model_id,
            "files": self.files,
            "added": self.added,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "moved": self.moved,
            "removed": self.removed,
            "classified": self.classified,
            "failed": self.failed,
            "known_failures": self.known_failures,
            "unread_tags": len(self.unread_tags),
            "cancelled": self.cancelled,
            "elapsed_s": round(self.elapsed_s, 3),
        }


class _Reporter:
    """Throttles progress callbacks and computes rate and ETA per phase."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self.callback = callback
        self.phase, self.total, self.start, self.last = "", 0, 0.0, 0.0

    def begin(self, phase: str, total: int) -> None:
        self.phase, self.total = phase, total
        self.start = time.monotonic()
        self.last = 0.0
        self.emit(0, "", force=True)

    def emit(self, done: int, path: str | bytes, force: bool = False) -> None:
        if self.callback is None:
            return
        now = time.monotonic()
        if not force and now - self.last < _PROGRESS_INTERVAL_S:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-6)
        eta = (self.total - done) / rate if self.total and rate > 0 else None
        shown = display_path(path) if path else ""
        self.callback(ScanProgress(self.phase, done, self.total, rate, eta, shown))


def model_id_for(model_path: str | Path, library: Library | None = None) -> str:
    """The model id inside an ONNX file, cached in the index by (path, size, mtime) so that an
    unchanged rescan does not even load onnxruntime. Raises IncompatibleModel."""
    path = Path(model_path).resolve()
    st = path.stat()
    meta_key = "model:" + os.fsencode(path).hex()
    stamp = [st.st_size, st.st_mtime_ns]
    if library is not None:
        cached = library.get_meta(meta_key)
        if cached:
            entry = json.loads(cached)
            if entry.get("stamp") == stamp:
                return entry["model_id"]
    from mgc_desktop.model.classifier import load_session

    _, card = load_session(path)
    if library is not None and not library.readonly:
        library.set_meta(meta_key, json.dumps({"stamp": stamp, "model_id": card.model_id}))
    return card.model_id


def _is_below(key: bytes, folders: Sequence[bytes]) -> bool:
    return any(is_below(key, f) for f in folders)


def scan(
    roots: Iterable[str | os.PathLike],
    library: Library,
    model=None,
    cancel: threading.Event | None = None,
    progress: ProgressCallback | None = None,
    *,
    workers: int | None = None,
    timeout_s: float | None = None,
    retry_failed: bool = False,
    classify: bool = True,
) -> ScanReport:
    """Bring the index of `roots` up to date and classify what needs it.

    `model` is a running `ClassifierPool`, a model file path, or None for the shipped model.
    A pool is only started when some file needs classifying. `retry_failed` classifies again
    the unchanged files that failed with this model before. With `classify=False` only the
    index (files, tags, prunes) is updated. Roots are stored as spelled (see `path_key`: a
    folder reached through a symlink is indexed under the symlink's name, and under both
    names when scanned by both). `timeout_s` limits the time spent on one file (tags and
    classification).
    """
    from mgc_desktop.model.batch import DEFAULT_TIMEOUT_S

    started = time.monotonic()
    cancel = cancel or threading.Event()
    timeout_s = timeout_s or DEFAULT_TIMEOUT_S
    keys = [path_key(r) for r in roots]
    report = ScanReport([path_str(k) for k in keys])
    reporter = _Reporter(progress)

    pool = None
    if classify:
        if model is not None and hasattr(model, "classify") and hasattr(model, "card"):
            pool, report.model_id = model, model.card.model_id
        else:
            if model is None:
                from mgc_desktop.paths import default_model_path

                model = default_model_path()
            report.model_id = model_id_for(model, library)

    walk = _walk(keys, report, reporter, cancel)
    new, changed, unchanged_ids, retag = _diff(library, keys, walk, report, retry_failed)
    to_index = [(k, _NEW) for k in new] + [(k, _CHANGED) for k in changed]
    to_index += [(k, _RETAG) for k in retag]
    indexed_now = _index(to_index, walk.seen, library, report, reporter, cancel, timeout_s)
    changed_set = set(changed)
    report.added = sum(1 for k in indexed_now if k not in changed_set)
    report.changed = len(indexed_now) - report.added
    if cancel.is_set() or not classify:
        return _finish(report, library, reporter, started, cancelled=cancel.is_set())

    # classify what this model has not seen, committing each result as it arrives
    todo = indexed_now + _unclassified(
        library, keys, unchanged_ids, walk.seen, report, retry_failed
    )
    todo.sort()
    reporter.begin("classify", len(todo))
    if todo and not cancel.is_set():
        own_pool = pool is None
        if own_pool:
            from mgc_desktop.model.batch import ClassifierPool

            pool = ClassifierPool(
                model, workers=min(workers or _default_workers(), len(todo)), timeout_s=timeout_s
            )
        try:
            _classify(pool, todo, walk.seen, library, report, reporter, cancel)
        finally:
            if own_pool:
                pool.close()
    return _finish(report, library, reporter, started, cancelled=cancel.is_set())


@dataclass
class _Walked:
    """What the walk found: every file's stamp, paths never to prune, problems to record."""

    seen: dict[bytes, Stamp] = field(default_factory=dict)
    keep: list[bytes] = field(default_factory=list)  # exist but could not be looked at
    problems: list[tuple[bytes, str, str]] = field(default_factory=list)
    complete: bool = True


def _walk(
    keys: list[bytes], report: ScanReport, reporter: _Reporter, cancel: threading.Event
) -> _Walked:
    """Walk and stat: everything on disk under the roots. Cancel is checked before each
    folder is read as well as for each file found, so it ends the walk at once even in a big
    folder without music or on a slow mount; a cancelled walk is incomplete (nothing pruned)."""
    reporter.begin("walk", 0)
    walk = _Walked()
    for item in walk_audio((path_str(k) for k in keys), should_stop=cancel.is_set):
        if cancel.is_set():
            break
        if isinstance(item, WalkProblem):
            walk.problems.append((item.raw or os.fsencode(item.path), "walk", item.error))
            walk.keep.append(item.raw or os.fsencode(item.path))
            continue
        key = os.fsencode(item)
        try:
            st = os.stat(key)
        except FileNotFoundError:
            report.failures.append((display_path(key), "vanished during the scan"))
            continue
        except OSError as exc:
            walk.problems.append((key, "stat", exc.strerror or str(exc)))
            walk.keep.append(key)
            continue
        walk.seen[key] = stamp(st)
        if len(walk.seen) % 256 == 0:
            reporter.emit(len(walk.seen), key)
    if cancel.is_set():  # the walk may have ended early: never prune from what it missed
        walk.complete = False
    report.files = len(walk.seen)
    report.failures.extend((display_path(k), msg) for k, _, msg in walk.problems)
    return walk


def _diff(
    library: Library, keys: list[bytes], walk: _Walked, report: ScanReport, retry_failed: bool
) -> tuple[list[bytes], list[bytes], dict[bytes, int], list[bytes]]:
    """(new, changed, unchanged path -> track id, unchanged paths whose tags are to be read
    again) against the index (one query per root, then dict lookups); moves and prunes are
    applied after a complete walk. An unchanged file whose last tag read was cut short is read
    again only when `retry_failed`; else its failure goes to `report.unread_tags`."""

    def cut_short(key: bytes, tag_error: str | None) -> None:
        if not read_was_cut_short(tag_error):
            return
        if retry_failed:
            retag.append(key)
        else:
            report.unread_tags.append((display_path(key), str(tag_error)))

    seen = walk.seen
    indexed = library.snapshot(keys)
    new: list[bytes] = []
    changed: list[bytes] = []
    unchanged_ids: dict[bytes, int] = {}
    retag: list[bytes] = []
    relinked: list[tuple[bytes, int, int]] = []
    for key, now in seen.items():
        old = indexed.get(key)
        if old is None:
            new.append(key)
        elif same_content((old.size, old.mtime_ns), now):
            unchanged_ids[key] = old.id
            cut_short(key, old.tag_error)
            if (old.ino, old.dev) != now[2:]:
                relinked.append((key, now[2], now[3]))
        else:
            changed.append(key)
    if relinked:
        library.set_identities(relinked)
    report.unchanged = len(unchanged_ids)
    if walk.complete:
        missing = {
            k: v for k, v in indexed.items() if k not in seen and not _is_below(k, walk.keep)
        }
        moves = _match_moves(new, missing, seen)
        if moves:
            library.move_tracks(moves, identities={n: seen[n][2:] for _, n in moves})
            for old_key, new_key in moves:
                row = missing.pop(old_key)
                unchanged_ids[new_key] = row.id
                cut_short(new_key, row.tag_error)
            moved_to = {n for _, n in moves}
            new = [k for k in new if k not in moved_to]
            report.moved = len(moves)
        if missing:
            library.remove_tracks(list(missing))
            report.removed = len(missing)
        library.clear_errors(keys, ("walk", "stat"))
    if walk.problems:
        library.record_errors(
            [(k, stage, msg, None, None, None) for k, stage, msg in walk.problems]
        )
    return new, changed, unchanged_ids, retag


def _index(
    to_index: list[tuple[bytes, str]],
    seen: dict[bytes, Stamp],
    library: Library,
    report: ScanReport,
    reporter: _Reporter,
    cancel: threading.Event,
    timeout_s: float,
) -> list[bytes]:
    """Index new and changed files (tags, duration), a batch per transaction; the paths done.
    Tags are read in a child process under the time limit: a file that hangs the tag parser
    is indexed without tags and reported, and cancel stops even that at once. Unchanged files
    whose last read was cut short (`_RETAG`) are read again: their predictions stay, and only
    their tags error goes when the read works."""
    reporter.begin("index", len(to_index))
    indexed_now: list[bytes] = []
    batches: dict[str, list[TrackInfo]] = {_NEW: [], _CHANGED: [], _RETAG: []}
    tag_problems: list[tuple[bytes, str]] = []
    retag_problems: list[tuple[bytes, str]] = []

    def flush() -> None:
        if batches[_NEW]:
            library.upsert_tracks(batches[_NEW], forget_predictions=False)
        if batches[_CHANGED]:
            library.upsert_tracks(batches[_CHANGED], forget_predictions=True)
        if batches[_RETAG]:
            library.upsert_tracks(batches[_RETAG], forget_predictions=False, clear_stages=["tags"])
        if tag_problems:  # after the upsert, which clears the errors of the paths it writes
            library.record_errors([(k, "tags", m, None, None, None) for k, m in tag_problems])
        if retag_problems:  # still unread: the row stays as it is, a decode error too
            library.record_errors(
                [(k, "tags", m, None, None, None) for k, m in retag_problems],
                replace_stages=["tags"],
            )
        report.failures.extend((display_path(k), m) for k, m in tag_problems + retag_problems)
        indexed_now.extend(i.path for i in batches[_NEW] + batches[_CHANGED])
        for batch in batches.values():
            batch.clear()
        tag_problems.clear()
        retag_problems.clear()

    with TagReader(timeout_s, cancel) as reader:
        for done, (key, kind) in enumerate(to_index):
            if cancel.is_set():
                break
            try:
                st = os.stat(key)
            except OSError as exc:
                if kind == _RETAG:
                    continue  # seen by the walk a moment ago: the next scan looks again
                reason = exc.strerror or str(exc)
                if isinstance(exc, FileNotFoundError):
                    reason = "vanished during the scan"
                    if kind == _CHANGED:
                        library.remove_tracks([key])
                        report.removed += 1
                else:
                    library.record_errors([(key, "stat", reason, None, None, None)])
                report.failures.append((display_path(key), reason))
                continue
            now = stamp(st)
            if kind == _RETAG and not same_content(now, seen[key]):
                continue  # changed since the walk: the next scan indexes it afresh
            seen[key] = now
            info = reader.read(key, now)
            if info is None:  # cancelled while the tags were being read
                break
            cut_short = read_was_cut_short(info.tag_error)
            if kind == _RETAG and cut_short:
                retag_problems.append((key, info.tag_error))
            else:
                batches[kind].append(info)
                if cut_short:
                    tag_problems.append((key, info.tag_error))
            if sum(map(len, batches.values())) >= _BATCH:
                flush()
            reporter.emit(done + 1, key)
    flush()
    return indexed_now


def _unclassified(
    library: Library,
    keys: list[bytes],
    unchanged_ids: dict[bytes, int],
    seen: dict[bytes, Stamp],
    report: ScanReport,
    retry_failed: bool,
) -> list[bytes]:
    """Unchanged files this model has not classified; those that failed with it before (and
    did not change since) only when `retry_failed`."""
    model_id = report.model_id or ""
    done_ids = library.classified_ids(model_id)
    errors = library.error_snapshot(keys)
    todo: list[bytes] = []
    for key, track_id in unchanged_ids.items():
        if track_id in done_ids:
            continue
        err = errors.get(key)
        if (
            not retry_failed
            and err is not None
            and err[0] == "classify"
            and err[3] == model_id
            and same_content(err[1:3], seen[key])
        ):
            report.known_failures += 1
            continue
        todo.append(key)
    return todo


def _default_workers() -> int:
    from mgc_desktop.model.batch import default_workers

    return default_workers()


def _classify(
    pool,
    todo: list[bytes],
    seen: dict[bytes, Stamp],
    library: Library,
    report: ScanReport,
    reporter: _Reporter,
    cancel: threading.Event,
) -> None:
    """Feed the pool and commit each result as it arrives. Trouble with one file's result
    (even an unexpected error storing it) is recorded as that file's error; the scan goes on."""
    by_str = {path_str(k): k for k in todo}
    done = 0
    for result in pool.classify(list(by_str), cancel):
        done += 1
        key = by_str.get(result.path) or os.fsencode(result.path)
        reporter.emit(done, key)
        try:
            _commit(result, key, seen.get(key), library, report)
        except Exception as exc:  # noqa: BLE001 - one file's trouble must not end the scan
            reason = f"could not store the result: {type(exc).__name__}: {exc}"
            _record_failure(library, report, key, reason.splitlines()[0], seen.get(key))


def _commit(result, key: bytes, before: Stamp | None, library: Library, report: ScanReport) -> None:
    """Store one result. A file that vanished or changed meanwhile is reported, and a changed
    one is left for the next scan instead of storing a stale answer."""
    from mgc_desktop.model.batch import FileFailure

    try:
        now = stamp(os.stat(key))
    except FileNotFoundError:
        library.remove_tracks([key])
        report.removed += 1
        report.failures.append((display_path(key), "vanished during the scan"))
        return
    except OSError as exc:
        now = None
        if not isinstance(result, FileFailure):
            result = FileFailure(result.path, exc.strerror or str(exc))
    if now is not None and before is not None and not same_content(now, before):
        message = "changed during the scan; it will be classified at the next scan"
        report.failures.append((display_path(key), message))
        library.record_errors([(key, "classify", message, None, None, None)])
        return
    if isinstance(result, FileFailure):
        _record_failure(library, report, key, result.error, before)
        return
    if library.save_prediction(key, result):
        report.classified += 1


def _record_failure(
    library: Library, report: ScanReport, key: bytes, reason: str, before: Stamp | None
) -> None:
    """One file failed with this model: reported now, skipped by later scans until it changes
    (or `retry_failed`)."""
    report.failures.append((display_path(key), reason))
    size, mtime = (before[0], before[1]) if before else (None, None)
    library.record_errors([(key, "classify", reason, size, mtime, report.model_id)])


def _match_moves(
    new: list[bytes], missing: dict[bytes, IndexedFile], seen: dict[bytes, tuple]
) -> list[tuple[bytes, bytes]]:
    """(old, new) pairs for files that moved: a new path whose inode, size and mtime match a
    missing one (a rename), else whose size, mtime and file name match exactly one missing
    file (a move across file systems, which keeps mtime but not the inode)."""
    if not new or not missing:
        return []
    by_inode: dict[tuple, bytes] = {}
    by_name: dict[tuple, list[bytes]] = {}
    for key, old in missing.items():
        by_inode[(old.dev, old.ino, old.size, old.mtime_ns)] = key
        by_name.setdefault((old.size, old.mtime_ns, os.path.basename(key)), []).append(key)
    moves: list[tuple[bytes, bytes]] = []
    taken: set[bytes] = set()
    for key in new:
        size, mtime_ns, ino, dev = seen[key]
        old_key = by_inode.get((dev, ino, size, mtime_ns))
        if old_key is None or old_key in taken:
            candidates = [
                k
                for k in by_name.get((size, mtime_ns, os.path.basename(key)), ())
                if k not in taken
            ]
            old_key = candidates[0] if len(candidates) == 1 else None
        if old_key is not None and old_key not in taken:
            taken.add(old_key)
            moves.append((old_key, key))
    return moves


def _finish(
    report: ScanReport, library: Library, reporter: _Reporter, started: float, cancelled: bool
) -> ScanReport:
    report.cancelled = cancelled
    report.elapsed_s = time.monotonic() - started
    if report.model_id:
        library.set_meta("last_model_id", report.model_id)
    reporter.phase, reporter.total = "done", report.files
    reporter.emit(report.files, "", force=True)
    return report


def note_tag_writes(library: Library, paths: Iterable[str | os.PathLike]) -> int:
    """Refresh the index rows of files whose tags the app itself just rewrote, keeping their
    predictions: the audio did not change, so the next scan must not classify them again.
    Files the index does not hold are left alone; returns how many rows were refreshed."""
    infos = []
    for path in paths:
        key = path_key(path)
        if library.track(key) is None:
            continue
        try:
            infos.append(read_track_info(key, os.stat(key)))
        except OSError:
            continue  # gone again: the next scan will notice
    if infos:
        library.upsert_tracks(infos, forget_predictions=False)
    return len(infos)


def note_tag_batch(batch_id: int | None) -> int:
    """After a tag batch or an undo ran: refresh the index rows of the files it changed (see
    `note_tag_writes`). The index is a cache: any trouble here leaves it to the next scan."""
    from mgc_desktop.library.index import default_index_path
    from mgc_desktop.tags import Journal

    if batch_id is None or not default_index_path().exists():
        return 0
    try:
        with Journal() as journal:
            paths = {c.path for c in journal.changes(batch_id, states=("done",))}
        with Library() as library:
            return note_tag_writes(library, paths)
    except Exception:  # noqa: BLE001 - a stale cache row costs one reclassification, no more
        return 0
