"""Plan a batch: for each file, what it holds now and what it would hold, before any write.

The plan is what `tag` prints (and all `--dry-run` does); `apply.apply_plan` carries it out.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mgc_desktop.tags.atomic import Fingerprint, check_writable, fingerprint
from mgc_desktop.tags.base import TagError, one_line
from mgc_desktop.tags.policy import DEFAULT_MIN_CONFIDENCE, Policy, decide, predicted_names
from mgc_desktop.tags.registry import writer_for

WRITE, KEEP, ERROR = "write", "keep", "error"


@dataclass(frozen=True)
class PlanItem:
    """One file of a plan. `old` holds the raw stored values (what undo restores)."""

    path: str
    action: str  # write | keep | error
    old: tuple[str, ...] = ()
    new: tuple[str, ...] = ()
    reason: str = ""
    fmt: str = ""
    had_tag: bool = False
    fingerprint: Fingerprint | None = None
    model_id: str | None = None
    id3_version: int = 4


def plan_file(
    path: str | Path,
    wanted: Sequence[str],
    *,
    policy: Policy | str = Policy.FILL,
    why_not: str = "",
    model_id: str | None = None,
    id3_version: int = 4,
    hash_content: bool = True,
) -> PlanItem:
    """Plan one file for the display names `wanted` (empty: keep, because `why_not`)."""
    p = str(path)
    try:
        writer = writer_for(p, id3_version=id3_version)
        writer.check_writable(Path(p))
        check_writable(p)
        old = tuple(writer.read_genres(Path(p)))
        had_tag = writer.has_tag(Path(p))
        fp = fingerprint(p, content=hash_content)
    except TagError as exc:
        return PlanItem(p, ERROR, reason=str(exc), model_id=model_id)
    except OSError as exc:
        return PlanItem(p, ERROR, reason=exc.strerror or one_line(exc), model_id=model_id)
    except Exception as exc:  # noqa: BLE001 - mutagen raises anything on broken files
        return PlanItem(p, ERROR, reason=f"malformed tags ({one_line(exc)})", model_id=model_id)
    common = dict(
        old=old,
        fmt=writer.fmt,
        had_tag=had_tag,
        fingerprint=fp,
        model_id=model_id,
        id3_version=id3_version,
    )
    if not wanted:
        return PlanItem(p, KEEP, reason=why_not or "nothing to write", **common)
    decision = decide(old, wanted, policy)
    if decision.new is None:
        return PlanItem(p, KEEP, reason=decision.reason, **common)
    if writer.stored_values(Path(p), decision.new) == list(old):  # ID3v2.3: "Jazz; Hip-Hop"
        return PlanItem(p, KEEP, reason="unchanged", **common)
    return PlanItem(p, WRITE, new=decision.new, reason=why_not, **common)


def plan_prediction(
    prediction: Any,
    *,
    policy: Policy | str = Policy.FILL,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    top_k: int = 1,
    mapping: Mapping[str, str] | None = None,
    id3_version: int = 4,
) -> PlanItem:
    """Plan a file from a classifier prediction (duck-typed: path, genre, confidence,
    probabilities, model_id, uncertain)."""
    names, why = predicted_names(
        prediction, min_confidence=min_confidence, top_k=top_k, mapping=mapping
    )
    return plan_file(
        prediction.path,
        names,
        policy=policy,
        why_not=why,
        model_id=getattr(prediction, "model_id", None),
        id3_version=id3_version,
    )


def plan_manual(
    paths: Sequence[str | Path],
    names: Sequence[str],
    *,
    policy: Policy | str = Policy.REPLACE,
    id3_version: int = 4,
) -> list[PlanItem]:
    """Plan writing the given display names to every file (the GUI's manual override)."""
    return [
        plan_file(
            p, names, policy=policy, why_not="manual", model_id="manual", id3_version=id3_version
        )
        for p in unique_paths(paths)
    ]


def unique_paths(paths: Sequence[str | Path]) -> list[str]:
    """Paths in order with duplicates (same real file) removed."""
    seen: set[str] = set()
    out = []
    for p in paths:
        real = os.path.realpath(p)
        if real not in seen:
            seen.add(real)
            out.append(str(p))
    return out


def format_values(values: Sequence[str]) -> str:
    """Genre values for a plan line."""
    return "; ".join(values) if values else "(none)"


def format_item(item: PlanItem) -> str:
    """`path: Old -> New`, `path: (keep) reason` or `path: error: reason`."""
    if item.action == WRITE:
        return f"{item.path}: {format_values(item.old)} -> {format_values(item.new)}"
    if item.action == KEEP:
        return f"{item.path}: (keep) {item.reason}"
    return f"{item.path}: error: {item.reason}"
