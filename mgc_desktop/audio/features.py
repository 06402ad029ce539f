"""The one log-mel front end, shared by the app, the live mode and the training module.

Everything that shapes a feature is in `FrontEndParams`, which travels inside the model's
metadata; `from_dict` refuses any parameter set this code cannot reproduce exactly, so that a
model is never fed features that differ from the ones it was trained on.

Pure numpy on purpose: librosa's first call JIT-compiles with numba (seconds), and the first
classification must not pay that. The mel filter bank follows librosa's Slaney formulas
(`librosa.filters.mel(htk=False, norm="slaney")`); a test checks that equivalence.
The STFT is not centred: a window's frames depend only on that window's samples, so cropping a
clip's log-mel (training) equals computing the log-mel of the cropped audio (the app). A window
that starts n_fft/2 samples before frame t of librosa's centred STFT gives exactly librosa's
frames t, t+1, ...: the pretrained musicnn network saw those (a test checks it against librosa).

Scalings: "log10_1p" is musicnn's `log10(1 + log_gain * mel power)` (computed in float32: the
original extractor's float16 cast overflows under NumPy 2); "db" is `10 log10(max(mel, amin))`.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

FRONTEND_VERSION = 2
SCALINGS = ("log10_1p", "db")
WINDOW_FUNCTIONS = ("hann",)


class IncompatibleFrontEnd(ValueError):
    """A model asks for features this front end cannot compute exactly."""


@dataclass(frozen=True)
class FrontEndParams:
    """How audio becomes a log-mel window. Defaults are the shipped model's: exactly the input
    of the pretrained musicnn network (16 kHz, n_fft 512, hop 256, 96 Slaney mel bands over
    0-8 kHz, log10(1 + 10000 * power), patches of 187 frames = 3 s).
    """

    sample_rate: int = 16000
    n_fft: int = 512
    hop_length: int = 256
    n_mels: int = 96
    fmin: float = 0.0
    fmax: float = 8000.0
    window_frames: int = 187
    window_function: str = "hann"
    scaling: str = "log10_1p"
    log_gain: float = 10000.0
    amin: float = 1e-10
    version: int = FRONTEND_VERSION

    @property
    def window_samples(self) -> int:
        """Samples needed for exactly `window_frames` STFT frames."""
        return (self.window_frames - 1) * self.hop_length + self.n_fft

    @property
    def window_seconds(self) -> float:
        return self.window_samples / self.sample_rate

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> FrontEndParams:
        """Validate parameters read from a model; raise IncompatibleFrontEnd with the reason."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise IncompatibleFrontEnd(f"unknown front-end parameters: {', '.join(unknown)}")
        missing = sorted(known - set(raw))
        if missing:
            raise IncompatibleFrontEnd(f"missing front-end parameters: {', '.join(missing)}")
        try:
            params = cls(
                sample_rate=int(raw["sample_rate"]),
                n_fft=int(raw["n_fft"]),
                hop_length=int(raw["hop_length"]),
                n_mels=int(raw["n_mels"]),
                fmin=float(raw["fmin"]),
                fmax=float(raw["fmax"]),
                window_frames=int(raw["window_frames"]),
                window_function=str(raw["window_function"]),
                scaling=str(raw["scaling"]),
                log_gain=float(raw["log_gain"]),
                amin=float(raw["amin"]),
                version=int(raw["version"]),
            )
        except (TypeError, ValueError) as exc:
            raise IncompatibleFrontEnd(f"malformed front-end parameters: {exc}") from exc
        params.validate()
        return params

    def validate(self) -> None:
        """Raise IncompatibleFrontEnd unless every value is one this code supports."""
        problems = []
        if self.version != FRONTEND_VERSION:
            problems.append(f"front-end version {self.version} (this app has {FRONTEND_VERSION})")
        if self.scaling not in SCALINGS:
            problems.append(f"scaling {self.scaling!r}")
        if self.window_function not in WINDOW_FUNCTIONS:
            problems.append(f"window function {self.window_function!r}")
        if not 8000 <= self.sample_rate <= 48000:
            problems.append(f"sample rate {self.sample_rate}")
        if self.n_fft < 64 or self.n_fft & (self.n_fft - 1):
            problems.append(f"n_fft {self.n_fft} (a power of two >= 64 is needed)")
        if not 0 < self.hop_length <= self.n_fft:
            problems.append(f"hop length {self.hop_length}")
        if not 8 <= self.n_mels <= 256:
            problems.append(f"{self.n_mels} mel bands")
        if not 0 <= self.fmin < self.fmax <= self.sample_rate / 2:
            problems.append(f"band {self.fmin}-{self.fmax} Hz at {self.sample_rate} Hz")
        if self.window_frames < 8:
            problems.append(f"window of {self.window_frames} frames")
        if not 0 < self.log_gain:
            problems.append(f"log gain {self.log_gain}")
        if not 0 < self.amin < 1:
            problems.append(f"amin {self.amin}")
        if problems:
            raise IncompatibleFrontEnd("unsupported front end: " + "; ".join(problems))


def _hz_to_mel(hz: np.ndarray) -> np.ndarray:
    """Slaney mel scale: linear below 1 kHz, logarithmic above."""
    hz = np.asarray(hz, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = hz / f_sp
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    log_part = min_log_mel + np.log(np.maximum(hz, min_log_hz) / min_log_hz) / logstep
    return np.where(hz >= min_log_hz, log_part, mels)


def _mel_to_hz(mels: np.ndarray) -> np.ndarray:
    mels = np.asarray(mels, dtype=np.float64)
    f_sp = 200.0 / 3
    freqs = f_sp * mels
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    log_part = min_log_hz * np.exp(logstep * (mels - min_log_mel))
    return np.where(mels >= min_log_mel, log_part, freqs)


@functools.lru_cache(maxsize=8)
def mel_filterbank(params: FrontEndParams) -> np.ndarray:
    """(n_mels, n_fft//2 + 1) Slaney-normalised triangular filters, as float32."""
    fft_freqs = np.linspace(0, params.sample_rate / 2, params.n_fft // 2 + 1)
    mel_edges = np.linspace(_hz_to_mel(params.fmin), _hz_to_mel(params.fmax), params.n_mels + 2)
    hz_edges = _mel_to_hz(mel_edges)
    widths = np.diff(hz_edges)
    ramps = hz_edges[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / widths[:-1, None]
    upper = ramps[2:] / widths[1:, None]
    weights = np.maximum(0, np.minimum(lower, upper))
    weights *= (2.0 / (hz_edges[2:] - hz_edges[:-2]))[:, None]
    return weights.astype(np.float32)


@functools.lru_cache(maxsize=8)
def _analysis_window(n_fft: int) -> np.ndarray:
    """Periodic Hann window (the FFT convention, as scipy/librosa use for spectra)."""
    return (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)).astype(np.float32)


def log_mel(samples: np.ndarray, params: FrontEndParams) -> np.ndarray:
    """Mono float samples at `params.sample_rate` -> (n_mels, frames) float32 log-mel.

    Frames are taken without centring or padding: a signal shorter than n_fft gives 0 frames.
    """
    x = np.ascontiguousarray(samples, dtype=np.float32)
    if x.ndim != 1:
        raise ValueError(f"log_mel expects mono samples, got shape {x.shape}")
    n_frames = 0 if len(x) < params.n_fft else 1 + (len(x) - params.n_fft) // params.hop_length
    if n_frames == 0:
        return np.zeros((params.n_mels, 0), dtype=np.float32)
    frames = np.lib.stride_tricks.sliding_window_view(x, params.n_fft)[:: params.hop_length]
    # Extreme sample values overflow to inf here; the classifier refuses the result, and
    # numpy's warnings would only garble the CLI's output (workers share its stderr).
    with np.errstate(over="ignore", invalid="ignore"):
        spectrum = np.fft.rfft(frames[:n_frames] * _analysis_window(params.n_fft), axis=1)
        power = (spectrum.real**2 + spectrum.imag**2).astype(np.float32)
        mel = mel_filterbank(params) @ power.T
        if params.scaling == "log10_1p":
            return np.log10(np.float32(1.0) + np.float32(params.log_gain) * mel).astype(np.float32)
        return (10.0 * np.log10(np.maximum(mel, params.amin))).astype(np.float32)
