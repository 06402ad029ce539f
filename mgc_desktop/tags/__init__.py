"""Genre tags: per-format writers behind one interface, policies, a journal and undo.

A write is: plan -> copy -> rewrite the copy -> verify it (`verify`) -> journal the delta that
rebuilds the original bytes (`delta`) -> atomic rename. Undo puts those bytes back.

Public API (no Qt here; the GUI and the library scanner call these):
    read_genres(path)                      -> stored genre values
    plan_prediction(prediction, ...)       -> PlanItem      (classifier output -> plan)
    plan_manual(paths, names, ...)         -> list[PlanItem] (manual override)
    apply_plan(plan, ...)                  -> BatchResult
    undo_batch(batch_id=None, ...), undo_paths(paths, ...) -> BatchResult
    list_batches()                         -> list[BatchInfo]
"""

from __future__ import annotations

from mgc_desktop.tags.apply import BatchResult, apply_plan, list_batches, undo_batch, undo_paths
from mgc_desktop.tags.base import TagError, TagWriter
from mgc_desktop.tags.journal import BatchInfo, Journal
from mgc_desktop.tags.plan import PlanItem, format_item, plan_file, plan_manual, plan_prediction
from mgc_desktop.tags.policy import Policy, decide, predicted_names
from mgc_desktop.tags.registry import read_genres, writer_for

__all__ = [
    "BatchInfo",
    "BatchResult",
    "Journal",
    "PlanItem",
    "Policy",
    "TagError",
    "TagWriter",
    "apply_plan",
    "decide",
    "format_item",
    "list_batches",
    "plan_file",
    "plan_manual",
    "plan_prediction",
    "predicted_names",
    "read_genres",
    "undo_batch",
    "undo_paths",
    "writer_for",
]
