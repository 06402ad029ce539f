"""Pure decisions: from the current genres and a prediction (or a manual choice) to the new
genres, or to "keep" with a reason. No I/O, so every rule is testable on its own.

An uncertain or low-confidence prediction never forces a genre: the file is left untouched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from mutagen._constants import GENRES as ID3V1_GENRES

from mgc_desktop.tags.names import display_name

DEFAULT_MIN_CONFIDENCE = 0.5


class Policy(str, Enum):
    """What to do with a genre the file already has."""

    FILL = "fill"  # write only where there is no genre yet (default)
    REPLACE = "replace"
    APPEND = "append"


@dataclass(frozen=True)
class Decision:
    """`new` is the complete new genre list to write, or None to leave the file alone."""

    new: tuple[str, ...] | None
    reason: str = ""


_NUMERIC = re.compile(r"^\((\d+)\)(.*)$|^(\d+)$")


def interpret(values: Sequence[str]) -> list[str]:
    """Stored values as a reader would see them: "a; b" split, ID3v1 numbers ("(17)", "17")
    turned into names, blanks dropped. Used for comparisons and display, never for undo."""
    out: list[str] = []
    for value in values:
        for part in str(value).split(";"):
            part = part.strip()
            m = _NUMERIC.match(part)
            if m:
                num = int(m.group(1) or m.group(3))
                rest = (m.group(2) or "").strip()
                if rest:
                    part = rest
                elif num < len(ID3V1_GENRES):
                    part = ID3V1_GENRES[num]
            if part and part.casefold() not in {o.casefold() for o in out}:
                out.append(part)
    return out


def same_genres(a: Sequence[str], b: Sequence[str]) -> bool:
    """Equal as a reader sees them (case and separators aside)."""
    return [x.casefold() for x in interpret(a)] == [x.casefold() for x in interpret(b)]


def predicted_names(
    prediction: Any,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    top_k: int = 1,
    mapping: Mapping[str, str] | None = None,
) -> tuple[list[str], str]:
    """The display names to write for a prediction (duck-typed: genre, confidence,
    probabilities, uncertain), or ([], reason) when it is not sure enough.

    With top_k > 1, further classes are added in order of probability while each is itself at
    least `min_confidence`."""
    confidence = float(getattr(prediction, "confidence", 0.0))
    if getattr(prediction, "uncertain", False) or not getattr(prediction, "genre", None):
        if not getattr(prediction, "genre", None):
            return [], f"uncertain ({getattr(prediction, 'note', '') or 'no genre'})"
        return [], f"uncertain ({prediction.genre} {confidence:.2f})"
    if confidence < min_confidence:
        return [], f"below threshold ({prediction.genre} {confidence:.2f} < {min_confidence:.2f})"
    classes = [prediction.genre]
    probs: Mapping[str, float] = getattr(prediction, "probabilities", None) or {}
    if top_k > 1 and probs:
        ranked = sorted(probs.items(), key=lambda kv: -kv[1])
        for cls, p in ranked:
            if len(classes) >= top_k:
                break
            if cls not in classes and p >= min_confidence:
                classes.append(cls)
    return [display_name(c, mapping) for c in classes], f"{prediction.genre} {confidence:.2f}"


def decide(current: Sequence[str], wanted: Sequence[str], policy: Policy | str) -> Decision:
    """Apply the policy to the stored values `current` and the names `wanted`."""
    policy = Policy(policy)
    have = interpret(current)
    wanted = [w.strip() for w in wanted if w and w.strip()]
    if not wanted:
        return Decision(None, "nothing to write")
    if policy is Policy.FILL:
        if have:
            return Decision(None, f"already has a genre ({'; '.join(have)})")
        return Decision(tuple(wanted))
    if policy is Policy.REPLACE:
        if same_genres(current, wanted) and list(current) == wanted:
            return Decision(None, "unchanged")
        return Decision(tuple(wanted))
    folded = {h.casefold() for h in have}
    extra = [w for w in wanted if w.casefold() not in folded]
    if not extra:
        return Decision(None, "already has these genres")
    return Decision(tuple(have + extra))
