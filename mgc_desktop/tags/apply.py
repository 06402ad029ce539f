"""Carry out a plan, and undo batches: journal first, then an atomic write per file.

Each write: the change is journaled (pending), the file is copied, the copy rewritten and then
verified (`verify`: read back through mutagen, other tags and the audio packets identical), the
delta that rebuilds the original bytes is journaled, and only then the copy replaces the file.
Undo puts the original bytes back when the file is still exactly what the batch wrote
(byte-exact), and otherwise restores only the genre (tag-exact), saying which per file.
Every per-file problem (read-only, disk full, changed since analysed, malformed tags, a failed
verification) becomes a one-line error for that file; the batch goes on.
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mgc_desktop.tags import delta, verify
from mgc_desktop.tags.atomic import atomic_modify
from mgc_desktop.tags.base import TagError, TagWriter, one_line
from mgc_desktop.tags.journal import BatchInfo, Change, Journal
from mgc_desktop.tags.plan import ERROR, WRITE, PlanItem
from mgc_desktop.tags.policy import same_genres
from mgc_desktop.tags.registry import writer_for

ProgressCallback = Callable[[int, int, str], None]
BYTE_EXACT, TAG_EXACT = "byte-exact", "tag-exact"


@dataclass
class BatchResult:
    """What a batch did. `errors` holds (path, message) for each failed file."""

    batch_id: int | None
    written: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    undoes: int | None = None
    #: undo only: (path, "byte-exact" | "tag-exact") for each restored file
    restored: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """The last line `tag` prints."""
        counts = f"{self.written} written, {self.skipped} skipped, {self.failed} failed"
        cancelled = " (cancelled)" if self.cancelled else ""
        if self.batch_id is None:
            return f"nothing written, no batch recorded: {counts}{cancelled}"
        return f"batch {self.batch_id}: {counts}{cancelled}"

    def undo_summary(self) -> str:
        """The last line `undo` prints."""
        of = f"of batch {self.undoes}" if self.undoes is not None else "by path"
        exact = sum(1 for _, how in self.restored if how == BYTE_EXACT)
        counts = (
            f"{self.written} restored ({exact} byte-exact, {self.written - exact} tag-exact), "
            f"{self.skipped} skipped, {self.failed} failed"
        )
        if self.batch_id is None:
            return f"nothing restored, no batch recorded: {counts}"
        return f"undo batch {self.batch_id} ({of}): {counts}"


def error_message(exc: BaseException) -> str:
    """One line for the user, whatever went wrong."""
    if isinstance(exc, TagError):
        return str(exc)
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "disk full"
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return f"permission denied ({exc.strerror})"
        return exc.strerror or one_line(exc)
    return f"malformed or unsupported file ({one_line(exc)})"


def _journal_delta(journal: Journal, change_id: int, mtime_ns: int | None = None):
    """The `before_replace` hook: journal how to get the original bytes back, and its
    modification time. `mtime_ns`: give the copy this modification time (an undo putting back
    the time the file had before the write)."""

    def hook(real: Path, tmp: Path, orig_sha256: str) -> None:
        st = os.stat(real)
        journal.attach_delta(change_id, delta.make(real, tmp, orig_sha256), st.st_mtime_ns)
        if mtime_ns is not None:
            os.utime(tmp, ns=(st.st_atime_ns, mtime_ns))

    return hook


def _write(
    path: str,
    writer: TagWriter,
    expect_old: Sequence[str],
    new: Sequence[str],
    *,
    raw: bool,
    keep_mtime: bool,
    journal: Journal,
    change_id: int,
    fingerprint=None,
    drop_empty_tag: bool = False,
) -> None:
    def modify(tmp: Path) -> None:
        current = writer.read_genres(tmp)
        if list(current) != list(expect_old):
            raise TagError("genre changed since it was analysed")
        before = verify.snapshot(tmp, writer.file_type)  # still the original's bytes
        writer.write_genres(tmp, new, raw=raw)
        if drop_empty_tag:
            writer.remove_tag_if_empty(tmp)
        stored = writer.read_genres(tmp)
        if not same_genres(stored, new) or (raw and list(stored) != list(new)):
            raise TagError("written genre did not read back; file left unchanged")
        verify.check(before, tmp, stored, writer.file_type, original=path)

    atomic_modify(
        path,
        modify,
        keep_mtime=keep_mtime,
        expect=fingerprint,
        before_replace=_journal_delta(journal, change_id),
    )


def _restore_bytes(path: str, ch: Change, *, keep_mtime: bool, journal: Journal, row: int):
    """Put back the original bytes of `ch` (the file must be exactly what `ch` wrote), and its
    modification time as it was before the write (when journaled): a write that did not keep
    the time is undone completely, as a write that kept it always was."""
    stored = delta.Delta.decode(ch.delta, ch.orig_sha256, ch.new_sha256)

    def modify(tmp: Path) -> None:
        delta.restore(stored, path, tmp)

    hook = _journal_delta(journal, row, mtime_ns=ch.orig_mtime_ns)
    atomic_modify(path, modify, keep_mtime=keep_mtime, before_replace=hook)


def apply_plan(
    plan: Sequence[PlanItem],
    *,
    batch_note: str | None = None,
    model_id: str | None = None,
    keep_mtime: bool = False,
    progress_cb: ProgressCallback | None = None,
    cancel_event: threading.Event | None = None,
    journal: Journal | None = None,
) -> BatchResult:
    """Write every 'write' item of the plan; keep items count as skipped, error items as failed.

    Each change is committed to the journal before its file is touched."""
    own = journal is None
    journal = journal or Journal()
    try:
        model_id = model_id or next((i.model_id for i in plan if i.model_id), None)
        result = BatchResult(None)  # the batch is recorded with its first write
        for n, item in enumerate(plan):
            if cancel_event is not None and cancel_event.is_set():
                result.cancelled = True
                result.skipped += len(plan) - n
                break
            if progress_cb:
                progress_cb(n, len(plan), item.path)
            if item.action == ERROR:
                result.failed += 1
                result.errors.append((item.path, item.reason))
                continue
            if item.action != WRITE:
                result.skipped += 1
                continue
            real = os.path.realpath(item.path)
            if result.batch_id is None:
                result.batch_id = journal.begin_batch("tag", model_id=model_id, note=batch_note)
            change = journal.record(
                result.batch_id,
                real,
                item.fmt,
                item.old,
                item.new,
                old_had_tag=item.had_tag,
                model_id=item.model_id,
            )
            try:
                writer = writer_for(real, id3_version=item.id3_version)
                if writer.fmt != item.fmt:
                    raise TagError(f"file changed since it was analysed (now {writer.fmt})")
                _write(
                    real,
                    writer,
                    item.old,
                    item.new,
                    raw=False,
                    keep_mtime=keep_mtime,
                    journal=journal,
                    change_id=change,
                    fingerprint=item.fingerprint,
                )
            except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the batch
                msg = error_message(exc)
                journal.mark(change, "failed", msg)
                result.failed += 1
                result.errors.append((item.path, msg))
                continue
            journal.mark(change, "done")
            result.written += 1
        if progress_cb:
            progress_cb(len(plan), len(plan), "")
        _finish(journal, result)
        return result
    finally:
        if own:
            journal.close()


def _undo_changes(
    journal: Journal,
    changes: Sequence[Change],
    result: BatchResult,
    *,
    force: bool,
    keep_mtime: bool,
    progress_cb: ProgressCallback | None,
) -> None:
    for n, ch in enumerate(changes):
        if progress_cb:
            progress_cb(n, len(changes), ch.path)
        try:
            _undo_one(journal, ch, result, force=force, keep_mtime=keep_mtime)
        except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the batch
            result.failed += 1
            result.errors.append((ch.path, error_message(exc)))


def _undo_one(
    journal: Journal, ch: Change, result: BatchResult, *, force: bool, keep_mtime: bool
) -> None:
    """Undo one change: exact bytes when the file is what the change wrote, else the genre."""
    now_sha = delta.sha256_file(ch.path) if ch.delta is not None else None
    if now_sha is not None and now_sha == ch.orig_sha256:
        journal.mark(ch.id, "undone")  # never replaced (a crash before the swap), or restored
        result.skipped += 1
        return
    if now_sha is not None and now_sha == ch.new_sha256:
        row = journal.record(
            _undo_batch_id(journal, result),
            ch.path,
            ch.fmt,
            ch.new,
            ch.old,
            old_had_tag=True,
            model_id="undo",
            undo_of=ch.id,
        )
        try:
            _restore_bytes(ch.path, ch, keep_mtime=keep_mtime, journal=journal, row=row)
        except Exception:
            journal.mark(row, "failed", "byte-exact restore failed")
            raise
        _restored(journal, ch, row, result, BYTE_EXACT)
        return
    writer = writer_for(ch.path)
    current = writer.read_genres(Path(ch.path))
    if list(current) == list(ch.old):
        if ch.old_had_tag or not writer.has_tag(Path(ch.path)) or current:
            journal.mark(ch.id, "undone")  # never written, or already restored
            result.skipped += 1
            return
        # genre already as before, but the tag we added is still there: drop it below
    elif not force and not same_genres(current, ch.new):
        raise TagError(
            f"genre changed since batch {ch.batch_id} "
            f"(now {'; '.join(current) or 'none'}); use --force"
        )
    row = journal.record(
        _undo_batch_id(journal, result),
        ch.path,
        writer.fmt,
        current,
        ch.old,
        old_had_tag=True,
        model_id="undo",
        undo_of=ch.id,
    )
    try:
        _write(
            ch.path,
            writer,
            current,
            ch.old,
            raw=True,
            keep_mtime=keep_mtime,
            journal=journal,
            change_id=row,
            drop_empty_tag=not ch.old_had_tag,
        )
    except Exception as exc:
        journal.mark(row, "failed", error_message(exc))
        raise
    _restored(journal, ch, row, result, TAG_EXACT)


def _undo_batch_id(journal: Journal, result: BatchResult) -> int:
    """The undo batch, recorded with its first change: an undo that restores nothing leaves
    no empty batch behind (as `tag` does not)."""
    if result.batch_id is None:
        result.batch_id = journal.begin_batch("undo", undoes=result.undoes)
    return result.batch_id


def _restored(journal: Journal, ch: Change, row: int, result: BatchResult, how: str) -> None:
    journal.mark(row, "done")
    journal.mark(ch.id, "undone")
    result.written += 1
    result.restored.append((ch.path, how))


def undo_batch(
    batch_id: int | None = None,
    *,
    force: bool = False,
    keep_mtime: bool = False,
    progress_cb: ProgressCallback | None = None,
    journal: Journal | None = None,
) -> BatchResult:
    """Restore the old genres of a batch (None: the newest batch still in effect, a tag batch
    or a redo; see `Journal.last_undoable_batch`).

    A file whose genre is no longer what the batch wrote is refused unless `force`.
    Raises LookupError when there is no such batch or nothing left to undo."""
    own = journal is None
    journal = journal or Journal()
    try:
        if batch_id is None:
            batch_id = journal.last_undoable_batch()
            if batch_id is None:
                raise LookupError("nothing to undo")
        elif not journal.batch_exists(batch_id):
            raise LookupError(f"no batch {batch_id}")
        changes = list(reversed(journal.changes(batch_id)))
        result = BatchResult(None, undoes=batch_id)
        _undo_changes(
            journal, changes, result, force=force, keep_mtime=keep_mtime, progress_cb=progress_cb
        )
        _finish(journal, result)
        return result
    finally:
        if own:
            journal.close()


def undo_paths(
    paths: Sequence[str | Path],
    *,
    force: bool = False,
    keep_mtime: bool = False,
    journal: Journal | None = None,
) -> BatchResult:
    """Undo the most recent change still in effect on each of these files."""
    own = journal is None
    journal = journal or Journal()
    try:
        result = BatchResult(None)
        changes = []
        for p in paths:
            ch = journal.latest_change_for(os.path.realpath(p))
            if ch is None:
                result.skipped += 1
                result.errors.append((str(p), "no journaled change to undo"))
            else:
                changes.append(ch)
        _undo_changes(
            journal, changes, result, force=force, keep_mtime=keep_mtime, progress_cb=None
        )
        _finish(journal, result)
        return result
    finally:
        if own:
            journal.close()


def _finish(journal: Journal, result: BatchResult) -> None:
    if result.batch_id is not None:
        journal.finish_batch(result.batch_id, result.written, result.skipped, result.failed)


def list_batches(journal: Journal | None = None) -> list[BatchInfo]:
    """All batches, oldest first, for a history view."""
    own = journal is None
    journal = journal or Journal()
    try:
        return journal.list_batches()
    finally:
        if own:
            journal.close()
