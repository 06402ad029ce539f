"""The tag work the window hands to workers: plan a batch, write it, undo one. Each returns a
job `fn(progress, cancel)` for WorkerHost.run_task; none touches Qt."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping, Sequence
from types import SimpleNamespace
from typing import Any

from mgc_desktop.gui.review import TrackRow

ProgressFn = Callable[[int, int], None]
Job = Callable[[ProgressFn, threading.Event], Any]


def current_genres(path: str) -> tuple[str, ...]:
    """The genres stored in a file now (empty when unreadable)."""
    from mgc_desktop.tags import read_genres

    try:
        return tuple(read_genres(path))
    except Exception:  # noqa: BLE001
        return ()


def snapshot(rows: Sequence[TrackRow]) -> list[SimpleNamespace]:
    """Plain copies of the rows to plan (the worker must not read rows the GUI changes)."""
    return [
        SimpleNamespace(
            path=r.path,
            genre=r.genre,
            confidence=r.confidence,
            probabilities=dict(r.probabilities),
            note=r.note,
            model_id=r.model_id or None,
            override=r.override,
        )
        for r in rows
    ]


def plan_job(
    rows: Sequence[SimpleNamespace],
    policy: str,
    threshold: float,
    top_k: int,
    names: Mapping[str, str],
) -> Job:
    """Plan every row: a manual genre replaces under the fill policy, a prediction follows
    the policy and threshold."""
    names = dict(names)

    def job(progress: ProgressFn, cancel: threading.Event) -> list[Any]:
        from mgc_desktop.tags import plan_file, plan_prediction

        plan = []
        for n, s in enumerate(rows):
            if cancel.is_set():
                break
            progress(n, len(rows))
            if s.override:
                manual_policy = "replace" if policy == "fill" else policy
                plan.append(
                    plan_file(
                        s.path,
                        [s.override],
                        policy=manual_policy,
                        why_not="manual",
                        model_id="manual",
                    )
                )
            else:
                plan.append(
                    plan_prediction(
                        s, policy=policy, min_confidence=threshold, top_k=top_k, mapping=names
                    )
                )
        return plan

    return job


def write_job(plan: Sequence[Any], keep_mtime: bool) -> Job:
    """Carry out a plan; returns (BatchResult, {path: genres now}, {failed path: reason})."""
    writes = [i for i in plan if i.action == "write"]

    def job(progress: ProgressFn, cancel: threading.Event) -> Any:
        from mgc_desktop.library.scanner import note_tag_batch
        from mgc_desktop.tags import apply_plan

        result = apply_plan(
            list(plan),
            batch_note="desktop app",
            keep_mtime=keep_mtime,
            progress_cb=lambda n, t, _p: progress(n, t),
            cancel_event=cancel,
        )
        note_tag_batch(result.batch_id)  # tag-only change: keep the index's predictions
        failed = dict(result.errors)
        genres = {i.path: current_genres(i.path) for i in writes}
        return result, genres, failed

    return job


def undo_job(batch_id: int | None, row_paths: Sequence[str], keep_mtime: bool) -> Job:
    """Undo one batch (None: the last still in effect). Returns (BatchResult, {path: genres})
    or (message, {}) when there is nothing to undo. `keep_mtime`: the preference the writes
    use too, so a batch written and undone with it keeps its mtimes."""
    paths = list(row_paths)

    def job(progress: ProgressFn, cancel: threading.Event) -> Any:
        from mgc_desktop.library.scanner import note_tag_batch
        from mgc_desktop.tags import Journal, undo_batch

        try:
            result = undo_batch(
                batch_id, keep_mtime=keep_mtime, progress_cb=lambda n, t, _p: progress(n, t)
            )
        except LookupError as exc:
            return str(exc), {}
        note_tag_batch(result.batch_id)
        with Journal() as journal:
            touched = {c.path for c in journal.changes(result.batch_id, states=("done",))}
        genres = {p: current_genres(p) for p in paths if os.path.realpath(p) in touched}
        return result, genres

    return job


def history_job() -> Job:
    def job(progress: ProgressFn, cancel: threading.Event) -> Any:
        from mgc_desktop.tags import list_batches

        return list_batches()

    return job
