"""Where training keeps what it computes once: a folder keyed by file content, and the shared
helpers that name and fill its entries (the musicnn patch features live in `training/embed.py`).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np

from mgc_desktop.audio.features import FrontEndParams, log_mel

# Decoding rate for speed-changed copies: high enough that resampling by 0.8-1.25 never
# runs out of band below the front end's upper edge.
_WIDE_RATE = 32000


def default_cache_dir() -> Path:
    """`runs/cache` in a checkout (git-ignored), else the app's user cache dir."""
    env = os.environ.get("MGC_TRAINING_CACHE")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parent.parent
    if (repo / ".git").exists():
        return repo / "runs" / "cache"
    from mgc_desktop.paths import cache_dir

    return cache_dir() / "training"


def file_digest(path: str | Path) -> str:
    """sha1 of the file's bytes: a renamed file keeps its cache, an edited one does not."""
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _key(*parts: object) -> str:
    return hashlib.sha1(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def speed_logmel(samples_wide: np.ndarray, speed: float, fe: FrontEndParams) -> np.ndarray:
    """Log-mel of audio played `speed` times faster (decoded at _WIDE_RATE)."""
    import soxr

    target = int(round(fe.sample_rate / speed))
    y = soxr.resample(samples_wide, _WIDE_RATE, target, "HQ").astype(np.float32)
    return log_mel(y, fe)

