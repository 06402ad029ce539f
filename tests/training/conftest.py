"""Shared fixtures for the training tests: the read-only labelled data and tiny audio trees."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

SHARED_DATA = Path(os.environ.get("MGC_SHARED_DATA", Path(__file__).resolve().parents[3] /
                                  "shared" / "data"))


@pytest.fixture
def shared_data() -> Path:
    """The labelled clips; missing data fails loudly on CI, skips elsewhere."""
    if not (SHARED_DATA / "gtzan").is_dir():
        msg = f"labelled data not found at {SHARED_DATA} (set MGC_SHARED_DATA)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(msg)
        pytest.skip(msg)
    return SHARED_DATA


def write_wav(path: Path, seconds: float = 2.0, freq: float = 440.0, rate: int = 16000) -> Path:
    """A short real WAV file (soundfile), enough for discovery and decoding."""
    import soundfile as sf

    t = np.arange(int(seconds * rate)) / rate
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(path, (0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32), rate)
    return path
