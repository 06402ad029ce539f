"""Where a track's analysis windows come from, and how their answers become one.

Used by the app's classifier and by the training module's evaluation alike, so that a model is
measured exactly the way the app will use it. No onnxruntime here. The windows of a track go to
the model together, in time order: the model itself (its LSTM) turns them into one answer.

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


class TrackAnalysis:
    """One open file, its window plan, and windows decoded on demand (each at most once).

    The classifier asks for a few windows first and for the rest only when it is unsure, so a
    track it recognises at once costs a fraction of the decoding.
    """

    def __init__(
        self,
        path: str | Path,
        frontend: FrontEndParams,
        max_windows: int,
        min_duration_s: float,
        silence_dbfs: float,
    ) -> None:
        from mgc_desktop.audio.decode import MAX_UNKNOWN_LENGTH_S, AudioFile

        self.frontend, self.silence_dbfs = frontend, silence_dbfs
        self._audio = AudioFile(Path(path))
        self._whole: np.ndarray | None = None
        self._done: dict[int, tuple[np.ndarray, bool]] = {}
        try:
            self.info = self._audio.info
            declared = self.info.duration_s
            if declared is None:
                rate = frontend.sample_rate
                (self._whole,) = self._audio.excerpts([(0.0, MAX_UNKNOWN_LENGTH_S)], rate)
                declared = len(self._whole) / rate
            if declared < min_duration_s:
                raise DecodeError(
                    f"too short to classify ({declared:.2f} s < {min_duration_s:g} s)"
                )
            self.duration_s = declared
            self.plan = plan_excerpts(declared, frontend, max_windows)
        except BaseException:
            self._audio.close()
            raise

    def __enter__(self) -> TrackAnalysis:
        return self

    def __exit__(self, *exc: object) -> None:
        self._audio.close()

    def windows(self, indices: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """(n, n_mels, window_frames) log-mel windows of the planned excerpts `indices` (in the
        order given) and which of them are audible. Raises DecodeError for truncated audio."""
        fe, rate = self.frontend, self.frontend.sample_rate
        todo = [i for i in indices if i not in self._done]
        if todo:
            spans = [self.plan[i] for i in todo]
            if self._whole is not None:
                pieces = [self._whole[int(s * rate) : int((s + n) * rate)] for s, n in spans]
            else:
                pieces = self._audio.excerpts(spans, rate)
            got_s = max(
                (s + len(p) / rate for (s, _), p in zip(spans, pieces) if len(p)), default=0.0
            )
            wanted_s = max(s + n for s, n in spans)
            if got_s < _TRUNCATED_BELOW * wanted_s:
                raise DecodeError(
                    f"truncated: audio stops at {got_s:.1f} s of the {self.duration_s:.1f} s "
                    "the file declares"
                )
            for i, piece in zip(todo, pieces):
                filled = _fill_window(piece, fe.window_samples)
                self._done[i] = (log_mel(filled, fe), level_dbfs(filled) >= self.silence_dbfs)
        wins = [self._done[i][0] for i in indices]
        shape = (0, fe.n_mels, fe.window_frames)
        stacked = np.stack(wins).astype(np.float32) if wins else np.zeros(shape, np.float32)
        return stacked, np.array([self._done[i][1] for i in indices], dtype=bool)


def first_pass(n: int, first: int) -> list[int]:
    """Indices of `first` windows spread evenly over `n` planned ones (ends included)."""
    if first >= n:
        return list(range(n))
    return sorted({int(round(x)) for x in np.linspace(0, n - 1, first)})


def track_windows(
    path: str | Path,
    frontend: FrontEndParams,
    max_windows: int,
    min_duration_s: float,
    silence_dbfs: float,
) -> TrackWindows:
    """All planned log-mel windows of one file (what the spectrogram view and tests show)."""
    with TrackAnalysis(path, frontend, max_windows, min_duration_s, silence_dbfs) as track:
        windows, audible = track.windows(list(range(len(track.plan))))
        return TrackWindows(windows, audible, track.info, track.duration_s)
