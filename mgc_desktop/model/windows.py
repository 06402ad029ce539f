"""Where a track's analysis windows come from, and how their answers become one.

Used by the app's classifier and by the training module's evaluation alike, so that a model is
measured exactly the way the app will use it. No onnxruntime here.

Defined outcomes for awkward input:
- shorter than `min_duration_s`: DecodeError("too short ...");
- shorter than one window: the audio is repeated end to end to fill one window;
- every window quieter than `silence_dbfs`: a silent track (no genre, confidence 0);
- audio that stops well before the length its header declares: DecodeError("truncated ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mgc_desktop.audio.decode import AudioInfo, DecodeError
from mgc_desktop.audio.features import FrontEndParams, log_mel

# Long tracks: skip the first and last tenth (intros, fade-outs, hidden tracks).
_LONG_TRACK_S = 60.0
_EDGE_FRACTION = 0.1
# A file whose audio stops before this fraction of its declared length is called truncated.
_TRUNCATED_BELOW = 0.9


@dataclass(frozen=True)
class TrackWindows:
    """Log-mel windows of one track and which of them hold audible sound."""

    windows: np.ndarray  # (n, n_mels, window_frames) float32
    audible: np.ndarray  # (n,) bool
    info: AudioInfo
    duration_s: float


def plan_excerpts(
    duration_s: float, frontend: FrontEndParams, max_windows: int
) -> list[tuple[float, float]]:
    """(start_s, length_s) of the windows to decode, spread evenly over the track."""
    length = frontend.window_seconds
    if duration_s <= length:
        return [(0.0, duration_s)]
    lo, hi = 0.0, duration_s - length
    if duration_s > _LONG_TRACK_S:
        lo, hi = _EDGE_FRACTION * duration_s, (1 - _EDGE_FRACTION) * duration_s - length
    if max_windows == 1:
        return [((lo + hi) / 2, length)]
    return [(float(s), length) for s in np.linspace(lo, hi, max_windows)]


def _fill_window(samples: np.ndarray, n: int) -> np.ndarray:
    """Repeat a short excerpt end to end up to n samples."""
    if len(samples) >= n:
        return samples[:n]
    return np.resize(samples, n) if len(samples) else np.zeros(n, dtype=np.float32)


def level_dbfs(samples: np.ndarray) -> float:
    """RMS level in dB relative to full scale (a silent or empty block gives -inf)."""
    if len(samples) == 0:
        return float("-inf")
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    return 20 * np.log10(rms) if rms > 0 else float("-inf")


def track_windows(
    path: str | Path,
    frontend: FrontEndParams,
    max_windows: int,
    min_duration_s: float,
    silence_dbfs: float,
) -> TrackWindows:
    """Decode the planned excerpts of one file and turn them into log-mel windows."""
    from mgc_desktop.audio.decode import MAX_UNKNOWN_LENGTH_S, AudioFile

    rate = frontend.sample_rate
    with AudioFile(Path(path)) as audio:  # one open: header, plan, then the excerpts
        info = audio.info
        declared = info.duration_s
        if declared is None:
            (whole,) = audio.excerpts([(0.0, MAX_UNKNOWN_LENGTH_S)], rate)
            declared = len(whole) / rate
            excerpts = plan_excerpts(declared, frontend, max_windows)
            pieces = [whole[int(s * rate) : int((s + n) * rate)] for s, n in excerpts]
        else:
            excerpts = plan_excerpts(declared, frontend, max_windows)
            pieces = audio.excerpts(excerpts, rate)
    if declared < min_duration_s:
        raise DecodeError(f"too short to classify ({declared:.2f} s < {min_duration_s:g} s)")
    got_s = max(
        (s + len(p) / frontend.sample_rate for (s, _), p in zip(excerpts, pieces) if len(p)),
        default=0.0,
    )
    wanted_s = max(s + n for s, n in excerpts)
    if got_s < _TRUNCATED_BELOW * wanted_s:
        raise DecodeError(
            f"truncated: audio stops at {got_s:.1f} s of the {declared:.1f} s the file declares"
        )
    n = frontend.window_samples
    filled = [_fill_window(p, n) for p in pieces]
    audible = np.array([level_dbfs(p) >= silence_dbfs for p in filled], dtype=bool)
    windows = np.stack([log_mel(p, frontend) for p in filled]).astype(np.float32)
    return TrackWindows(windows, audible, info, declared)


def aggregate(window_probs: np.ndarray, audible: np.ndarray) -> np.ndarray | None:
    """Track probabilities: the mean over audible windows (None when none is audible)."""
    if not audible.any():
        return None
    probs = window_probs[audible].mean(axis=0)
    return probs / probs.sum()
